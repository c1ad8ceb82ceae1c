"""The built site, served under its GitHub Pages project path, has no broken link, asset or anchor."""

from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name) and not (tag == "link" and values.get("rel") in ("alternate", "canonical")):
                self.urls.append(values[name] or "")
        if values.get("srcset"):
            self.urls += [part.split()[0] for part in (values["srcset"] or "").split(",") if part.strip()]


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            kind = response.headers.get_content_type()
            return response.status, kind, response.read().decode("utf-8", "replace") if kind == "text/html" else ""
    except urllib.error.HTTPError as error:
        return error.code, "", ""


def test_every_internal_link_and_asset_resolves(served_real: str) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(served_real))
    queue = [served_real] + [f"{served_real}{lang}/" for lang in ("en", "be", "ru", "pl")]
    seen: dict[str, tuple[int, set[str]]] = {}
    wanted_anchors: list[tuple[str, str, str]] = []
    broken: list[str] = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        status, kind, body = fetch(url)
        parser = Links()
        if kind == "text/html":
            parser.feed(body)
        seen[url] = (status, parser.ids)
        if status != 200:
            continue
        for raw in parser.urls:
            if raw.startswith(("mailto:", "javascript:", "data:")):
                continue
            target, fragment = urldefrag(urljoin(url, raw))
            if not target.startswith(origin):
                continue  # outbound links to sources and share services are not fetched
            if not target.startswith(served_real):
                broken.append(f"{url}: {raw} leaves the site's path")
                continue
            if fragment:
                wanted_anchors.append((url, target, fragment))
            if target not in seen:
                queue.append(target)
    broken += [f"{url}: HTTP {status}" for url, (status, _) in seen.items() if status != 200]
    broken += [f"{page}: #{fragment} not in {target}" for page, target, fragment in wanted_anchors
               if target in seen and fragment not in seen[target][1]]
    assert broken == []
    pages = [url for url in seen if url.endswith("/")]
    assert len(pages) >= 4 * 37
