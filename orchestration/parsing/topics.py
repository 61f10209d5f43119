"""Policy attention: how much of a report's wording goes to each topic (environment, innovation, ...).

Follows 陈诗一 & 陈登科 (2018, 经济研究), who measure environmental attention as the share of
environment words among all words of a government work report segmented with jieba.

- The text is segmented with rjieba (jieba's tokens with HMM off), the topic words of
  dbt_project/seeds/topic_words.csv added to its dictionary so that 化学需氧量 or PM2.5 stay whole.
- `tokens`: tokens equal to one of the topic's words.
- `total_tokens` (the denominator): every token holding at least one Chinese character or Latin letter,
  except tokens made only of numerals (2020, 9.1, 一, 十二); punctuation, spaces and numbers are not words.
- Place and organisation names are masked first: a name such as 中法武汉生态示范城 or 黄荆山生态公园
  (a place-like head, a topic word, a name suffix such as 城/区/园/公司/集团/中心) counts as one
  token of the denominator and never as a topic word; otherwise a district hosting an "eco-city"
  would look twice as green as its neighbour.

One row for the whole report (section_kind None) per topic, plus one per topic and section kind present
(a token belongs to the innermost section around it).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .dictionaries import gazetteer, topic_words
from .records import Section, TopicCount

# Organisation ends that make a name even without a place before them (生态环境局, 乡村振兴局).
_ORG_SUFFIXES = frozenset(("局", "委", "厅", "办", "委员会", "办公室", "公司", "集团", "集团公司", "协会"))
# Ends of place and organisation names (not of projects: a 生态修复工程 is about the environment).
_NAME_SUFFIXES = frozenset((
    "城", "示范城", "新城", "区", "新区", "示范区", "试验区", "先行区", "开发区", "园", "产业园", "工业园", "科技园",
    "公园", "小镇", "公司", "集团", "集团公司", "中心", "基地", "研究院", "大学", "学院", "银行", "协会", "镇", "村",
)) | _ORG_SUFFIXES
# POS tags jieba gives to proper-name pieces: places, persons, other proper nouns, abbreviations,
# locality words (中法 comes out as 中/f 法/j).
_NAME_TAGS = frozenset(("ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "f", "zg"))
_NOT_NAME_TAGS = frozenset(("v", "vn", "vd", "q", "d", "p", "c", "u", "uj", "a", "ad", "r", "y"))
_MAX_LEFT, _MAX_RIGHT = 4, 3
_NUMERAL = re.compile(r"^[\d.%零〇一二两三四五六七八九十百千万亿]+$")
_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_BREAKS = frozenset(("的", "和", "与", "及", "、", "等", "是", "在", "为", "对"))


@lru_cache(maxsize=1)
def _segmenter():
    import rjieba  # same tokens as jieba with HMM off, ~15x faster, writes no cache file

    seg = rjieba.Jieba()
    for words in topic_words().values():
        for w in words:
            seg.add_word(w, 5000, "n")
    return seg


@lru_cache(maxsize=1)
def _word_topics() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for topic, words in topic_words().items():
        for w in words:
            out.setdefault(w, []).append(topic)
    return {w: tuple(t) for w, t in out.items()}


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    names = set()
    for row in gazetteer():
        names.add(row.get("name", ""))
        if row.get("short"):
            names.add(row["short"])
    names.discard("")
    return frozenset(names)


def _name_like(word: str, tag: str) -> bool:
    if word in _place_names() or tag in _NAME_TAGS:
        return True
    # jieba without HMM leaves unknown proper names as single characters (叡/克, 蔡/甸); single verbs,
    # measure words and adverbs (建/好/个) are no name.
    return (len(word) == 1 and bool(re.match(r"[\u4e00-\u9fff]", word)) and word not in _BREAKS
            and tag not in _NOT_NAME_TAGS and not _NUMERAL.match(word))


def masked_spans(tagged: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """Token index ranges [s, e] of place/organisation names that contain a topic word."""
    topics = _word_topics()
    spans: list[tuple[int, int]] = []
    n = len(tagged)
    for t, (word, _) in enumerate(tagged):
        if word not in topics or (spans and spans[-1][1] >= t):
            continue
        e = None
        for k in range(t + 1, min(n, t + 1 + _MAX_RIGHT)):
            w = tagged[k][0]
            if w in _NAME_SUFFIXES:
                e = k
                break
            if w in _BREAKS or not _WORDLIKE.search(w):
                break
        if e is None:
            continue
        s = t
        while s > 0 and t - s < _MAX_LEFT and _name_like(*tagged[s - 1]):
            s -= 1
        if s < t or tagged[e][0] in _ORG_SUFFIXES:
            spans.append((s, e))
    return spans


def _kind_pieces(sections: list[Section]) -> tuple[list[int], list[str | None]]:
    """The section boundaries cut the text into pieces, each painted with the kind of every section covering it,
    shallow levels first, so the deepest section's kind stays: (cuts, kind of the piece after each cut)."""
    cuts = sorted({s.char_start for s in sections} | {s.char_end for s in sections})
    kinds: list[str | None] = [None] * max(len(cuts) - 1, 0)
    for s in sorted(sections, key=lambda s: s.level):
        for i in range(bisect_left(cuts, s.char_start), bisect_left(cuts, s.char_end)):
            kinds[i] = s.kind
    return cuts, kinds


