"""Indicator aliases found in text: direct aliases (longest wins) and split ones (`A…B`: A then B nearby)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dictionaries import indicator_aliases, indicator_unit_kinds
from .words import longest_word_pattern

GAP_REACH = 25  # how far before B the A of an `A…B` alias may stand (one or two clauses)



@dataclass(slots=True)
class AliasHit:
    start: int  # where the subject words start (A of a split alias)
    end: int  # end of the matched alias (B)
    key_start: int  # start of the word next to the number (B)
    code: str
    text: str
    fallback: bool = False  # names the indicator only where the report gives no figure of its proper name


@dataclass(frozen=True, slots=True)
class _Aliases:
    pattern: re.Pattern[str]
    direct: dict[str, str]
    fallback: frozenset[str]
    gaps: tuple[tuple[str, str, str], ...]
    gap_heads: re.Pattern[str]


def report_level(admin_level: str | None) -> str:
    """The alias level of a report: national for the State Council's, local for every other."""
    return "national" if admin_level == "national" else "local"


@lru_cache(maxsize=2)
def _aliases(level: str = "local") -> _Aliases:
    rows = [r for r in indicator_aliases() if r[2] in ("", level)]
    direct = {a: c for a, c, _, _ in rows if "…" not in a}
    gaps = tuple((a.split("…")[0], a.split("…")[1], c) for a, c, _, _ in rows if "…" in a)
    return _Aliases(
        pattern=re.compile(longest_word_pattern(list(direct))),
        direct=direct,
        fallback=frozenset(a for a, _, _, fb in rows if fb),
        gaps=gaps,
        gap_heads=re.compile("|".join(re.escape(b) for _, b, _ in gaps) or "(?!)"),
    )


# 总产 of 总产值: an alias running on into a longer word names something else.
ALIAS_RUNS_ON = ("值",)


def aliases_of(level: str) -> _Aliases:
    """The aliases of a report level (report_level), to hand to find_aliases."""
    return _aliases(level)


def find_aliases(work: str, start: int, end: int, floor: int, al: _Aliases | None = None) -> list[AliasHit]:
    """Aliases inside work[start:end], in order; `floor` bounds how far back the A of `A…B` may be sought; `al` is
    aliases_of(the report's level), local ones by default."""
    al = al or _aliases("local")
    hits = []
    for m in al.pattern.finditer(work, start, end):
        word = m.group()
        if not work.startswith(ALIAS_RUNS_ON, m.end()):
            hits.append(AliasHit(m.start(), m.end(), m.start(), al.direct[word], word, word in al.fallback))
    # One search tells whether any B of an A…B alias is there at all (most stretches hold none).
    for a, b, code in (al.gaps if al.gap_heads.search(work, start, end) else ()):
        pos = work.rfind(b, start, end)
        if pos < 0 or work.startswith(ALIAS_RUNS_ON, pos + len(b)):
            continue
        if any(h.start <= pos < h.end for h in hits):  # already inside a direct alias
            continue
        a_pos = work.rfind(a, max(floor, pos - GAP_REACH), pos)
        if a_pos >= 0 and "。" not in work[a_pos:pos]:
            hits.append(AliasHit(a_pos, pos + len(b), pos, code, work[a_pos:pos + len(b)]))
    if len(hits) > 1:  # most stretches hold one alias or none
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
    if measure == "count":  # jobs are counted in persons, or in posts (新增就业岗位1420个)
        return kind == "persons" and unit_kind in ("persons", "count")
    if measure == "level":
        return unit_kind == kind
    return False


# 城乡居民…, 城镇、乡村居民…, 城、乡居民…, 城乡人均…: the urban and the rural statistic named together.
_PAIR_BEFORE = re.compile(r"(?:城乡|(?:城镇|城市|城)\s*[、和与及]?\s*(?:农村|乡村|乡))\s*$")
_URBAN_BEFORE = re.compile(r"(?:城镇|城市)\s*[、和与及]\s*$")  # 城镇和 | 农村居民人均可支配收入
# Rural households' 纯收入 was the statistic until the 2013 household survey reform; 可支配收入 since.
LAST_NET_INCOME_YEAR = 2013


def rural_income_of_its_year(code: str, alias_text: str, year: int | None) -> str:
    """农村居民收入 / 农民收入 (no 可支配 or 纯 said) is the statistic of its year: 纯收入 until 2013."""
    if (code == "rural_disposable_income" and "可支配" not in alias_text and year is not None
            and year <= LAST_NET_INCOME_YEAR):
        return "rural_net_income"
    return code


def urban_rural(work: str, alias: AliasHit, floor: int, year: int | None) -> tuple[str, str] | None:
    """The urban and the rural indicator of an alias naming both (城乡居民人均可支配收入, 城镇和农村居民人均可支配收入,
    城、乡居民…, 城乡居民收入: 纯收入 for the rural half until 2013), else None."""
    text = alias.text
    if text.startswith("城乡") or text.startswith(("农村", "乡村")) and _URBAN_BEFORE.search(work, max(floor, alias.start - 4), alias.start):
        rest = text[2:]
    elif _PAIR_BEFORE.search(work, max(floor, alias.start - 8), alias.start):
        rest = text
    else:
        return None
    direct = _aliases().direct
    urban = direct.get("城镇居民人均可支配收入")
    if "可支配收入" in rest:
        return urban, direct.get("农村居民人均可支配收入")
    if rest.endswith("收入"):
        net = year is not None and year <= LAST_NET_INCOME_YEAR
        return urban, direct.get("农民人均纯收入" if net else "农村居民人均可支配收入")
    return None


def joined_list(work: str, aliases: list[AliasHit]) -> list[AliasHit]:
    """The aliases ending a list that names several indicators at once (工业投资、技改投资增长20%以上,
    城镇居民人均可支配收入和农民人均纯收入分别增长10%): the last alias and those joined to it by 、/和/及/与 alone."""
    out = [aliases[-1]]
    for a in reversed(aliases[:-1]):
        gap = work[a.end:out[0].start]
        if len(gap) > 1 or (gap and gap not in "、和及与"):
            break
        out.insert(0, a)
    return out


def alias_at(work: str, pos: int) -> bool:
    """Whether an alias starts at pos (500万元以上固定资产投资: the amount qualifies the subject)."""
    return _aliases().pattern.match(work, pos) is not None


def shared_head(item: str, next_alias: str) -> str | None:
    """城镇和农村居民人均可支配收入: the first item borrows the second one's head words."""
    direct = _aliases().direct
    item = item.strip()
    if not item or len(item) > 4:
        return None
    for cut in range(1, min(5, len(next_alias))):
        code = direct.get(item + next_alias[cut:])
        if code:
            return code
    return None
