"""Reading what the importer is given: a saved file, or a page or image on the web, within walls.

This is the only module of the project that uses the network, and only when an editor imports
articles: every request has a timeout, a `User-Agent` that says who is asking, and a size limit;
a failure is one line naming the address and the reason. The importer reads through a `Fetcher`,
so that the tests can serve their fixtures from 127.0.0.1 or from disk.

What an import may read is set by what the editor named (`Fetcher.scope_to`), never by what a
fetched page says:

- a local file or folder: files below that folder (a saved page's images beside it), and public
  web addresses; no other file of the computer;
- a web address: that host, and public web addresses; no local file at all.

"Public" is checked on the address actually connected to, after the name is resolved and on every
redirect (a Python audit hook on ``socket.connect``): loopback, private, link-local (cloud metadata
at 169.254.169.254 included), carrier-grade NAT, multicast and reserved ranges are refused unless
they are the host the editor named. Each article has a time budget (`ARTICLE_SECONDS`) for its
page and images together.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import requests

from scripts.errors import SiteError

USER_AGENT = "belarus-facts-site-importer/1.0 (+https://github.com/; imports a campaign's own articles)"
TIMEOUT = 20.0
"""Seconds to wait for a server to answer (connect and each read)."""
ARTICLE_SECONDS = 180.0
"""Seconds one article may take, its page and all its images together."""
PAGE_LIMIT = 10 * 1024 * 1024
"""The largest page read, in bytes."""
WEB_SCHEMES = ("http", "https")


class FetchFailed(SiteError):
    """A page or an image could not be read; the message names the address and why."""


class Refused(FetchFailed):
    """An address outside what the import may read; nothing of it was read."""


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


@dataclass(frozen=True)
class Scope:
    """What one import may read, from what the editor named."""

    folder: Path | None = None
    """A local file's folder (or the folder named): files below it may be read."""
    named: frozenset[str] = field(default_factory=frozenset)
    """The addresses of the host named by the editor: reachable even when not public (a test server,
    an intranet site)."""

    def may_connect(self, address: str) -> str | None:
        """Why connecting to ``address`` (an IP) is refused, or None when it is allowed."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if str(ip) in self.named or (ip.is_global and not ip.is_multicast):
            return None
        kind = ("a loopback" if ip.is_loopback else "a link-local" if ip.is_link_local
                else "a private" if ip.is_private else "a non-public")
        return f"{ip} is {kind} address (only public addresses and the site you named are read)"


_CONNECTING: ContextVar[Scope | None] = ContextVar("connecting", default=None)


class _RefusedConnection(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _audit(event: str, args: tuple[object, ...]) -> None:
    """Before every connection of this process: refuse the ones the running import may not make."""
    if event != "socket.connect":
        return
    scope = _CONNECTING.get()
    if scope is None:
        return
    sock, address = args
    if not isinstance(sock, socket.socket) or sock.family not in (socket.AF_INET, socket.AF_INET6):
        return
    reason = scope.may_connect(str(address[0]))  # type: ignore[index]
    if reason:
        raise _RefusedConnection(reason)


_HOOKED: list[bool] = []


def _hook() -> None:
    if not _HOOKED:  # an audit hook cannot be removed: it is added once and does nothing outside an import
        sys.addaudithook(_audit)
        _HOOKED.append(True)


class Fetcher:
    """Reads http(s):// addresses from the web and files from disk, within the import's scope."""

    def __init__(self, timeout: float = TIMEOUT) -> None:
        self.timeout = timeout
        self.scope: Scope | None = None
        """Set by `scope_to` before anything is read."""
        self.deadline: float | None = None
        self._session: requests.Session | None = None

    def scope_to(self, source: str) -> None:
        """Set what this import may read from what the editor named (a file, a folder or an address)."""
        if urlsplit(source).scheme in WEB_SCHEMES:
            host = urlsplit(source).hostname or ""
            try:
                named = frozenset(str(info[4][0]).split("%", 1)[0] for info in socket.getaddrinfo(host, None))
            except OSError:
                named = frozenset()
            self.scope = Scope(None, named)
            return
        path = Path(unquote(urlsplit(source).path) if source.startswith("file:") else source).resolve()
        self.scope = Scope(path if path.is_dir() else path.parent)

    @contextmanager
    def article(self, seconds: float = ARTICLE_SECONDS) -> Iterator[None]:
        """One article's time budget: every request made inside shares it."""
        self.deadline = time.monotonic() + seconds
        try:
            yield
        finally:
            self.deadline = None

    def local_path(self, address: str) -> Path | None:
        """The file an address or path names, when it lies inside the scope's folder."""
        path = Path(unquote(urlsplit(address).path)) if address.startswith("file:") else Path(address)
        folder = self._scope().folder
        resolved = path.resolve()
        return resolved if folder is not None and resolved.is_relative_to(folder) else None

    def get(self, address: str, limit: int = PAGE_LIMIT) -> Fetched:
        scheme = urlsplit(address).scheme
        if scheme in WEB_SCHEMES:
            return self._http(address, limit)
        if scheme not in ("", "file") and not (len(scheme) == 1 and sys.platform == "win32"):
            raise Refused(f"{address}: refused: only http(s) addresses and saved files are read")
        path = self.local_path(address)
        if path is None:
            folder = self._scope().folder
            where = (f"outside {folder}, the folder of what you named" if folder
                     else "a file of this computer, named by a page from the web")
            raise Refused(f"{address}: refused: {where}")
        return self._file(path, limit)

    def _scope(self) -> Scope:
        if self.scope is None:
            raise RuntimeError("Fetcher.scope_to() must be called before anything is read")
        return self.scope

    def _file(self, path: Path, limit: int) -> Fetched:
        if not path.is_file():
            raise FetchFailed(f"{path}: no such file")
        size = path.stat().st_size
        if size > limit:
            raise FetchFailed(f"{path}: {size // 1024} KB is more than the {limit // 1024} KB allowed")
        suffix = path.suffix.lower()
        kind = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain", ".xml": "application/xml"}
        return Fetched(path.resolve().as_uri(), path.read_bytes(), kind.get(suffix, ""))

    def _remaining(self, url: str) -> float:
        if self.deadline is None:
            return self.timeout
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise FetchFailed(f"{url}: not read: the article's time budget ({ARTICLE_SECONDS:g} s) ran out")
        return min(self.timeout, left)

    def _http(self, url: str, limit: int) -> Fetched:
        _hook()
        if self._session is None:
            self._session = requests.Session()
            self._session.trust_env = False  # no proxy or .netrc from the environment
            self._session.headers["User-Agent"] = USER_AGENT
        token = _CONNECTING.set(self._scope())
        try:
            with self._session.get(url, timeout=self._remaining(url), stream=True, allow_redirects=True) as response:
                if response.status_code >= 400:
                    raise FetchFailed(f"{url}: the server answered {response.status_code} {response.reason}")
                data = bytearray()
                for chunk in response.iter_content(64 * 1024):
                    data += chunk
                    if len(data) > limit:
                        raise FetchFailed(f"{url}: more than the {limit // 1024} KB allowed")
                    self._remaining(url)
                kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
                return Fetched(response.url, bytes(data), kind)
        except _RefusedConnection as exc:
            raise Refused(f"{url}: refused: {exc.reason}") from None
        except requests.Timeout:
            raise FetchFailed(f"{url}: no answer within {self.timeout:g} seconds") from None
        except requests.RequestException as exc:
            reason = type(exc).__name__.replace("Error", " error").strip()
            raise FetchFailed(f"{url}: could not be read ({reason})") from None
        finally:
            _CONNECTING.reset(token)


def resolve(reference: str, base: str) -> str:
    """An address in a page made absolute against the page's own address."""
    return urljoin(base, reference.strip())