# Whether a token is a word of the denominator (a Chinese character or Latin letter, not only numerals), and
# its topics. A report repeats its vocabulary: each distinct token is judged once per process.
_WORD_MEMO: dict[str, tuple[bool, tuple[str, ...]]] = {}


def _word_class(word: str) -> tuple[bool, tuple[str, ...]]:
    got = _WORD_MEMO.get(word)
    if got is None:
        got = _WORD_MEMO[word] = (bool(_WORDLIKE.search(word)) and not _NUMERAL.match(word),
                                  _word_topics().get(word, ()))
    return got


def count_topics(text: str, sections: list[Section], mask_names: bool = True) -> list[TopicCount]:
    tagged = _segmenter().tag(text, False)  # [(word, tag)]
    spans = masked_spans(tagged) if mask_names else []
    masked = set()
    heads = set()
    for s, e in spans:
        heads.add(s)
        masked.update(range(s, e + 1))
    cuts, kinds = _kind_pieces(sections)

    # Tokens come in text order, so the piece holding each one is found by walking the cuts once (the kind of
    # the innermost section at a position, as a bisect over `cuts` would give it).
    n_cuts, k, pos = len(cuts), -1, 0
    next_cut = cuts[0] if cuts else None
    by_kind: dict[str | None, int] = {}
    topic_by_kind: dict[tuple[str, str | None], int] = {}
    for idx, (word, _) in enumerate(tagged):
        start, pos = pos, pos + len(word)
        if idx in masked:
            if idx not in heads:
                continue  # the whole name counts once, at its first token
            topics_here: tuple[str, ...] = ()
        else:
            counted, topics_here = _word_class(word)
            if not counted:
                continue
        while next_cut is not None and start >= next_cut:
            k += 1
            next_cut = cuts[k + 1] if k + 1 < n_cuts else None
        kind = kinds[k] if 0 <= k < len(kinds) else None
        by_kind[kind] = by_kind.get(kind, 0) + 1
        for topic in topics_here:
            topic_by_kind[(topic, kind)] = topic_by_kind.get((topic, kind), 0) + 1

    totals: dict[str | None, int] = {None: sum(by_kind.values())}
    totals.update((kind, n) for kind, n in by_kind.items() if kind is not None)
    counts: dict[tuple[str, str | None], int] = {}
    for (topic, kind), n in topic_by_kind.items():
        counts[(topic, None)] = counts.get((topic, None), 0) + n
        if kind is not None:
            counts[(topic, kind)] = n
    out = []
    for key in [None] + sorted(k for k in totals if k is not None):
        for topic in topic_words():
            out.append(TopicCount(topic=topic, section_kind=key, tokens=counts.get((topic, key), 0),
                                  total_tokens=totals[key]))
    return out
