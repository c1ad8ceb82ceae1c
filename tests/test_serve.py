"""`make serve` shows an edit to content/ without a restart."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import FIXTURES, REPO, make_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, want: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                text = str(response.read().decode("utf-8"))
            if want in text:
                return text
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{want!r} did not appear at {url} within {timeout} s")


def test_preview_regenerates_after_an_edit(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "scripts", "--root", str(root), "serve",
                               "--addr", f"127.0.0.1:{port}"], cwd=REPO,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/people/alpha/"
        fetch(url, "Owner of Beta Oil")
        person = root / "content/facts/people/alpha.yml"
        person.write_text(person.read_text().replace("Owner of Beta Oil", "Founder of Beta Oil"))
        fetch(url, "Founder of Beta Oil")
        # a broken edit keeps the last good preview up
        person.write_text(person.read_text().replace("role:", "rolle:"))
        time.sleep(3)
        fetch(url, "Founder of Beta Oil")
        assert server.poll() is None
    finally:
        server.terminate()
        _, err = server.communicate(timeout=10)
    assert "unknown field 'rolle'" in err.decode()
