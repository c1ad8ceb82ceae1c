"""Finding a person's or a company's names in text: also inflected ("Анджея Почобута"), never inside a
longer word. Articles link their first mention of a fact page with ``name_pattern``; the withdrawal of a
prisoner takes their names out of every text with the broader ``withheld_pattern``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_STEM_END = re.compile(r"[аяоеэёыіиуюйьaeoyij]$", re.IGNORECASE)


def stem(word: str, alone: bool = True) -> str:
    """What every inflected form of a word of a name starts with: the word less a last vowel, й or ь
    ("Анджей" -> "Андже", "Зоя" -> "Зо"), only for words of four letters or more when ``alone``."""
    return word[:-1] if _STEM_END.search(word) and (len(word) >= 4 or (not alone and len(word) >= 3)) else word


def _spelling(name: str, ahead: bool = True) -> str:
    """A regular expression of a name that also matches its inflected forms: each word may change its last
    vowel and take up to three more letters before the next word, the last word any ending after its stem
    (``name_pattern``): "Анджей Почобут" matches "Анджея Почобута", "Секрэтная Зоя" "Секрэтнай Зоі"."""
    words = name.split()
    if not words:
        return re.escape(name)
    parts = [re.escape(stem(word)) + r"[^\W\d_]{0,3}" if len(word) >= 4 else re.escape(word) for word in words[:-1]]
    last = stem(words[-1], alone=len(words) == 1)
    ending = r"(?=[^\W\d_])" if ahead and last != words[-1] else ""  # a stem is followed by its ending
    return r"\s+".join([*parts, re.escape(last) + ending])


@dataclass(frozen=True)
class Names:
    """A pattern that finds any of some names in a text, and which name a match is."""

    pattern: re.Pattern[str]
    """Group 1: the name as the text writes it; group 2: the possessive or inflection after it."""
    names: tuple[str, ...]
    each: tuple[re.Pattern[str], ...]

    def which(self, found: str) -> str:
        """The name (as given) that the text ``found`` (a match's group 1) spells."""
        return next((name for name, one in zip(self.names, self.each, strict=True) if one.fullmatch(found)),
                    self.names[0])


@lru_cache(maxsize=256)
def name_pattern(names: tuple[str, ...]) -> Names:
    """Any of ``names``, also inflected and followed by a possessive or an ending ("Lukashenko's", "Гуцериева",
    "Анджэю Пачобуту"), never inside a longer word."""
    ordered = tuple(sorted(names, key=len, reverse=True))
    spelled = [_spelling(n) for n in ordered]
    alternatives = "|".join(spelled) or r"(?!x)x"
    return Names(re.compile(rf"(?<![\w-])({alternatives})((?:['’]s)?[^\W\d_]*)(?![\w-])"), ordered,
                 tuple(re.compile(_spelling(n, ahead=False)) for n in ordered))


def _loose(word: str) -> str:
    """A word of a withdrawn name, with any ending: its first letters (all but the last two, at least four) and
    up to five more ("Andżelika" matches "Andżelice", "Poczobut" "Poczobutowi")."""
    if len(word) < 5:
        return re.escape(stem(word, alone=False)) + r"[^\W\d_]{0,3}"
    return re.escape(word[:max(4, len(word) - 2)]) + r"[^\W\d_]{0,5}"


@lru_cache(maxsize=64)
def withheld_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``names`` to take out of a text, erring towards too much: in any letter case and inflection, its
    words joined by spaces, hyphens, underscores or nothing (#FreeZoeSecret), and its surname (the last word)
    alone; the whole name, and a surname of six letters or more, also inside a longer word (#FreePoczobut)."""
    whole, inside = set(), set()
    for name in names:
        words = name.split()
        if not words:
            continue
        joined = r"[\s\-_]*".join(_loose(word) for word in words)
        whole.add(joined)
        if len(words) > 1:
            inside.add(joined)  # #FreeZoeSecret
        if len(words[-1]) >= 4:
            whole.add(_loose(words[-1]))
        if len(words[-1]) >= 6:
            inside.add(_loose(words[-1]))
    alternatives = "|".join(sorted(whole, key=len, reverse=True)) or r"(?!x)x"
    pattern = rf"(?<![^\W_])(?:{alternatives})(?![^\W_])"
    if inside:
        pattern += "|" + "|".join(sorted(inside, key=len, reverse=True))
    return re.compile(pattern, re.IGNORECASE)


_ROMAN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "ж": "z", "з": "z",
    "и": "i", "і": "i", "ї": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "g", "ц": "c", "ч": "c", "ш": "s",
    "щ": "s", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "u", "я": "a", "є": "e", "ł": "l", "ø": "o",
    "đ": "d", "ß": "s"})
_SOUNDS = {"szcz": "s", "shch": "s", "tsch": "c", "sch": "s", "tch": "c", "cz": "c", "ch": "c", "sz": "s",
           "sh": "s", "zh": "z", "rz": "z", "kh": "g", "ts": "c", "tz": "c", "h": "g", "w": "v",
           "x": "ks", "q": "k"}
_SOUND = re.compile("|".join(sorted(_SOUNDS, key=len, reverse=True)))
_NOT_CONSONANT = re.compile(r"[^bcdfgklmnprstvz]+")
_DOUBLE = re.compile(r"(.)\1+")


def skeleton(word: str) -> str:
    """The consonants of a word as any common romanisation writes them, one letter per sound: "Пачобут",
    "Почобут", "Poczobut", "Paczobut" and "Pochobut" are all "pcbt". Used to find a withdrawn name in web
    addresses, ids and file names, which are often written in another alphabet than the text."""
    latin = unicodedata.normalize("NFKD", word.lower().translate(_ROMAN))
    latin = "".join(c for c in latin if not unicodedata.combining(c)).translate(_ROMAN)
    return _DOUBLE.sub(r"\1", _NOT_CONSONANT.sub("", _SOUND.sub(lambda m: _SOUNDS[m.group(0)], latin)))


@dataclass(frozen=True)
class Spelled:
    """Which words spell any of some surnames in any alphabet (by ``skeleton``): a word with the same
    consonants, or (for skeletons of four letters or more) with up to two more at the end ("Pachobutowi")."""

    skeletons: frozenset[str]

    @classmethod
    def of(cls, surnames: tuple[str, ...]) -> Spelled:
        return cls(frozenset(s for s in map(skeleton, surnames) if len(s) >= 3))

    def word(self, word: str) -> bool:
        found = skeleton(word)
        return found in self.skeletons or any(
            len(s) >= 4 and found.startswith(s) and len(found) - len(s) <= 2 for s in self.skeletons)

    def anywhere(self, text: str) -> bool:
        """Does any word of ``text`` (a web address, an id, a file name: split at anything not a letter)?"""
        return any(self.word(w) for w in _LETTERS.findall(text))


_LETTERS = re.compile(r"[^\W\d_]+")
