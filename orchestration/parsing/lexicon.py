"""Indicator aliases found in text: direct aliases (longest wins) and split ones (`A…B`: A then B nearby)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dictionaries import indicator_aliases, indicator_unit_kinds

GAP_REACH = 25  # how far before B the A of an `A…B` alias may stand (one or two clauses)

# What each indicator can be measured in (indicators.csv, unit_kind): jobs in persons, grain a mass, the rates
# percents, every other code an amount of money.
RATE_CODES = frozenset(k for k, v in indicator_unit_kinds().items() if v == "percent")


@dataclass(frozen=True, slots=True)
class AliasHit:
    start: int  # where the subject words start (A of a split alias)
    end: int  # end of the matched alias (B)
    key_start: int  # start of the word next to the number (B)
    code: str
    text: str


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], dict[str, str], tuple[tuple[str, str, str], ...]]:
    direct = {a: c for a, c in indicator_aliases() if "…" not in a}
    gaps = tuple((a.split("…")[0], a.split("…")[1], c) for a, c in indicator_aliases() if "…" in a)
    return re.compile(_longest_of(list(direct))), direct, gaps


def _longest_of(words: list[str]) -> str:
    """A pattern matching the longest of `words` at a position, written as a character trie.

    A plain alternation sorted longest first means the same, but the regex engine tries its alternatives one by
    one at every position; in a trie each character narrows the choice to one branch, and the greedy optional
    groups fall back to the longest word that ends on the path taken."""
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


@lru_cache(maxsize=1)
def _gap_heads() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(b) for _, b, _ in _compiled()[2]) or "(?!)")


def find_aliases(work: str, start: int, end: int, floor: int) -> list[AliasHit]:
    """Aliases inside work[start:end], in order; `floor` bounds how far back the A of `A…B` may be sought."""
    pattern, direct, gaps = _compiled()
    hits = [AliasHit(m.start(), m.end(), m.start(), direct[m.group()], m.group())
            for m in pattern.finditer(work, start, end)]
    # One search tells whether any B of an A…B alias is there at all (most stretches hold none).
    for a, b, code in (gaps if _gap_heads().search(work, start, end) else ()):
        pos = work.rfind(b, start, end)
        if pos < 0:
            continue
        if any(h.start <= pos < h.end for h in hits):  # already inside a direct alias
            continue
        a_pos = work.rfind(a, max(floor, pos - GAP_REACH), pos)
        if a_pos >= 0 and "。" not in work[a_pos:pos]:
            hits.append(AliasHit(a_pos, pos + len(b), pos, code, work[a_pos:pos + len(b)]))
    hits.sort(key=lambda h: (h.key_start, -h.end))
    return hits


def compatible(code: str, measure: str, unit_kind: str) -> bool:
    """Whether a figure of this measure and unit kind can be a value of the indicator."""
    kind = indicator_unit_kinds().get(code, "money")
    if measure in ("growth",):
        return True
    if measure == "share":
        return kind != "percent"
    if measure == "rate":
        return kind == "percent"
    if measure == "count":
        return kind == "persons" and unit_kind == "persons"
    if measure == "level":
        return unit_kind == kind
    return False


def urban_rural(alias_text: str) -> tuple[str, str] | None:
    """城乡居民… read as its 城镇 and 农村 indicators ('城乡居民人均可支配收入分别达38517元、22857元')."""
    if not alias_text.startswith("城乡"):
        return None
    _, direct, _ = _compiled()
    rest = alias_text[2:]
    urban = direct.get("城镇" + rest) or direct.get("城市" + rest)
    rural = direct.get("农村" + rest) or direct.get("农民" + rest)
    return (urban, rural) if urban and rural else None


def alias_at(work: str, pos: int) -> bool:
    """Whether an alias starts at pos (500万元以上固定资产投资: the amount qualifies the subject)."""
    pattern, _, _ = _compiled()
    return pattern.match(work, pos) is not None


def shared_head(item: str, next_alias: str) -> str | None:
    """城镇和农村居民人均可支配收入: the first item borrows the second one's head words."""
    _, direct, _ = _compiled()
    item = item.strip()
    if not item or len(item) > 4:
        return None
    for cut in range(1, min(5, len(next_alias))):
        code = direct.get(item + next_alias[cut:])
        if code:
            return code
    return None
