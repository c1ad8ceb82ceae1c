"""The project's error types. The CLI turns them into one-line messages and an exit code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    file: str
    """Path relative to the project root, with forward slashes."""
    line: int
    """1-based line number; 0 when the problem concerns the file as a whole."""
    field: str
    """Dotted field path such as ``sanctions[1].history[0].date``; empty for the file."""
    message: str
    """What was expected and what was found, and what to write instead."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class SiteError(Exception):
    """Root of every error the generator reports to an editor instead of a traceback."""

    exit_code = 1
    summary = "nothing was written."
    """The last line the CLI prints after the messages."""

    def lines(self) -> list[str]:
        return [str(self)]


class ContentErrors(SiteError):
    """The content has one or more problems; all of them are collected here."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in content/")
        self.problems = sorted(set(problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class BuildFailed(SiteError):
    """MkDocs refused to build a language (a broken link, a missing anchor, ...)."""

    summary = "the build failed; site/ was not changed (docs/ holds the Markdown MkDocs was given)."

    def __init__(self, messages: list[str]):
        super().__init__("the site build failed")
        self.messages = messages

    def lines(self) -> list[str]:
        return self.messages
