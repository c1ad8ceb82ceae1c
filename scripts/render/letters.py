"""An action's letter in one language, with today's facts written in: the text a reader sends.

The letter is its first opening, then its body, where the build writes out each placeholder:
``{name}`` and ``{town}`` as bracketed blanks for the sender, and each fact reference as today's
figure, plural-correct in the language, with the number of its source; the sources follow the
letter, numbered, with their addresses. A new count, a new sanction step, a crossing's new status
changes every letter that cites it at the next build.

The same text is shown on the page, published as letter.txt and carried by each ``mailto:`` link
(RFC 6068: subject and body percent-encoded, spaces as %20, line breaks as %0D%0A). A link longer
than ``MAILTO_LIMIT`` characters is not offered (some mail apps cut or refuse long ones): the reader
copies or prints the letter instead, and `make check` warns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from scripts.content.actions import TOKEN, Action
from scripts.content.documents import Content
from scripts.content.model import Series, Wallet
from scripts.i18n.locale import Locale
from scripts.render.phrases import body_name, crossing_summary, prisoner_line

MAILTO_LIMIT = 1800
"""The longest mailto: link offered, in characters (some mail clients cut or refuse longer ones)."""


@dataclass(frozen=True)
class Cited:
    """A source a letter cites: its number, publisher and address."""

    number: int
    publisher: str
    url: str


@dataclass(frozen=True)
class Letter:
    subject: str
    opening: str
    body: str
    sources: list[Cited]
    sources_label: str

    @property
    def text(self) -> str:
        """The whole letter as plain text: opening, body, then the numbered sources."""
        cited = "\n".join(f"[{s.number}] {s.url}" for s in self.sources)
        return f"{self.opening}\n\n{self.body}" + (f"\n\n{self.sources_label}:\n{cited}" if cited else "")

    def link(self, email: str) -> str:
        """The mailto: link of the letter to ``email`` (RFC 6068), whatever its length."""
        body = quote(self.text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
        return f"mailto:{quote(email, safe='@')}?subject={quote(self.subject, safe='')}&body={body}"

    def mailto(self, email: str) -> str | None:
        """The link that opens the letter to ``email`` in a mail app, or None when it would be too long."""
        link = self.link(email)
        return link if len(link) <= MAILTO_LIMIT else None


def too_long(content: Content) -> list[str]:
    """A warning for each letter, in each language, whose mail link would be too long (`make check`)."""
    out = []
    for slug, action in content.actions.items():
        emails = [r.email for r in action.recipients if r.email]
        for code in content.site.codes:
            letter = compose(content, Locale.of(content, code), action)
            for email in emails[:1]:
                link = letter.link(email)
                if len(link) > MAILTO_LIMIT:
                    out.append(f"content/actions/{slug}.yml: the letter in '{code}' makes a mail link of {len(link)} "
                               f"characters, more than the {MAILTO_LIMIT} mail apps take: readers can only copy or "
                               "print it; shorten the letter to offer the link")
    return out


def compose(content: Content, locale: Locale, action: Action, opening: int = 0) -> Letter:
    """The letter of ``action`` in ``locale``'s language, beginning with its ``opening``-th opening."""
    sources: dict[str, Cited] = {}

    def cite(publisher: str, url: str) -> str:
        if url not in sources:
            sources[url] = Cited(len(sources) + 1, publisher, url)
        return f"[{sources[url].number}]"

    def fill(text: str) -> str:
        return TOKEN.sub(lambda match: fact(content, locale, match.group(1), cite), text)

    opening_text = fill(locale.text(action.openings[opening]))
    body = fill(locale.text(action.letter))
    return Letter(locale.text(action.subject), opening_text.strip(), body.strip(), list(sources.values()),
                  locale.ui("letter_sources"))


def fact(content: Content, locale: Locale, token: str, cite: Callable[[str, str], str]) -> str:
    """One placeholder written out (references were checked when content was loaded)."""
    kind, _, ident = token.partition(":")
    if kind == "name":
        return locale.ui("placeholder_name")
    if kind == "town":
        return locale.ui("placeholder_town")
    if kind == "count":
        series: Series = content.series[ident]
        point = series.latest
        source = series.source(point.source)
        counter = body_name(locale, content.bodies[point.counted_by])
        if point.bound:
            figure = locale.ui(f"value_{point.bound}", value=point.value)
            said = f"{figure} ({counter}, {locale.date(point.date)})"
        else:
            said = locale.ui("letter_count", count=point.value, counter=counter, date=locale.date(point.date))
        return f"{said} {cite(source.publisher, source.url)}"
    if kind == "sanctions":
        wallet: Wallet = content.people.get(ident) or content.companies[ident]
        parts = []
        for sanction in wallet.sanctions:
            last = sanction.in_force[-1]
            source = wallet.source(last.source)
            authority = body_name(locale, content.bodies[sanction.authority])
            state = locale.ui("sanction_" + sanction.status)
            when = (f"{locale.ui('since')} {locale.date(sanction.listed, after_since=True)}"
                    if sanction.status == "active" else locale.date(sanction.status_since))
            parts.append(f"{authority}: {state} ({when}) {cite(source.publisher, source.url)}")
        return f"{locale.text(wallet.name)} — " + "; ".join(parts) if parts else locale.text(wallet.name)
    if kind == "prisoner":
        prisoner = content.prisoners.get(ident)
        if prisoner is None:  # withdrawn: never named (make check asks for the letter to be rewritten)
            return locale.ui("name_withheld")
        source = prisoner.source(prisoner.since.source)
        line = prisoner_line(locale, prisoner)
        first = line.split(" ", 1)[0]
        line = line[:1].lower() + line[1:] if len(first) == 1 or first[1:].islower() else line  # not an acronym
        return f"{locale.text(prisoner.name)} ({line}) {cite(source.publisher, source.url)}"
    crossing = content.crossings[ident]
    source = crossing.source(crossing.current.source)
    return f"{locale.text(crossing.name)}: {crossing_summary(locale, crossing)} {cite(source.publisher, source.url)}"
