"""`make serve`: the site as it will be published, at its published addresses, rebuilt on every edit.

The preview runs the same build as `make site` (every language, incremental: a language whose
pages did not change is not rebuilt) and serves site/ under the path of site_url, so the
addresses, the language switcher and search work as on GitHub Pages. While content/ has a
mistake, every page the browser loads shows it in a banner (file:line and message) above
the last good version; a small script polls the preview and reloads the page when a build
finishes, so the page goes back to normal as soon as the mistake is fixed.
"""

from __future__ import annotations

import functools
import html
import http.server
import ipaddress
import json
import logging
import mimetypes
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from scripts.content.load import load
from scripts.errors import SiteError
from scripts.site.build import build

log = logging.getLogger(__name__)

WATCHED = ("content", "mkdocs.yml")
LIVE_JS = """(function () {
  var seen = null;
  function poll() {
    var url = %(state)s + (seen === null ? "" : "?since=" + seen);
    fetch(url, {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (state) {
      if (seen !== null && state.version !== seen) location.reload();
      seen = state.version;
      setTimeout(poll, 10);
    }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""
"""The page asks for the preview's state and is answered as soon as a build finishes (the server
holds the question until then, up to WAIT seconds), then reloads."""
WAIT = 20.0


@dataclass
class Preview:
    """What the preview shows: the build's version and the mistakes of the latest attempt."""

    root: Path
    first: str | None = None
    """The language the preview opened on: rebuilt first after an edit."""
    version: int = 0
    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.changed = threading.Condition(self.lock)

    def rebuild(self, first: str | None = None) -> None:
        """Build the language being previewed first (the browser reloads as soon as it is done), then
        every language (the others, and the social cards of all).

        Whatever goes wrong is shown: a mistake in content/ as its lines, any other failure (a bug, a
        full disk) as one line in the banner with the details in the terminal; the next edit builds
        again either way."""
        try:
            if first:
                build(self.root, languages=[first])
                with self.lock:
                    self.version += 1
                    self.changed.notify_all()
                time.sleep(0.3)  # the open page reloads now: serve it before the full pass takes the processor
            while build(self.root).changed_meanwhile:  # a file saved during the build: what it read is
                log.info("content/ changed during the build: building again")  # published; now the rest
            problems: list[str] = []
        except SiteError as exc:
            problems = exc.lines()
        except Exception as exc:
            log.exception("the build failed")
            problems = [f"the build failed ({type(exc).__name__}: {exc}); the terminal shows the details"]
        with self.lock:
            changed = problems != self.problems
            self.problems = problems
            self.version += 1
            self.changed.notify_all()
        for line in problems:
            log.error(line)
        if problems:
            log.error("the preview shows the last good site with these mistakes above it")
        elif changed or self.version == 1:
            log.warning("the preview is up to date")

    def state(self, since: int | None = None) -> bytes:
        """The version and the mistakes; with ``since``, once the version is another (or after WAIT)."""
        with self.changed:
            if since is not None:
                self.changed.wait_for(lambda: self.version != since, timeout=WAIT)
            return json.dumps({"version": self.version, "problems": self.problems}).encode()


def fingerprint(root: Path) -> tuple[tuple[str, float, int], ...]:
    """What the preview watches: every file of content/ and mkdocs.yml, with its time and size."""
    files = []
    for name in WATCHED:
        path = root / name
        for item in sorted(path.rglob("*")) if path.is_dir() else [path]:
            try:
                stat = item.stat()
            except OSError:  # removed while being listed
                continue
            if item.is_file():
                files.append((item.as_posix(), stat.st_mtime, stat.st_size))
    return tuple(files)


def watch(preview: Preview, stop: threading.Event, interval: float = 0.1) -> None:
    """Rebuild after every change of what the preview watches, for as long as the preview runs: a
    failure of one build (shown by ``Preview.rebuild``) or of reading the files never ends it."""
    last = fingerprint(preview.root)
    while not stop.wait(interval):
        try:
            now = fingerprint(preview.root)
            if now != last:
                time.sleep(0.05)  # let an editor finish saving
                last = fingerprint(preview.root)
                preview.rebuild(preview.first)
        except Exception:
            log.exception("the preview could not look for changes")


