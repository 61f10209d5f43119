"""Fast forms of patterns whose plain form is the costliest step of the figure pass, built from the same word lists.

Each function here gives exactly what its plain pattern gives (tests/parsing/test_scanning.py checks every cut of
real sentences); a fast form is kept only while the benchmark shows it saves more than 5%.
"""
from __future__ import annotations

import re

from . import patterns as P


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


def longest_word_pattern(words: list[str]) -> str:
    """A pattern matching the longest of `words` at a position, written as a character trie: the same matches as
    the alternation of the words sorted longest first.

    The regex engine tries an alternation's words one by one at every position; in a trie each character narrows
    the choice to one branch, and the greedy optional groups fall back to the longest word on the path taken."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)
