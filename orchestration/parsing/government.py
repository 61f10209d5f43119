"""Which government delivers the report.

In order of trust:

1. the State Council: a meeting of the 全国人民代表大会, or 我代表国务院 (district 全国, level national);
2. the places named where a report names itself: the meeting line ("在XX区第X届人民代表大会第X次会议上"),
   我代表XX县人民政府, the speaker line ("XX区人民政府代区长何胜"), the title lines;
3. the body: how often each division is named, counting only divisions of the level the report speaks of itself
   as (全区/我区/我代表区人民政府 -> a 区); a name written in full beats short forms, a short form needs several
   mentions (or to be the only one of that level), and a two-character name (和县, 范县) counts only as a whole word
   (乡镇和县直部门, 示范县 name no county) and, met once or twice, only beside its city or province (产业兴县 names no
   county of 吕梁);
4. for a report that names only its divisions (全州; 陇川, 瑞丽): the one division of its level holding them.

A name the gazetteer lacks but whose short form it knows (清苑县, renamed 清苑区 in 2015) is taken as written, with
the city and province of the division bearing its short form. When nothing decides, the district is None and the
note says why: a wrong place is worse than none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from .dates import is_page_stamp
from .delivery import Meeting
from .places import (
    COMMON_NOUNS,
    LEVEL_RANK,
    Mention,
    Place,
    children,
    context_counts,
    find_places,
    is_everyday_word,
    is_place_word,
    is_whole_word,
    places_named,
    resolve,
)
from .titles import CJK_SPACE

_SPEAKER = re.compile(
    r"^([\u4e00-\u9fff]{2,20}?)(?:人民政府)?(?:代理|代|副)?(?:区长|县长|市长|省长|州长|旗长|盟长|主席)"
)
# 我代表清苑县人民政府 / 我代表县人民政府 / 我代表自治区人民政府: the report names itself, or its level.
_ON_BEHALF = re.compile(r"我代表([\u4e00-\u9fff]{0,16}?)人民政府")
_STATE_COUNCIL = re.compile(r"我代表国务院|国务院总理")
# The head of government's title: 代市长陈冬, 县长 崔华明 (not 副县长, a deputy; not 市长热线).
_HEAD_TITLE = re.compile(r"([区县市省州旗盟])长(?=\s*[\u4e00-\u9fff]{2,3}(?:[\s,,在作代]|$))")
# How a government speaks of itself: 区人大/区政协 (its own congress), 我区, 全区人民/全区上下. Plain 全市 is no
# signal: district reports rank themselves 全市排名第二 against the other districts of their city.
_SELF = re.compile(r"([区县市省旗州盟])(?:人大|政协)|我([区县市省旗州盟])|全([区县市省旗州盟])(?:人民|上下)")
# Level words a short form may be followed by (新疆自治区, 清苑县, 德宏州), longest first.
_SUFFIXES = ("自治区", "自治州", "自治县", "自治旗", "特别行政区", "省", "市", "县", "区", "旗", "州", "盟")
_SUFFIX_LEVEL = {"自治区": "province", "省": "province", "特别行政区": "province", "自治州": "city", "州": "city",
                 "盟": "city", "县": "county", "自治县": "county", "旗": "county", "自治旗": "county", "区": "district"}
# The one-character forms a report uses of itself (我县, 县人民政府) and the level words they stand for.
_LEVEL_WORDS = ("区", "县", "市", "省", "旗", "州", "盟", "自治区")
MIN_SHORT_ONLY = 5
MIN_CHILDREN = 2
# A two-character name (兴县, 和县) found as a word of ordinary text (产业兴县, 强市兴县富民) counts only when the text
# also names its city or province, or names it this often.
MIN_BARE_SHORT_NAME = 3
_LEAD = 3000  # 我代表…人民政府 and 我代表国务院 stand in a report's opening


@dataclass(frozen=True, slots=True)
class Named:
    """A government as a report names it: the name as written, and the gazetteer division it is."""

    name: str
    place: Place | None = None  # set when the name itself is not in the gazetteer (a renamed county)
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Government:
    district: str | None = None  # the reporting government's full name
    city: str | None = None
    province: str | None = None
    level: str | None = None
    evidence: str | None = None  # national / meeting / on-behalf / speaker / header / body / children
    note: str | None = None  # why a same-named division was resolved (or left unresolved), or why none was found


def self_level(text: str) -> str | None:
    counts = Counter("".join(groups) for groups in _SELF.findall(text))
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2)
    return None if rest and rest[0][1] == n else top


def _named_in(words: str) -> list[Named]:
    """The governments named in a short stretch (a meeting line, a title): full names, and a short form followed by
    a level word (新疆自治区 -> 新疆维吾尔自治区; 清苑县, a name since changed, -> as written)."""
    out: list[Named] = []
    for m in find_places(words):
        full = [n for n, is_full in m.names if is_full]
        if full:
            out += [Named(n) for n in full]
            continue
        after = words[m.start + len(m.form):]
        suffix = next((s for s in _SUFFIXES if after.startswith(s)), None)
        if suffix is None:
            continue
        level = _SUFFIX_LEVEL.get(suffix)
        for name, _ in m.names:
            for p in places_named(name):
                same_kind = name.endswith(suffix) or (level is not None and p.level == level)
                if same_kind:  # 新疆自治区 is 新疆维吾尔自治区, 德宏州 is 德宏傣族景颇族自治州
                    out.append(Named(name))
                elif p.level in ("district", "county") and level in ("district", "county"):
                    written = m.form + suffix
                    out.append(Named(written, Place(written, level, p.city, p.province, current=False),
                                     f"{written} is not in the gazetteer; {name} ({p.city or p.province}) bears its "
                                     "short form, so its city and province are taken"))
    return out


def _lowest(named: list[Named]) -> Named:
    """The most local government among names written together (武汉市青山区 -> 青山区)."""
    def rank(n: Named) -> int:
        levels = [n.place.level] if n.place else [p.level for p in places_named(n.name)]
        return min(LEVEL_RANK[level] for level in levels)

    return max(reversed(named), key=rank)


def _header_names(line: str) -> list[Named]:
    """Names in a title line; a common noun (老城区) counts only right after its city (阳泉市城区)."""
    mentions = find_places(line)
    after_city = set()
    for prev, m in pairwise(mentions):
        for name, is_full in m.names:
            if is_full and name in COMMON_NOUNS and prev.start + len(prev.form) == m.start and any(
                    f for f, full in prev.names if full and any(p.city == f for p in places_named(name))):
                after_city.add(name)
    return [n for n in _named_in(line) if n.name not in COMMON_NOUNS or n.name in after_city]


def _strong_positions(text: str, header: list[str], meeting: Meeting | None):
    """(evidence, words) where a report names itself, most trusted first."""
    if meeting:
        yield "meeting", meeting.place_text
    m = _ON_BEHALF.search(text, 0, _LEAD)
    if m and m.group(1) not in _LEVEL_WORDS:
        yield "on-behalf", m.group(1)
    for line in header:
        s = _SPEAKER.match(line)
        if s:
            yield "speaker", s.group(1)


def _stated_level(text: str, meeting: Meeting | None) -> str | None:
    """The level a report states for itself: 我代表县人民政府, 在县第十八届人民代表大会…."""
    m = _ON_BEHALF.search(text, 0, _LEAD)
    if m and m.group(1) in _LEVEL_WORDS:
        return "区" if m.group(1) == "自治区" else m.group(1)
    if meeting and meeting.place_text in _LEVEL_WORDS:
        return meeting.place_text
    return None


def _head_title_level(text: str) -> str | None:
    """The level in the title of the head of government a news lead names (代市长陈冬), when only one is named."""
    titles = {m.group(1) for m in _HEAD_TITLE.finditer(text, 0, _LEAD) if text[m.start() - 1:m.start()] != "副"}
    return titles.pop() if len(titles) == 1 else None


def _body_choice(mentions: list[Mention], self_char: str | None, text: str) -> str | None:
    # A two-character name (和县, 范县) is also two characters of ordinary words: it counts only as a whole word.
    mentions = [m for m in mentions if len(m.form) > 2 or not any(is_full for _, is_full in m.names)
                or is_whole_word(text, m.start, m.start + len(m.form))]
    full = Counter(n for m in mentions for n, is_full in m.names if is_full)
    named = {n for m in mentions for n, _ in m.names}

    def corroborated(name: str) -> bool:
        """The text names the name's city or province too (兴县 beside 吕梁 or 山西)."""
        return any(p.city in named or p.province in named for p in places_named(name))

    for name in [n for n in full if len(n) == 2 and full[n] < MIN_BARE_SHORT_NAME and not corroborated(n)]:
        del full[name]  # 产业兴县: a slogan's words, not 兴县 of 吕梁市
    # A short form that is an everyday word (资源, 合作, 港口) says nothing; one that is not (蔡甸, 容城) names its
    # division as surely as the full name.
    short = Counter(n for m in mentions for n, is_full in m.names if not is_full and not is_everyday_word(m.form))
    candidates = {n for n in set(full) | set(short) if n not in COMMON_NOUNS}
    if self_char:
        candidates = {n for n in candidates if n.endswith(self_char)}
    # A name written in full at least once, or in short form often (蔡甸 16 times, 蔡甸区 once or never); a short
    # form met fewer times counts when it is the only division of the report's own level the text names, and it is
    # a place's name in jieba's dictionary (西和) or the text names its city or province too (富民 of 强市兴县富民 is
    # a slogan's word, not 富民县).
    short_forms = {n: m.form for m in mentions for n, is_full in m.names if not is_full}
    scores = {n: 3 * full[n] + short[n] for n in candidates
              if full[n] or short[n] >= MIN_SHORT_ONLY
              or (self_char and len(candidates) == 1 and (is_place_word(short_forms[n]) or corroborated(n)))}
    if not scores:
        return None
    ranked = sorted(((sc, n) for n, sc in scores.items()), reverse=True)
    if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        return None
    return ranked[0][1]


