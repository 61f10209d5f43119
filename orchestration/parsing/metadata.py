"""What a report says about itself: whose report it is (district, city, province, level), when and where it was
delivered (date, congress meeting), its title and whether it is an abstract.

The reporting government is looked for in order of trust: the meeting line ("在XX区第X届人民代表大会第X次会议上"),
the speaker line ("XX区人民政府代区长何胜"), the title lines, then how often each division is named in the body,
counting only divisions of the level the report speaks of itself as (全区/我区 -> a 区). A name shared by several
divisions (青山区 in 武汉 and 包头) is resolved by which parent city or province the text names more often;
when the text does not decide, city and province stay None and `location_note` says why.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import compress

from .dictionaries import gazetteer
from .normalize import is_boilerplate_line
from .records import ReportMeta, Section

# --- gazetteer index --------------------------------------------------------------------------------------------

_LEVEL_RANK = {"province": 0, "city": 1, "district": 2, "county": 2}
# Division names that are also everyday nouns in reports (中心城区, 老城区, 新城区): in the body they say nothing about
# whose report it is; they still count in a meeting, speaker or title line.
_COMMON_NOUNS = frozenset(
    {
        "城区",
        "郊区",
        "矿区",
        "新城区",
        "老城区",
        "东区",
        "西区",
        "南区",
        "北区",
        "中区",
        "新区",
        "市中区",
        "城中区",
        "城东区",
        "城西区",
        "城北区",
        "城南区",
        "新市区",
        "高新区",
        "开发区",
    }
)


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


# Governments that deliver no 政府工作报告 (Hong Kong and Macao give 施政报告). Many of their district names are
# everyday words (大社区, 东区, 中西区) that would otherwise be "found" in the body of a mainland report.
_NO_WORK_REPORTS = frozenset({"台湾省", "香港特别行政区", "澳门特别行政区"})


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


@dataclass(frozen=True, slots=True)
class Mention:
    form: str
    start: int
    names: tuple[tuple[str, bool], ...]  # (full name, is_full_form)


@lru_cache(maxsize=1)
def _scan_tables() -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """A pattern finding the positions where a form may start (a first character followed by a second one), and
    for each two-character prefix the lengths of the forms starting with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for form in _index().forms:
        if len(form) >= 2:
            lengths.setdefault(form[:2], set()).add(len(form))
    firsts = "".join(sorted({p[0] for p in lengths}))
    seconds = "".join(sorted({p[1] for p in lengths}))
    # Starting with a character class lets the regex engine skip every other position in C; the look-ahead
    # consumes nothing, so a candidate overlapping the previous one is still seen.
    pattern = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")
    return pattern, {p: tuple(sorted(v, reverse=True)) for p, v in lengths.items()}


def find_places(text: str) -> list[Mention]:
    """Division names in the text, leftmost-longest (岳阳楼区 is one name, not 岳阳 + 楼区); linear in the text.

    Hand-written rather than jieba: the gazetteer forms must win over jieba's own words. The regex engine picks the
    few positions whose first two characters could start a form; only there are the forms looked up, longest first.
    (A single alternation of all forms, or pyahocorasick, was measured slower: both try thousands of first
    characters one by one at every position.)
    """
    forms = _index().forms
    pattern, lengths = _scan_tables()
    # Most candidates pair two characters that start no form; they are dropped by map/compress, without a Python
    # step per candidate.
    starts = list(map(re.Match.start, pattern.finditer(text)))
    pairs = map(text.__getitem__, map(slice, starts, map((2).__add__, starts)))
    out: list[Mention] = []
    resume = 0  # a name found covers its characters: the next one starts after it
    for i in compress(starts, map(lengths.__contains__, pairs)):
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


def _full_names(mentions: list[Mention]) -> list[str]:
    return [name for m in mentions for name, full in m.names if full]


# --- header, title, abstract ------------------------------------------------------------------------------------

_SECTION_HEAD = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff()]) +(?=[\u4e00-\u9fff()])")
_ABSTRACT = re.compile(r"摘要|摘登|摘编")
MAX_HEADER_LINES = 25


def header_lines(text: str) -> list[str]:
    """The lines before the speech starts: title, date, meeting, speaker."""
    out: list[str] = []
    for line in text[:6000].split("\n"):
        s = line.strip()
        if not s or is_boilerplate_line(s):
            continue
        if s.startswith("各位代表") or _SECTION_HEAD.match(s) or len(s) > 80:  # the speech has begun
            break
        out.append(s)
        if len(out) >= MAX_HEADER_LINES:
            break
    return out


