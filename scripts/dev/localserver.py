"""Serve a built site/ on 127.0.0.1 under its GitHub Pages path, as GitHub Pages serves it (for tests,
the benchmark and the audit): text compressed with gzip when the browser accepts it, and cacheable
for ten minutes."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}
"""What GitHub Pages sends compressed (text); images and PDFs go as they are."""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in COMPRESSED or not path.is_file() \
                or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()  # folders without their slash are redirected there
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site: Path, prefix: str) -> Iterator[str]:
    """Serve ``site`` at http://127.0.0.1:<port>/<prefix>/; yield that base URL (ending in /)."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "www"
        path = prefix.strip("/")
        if path:
            (root / path).parent.mkdir(parents=True)
            (root / path).symlink_to(site.resolve(), target_is_directory=True)
        else:
            root.symlink_to(site.resolve(), target_is_directory=True)
        handler = functools.partial(_Quiet, directory=str(root))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/" + (f"{path}/" if path else "")
        finally:
            server.shutdown()
            server.server_close()
