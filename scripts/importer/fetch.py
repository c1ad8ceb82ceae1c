"""Reading what the importer is given: a saved file, or a page or image on the web.

This is the only module of the project that uses the network, and only when an editor
imports articles: every request has a timeout, a `User-Agent` that says who is asking, and a
size limit; a failure is one line naming the address and the reason. The importer reads
through a `Fetcher`, so that the tests can serve their fixtures from 127.0.0.1 or from disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import requests

from scripts.errors import SiteError

USER_AGENT = "belarus-facts-site-importer/1.0 (+https://github.com/; imports a campaign's own articles)"
TIMEOUT = 20.0
"""Seconds to wait for a server to answer (connect and each read)."""
PAGE_LIMIT = 10 * 1024 * 1024
"""The largest page read, in bytes."""


class FetchFailed(SiteError):
    """A page or an image could not be read; the message names the address and why."""


@dataclass(frozen=True)
class Fetched:
    url: str
    """Where the bytes came from, after redirects (a file:// address for a saved file)."""
    data: bytes
    content_type: str
    """The media type the server gave ('text/html'), or '' when it gave none."""

    def text(self) -> str:
        """The bytes decoded as the page says (HTTP charset, <meta charset>), else UTF-8."""
        from charset_normalizer import from_bytes

        try:
            return self.data.decode("utf-8-sig")
        except UnicodeDecodeError:
            best = from_bytes(self.data).best()
            if best is None:
                raise FetchFailed(f"{self.url}: the page is not text in any encoding recognised") from None
            return str(best)


class Fetcher:
    """Reads http(s):// addresses from the web and file paths from disk."""

    def __init__(self, timeout: float = TIMEOUT) -> None:
        self.timeout = timeout
        self._session: requests.Session | None = None

    def get(self, address: str, limit: int = PAGE_LIMIT) -> Fetched:
        if urlsplit(address).scheme in ("http", "https"):
            return self._http(address, limit)
        path = Path(unquote(urlsplit(address).path)) if address.startswith("file://") else Path(address)
        return self._file(path, limit)

    def _file(self, path: Path, limit: int) -> Fetched:
        if not path.is_file():
            raise FetchFailed(f"{path}: no such file")
        size = path.stat().st_size
        if size > limit:
            raise FetchFailed(f"{path}: {size // 1024} KB is more than the {limit // 1024} KB allowed")
        suffix = path.suffix.lower()
        kind = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain", ".xml": "application/xml"}
        return Fetched(path.resolve().as_uri(), path.read_bytes(), kind.get(suffix, ""))

    def _http(self, url: str, limit: int) -> Fetched:
        if self._session is None:
            self._session = requests.Session()
            self._session.headers["User-Agent"] = USER_AGENT
        try:
            with self._session.get(url, timeout=self.timeout, stream=True, allow_redirects=True) as response:
                if response.status_code >= 400:
                    raise FetchFailed(f"{url}: the server answered {response.status_code} {response.reason}")
                data = bytearray()
                for chunk in response.iter_content(64 * 1024):
                    data += chunk
                    if len(data) > limit:
                        raise FetchFailed(f"{url}: more than the {limit // 1024} KB allowed")
                kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
                return Fetched(response.url, bytes(data), kind)
        except requests.Timeout:
            raise FetchFailed(f"{url}: no answer within {self.timeout:g} seconds") from None
        except requests.RequestException as exc:
            reason = type(exc).__name__.replace("Error", " error").strip()
            raise FetchFailed(f"{url}: could not be read ({reason})") from None


def resolve(reference: str, base: str) -> str:
    """An address in a page made absolute against the page's own address."""
    return urljoin(base, reference.strip())
