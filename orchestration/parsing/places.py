"""Places named in a text: the gazetteer of every county-level and higher division (data/gazetteer.csv, with
abolished names from gazetteer_history.csv), a scanner finding its names leftmost-longest, and the resolution of
a name several divisions share (青山区 in 武汉 and 包头) by the parents the text names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .dictionaries import gazetteer
from .scanning import PairStarts
from .words import words

LEVEL_RANK = {"province": 0, "city": 1, "district": 2, "county": 2}
# Division names that are also everyday nouns (data/place_words.csv, group common_noun).
COMMON_NOUNS = frozenset(words("common_noun", "place_words.csv"))


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    level: str
    city: str | None
    province: str | None
    current: bool = True  # False for a division since abolished or renamed (襄樊市)


@dataclass(frozen=True, slots=True)
class _Index:
    places: dict[str, tuple[Place, ...]]  # full name -> the divisions bearing it
    forms: dict[str, tuple[tuple[str, bool], ...]]  # written form -> (full name, is_full_form)
    max_len: int
    prefixes: frozenset[str]  # first two characters of every form, to skip most positions at once


# Governments that deliver no 政府工作报告 (data/place_words.csv, group no_work_report).
_NO_WORK_REPORTS = frozenset(words("no_work_report", "place_words.csv"))


@lru_cache(maxsize=1)
def _index() -> _Index:
    seen: dict[str, dict[tuple, bool]] = {}  # name -> (level, city, province) -> still in use
    forms: dict[str, set[tuple[str, bool]]] = {}
    for row in gazetteer():
        if row["province"] in _NO_WORK_REPORTS:
            continue
        name = row["name"]
        key = (row["level"], row["city"] or None, row["province"] or None)
        by_place = seen.setdefault(name, {})
        by_place[key] = by_place.get(key, False) or row.get("current", "1") == "1"
        forms.setdefault(name, set()).add((name, True))
        short = row.get("short") or ""
        if short:
            forms.setdefault(short, set()).add((name, False))
            if "自治" in name:  # 长阳土家族自治县 is also written 长阳县, 恩施土家族苗族自治州 恩施州
                forms.setdefault(short + name[-1], set()).add((name, True))
    frozen = {k: tuple(sorted(v, key=lambda x: (not x[1], x[0]))) for k, v in forms.items()}
    return _Index(
        places={n: tuple(Place(n, *key, current=cur) for key, cur in v.items()) for n, v in seen.items()},
        forms=frozen,
        max_len=max(len(k) for k in frozen),
        prefixes=frozenset(k[:2] for k in frozen),
    )


def places_named(name: str) -> tuple[Place, ...]:
    return _index().places.get(name, ())


@dataclass(slots=True)  # not frozen: a body names hundreds, built faster
class Mention:
    form: str
    start: int
    names: tuple[tuple[str, bool], ...]  # (full name, is_full_form)


@lru_cache(maxsize=1)
def _scan_tables() -> tuple[PairStarts, dict[str, tuple[int, ...]]]:
    """The two-character prefixes of the forms, and for each the lengths of the forms starting with it, longest
    first."""
    lengths: dict[str, set[int]] = {}
    for form in _index().forms:
        if len(form) >= 2:
            lengths.setdefault(form[:2], set()).add(len(form))
    return PairStarts(lengths), {p: tuple(sorted(v, reverse=True)) for p, v in lengths.items()}


def find_places(text: str) -> list[Mention]:
    """Division names in the text, leftmost-longest (岳阳楼区 is one name, not 岳阳 + 楼区); linear in the text.

    Hand-written rather than jieba: the gazetteer forms must win over jieba's own words. The positions whose first
    two characters start a form are found all at once (scanning.PairStarts); only there are the forms looked up,
    longest first. (A single alternation of all forms, or pyahocorasick, was measured slower: both try thousands of
    first characters one by one at every position.)
    """
    forms = _index().forms
    prefixes, lengths = _scan_tables()
    out: list[Mention] = []
    resume = 0  # a name found covers its characters: the next one starts after it
    for i in prefixes.positions(text):
        if i < resume:
            continue
        for length in lengths[text[i : i + 2]]:
            form = text[i : i + length]
            names = forms.get(form)
            if names:
                out.append(Mention(form, i, names))
                resume = i + length
                break
    return out


def full_names(mentions: list[Mention]) -> list[str]:
    return [name for m in mentions for name, full in m.names if full]



def lowest(names: list[str]) -> str | None:
    """The most local division among names written together (武汉市青山区 -> 青山区)."""
    best = None
    for name in names:
        rank = min(LEVEL_RANK[p.level] for p in places_named(name))
        if best is None or rank >= best[0]:
            best = (rank, name)
    return best[1] if best else None


@lru_cache(maxsize=1)
def _segmenter():
    import rjieba  # jieba's tokens with HMM off, fast, no cache file

    return rjieba.Jieba()


_WORD_WINDOW = 8


def is_whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as a word of its own: jieba cuts the words around it at both its ends
    (和县 in 乡镇和县直部门 and 范县 in 示范县 do not)."""
    lo = max(0, start - _WORD_WINDOW)
    cuts, pos = {0}, 0
    for token in _segmenter().cut(text[lo:end + _WORD_WINDOW], False):
        pos += len(token)
        cuts.add(pos)
    return start - lo in cuts and end - lo in cuts