def _title(header: list[str]) -> str | None:
    """The first header line that names a report (a site banner may stand above it), else the first line."""
    titles = []
    for line in header:
        s = _CJK_SPACE.sub("", line)  # letter-spaced titles: 政 府 工 作 报 告
        s = _PAREN_DATE.sub("", s).strip()
        if s and len(s) <= 80 and not _DATE.fullmatch(_DASHES.sub("", s)) and not s.startswith(("——", "—")):
            titles.append(s)
    return next((t for t in titles if "报告" in t), titles[0] if titles else None)


# --- dates and meeting ------------------------------------------------------------------------------------------

_DASHES = re.compile(r"^[—\-\s]+|[—\-\s]+$")  # "——2021年11月8日"
_NUM = r"[0-9〇零一二三四五六七八九十]"
_DATE = re.compile(rf"({_NUM}{{4}})\s*年\s*({_NUM}{{1,3}})\s*月\s*({_NUM}{{1,3}})\s*日")
_PAREN_DATE = re.compile(rf"[(]\s*{_NUM}{{4}}\s*年\s*{_NUM}{{1,3}}\s*月\s*{_NUM}{{1,3}}\s*日\s*[)]")
_ORD = r"[0-9〇零一二三四五六七八九十百]{1,4}"
# "在西塞山区第四届人民代表大会第五次会议上", "在湖北省十三届人大四次会议上": the meeting the report was delivered to.
_MEETING = re.compile(
    rf"在([\u4e00-\u9fff]{{0,24}}?)\s*(?:"
    rf"第?({_ORD})\s*届\s*(?:人民代表大会|人大)\s*第?({_ORD})\s*次"  # 在西塞山区第四届人民代表大会第五次会议上
    rf"|人大\s*第?({_ORD})\s*届\s*第?({_ORD})\s*次"  # 在区人大十届一次会议上 (news wording)
    rf")(?:全体)?\s*会议\s*上"
)
# A news lead: "四川省第十三届人民代表大会第四次会议开幕", "湖北省十三届人大五次会议开幕".
_MEETING_NEWS = re.compile(
    rf"([\u4e00-\u9fff]{{2,24}}?)\s*第?({_ORD})\s*届\s*(?:人民代表大会|人大)\s*第?({_ORD})\s*次(?:全体)?\s*会议"
    rf"[^。\n]{{0,30}}?(?:开幕|召开|举行)"
)
_MEETING_KEY = re.compile(r"届\s*(?:人民代表大会|人大)")
_MEETING_NEWS_REACH = 24 + 1 + 4  # _MEETING_NEWS's non-space characters before 届: name, 第, ordinal
# "西塞山区第四届人民代表大会第五次会议文件", "区十五届人大二次会议材料": the heading of a congress document.
_MEETING_FILE = re.compile(
    rf"^([\u4e00-\u9fff]{{0,24}}?)\s*第?({_ORD})\s*届\s*(?:人民代表大会|人大)\s*第?({_ORD})\s*次(?:全体)?\s*会议\s*(?:文件|材料)"
)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def _cn_int(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if len(s) == 4 and all(c in _CN_DIGITS for c in s):  # 二〇二一: digit by digit, as years are written
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    try:
        import cn2an

        return int(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _to_date(m: re.Match) -> date | None:
    y, mo, d = (_cn_int(g) for g in m.groups())
    if y is None or mo is None or d is None or not 1949 <= y <= 2100:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Meeting:
    place_text: str  # the name as written before 第X届 (may be "" or just "区")
    term: str
    session: str
    start: int
    end: int


NEWS_LEAD = 1500  # a news report names the meeting in its first paragraph
MAX_MEETING_LINE = 60  # "——2021年11月8日在曾都区第四届人民代表大会第一次会议上" is 35 characters


def _find_meeting(text: str, limit: int = 3000) -> _Meeting | None:
    """The meeting the report was delivered to: on its own short line ("——2020年6月29日在…会议上"), or in a news
    lead followed by 作政府工作报告. A meeting a speech merely recalls ("在区十五届人大一次会议上,我们提出…")
    stands inside a long paragraph, undated, and is skipped."""
    for line in header_lines(text):
        m = _MEETING_FILE.match(line)
        if m:
            start = text.find(line)
            return _Meeting(m.group(1), m.group(2), m.group(3), start, start + m.end())
    for m in _MEETING.finditer(text[:limit]):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        after = text[m.end() : m.end() + 20]
        dated = _DATE.search(text[max(0, m.start() - 15) : m.start()]) is not None  # "2012年1月3日在…"
        if line_end - line_start <= MAX_MEETING_LINE or dated or ("作" in after and "报告" in after):
            term, session = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
            return _Meeting(m.group(1), term, session, m.start(), m.end())
    m = _news_meeting(text[:NEWS_LEAD])
    if m and _full_names(find_places(m.group(1))):
        return _Meeting(m.group(1), m.group(2), m.group(3), m.start(), m.end())
    return None


def _news_meeting(lead: str) -> re.Match | None:
    """_MEETING_NEWS.search(lead), searched only where a match can start.

    The pattern's lazy start is tried at every position. A match needs 届人大/届人民代表大会 (_MEETING_KEY), which most
    leads lack, and starts at most 29 non-space characters (name, 第, ordinal) before its 届, which is at or after
    the first 届 of the key."""
    key = _MEETING_KEY.search(lead)
    if key is None:
        return None
    start, seen = key.start(), 0
    while start > 0 and seen < _MEETING_NEWS_REACH:
        start -= 1
        seen += not lead[start].isspace()
    return _MEETING_NEWS.search(lead, start)


def _delivered_on(text: str, header: list[str], meeting: _Meeting | None) -> date | None:
    if meeting:
        # The date stands just before 在, sometimes on the line above ("2021年1月24日\n在湖北省…").
        before = text[max(0, meeting.start - 30) : meeting.start]
        dates = list(_DATE.finditer(before))
        if dates:
            return _to_date(dates[-1])
    for line in header:
        m = _PAREN_DATE.search(line)
        if m:
            d = _DATE.search(m.group(0))
            return _to_date(d) if d else None
        bare = _DATE.fullmatch(_DASHES.sub("", line))
        if bare:
            return _to_date(bare)
    return None


# --- whose report -----------------------------------------------------------------------------------------------

_SPEAKER = re.compile(
    r"^([\u4e00-\u9fff]{2,20}?)(?:人民政府)?(?:代理|代|副)?(?:区长|县长|市长|省长|州长|旗长|盟长|主席)"
)
# How a government speaks of itself: 区人大/区政协 (its own congress), 我区, 全区人民/全区上下. Plain 全市 is no
# signal: district reports rank themselves 全市排名第二 against the other districts of their city.
_SELF = re.compile(r"([区县市省旗州盟])(?:人大|政协)|我([区县市省旗州盟])|全([区县市省旗州盟])(?:人民|上下)")
# _SELF with its first character taken before the alternatives (the first alternative's look-behind gives it back
# to group 1), so that the regex engine can skip to those characters: the same matches and groups, found faster.
_SELF_FAST = re.compile(
    r"[区县市省旗州盟我全](?:(?<=([区县市省旗州盟]))(?:人大|政协)|(?<=我)([区县市省旗州盟])|(?<=全)([区县市省旗州盟])(?:人民|上下))"
)


def _lowest(names: list[str]) -> str | None:
    """The most local division among names written together (武汉市青山区 -> 青山区)."""
    best = None
    for name in names:
        rank = min(_LEVEL_RANK[p.level] for p in places_named(name))
        if best is None or rank >= best[0]:
            best = (rank, name)
    return best[1] if best else None


def _self_level(text: str) -> str | None:
    counts = Counter("".join(groups) for groups in _SELF_FAST.findall(text))
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
        if n not in _COMMON_NOUNS and (full[n] or short[n] >= MIN_SHORT_ONLY)
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


def _context_counts(mentions: list[Mention]) -> tuple[Counter, Counter]:
    """How often each division is named (full or short form), and how often in full."""
    any_form = Counter(n for m in mentions for n, _ in m.names)
    full = Counter(n for m in mentions for n, is_full in m.names if is_full)
    return any_form, full


@lru_cache(maxsize=1)
def _children() -> dict[str, frozenset[str]]:
    """city -> the names of its county-level divisions."""
    out: dict[str, set[str]] = {}
    for places in _index().places.values():
        for p in places:
            if p.level in ("district", "county") and p.city:
                out.setdefault(p.city, set()).add(p.name)
    return {k: frozenset(v) for k, v in out.items()}


def _resolve(
    name: str, counts: Callable[[], tuple[Counter, Counter]], near: list[str]
) -> tuple[Place | None, str | None, str | None]:
    """(place, province when only that is certain, note) for a name that may belong to several divisions.

    `counts` gives the body's name counts (_context_counts), asked for only when the name is ambiguous."""
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
        score += sum(full.get(x, 0) for x in _children().get(p.city or "", ()) if x != name)
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


@dataclass(frozen=True, slots=True)
class _Who:
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
        if full[0] in _COMMON_NOUNS:
            prev = mentions[i - 1] if i else None
            if not (
                prev
                and prev.start + len(prev.form) == m.start
                and any(f for f, is_full in prev.names if is_full and any(p.city == f for p in places_named(full[0])))
            ):
                continue
        names.extend(full)
    return names


def _who(body: Callable[[], str], header: list[str], meeting: _Meeting | None,
         body_mentions: Callable[[], list[Mention]]) -> _Who:
    """`body` and `body_mentions` give the text without boilerplate lines and its place names: only reports without
    a meeting or speaker line need them, and scanning a whole text for names is most of extract_meta's time."""
    if meeting:
        names = _full_names(find_places(meeting.place_text))
        if names:
            return _Who(_lowest(names), "meeting", names)
    for line in header:
        m = _SPEAKER.match(line)
        if m:
            names = _full_names(find_places(m.group(1)))
            if names:
                return _Who(_lowest(names), "speaker", names)
    self_char = _self_level(body())
    if meeting and meeting.place_text in ("区", "县", "市", "省", "旗", "州"):
        self_char = meeting.place_text
    for line in header:
        names = _header_names(_CJK_SPACE.sub("", line))
        if names:
            name = _lowest(names)
            # A site banner (湖北省人民政府门户网站) above a district's report: trust how the report speaks of
            # itself (区人大, 我区) over a header name of another level.
            if self_char and not name.endswith(self_char):
                body_name = _body_choice(body_mentions(), self_char)
                if body_name:
                    return _Who(body_name, "body", [])
            return _Who(name, "header", names)
    body_name = _body_choice(body_mentions(), self_char)
    return _Who(body_name, "body" if body_name else None, [])


# --- entry point ------------------------------------------------------------------------------------------------


def extract_meta(text: str, sections: list[Section]) -> ReportMeta:
    header = header_lines(text)
    meeting = _find_meeting(text)

    @cache
    def body() -> str:
        return "\n".join(ln for ln in text.split("\n") if not is_boilerplate_line(ln))

    @cache
    def mentions() -> list[Mention]:
        return find_places(body())

    who = _who(body, header, meeting, mentions)

    district = city = province = level = note = None
    if who.name:
        place, only_province, note = _resolve(who.name, lambda: _context_counts(mentions()), who.near)
        district = who.name
        if place:
            level, province = place.level, place.province
            city = None if place.level == "province" else place.city
        else:
            province = only_province
            levels = {p.level for p in places_named(who.name)}
            level = levels.pop() if len(levels) == 1 else None

    meeting_name = None
    if meeting:
        owner = meeting.place_text
        if (not owner or owner in ("区", "县", "市", "省", "旗", "州")) and district:
            owner = district
        meeting_name = f"{owner}第{meeting.term}届人民代表大会第{meeting.session}次会议"

    years = _years(text, sections)
    delivered = _delivered_on(text, header, meeting)
    report_year = years.report_year if years else None
    if report_year is None and delivered is not None:
        # a news summary dates the meeting by its dateline (2015年1月20日 … 1月19日上午,…会议开幕), not by the
        # "——2015年1月19日在…会议上" line of the report itself
        report_year = delivered.year
    return ReportMeta(
        district=district,
        city=city,
        province=province,
        admin_level=level,
        report_year=report_year,
        review_year=years.review_year if years else None,
        plan_year=years.plan_year if years else None,
        delivered_on=delivered,
        meeting=meeting_name,
        is_abstract=any(_ABSTRACT.search(_CJK_SPACE.sub("", ln)) for ln in header[:5]),
        title=_title(header),
        district_evidence=who.evidence,
        location_note=note,
    )


def _years(text: str, sections: list[Section]):
    try:
        from .years import report_years
    except ImportError:  # years.py is another module's job; metadata stays usable without it
        return None
    return report_years(text, sections)


def years_from_figures(meta: ReportMeta, figures: list) -> ReportMeta:
    """Fill review/plan years the headings did not give from the figures' own years.

    A news summary or excerpt has no 工作回顾 / 工作安排 headings, yet its results and targets are dated
    ("2022年…增长4.3%", "2023年…预期增长6.5%左右"). The most common year of one-year results is the review
    year and of one-year targets the plan year; a year is only filled when the text gives one, never guessed.
    """
    from dataclasses import replace

    def most_common(statuses: tuple[str, ...]) -> int | None:
        years = Counter(f.year for f in figures
                        if f.status in statuses and f.span_years == 1 and f.year and f.indicator and f.is_headline)
        return years.most_common(1)[0][0] if years else None

    review = meta.review_year if meta.review_year is not None else most_common(("actual", "estimate"))
    plan = meta.plan_year if meta.plan_year is not None else most_common(("target",))
    if review is not None and plan is not None and not 0 <= plan - review <= 1:
        return meta  # inconsistent dates: leave the unknown ones unknown
    return replace(meta, review_year=review, plan_year=plan)
