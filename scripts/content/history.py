"""When was each content file last changed? From git history, for 'Last updated' lines."""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)


def last_changed(root: Path, today: dt.date) -> dict[str, dt.date]:
    """Map each content file (path relative to root) to the date of its last commit.

    Files with uncommitted changes get ``today``. Outside a git checkout the map is empty
    and pages show no date rather than a wrong one.
    """
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                                  text=True, check=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout

    top = git("rev-parse", "--show-toplevel")
    if top is None or Path(top.strip()).resolve() != root.resolve():
        log.debug("not a git checkout of its own: no 'last updated' dates")
        return {}
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in (git("log", "--format=%x00%cs", "--name-only", "--", "content") or "").splitlines():
        if line.startswith("\x00"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current:
            dates.setdefault(line, current)
    for line in (git("status", "--porcelain", "--untracked-files=all", "--", "content") or "").splitlines():
        dates[line[3:].strip().strip('"')] = today
    return dates
