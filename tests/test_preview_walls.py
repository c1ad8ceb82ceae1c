"""The preview serves site/ and nothing else: no path, however written, reaches a file outside it; and
its watcher outlives any failure of a build."""

from __future__ import annotations

import http.client
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.preview import serve as preview_module
from scripts.preview.serve import Handler, Preview, is_loopback, site_file, watch
from scripts.site.report import BuildReport

SECRET = "the content of a file outside site/"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    """A preview of a tiny site/ beside a secret file and a symbolic link that leads out of site/."""
    tmp_path = tmp_path_factory.mktemp("walls")
    root = tmp_path / "project"
    site = root / "site"
    (site / "en").mkdir(parents=True)
    (site / "en" / "index.html").write_text("<html><body><h1>Home</h1></body></html>", encoding="utf-8")
    (site / "404.html").write_text("<html><body><h1>Not found</h1></body></html>", encoding="utf-8")
    (root / "content").mkdir()
    (root / "content" / "site.yml").write_text(SECRET, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (site / "en" / "escape").symlink_to(tmp_path, target_is_directory=True)
    (site / "en" / "secret-link.txt").symlink_to(tmp_path / "secret.txt")
    handler = type("TestHandler", (Handler,), {"preview": Preview(root), "prefix": "/repo/", "start": "/repo/en/"})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(httpd.server_address[1]), root
    finally:
        httpd.shutdown()
        httpd.server_close()


def get(port: int, path: str, method: str = "GET") -> tuple[int, str]:
    """The status and body of a request sent with exactly this path (no client-side clean-up)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, path, skip_host=True)
    connection.putheader("Host", f"127.0.0.1:{port}")
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


ESCAPES = [
    "/repo/../../../../../../etc/hostname",
    "/repo/../content/site.yml",
    "/repo/%2e%2e/content/site.yml",
    "/repo/%2E%2E%2Fcontent%2Fsite.yml",
    "/repo/en/%2e%2e/%2e%2e/content/site.yml",
    "/repo/..%5ccontent%5csite.yml",
    "/repo/..\\content\\site.yml",
    "/repo/en/escape/secret.txt",
    "/repo/en/secret-link.txt",
    "/repo/en/escape/project/content/site.yml",
    "/repo/%00../content/site.yml",
]


@pytest.mark.parametrize("path", ESCAPES)
def test_no_path_reaches_a_file_outside_site(server: tuple[int, Path], path: str) -> None:
    port, _ = server
    for method in ("GET", "HEAD"):
        status, body = get(port, path, method)
        assert status == 404, (method, path)
        assert SECRET not in body


def test_the_site_itself_is_served(server: tuple[int, Path]) -> None:
    port, _ = server
    status, body = get(port, "/repo/en/")
    assert status == 200 and "<h1>Home</h1>" in body and "__preview/live.js" in body
    assert get(port, "/repo/en/index.html", "HEAD") == (200, "")


def test_site_file_keeps_to_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    assert site_file(site, "en/index.html") == (site / "en/index.html").resolve()
    assert site_file(site, "") == site.resolve()
    assert site_file(site, "../x") is None
    assert site_file(site, "%2e%2e/x") is None
    assert site_file(site, "/etc/hostname") == (site / "etc/hostname").resolve()  # a path below site/, not /etc


def test_only_loopback_addresses_count_as_private() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20") and not is_loopback("::")


def test_the_watcher_outlives_a_failed_build_and_shows_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Any exception in a build is shown in the banner, and the next edit builds again."""
    root = tmp_path / "p"
    (root / "content").mkdir(parents=True)
    edited = root / "content" / "site.yml"
    edited.write_text("one", encoding="utf-8")
    calls: list[str] = []

    def build(root: Path, languages: list[str] | None = None) -> BuildReport:
        calls.append(edited.read_text(encoding="utf-8"))
        if calls[-1] == "two":
            raise RuntimeError("disk on fire")
        return BuildReport()

    monkeypatch.setattr(preview_module, "build", build)
    preview = Preview(root)
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(preview, stop, 0.02), daemon=True)
    thread.start()
    time.sleep(0.3)  # the watcher has taken its first look
    try:
        edited.write_text("two", encoding="utf-8")
        wait_for(lambda: preview.problems != [])
        assert preview.problems == ["the build failed (RuntimeError: disk on fire); the terminal shows the details"]
        assert thread.is_alive()
        edited.write_text("three", encoding="utf-8")
        wait_for(lambda: calls[-1:] == ["three"] and preview.problems == [])
        assert thread.is_alive()
    finally:
        stop.set()
        thread.join(5)


def wait_for(condition, timeout: float = 10) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)
