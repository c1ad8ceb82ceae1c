"""One language of the site: its labels and texts with their fallbacks, its dates and numbers.

Everything a page says in a language goes through a ``Locale``: a text in that language or,
when it is not translated yet, in the default language (and the caller learns which, so the
page can mark it); a UI message with its values filled in and its plurals chosen by CLDR;
dates and numbers as that language writes them (Babel).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from babel import Locale as BabelLocale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

from scripts.content.documents import Content
from scripts.content.fields import PartialDate
from scripts.content.model import Language, SiteConfig
from scripts.content.ui import ARGUMENTS, UiStrings
from scripts.i18n.messages import format_message

MIN_GROUPING_TWO = {"pl", "es", "bg"}
"""Languages whose CLDR data sets minimumGroupingDigits to 2 (1452, but 14 520), which Babel does not apply."""


@dataclass(frozen=True)
class Picked:
    """A text in the language asked for, or in the fallback language."""

    text: str
    lang: str
    """The language the text is actually in."""
    fallback: bool
    """True when the text is in the default language because it is not translated."""


class Locale:
    """The site as one language speaks it."""

    def __init__(self, site: SiteConfig, ui: dict[str, UiStrings], code: str):
        self.site = site
        self.code = code
        self.default = site.default_language
        self.language: Language = next(language for language in site.languages if language.code == code)
        self._ui = ui.get(code)
        self._fallback_ui = ui[self.default]
        self._dates: dict[tuple[PartialDate | dt.date, bool], str] = {}

    @classmethod
    def of(cls, content: Content, code: str) -> Locale:
        return cls(content.site, content.ui, code)

    @cached_property
    def babel(self) -> BabelLocale:
        """Parsed once: Babel would parse a locale name again on every date and number."""
        return BabelLocale.parse(self.language.babel_locale)

    @property
    def name(self) -> str:
        """The language's name in itself."""
        return self.language.name

    def language_name(self, code: str) -> str:
        return next(language.name for language in self.site.languages if language.code == code)

    # --- texts -------------------------------------------------------------------------

    def pick(self, value: dict[str, str] | None) -> Picked:
        """The text in this language, or the default language's (an empty text when there is none)."""
        if not value:
            return Picked("", self.code, False)
        if self.code in value:
            return Picked(value[self.code], self.code, False)
        return Picked(value[self.default], self.default, True)

    def text(self, value: dict[str, str] | None) -> str:
        """Plain text in this language or the default language's (titles, attributes, cards)."""
        return self.pick(value).text

    # --- UI labels and messages ----------------------------------------------------------

    def label(self, key: str) -> str:
        """A plain label in this language, or the default language's."""
        value = getattr(self._ui, key, None) if self._ui else None
        return str(value or getattr(self._fallback_ui, key))

    def ui(self, key: str, **values: int | str) -> str:
        """A label; a message with values is formatted with this language's plural rules.

        A message falls back to the default language as a whole (with that language's rules).
        """
        if key not in ARGUMENTS:
            if values:
                raise TypeError(f"the label {key!r} takes no values")
            return self.label(key)
        own = getattr(self._ui, key, None) if self._ui else None
        text, locale = (own, self.babel) if own else (getattr(self._fallback_ui, key), self.fallback_babel)
        return format_message(str(text), values, locale, self.num_for(locale))

    @cached_property
    def fallback_babel(self) -> BabelLocale:
        default = next(language for language in self.site.languages if language.code == self.default)
        return BabelLocale.parse(default.babel_locale)

    # --- numbers and dates ---------------------------------------------------------------

    def num(self, value: int) -> str:
        """A whole number as this language writes it: 1,135 / 1 135 / 1135 (Polish groups from 10 000)."""
        return self.num_for(self.babel)(value)

    @staticmethod
    def num_for(locale: BabelLocale) -> Callable[[int], str]:
        def number(value: int) -> str:
            group = not (locale.language in MIN_GROUPING_TWO and abs(value) < 10_000)
            return format_decimal(value, locale=locale, group_separator=group)
        return number

    def date(self, value: PartialDate | dt.date | None, after_since: bool = False) -> str:
        """A date as this language writes it: to the day, the month or the year, as precise as known.

        ``after_since``: the month in the case a preposition takes ('od października 2025',
        'с октября 2025 г.'), not the stand-alone form.
        """
        if value is None:
            return ""
        made = self._dates.get((value, after_since))
        if made is None:  # a site shows the same dates many times: each is formatted once
            made = self._dates[(value, after_since)] = self._date(value, after_since)
        return made

    def _date(self, value: PartialDate | dt.date, after_since: bool) -> str:
        if isinstance(value, dt.date):
            return format_date(value, "long", locale=self.babel)
        if value.precision == "day":
            return format_date(value.first_day(), "long", locale=self.babel)
        if value.precision == "month":
            if after_since:
                pattern = self.babel.datetime_skeletons["yMMMM"].pattern.replace("LLLL", "MMMM")
                return format_date(value.first_day(), pattern, locale=self.babel)
            return format_skeleton("yMMMM", value.first_day(), locale=self.babel)
        return str(value.year)