EVERYDAY_FREQUENCY = 1000  # jieba's dictionary count above which a word is common prose (资源 17453, 保定 739)


@lru_cache(maxsize=4096)
def is_everyday_word(word: str) -> bool:
    """A place's short form that is also a common word of prose (资源, 合作, 港口, 开发): jieba's dictionary counts it
    often and does not tag it as a place or other proper name."""
    count, tag = _jieba_dictionary().get(word, (0, ""))
    return count >= EVERYDAY_FREQUENCY and tag not in ("ns", "nr", "nrt", "nrfg", "nz", "j")


def is_place_word(word: str) -> bool:
    """A short form jieba's dictionary tags as a place name (西和), not as a common word (富民, 'enrich the people')."""
    return _jieba_dictionary().get(word, (0, ""))[1] == "ns"


@lru_cache(maxsize=1)
def _jieba_dictionary() -> dict[str, tuple[int, str]]:
    """word -> (count, part-of-speech tag) from the dictionary jieba ships, read as a file: initialising jieba itself
    would write its 9 MB cache to the temp folder."""
    from importlib.resources import files

    out = {}
    with files("jieba").joinpath("dict.txt").open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) <= 4:
                out[parts[0]] = (int(parts[1]), parts[2])
    return out


def context_counts(mentions: list[Mention]) -> tuple[Counter, Counter]:
    """How often each division is named (full or short form), and how often in full."""
    any_form = Counter(n for m in mentions for n, _ in m.names)
    full = Counter(n for m in mentions for n, is_full in m.names if is_full)
    return any_form, full


@lru_cache(maxsize=1)
def children() -> dict[str, frozenset[str]]:
    """city -> the names of its county-level divisions."""
    out: dict[str, set[str]] = {}
    for places in _index().places.values():
        for p in places:
            if p.level in ("district", "county") and p.city:
                out.setdefault(p.city, set()).add(p.name)
    return {k: frozenset(v) for k, v in out.items()}


def resolve(
    name: str, counts: Callable[[], tuple[Counter, Counter]], near: list[str]
) -> tuple[Place | None, str | None, str | None]:
    """(place, province when only that is certain, note) for a name that may belong to several divisions.

    `counts` gives the body's name counts (context_counts), asked for only when the name is ambiguous."""
    places = list(places_named(name))
    if len(places) == 1:
        return places[0], None, None
    any_form, full = counts()
    near_set = set(near)
    scored = []
    for p in places:
        score = 0
        if p.city in near_set or p.province in near_set:
            score += 1000  # written together with the name: "武汉市青山区"
        parents = {x for x in (p.city, p.province) if x and x != name}  # a municipality is city and province
        score += sum(any_form.get(x, 0) for x in parents)
        # Neighbouring districts named in full (洪山区, 江岸区) place the report in their city too.
        score += sum(full.get(x, 0) for x in children().get(p.city or "", ()) if x != name)
        scored.append((score, p))
    scored.sort(key=lambda sp: -sp[0])
    where = "、".join(f"{p.city or p.province}" for p in places)
    if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
        best = scored[0][1]
        note = (
            f"{name} exists in {where}; {best.city or best.province} chosen because the text names it "
            f"{scored[0][0] if scored[0][0] < 1000 else 'beside the name'} times against {scored[1][0]}."
        )
        if scored[0][0] >= 1000:
            note = f"{name} exists in {where}; {best.city or best.province} is written beside the name."
        return best, None, note
    tied = [p for sc, p in scored if sc == scored[0][0]]
    in_use = [p for p in tied if p.current]
    if len(in_use) == 1:
        return (
            in_use[0],
            None,
            f"{name} exists in {where}; the text does not decide, so the division still in use is taken.",
        )
    provinces = {p.province for p in places}
    province = provinces.pop() if len(provinces) == 1 else None
    note = f"{name} exists in {where}, and the text names none of these more than the others; city left empty."
    return None, province, note
