"""When and where a report was delivered: the date (one parser for every date a report carries) and the
people's congress meeting (在XX区第四届人民代表大会第五次会议上)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import DASHES, DATE, PAREN_DATE, to_date
from .numbers import YEAR_DIGITS, parse_int
from .places import find_places, full_names
from .titles import header_lines

_ORD = rf"[0-9{YEAR_DIGITS}零十百]{{1,4}}"
_CONGRESS = r"(?P<national>全国)?\s*(?:人民代表大会|人大)"
# "在西塞山区第四届人民代表大会第五次会议上", "在湖北省十三届人大四次会议上", "在第十届全国人民代表大会第二次会议上":
# the meeting the report was delivered to.
_MEETING = re.compile(
    rf"在(?P<place>[\u4e00-\u9fff]{{0,24}}?)\s*(?:"
    rf"第?(?P<term>{_ORD})\s*届\s*{_CONGRESS}\s*第?(?P<session>{_ORD})\s*次"  # 在西塞山区第四届人民代表大会第五次会议上
    rf"|人大\s*第?(?P<term2>{_ORD})\s*届\s*第?(?P<session2>{_ORD})\s*次"  # 在区人大十届一次会议上 (news wording)
    rf")(?:全体)?\s*会议\s*上"
)
# A news lead: "四川省第十三届人民代表大会第四次会议开幕", "湖北省十三届人大五次会议开幕".
_MEETING_NEWS = re.compile(
    rf"(?P<place>[\u4e00-\u9fff]{{2,24}}?)\s*第?(?P<term>{_ORD})\s*届\s*{_CONGRESS}\s*第?(?P<session>{_ORD})\s*次"
    rf"(?:全体)?\s*会议[^。\n]{{0,30}}?(?:开幕|召开|举行)"
)
# "西塞山区第四届人民代表大会第五次会议文件", "区十五届人大二次会议材料": the heading of a congress document.
_MEETING_FILE = re.compile(
    rf"^(?P<place>[\u4e00-\u9fff]{{0,24}}?)\s*第?(?P<term>{_ORD})\s*届\s*{_CONGRESS}\s*第?(?P<session>{_ORD})\s*次"
    rf"(?:全体)?\s*会议\s*(?:文件|材料)"
)
# The 9th National People's Congress first met in 1998; every term since lasts five years with one session a year.
_NPC_NINTH_TERM = 1998


@dataclass(frozen=True, slots=True)
class Meeting:
    place_text: str  # the name as written before 第X届 (may be "" or just "区")
    term: str
    session: str
    start: int
    end: int
    national: bool = False  # 全国人民代表大会: the State Council's report


def _meeting(m: re.Match, offset: int = 0) -> Meeting:
    term, session = (m.group("term"), m.group("session")) if m.group("term") else (m.group("term2"),
                                                                                  m.group("session2"))
    national = bool(m.groupdict().get("national"))
    return Meeting(m.group("place"), term, session, offset + m.start(), offset + m.end(), national)


def session_year(meeting: Meeting | None) -> int | None:
    """The year of a National People's Congress session (第十届…第二次会议: 2004); None for other congresses, whose
    terms are numbered place by place."""
    if meeting is None or not meeting.national:
        return None
    term, session = parse_int(meeting.term), parse_int(meeting.session)
    if not term or not session or not 1 <= session <= 5:
        return None
    return _NPC_NINTH_TERM + 5 * (term - 9) + session - 1


NEWS_LEAD = 1500  # a news report names the meeting in its first paragraph
_NEWS_PLACE_REACH = 24 + 6  # _MEETING_NEWS's name, 第 and ordinal before 届
_NEWS_AFTER_TERM = 80  # and after it: 全国人民代表大会, 第, ordinal, 次全体会议, up to 30 characters, 开幕
MAX_MEETING_LINE = 60  # "——2021年11月8日在曾都区第四届人民代表大会第一次会议上" is 35 characters


def find_meeting(text: str, limit: int = 3000) -> Meeting | None:
    """The meeting the report was delivered to: on its own short line ("——2020年6月29日在…会议上"), or in a news
    lead followed by 作政府工作报告. A meeting a speech merely recalls ("在区十五届人大一次会议上,我们提出…")
    stands inside a long paragraph, undated, and is skipped."""
    for line in header_lines(text):
        m = _MEETING_FILE.match(line)
        if m:
            return _meeting(m, text.find(line))
    for m in _MEETING.finditer(text[:limit]):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        after = text[m.end() : m.end() + 20]
        dated = DATE.search(text[max(0, m.start() - 15) : m.start()]) is not None  # "2012年1月3日在…"
        if line_end - line_start <= MAX_MEETING_LINE or dated or ("作" in after and "报告" in after):
            return _meeting(m)
    lead = text[:NEWS_LEAD]
    # The pattern's lazy start is tried at every position, each with up to 24 name lengths: search only around
    # each 届 it needs, from as far before it as the name reaches to as far after it as the rest of the match.
    key = lead.find("届")
    while key >= 0:
        m = _MEETING_NEWS.search(lead, max(0, key - _NEWS_PLACE_REACH), key + _NEWS_AFTER_TERM)
        if m:
            if m.group("national") or full_names(find_places(m.group("place"))):
                return _meeting(m)
            return None
        key = lead.find("届", key + 1)
    return None


def delivered_on(text: str, header: list[str], meeting: Meeting | None) -> date | None:
    if meeting:
        # The date stands just before 在, sometimes on the line above ("2021年1月24日\n在湖北省…").
        before = text[max(0, meeting.start - 30) : meeting.start]
        dates = list(DATE.finditer(before))
        if dates:
            return to_date(dates[-1])
    for line in header:
        m = PAREN_DATE.search(line)
        if m:
            d = DATE.search(m.group(0))
            return to_date(d) if d else None
        bare = DATE.fullmatch(DASHES.sub("", line))
        if bare:
            return to_date(bare)
    return None


_MONTH_DAY_BEFORE = re.compile(r"(?<![\d年])(1[0-2]|[1-9])\s*月\s*([12]\d|3[01]|[1-9])\s*日[^\n。]{0,8}$")
_MONTH_DAY_REACH = 24 + 20  # the meeting's place name, and the time of day and a comma before it (上午9时,)


def meeting_day(text: str, meeting: Meeting | None) -> tuple[int, int] | None:
    """(month, day) written without a year just before the meeting where a news lead names it ("1月12日上午,高阳县
    第十八届人民代表大会第三次会议隆重开幕"; a headline may name it first): the delivery day, in the year the report
    is found to be delivered."""
    if meeting is None:
        return None
    name = f"{meeting.term}届"
    at = text.find(name, 0, NEWS_LEAD)
    while at >= 0:
        m = _MONTH_DAY_BEFORE.search(text, max(0, at - _MONTH_DAY_REACH), at - len(meeting.place_text or ""))
        if m:
            return int(m.group(1)), int(m.group(2))
        at = text.find(name, at + 1, NEWS_LEAD)
    return None


def dated_in(year: int | None, month_day: tuple[int, int] | None) -> date | None:
    if year is None or month_day is None:
        return None
    try:
        return date(year, *month_day)
    except ValueError:  # 2月30日
        return None


# --- whose report -----------------------------------------------------------------------------------------------

def meeting_name(meeting: Meeting | None, district: str | None) -> str | None:
    """西塞山区第四届人民代表大会第五次会议; a meeting line naming only 区/县 (在区十五届人大…) takes the district."""
    if meeting is None:
        return None
    if meeting.national:
        return f"第{meeting.term}届全国人民代表大会第{meeting.session}次会议"
    owner = meeting.place_text
    if (not owner or owner in ("区", "县", "市", "省", "旗", "州")) and district:
        owner = district
    return f"{owner}第{meeting.term}届人民代表大会第{meeting.session}次会议"
