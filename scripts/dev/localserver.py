"""Serve a built site/ on 127.0.0.1 under its GitHub Pages path (for tests and the audit)."""

from __future__ import annotations

import functools
import http.server
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


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
