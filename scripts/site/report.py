"""What a build reports: the time of each phase and what it did; and the folders it writes."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

OUTPUTS = ("docs", "site")
"""The only folders under the project root that the generator writes."""


class Timer:
    """Seconds spent in each phase of a build."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 2)
        self._last = now


@dataclass
class BuildReport:
    pages: dict[str, int] = field(default_factory=dict)
    """Pages per language."""
    cards_drawn: int = 0
    cards_reused: int = 0
    rebuilt: list[str] = field(default_factory=list)
    """Languages MkDocs rendered (the others were unchanged), '(dirty)' when only some pages."""
    timings: dict[str, float] = field(default_factory=dict)
    sheets_printed: int = 0
    sheets_reused: int = 0
    unchanged: bool = False
    """Nothing the site is made from changed since the last build: nothing was done."""
    changed_meanwhile: bool = False
    """A file of content/ was saved while the build ran: what was published is what the build read."""

    def __str__(self) -> str:
        if self.unchanged:
            return "nothing changed since the last build"
        pages = ", ".join(f"{lang}: {count} pages" for lang, count in self.pages.items())
        rebuilt = ", ".join(self.rebuilt) or "none"
        sheets = (f"fact sheets: {self.sheets_printed} printed, {self.sheets_reused} from the store; "
                  if self.sheets_printed or self.sheets_reused else "")
        return (f"{pages}; social cards: {self.cards_drawn} drawn, {self.cards_reused} from the store; {sheets}"
                f"languages rendered: {rebuilt}")

