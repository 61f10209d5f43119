"""Which government delivers the report, in order of trust: the meeting line ("在XX区第X届人民代表大会第X次会议
上"), the speaker line ("XX区人民政府代区长何胜"), the title lines, then how often each division is named in the body,
counting only divisions of the level the report speaks of itself as (全区/我区 -> a 区)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from .delivery import Meeting
from .normalize import is_boilerplate_line
from .places import COMMON_NOUNS, Mention, context_counts, find_places, full_names, lowest, places_named, resolve
from .titles import CJK_SPACE

_SPEAKER = re.compile(
    r"^([\u4e00-\u9fff]{2,20}?)(?:人民政府)?(?:代理|代|副)?(?:区长|县长|市长|省长|州长|旗长|盟长|主席)"
)
# How a government speaks of itself: 区人大/区政协 (its own congress), 我区, 全区人民/全区上下. Plain 全市 is no
# signal: district reports rank themselves 全市排名第二 against the other districts of their city.
_SELF = re.compile(r"([区县市省旗州盟])(?:人大|政协)|我([区县市省旗州盟])|全([区县市省旗州盟])(?:人民|上下)")



def self_level(text: str) -> str | None:
    counts = Counter("".join(groups) for groups in _SELF.findall(text))
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2)
    return None if rest and rest[0][1] == n else top


MIN_SHORT_ONLY = 5


def _body_choice(mentions: list[Mention], self_char: str | None) -> str | None:
    full = Counter(n for m in mentions for n, is_full in m.names if is_full)
    short = Counter(n for m in mentions for n, is_full in m.names if not is_full)
    # A name written in full at least once, or in short form often (蔡甸 16 times, 蔡甸区 once or never).
    scores = {
        n: 3 * full[n] + short[n]
        for n in set(full) | set(short)
        if n not in COMMON_NOUNS and (full[n] or short[n] >= MIN_SHORT_ONLY)
    }
    if self_char:
        scores = {n: s for n, s in scores.items() if n.endswith(self_char)}
    if not scores:
        return None
    # A name written in full beats any short-form count: short forms are often everyday words (资源, 合作, 和平).
    ranked = sorted(((bool(full[n]), sc, n) for n, sc in scores.items()), reverse=True)
    if len(ranked) > 1 and ranked[1][:2] == ranked[0][:2]:
        return None
    return ranked[0][2]


@dataclass(frozen=True, slots=True)
class Who:
    name: str | None
    evidence: str | None
    near: list[str]


def _header_names(line: str) -> list[str]:
    """Full names in a title line; a common noun (老城区) counts only right after its city (阳泉市城区)."""
    mentions = find_places(line)
    names = []
    for i, m in enumerate(mentions):
        full = [n for n, is_full in m.names if is_full]
        if not full:
            continue
        if full[0] in COMMON_NOUNS:
            prev = mentions[i - 1] if i else None
            if not (
                prev
                and prev.start + len(prev.form) == m.start
                and any(f for f, is_full in prev.names if is_full and any(p.city == f for p in places_named(full[0])))
            ):
                continue
        names.extend(full)
    return names


def who(body: Callable[[], str], header: list[str], meeting: Meeting | None,
         body_mentions: Callable[[], list[Mention]]) -> Who:
    """`body` and `body_mentions` give the text without boilerplate lines and its place names: only reports without
    a meeting or speaker line need them, and scanning a whole text for names is most of extract_meta's time."""
    if meeting:
        names = full_names(find_places(meeting.place_text))
        if names:
            return Who(lowest(names), "meeting", names)
    for line in header:
        m = _SPEAKER.match(line)
        if m:
            names = full_names(find_places(m.group(1)))
            if names:
                return Who(lowest(names), "speaker", names)
    self_char = self_level(body())
    if meeting and meeting.place_text in ("区", "县", "市", "省", "旗", "州"):
        self_char = meeting.place_text
    for line in header:
        names = _header_names(CJK_SPACE.sub("", line))
        if names:
            name = lowest(names)
            # A site banner (湖北省人民政府门户网站) above a district's report: trust how the report speaks of
            # itself (区人大, 我区) over a header name of another level.
            if self_char and not name.endswith(self_char):
                body_name = _body_choice(body_mentions(), self_char)
                if body_name:
                    return Who(body_name, "body", [])
            return Who(name, "header", names)
    body_name = _body_choice(body_mentions(), self_char)
    return Who(body_name, "body" if body_name else None, [])


# --- entry point ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Government:
    district: str | None = None  # the reporting government's full name
    city: str | None = None
    province: str | None = None
    level: str | None = None
    evidence: str | None = None  # meeting / speaker / header / body: how it was found
    note: str | None = None  # why a same-named division was resolved (or left unresolved)


def reporting_government(text: str, header: list[str], meeting: Meeting | None) -> Government:
    @cache
    def body() -> str:
        return "\n".join(ln for ln in text.split("\n") if not is_boilerplate_line(ln))

    @cache
    def mentions() -> list[Mention]:
        return find_places(body())

    found = who(body, header, meeting, mentions)
    if not found.name:
        return Government(evidence=found.evidence)
    place, only_province, note = resolve(found.name, lambda: context_counts(mentions()), found.near)
    if place:
        city = None if place.level == "province" else place.city
        return Government(found.name, city, place.province, place.level, found.evidence, note)
    levels = {p.level for p in places_named(found.name)}
    return Government(found.name, None, only_province, levels.pop() if len(levels) == 1 else None,
                      found.evidence, note)