def _parent_of_children(mentions: list[Mention], self_char: str | None) -> str | None:
    """全州 naming only its counties (陇川, 瑞丽): the one division of the report's level that holds two or more of
    the county-level divisions the text names, when no other does."""
    if self_char not in ("州", "市", "盟"):
        return None
    named = {n for m in mentions for n, _ in m.names}
    holding = {city: len(named & kids) for city, kids in children().items() if city.endswith(self_char)}
    best = [city for city, k in holding.items() if k >= MIN_CHILDREN]
    return best[0] if len(best) == 1 else None


def reporting_government(text: str, header: list[str], meeting: Meeting | None) -> Government:
    if (meeting is not None and meeting.national) or _STATE_COUNCIL.search(text, 0, _LEAD):
        return Government("全国", None, None, "national", "national")

    @cache
    def body() -> str:
        # the text is normalised (normalize.normalize_text): of the page's chrome only its posting stamps are left
        # (来源:西塞山区政府 时间:2020-08-03), for report_years; they name the site, not the report's government
        return "\n".join(ln for ln in text.split("\n") if not is_page_stamp(ln))

    @cache
    def mentions() -> list[Mention]:
        return find_places(body())

    for evidence, words in _strong_positions(text, header, meeting):
        named = _named_in(words)
        if named:
            return _government(_lowest(named), evidence, [n.name for n in named], mentions)
    self_char = _stated_level(text, meeting) or self_level(body()) or _head_title_level(text)
    for line in header:
        named = _header_names(CJK_SPACE.sub("", line))
        if named:
            pick = _lowest(named)
            # A site banner (湖北省人民政府门户网站) above a district's report: trust how the report speaks of
            # itself (区人大, 我区) over a header name of another level.
            if self_char and not pick.name.endswith(self_char):
                body_name = _body_choice(mentions(), self_char, body())
                if body_name:
                    return _government(Named(body_name), "body", [], mentions)
            return _government(pick, "header", [n.name for n in named], mentions)
    body_name = _body_choice(mentions(), self_char, body())
    if body_name:
        return _government(Named(body_name), "body", [], mentions)
    parent = _parent_of_children(mentions(), self_char)
    if parent:
        gov = _government(Named(parent), "children", [], mentions)
        return Government(gov.district, gov.city, gov.province, gov.level, gov.evidence,
                          f"the text names no government of its own; {parent} holds the divisions it names")
    return Government(note="the text names no government of its own (no meeting, speaker or title line names "
                           "one, and no division of its level is named in the body)")


def _government(named: Named, evidence: str, near: list[str], mentions: Callable[[], list[Mention]]) -> Government:
    if named.place is not None:
        p = named.place
        return Government(named.name, p.city, p.province, p.level, evidence, named.note)
    place, only_province, note = resolve(named.name, lambda: context_counts(mentions()), near)
    if place:
        city = None if place.level == "province" else place.city
        return Government(named.name, city, place.province, place.level, evidence, note)
    levels = {p.level for p in places_named(named.name)}
    return Government(named.name, None, only_province, levels.pop() if len(levels) == 1 else None, evidence, note)
