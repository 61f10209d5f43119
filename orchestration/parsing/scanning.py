"""Fast forms of the patterns the figure pass applies to every number, built from the same word lists.

Each gives exactly what its plain form gives (tests/parsing/test_scanning.py holds the plain forms and checks every
cut of real sentences against them). They are kept together because together they are worth it: without them
figure extraction from raw text ran 12% slower in the benchmark (last_new_noun alone: 19% of extract_figures).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from . import patterns as P
from .dictionaries import units
from .numbers import CHINESE_NUMERALS
from .words import char_class, not_after, words

_HEDGE_REACH = max(map(len, P.PREFIX_KIND)) + 2  # a hedge word, then perhaps 了 and a space
_HEDGE_LAST = frozenset(w[-1] for w in P.PREFIX_KIND) | {"了"}
_LEAD_FIRST = frozenset(w[0] for w in words("subject_lead"))
_TAIL_LAST = frozenset(w[-1] for w in words("subject_tail")) | {"\n"}  # $ also matches before a final \n


def strip_hedge(tail: str) -> str:
    """`P.PREFIX_BOUND.sub("", tail.rstrip())`: the words before a number without the hedge word ending them (增长超过
    -> 增长). The pattern is anchored at the end, so its one match lies in the last few characters, and only there is
    it searched, and only when the last character can end a hedge word."""
    t = tail.rstrip()
    if t[-1:] not in _HEDGE_LAST:
        return t
    m = P.PREFIX_BOUND.search(t, max(0, len(t) - _HEDGE_REACH))
    return t[:m.start()] if m else t


def trim_subject(phrase: str) -> str:
    """`P.SUBJECT_TAIL.sub("", P.SUBJECT_LEAD.sub("", phrase))`, each substitution tried only when the first (last)
    character can start (end) one of its words: a substitution scans every position."""
    if phrase[:1] in _LEAD_FIRST:
        phrase = P.SUBJECT_LEAD.sub("", phrase)
    if phrase[-1:] in _TAIL_LAST:
        phrase = P.SUBJECT_TAIL.sub("", phrase)
    return phrase


def _year_scan() -> re.Pattern[str]:
    """P.YEAR_CONTEXT with its look-behind moved after the first digit (where it checks that digit's predecessor):
    the same matches, but a pattern opening with a literal lets the engine skip to where it can match."""
    before = char_class("not_dating_before")
    plain = P.YEAR_CONTEXT.pattern
    tail = plain[plain.index("年"):]
    return re.compile(rf"((?:1(?<!{before}1)9|2(?<!{before}2)0)\d\d){tail}")


def _relative_year_scan() -> re.Pattern[str]:
    """P.REL_YEAR with the look-behind after the first character: 今/去/明 start every word of the group."""
    guards = set(not_after("relative_year").values())
    firsts = "".join(sorted({w[0] for w in words("relative_year")}))
    if len(guards) != 1 or any(not w.endswith("年") or len(w) != 2 for w in words("relative_year")):
        return P.REL_YEAR  # the words took a shape this form does not cover: the plain pattern
    guard = re.escape(guards.pop())
    return re.compile(rf"((?:[{firsts}])(?<![{guard}][{firsts}])年)")


YEAR_CONTEXT = _year_scan()
REL_YEAR = _relative_year_scan()


def _in_run(ch: str) -> bool:
    return ch.isdecimal() or ch == "." or ch in CHINESE_NUMERALS or ch == "第"


@lru_cache(maxsize=1)
def figure_runs() -> re.Pattern[str]:
    """`P.NUMBER_RUN` (the runs of number characters where patterns.figure_re can start a figure), less the runs no
    figure can start with.

    A figure needs a unit, and no unit is written in number characters alone, so a figure starting a run goes on
    past it: the next character belongs to a thousands separator, a 点 decimal, a range (dash, whitespace), 余/多
    or a unit. Most runs (一 of 进一步, 2020 of 2020年) are followed by none of these and the regex engine skips them,
    not a Python step each (find_quantities ran 7% faster). The run is taken whole (possessive) and only from its
    first character (the look-behind after that character, where it does not stop the engine skipping to candidate
    characters), so a run not followed by one of these fails once, not once per character in it.
    """
    run = rf"[\d.{CHINESE_NUMERALS}第]"
    if any(all(_in_run(ch) for ch in unit) for unit in units()):
        return P.NUMBER_RUN  # a unit of number characters alone: any character may follow a figure's run
    followers = "".join(sorted(frozenset(",点余多—–-~～到至").union(*units())))
    return re.compile(rf"{run}(?<!{run}.){run}*+(?=[{re.escape(followers)}]|\s)")


def _is_noun_char(ch: str) -> bool:
    """A character of NEW_NOUN's lazy prefix class [CJK A-Za-z]."""
    return "\u4e00" <= ch <= "\u9fff" or "A" <= ch <= "Z" or "a" <= ch <= "z"


def last_new_noun(region: str) -> tuple[int, int] | None:
    """(start, end) of the last match of P.NEW_NOUN.finditer(region), computed from its head words alone.

    NEW_NOUN (up to 8 letters, lazily, then a head word) makes the regex engine try 9 prefix lengths times every
    head word at every position. Its matches follow from the head words: from a scan position, the first head word
    at q or later always yields a match, starting as far back as the 8 characters, the scan position and the
    letters before q allow, and ending where that head word ends; the scan goes on from there.
    """
    last = None
    pos = 0
    search = P.NEW_NOUN_HEAD.search
    while (head := search(region, pos)) is not None:
        q = head.start()
        start = q
        floor = max(pos, q - 8)
        while start > floor and _is_noun_char(region[start - 1]):
            start -= 1
        last = (start, head.end())
        pos = head.end()
    return last


class PairStarts:
    """Where in a text any of a set of two-character pairs stands, every position looked up at once in numpy.

    The plain form, a regex `[firsts](?=[seconds])` whose candidates are then checked against the pairs, spent
    7 times as long: its candidates are every other common character, and the body scan of places.find_places was
    8% of figure extraction from raw text in the benchmark (more on reports whose header names no government). Each character of the pairs gets a
    small number (0 for any other) and a flat table of width x width says whether a pair of numbers is a pair.
    """

    def __init__(self, pairs: Iterable[str]):
        pairs = list(pairs)
        chars = sorted({c for pair in pairs for c in pair})
        self._ids = np.zeros(0x110000, dtype=np.int32)  # by code point; 4 MB, once per process
        self._ids[[ord(c) for c in chars]] = np.arange(1, len(chars) + 1, dtype=np.int32)
        self._width = len(chars) + 1
        self._is_pair = np.zeros(self._width * self._width, dtype=bool)
        self._is_pair[[self._ids[ord(a)] * self._width + self._ids[ord(b)] for a, b in pairs]] = True

    def positions(self, text: str) -> list[int]:
        # one code point per character, lone surrogates (from a damaged file) included
        ids = self._ids[np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)]
        return np.flatnonzero(self._is_pair[ids[:-1] * self._width + ids[1:]]).tolist()