class Handler(http.server.BaseHTTPRequestHandler):
    """site/ at the path of site_url, with the live script and the banner of mistakes in every page.

    Only files inside site/ are ever served: a request path is decoded, and the file it names is
    served only when its real path (symbolic links followed) lies inside site/ (``site_file``)."""

    preview: Preview
    prefix: str
    start: str

    def log_message(self, format: str, *args: object) -> None:
        log.debug(format, *args)

    def do_HEAD(self) -> None:
        self.head_only = True
        self.do_GET()

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path in ("/", ""):
            self.redirect(self.start)
        elif path == f"{self.prefix}__preview/state":
            since = parse_qs(urlsplit(self.path).query).get("since", [""])[0]
            self.send(200, "application/json", self.preview.state(int(since) if since.isdigit() else None))
        elif path == f"{self.prefix}__preview/live.js":
            script = LIVE_JS % {"state": json.dumps(f"{self.prefix}__preview/state")}
            self.send(200, "text/javascript", script.encode())
        elif not path.startswith(self.prefix):
            self.redirect(self.start)
        else:
            self.page(path.removeprefix(self.prefix))

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not getattr(self, "head_only", False):
            self.wfile.write(body)

    def page(self, rel: str) -> None:
        site = self.preview.root / "site"
        target = site_file(site, rel)
        if target is not None and target.is_dir():
            if not rel.endswith("/") and rel:
                self.redirect(f"{self.prefix}{rel}/")
                return
            target = site_file(site, rel.rstrip("/") + "/index.html")
        status = 200
        if target is None or not target.is_file():
            status, target = 404, site_file(site, "404.html")
            if target is None or not target.is_file():
                self.send(404, "text/plain; charset=utf-8", b"not found")
                return
        data = target.read_bytes()
        if target.suffix != ".html":
            self.send(status, mimetypes.guess_type(target.name)[0] or "application/octet-stream", data)
            return
        self.send(status, "text/html; charset=utf-8", self.decorate(data.decode("utf-8")).encode())

    def decorate(self, page: str) -> str:
        script = f'<script src="{self.prefix}__preview/live.js"></script>'
        with self.preview.lock:
            problems = list(self.preview.problems)
        if problems:
            items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in problems)
            banner = ('<div id="preview-problems" role="alert" style="background:#fff3cd;color:#1a1a1a;'
                      'border-bottom:4px solid #8c1c13;padding:1rem 1.5rem;font:0.95rem/1.5 system-ui,sans-serif;'
                      'position:relative;z-index:10">'
                      f"<strong>This preview is not up to date: content/ has {len(problems)} mistake(s).</strong> "
                      "The page below is the last good version; fix these and it reloads by itself."
                      f'<ul style="margin:.5rem 0 0 1.2rem">{items}</ul></div>')
            body = page.find("<body")
            end = page.find(">", body) + 1 if body >= 0 else 0
            page = page[:end] + banner + page[end:]
        at = page.rfind("</body>")
        return page[:at] + script + page[at:] if at >= 0 else page + script


def site_file(site: Path, rel: str) -> Path | None:
    """The path in ``site`` that the request path ``rel`` (below the site's prefix) names, or None
    when it names anything outside it: '..' raw or percent-encoded, a backslash, a NUL byte, or a
    symbolic link that leads out of site/."""
    decoded = unquote(rel)
    if "\\" in decoded or "\x00" in decoded:
        return None
    base = site.resolve()
    target = (base / decoded.lstrip("/")).resolve()
    return target if target == base or target.is_relative_to(base) else None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(root: Path, lang: str | None, addr: str) -> None:
    """Build, then serve the preview at http://<addr>/<path of site_url>/<lang>/ until Ctrl+C."""
    logging.getLogger("scripts.preview").setLevel(logging.INFO)
    preview = Preview(root)
    preview.rebuild()
    content = load(root) if not preview.problems else None
    prefix = urlsplit(content.site.site_url).path if content else _prefix_from_config(root)
    default = content.site.default_language if content else "en"
    codes = content.site.codes if content else [default]
    if lang and content and lang not in codes:
        raise SiteError(f"'{lang}' is not a language of the site: choose one of {', '.join(codes)}")
    preview.first = lang or default
    host, port = addr.rsplit(":", 1)
    handler = type("PreviewHandler", (Handler,), {"preview": preview, "prefix": prefix,
                                                  "start": f"{prefix}{lang or default}/"})
    server = http.server.ThreadingHTTPServer((host, int(port)), functools.partial(handler))
    stop = threading.Event()
    threading.Thread(target=watch, args=(preview, stop), daemon=True).start()
    print(f"previewing on http://{host}:{server.server_address[1]}{prefix}{lang or default}/ "
          "(edit content/ and the page reloads; Ctrl+C stops)", flush=True)
    if not is_loopback(host):
        print(f"note: listening on {host}, so the built site (site/, and nothing else of this computer) can be "
              "opened from other devices on the network", flush=True)
    try:
        server.serve_forever()
    finally:
        stop.set()
        server.server_close()


def _prefix_from_config(root: Path) -> str:
    """The path of site_url read directly (when content/ does not load, the site is still served)."""
    import yaml

    try:
        site = yaml.safe_load((root / "content/site.yml").read_text(encoding="utf-8"))
        return urlsplit(str(site["site_url"])).path or "/"
    except (OSError, KeyError, TypeError, yaml.YAMLError):
        return "/"
