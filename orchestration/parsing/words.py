"""The word lists the rules read (data/*.csv), and the patterns built from them.

Words live in data files, one row per word and group (the way cn2an keeps its tables in conf.py): a rule reads
`words("hedge_after")` or `kinds("commitment")` instead of writing the words into a regex, so a word is added in
one place and every pattern and first-character set built from it follows.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from .dictionaries import DATA_DIR


@lru_cache(maxsize=8)
def _rows(file: str) -> tuple[tuple[str, str, str, str], ...]:
    with (DATA_DIR / file).open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    out = []
    for r in csv.DictReader(lines):
        out.append((r["group"], r["word"], r.get("value") or "", r.get("not_after") or ""))
    return tuple(out)


@lru_cache(maxsize=256)
def words(group: str, file: str = "figure_words.csv") -> tuple[str, ...]:
    """The words of a group, in file order."""
    found = tuple(w for g, w, _, _ in _rows(file) if g == group)
    if not found:
        raise KeyError(f"no words in group {group!r} of {file}")
    return found


@lru_cache(maxsize=256)
def kinds(group: str, file: str = "figure_words.csv") -> dict[str, str]:
    """word -> its value (a hedge's bound, a commitment's firmness, a change verb's direction)."""
    return {w: v for g, w, v, _ in _rows(file) if g == group}


def not_after(group: str, file: str = "figure_words.csv") -> dict[str, str]:
    """word -> the characters that, right before it, make it part of another word."""
    return {w: n for g, w, _, n in _rows(file) if g == group and n}


def alternation(group: str, file: str = "figure_words.csv") -> str:
    """The group's words as a regex alternation, longest first (so that 累计完成 wins over 累计), each word guarded
    by a look-behind for its `not_after` characters."""
    guards = not_after(group, file)
    alts = []
    for w in sorted(words(group, file), key=len, reverse=True):
        guard = f"(?<![{re.escape(guards[w])}])" if w in guards else ""
        alts.append(guard + re.escape(w))
    return "(?:" + "|".join(alts) + ")"


def char_class(group: str, file: str = "figure_words.csv") -> str:
    """A one-character group as a regex character class."""
    chars = words(group, file)
    if any(len(c) != 1 for c in chars):
        raise ValueError(f"group {group!r} holds words longer than one character")
    return "[" + "".join(re.escape(c) for c in chars) + "]"


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
