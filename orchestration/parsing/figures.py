"""Every number with a unit, with what it measures, its hedge, its year and whether it is a result or a target.

One pass over the number matches of the whole text; each sentence's figures are then read left to right,
so a growth rate that hangs off a level ("地方生产总值220.07亿元,同比增长9.1%") inherits the level's subject
and 分别 lists map in order. Nothing rescans the whole text per figure.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from . import patterns as P
from .bounds import read_bound
from .dictionaries import units
from .lexicon import RATE_CODES, AliasHit, alias_at, compatible, find_aliases, shared_head, urban_rural
from .numbers import fold_width, parse_number
from .records import Figure, ReportMeta, Section
from .status import commitment_of, read_status

_MAX_SENTENCE = 600
_NEWLINE = re.compile("\n")
_CLAUSE_PUNCT = re.compile("[,;:、。]")
_LIST_JOINT = re.compile("[、和及与]")
_HEDGE_REACH = max(map(len, P.PREFIX_KIND))  # PREFIX_BOUND's longest hedge word
_HEDGE_LAST = frozenset(word[-1] for word in P.PREFIX_KIND)
# The order extract_figures passes Figure's fields in; checked at import so that a reordered record fails loudly.
_FIGURE_FIELDS = ("figure_id", "section_id", "value", "unit", "measure", "bound", "value_high", "value_base",
                  "unit_base", "indicator", "subject", "is_headline", "year", "span_years", "status", "commitment",
                  "qualifier", "comparator", "status_cue", "char_start", "char_end", "evidence", "sentence")
if tuple(f.name for f in fields(Figure))[:len(_FIGURE_FIELDS)] != _FIGURE_FIELDS:
    raise ImportError("records.Figure's fields changed order: update figures._FIGURE_FIELDS and extract_figures")


def _plain_words(pattern: re.Pattern[str], head: str, tail: str) -> list[str] | None:
    """The words of a pattern written head + "w1|w2|…" + tail with plain words, else None."""
    words = pattern.pattern.removeprefix(head).removesuffix(tail).split("|")
    plain = all(words) and not any(ch in "\\()[]{}?*+.^$" for w in words for ch in w)
    return words if plain and pattern.pattern == head + "|".join(words) + tail else None


# First characters of SUBJECT_LEAD's words and last ones of SUBJECT_TAIL's; None (always try) if either changes shape.
_LEAD_WORDS = _plain_words(P.SUBJECT_LEAD, "^(?:", ")+")
_TAIL_WORDS = _plain_words(P.SUBJECT_TAIL, "(?:", ")+$")
_LEAD_FIRST = frozenset(w[0] for w in _LEAD_WORDS) if _LEAD_WORDS else None
_TAIL_LAST = frozenset(w[-1] for w in _TAIL_WORDS) | {"\n"} if _TAIL_WORDS else None  # $ matches before a final \n
_CN_UNIT_KINDS = frozenset({"money", "persons", "area", "mass", "length", "volume", "power", "points"})


@dataclass(slots=True)
class _Hit:
    start: int  # hedge word before the number included
    end: int  # unit and trailing hedge included
    num_start: int
    value: float
    value_high: float | None
    unit: str
    bound: str
    qualifier: str | None


@dataclass(slots=True)
class _Subject:
    code: str | None
    text: str | None
    start: int  # where the subject words start (evidence starts here)
    headline: bool = True


def _in_run(ch: str) -> bool:
    return ch.isdecimal() or ch == "." or ch in P.CHINESE_CHARS or ch == "第"


@lru_cache(maxsize=1)
def _run_followers() -> frozenset[str] | None:
    """The characters that can stand right after a number run inside a figure; None when any may.

    A figure needs a unit, and no unit is written in number characters alone, so a figure starting a run goes on
    past it: the next character belongs to a thousands separator, a 点 decimal, a range (dash, whitespace), 余/多
    or a unit. Most runs (一 of 进一步, 2020 of 2020年) are followed by none of these and are never tried.
    (Checked in Python, not as a look-ahead after the run: a failed look-ahead would make the engine retry from
    every character inside the run, quadratic in a long line of digits.)
    """
    if any(all(_in_run(ch) for ch in unit) for unit in units()):
        return None
    return frozenset(",点余多—–-~～到至").union(*units())


def _hits(work: str) -> list[_Hit]:
    table = units()
    out: list[_Hit] = []
    figure = P.figure_re()
    followers = _run_followers()
    resume = 0
    for run in P.NUMBER_RUN.finditer(work):
        # the same matches as figure_re().finditer(work): no match can start inside a run or inside the last match
        start = run.start()
        if start < resume:
            continue
        if followers is not None:
            after = work[run.end():run.end() + 1]
            if not after or (after not in followers and not after.isspace()):
                continue
        m = figure.match(work, start)
        if m is None:
            continue
        resume = m.end()
        unit = m.group("unit")
        if m.group("mult"):  # 2万余人: the multiplier stands before 余, the unit after it
            unit = m.group("mult") + unit
            if unit not in table:
                continue
        if work.startswith(P.NOT_UNIT_AFTER.get(unit[-1], ()), m.end("unit")):
            continue
        lo = m.group("lo")
        if not lo[0].isdigit() and table[unit][2] not in _CN_UNIT_KINDS:
            continue  # 两个维护, 一次: counting words in prose, not figures
        value = parse_number(lo)
        if value is None:
            continue
        high = None
        if m.group("hi"):
            lounit = m.group("lounit")
            if lounit and lounit != unit:
                continue
            high = parse_number(m.group("hi"))
        bound, qualifier, start = read_bound(work, m.start(), m.group("suffix"), m.group("more"), high is not None)
        out.append(_Hit(start, m.end(), m.start(), value, high, unit, bound, qualifier))
    return out


class _Doc:
    """Positions computed once per report: sentences, paragraphs, sections."""

    def __init__(self, text: str, sections: list[Section]):
        self.work = fold_width(text)
        self.text = text
        ends = list(map(re.Match.end, P.SENTENCE_END.finditer(self.work)))
        self.sent_starts = [0] + ends
        self.sent_ends = ends + [len(text)]
        self.para_starts = [0, *map(re.Match.end, _NEWLINE.finditer(self.work))]
        self.sections = sorted(sections, key=lambda s: (s.char_start, s.level))
        self.sec_starts = [s.char_start for s in self.sections]
        self.sec_by_id = {s.section_id: s for s in self.sections}

    def clause_start(self, pos: int, floor: int) -> int:
        """Start of the clause (after , ; : 。, the P.CLAUSE_BOUNDARY marks) holding pos, not before floor.

        Searched back from pos on demand: a list of every mark in the text (one per ten characters) costs more
        to build than the few look-ups near figures."""
        w = self.work
        mark = max(w.rfind(",", floor, pos), w.rfind(";", floor, pos),
                   w.rfind(":", floor, pos), w.rfind("。", floor, pos))
        return mark + 1 if mark >= 0 else floor

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        start, end = self.sent_starts[i], self.sent_ends[i]
        if end - start > _MAX_SENTENCE:
            # A run-on "sentence" (lost punctuation, a table flattened into one line) is read in windows,
            # so context slices stay short and the pass stays linear.
            start, end = max(start, pos - _MAX_SENTENCE // 2), min(end, pos + _MAX_SENTENCE // 2)
        return start, end

    def paragraph_start(self, pos: int) -> int:
        return self.para_starts[bisect.bisect_right(self.para_starts, pos) - 1]

    def five_year(self, sec: Section | None) -> bool:
        """Whether the section or one above it is about a five-year term by its title (过去五年工作回顾, 五年来)."""
        while sec is not None:
            if "五年" in sec.title:
                return True
            sec = self.sec_by_id.get(sec.parent_id)
        return False

    def section(self, pos: int) -> Section | None:
        i = bisect.bisect_right(self.sec_starts, pos) - 1
        while i >= 0:
            s = self.sections[i]
            if s.char_start <= pos < s.char_end:
                # the deepest section holding pos is the last one starting before it that still covers it
                return s
            i -= 1
        return None


def _runs(hits: list[_Hit], work: str) -> list[list[_Hit]]:
    """Figures joined only by 、/和 (58万亩、26万吨) form one list."""
    runs: list[list[_Hit]] = []
    for h in hits:
        if runs and P.RUN_GAP.match(work[runs[-1][-1].end:h.start]):
            runs[-1].append(h)
        else:
            runs.append([h])
    return runs


def _headline(doc: _Doc, alias: AliasHit, floor: int) -> bool:
    work = doc.work
    before = work[doc.clause_start(alias.start, floor):alias.start]
    if P.SUBAREA.search(before):
        return False
    # For a split alias (技改项目…投资) the words before B are what could narrow it.
    return not P.NARROWING.search(work[max(floor, alias.key_start - 6):alias.key_start])


def _bound_subject(doc: _Doc, alias: AliasHit, floor: int) -> _Subject:
    return _Subject(alias.code, alias.text, alias.start, _headline(doc, alias, floor))


def _split_items(doc: _Doc, seg_start: int, seg_end: int, k: int) -> list[tuple[int, int]] | None:
    """The k subject phrases of a list ('粮食播种面积和产量稳定在'), split on 、/和/及/与."""
    work = doc.work
    start = doc.clause_start(seg_end, seg_start)
    cuts = [m.start() for m in _LIST_JOINT.finditer(work[start:seg_end])]
    if len(cuts) != k - 1:
        return None
    bounds = [start] + [start + c + 1 for c in cuts]
    ends = [start + c for c in cuts] + [seg_end]
    return list(zip(bounds, ends))


def _trim_subject(words: str) -> str:
    """P.SUBJECT_TAIL.sub("", P.SUBJECT_LEAD.sub("", words)), each pattern tried only when the first (last)
    character can start (end) one of its words: a substitution scans every position."""
    if _LEAD_FIRST is None or words[:1] in _LEAD_FIRST:
        words = P.SUBJECT_LEAD.sub("", words)
    if _TAIL_LAST is None or words[-1:] in _TAIL_LAST:
        words = P.SUBJECT_TAIL.sub("", words)
    return words


def _is_noun_char(ch: str) -> bool:
    """A character of NEW_NOUN's lazy prefix class [CJK A-Za-z]."""
    return "\u4e00" <= ch <= "\u9fff" or "A" <= ch <= "Z" or "a" <= ch <= "z"


def _last_new_noun(region: str) -> tuple[int, int] | None:
    """(start, end) of the last match of P.NEW_NOUN.finditer(region), computed from its head words alone.

    NEW_NOUN (up to 8 letters, lazily, then a head word) makes the regex engine try 9 prefix lengths times every
    head word at every position, the costliest step of the figure pass. Its matches follow from the head words:
    from a scan position, the first head word at q or later always yields a match, starting as far back as the
    8 characters, the scan position and the letters before q allow, and ending where that head word ends; the scan
    goes on from there. tests/parsing/test_figures.py checks this against NEW_NOUN itself.
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


def _resolve(doc: _Doc, run: list[_Hit], seg_start: int, floor: int,
             history: list[list[_Subject]]) -> tuple[list[list[_Subject]], bool, int]:
    """Subjects for each figure of a run, whether the run is a share (占…), and where its tail starts."""
    work = doc.work
    seg_end = run[0].start
    k = len(run)
    aliases = [a for a in find_aliases(work, seg_start, seg_end, floor)
               if not work.startswith(("项目", "企业", "的"), a.end)]
    share = None
    for m in P.SHARE_OF.finditer(work, seg_start, seg_end) if work.find("占", seg_start, seg_end) >= 0 else ():
        share = m
    subj_end = share.start() if share else seg_end
    if share:
        aliases = [a for a in aliases if a.end <= share.start()]  # the rest are denominators (占GDP比重)
    tail_start = max(a.end for a in aliases) if aliases else seg_start  # every alias ends after seg_start
    run_on = P.ALIAS_TAIL.match(work, tail_start, subj_end) if aliases else None
    region = work[run_on.end() if run_on else tail_start:subj_end]
    if aliases:  # the alias words themselves may carry the verb (经济增长6%)
        tail_start = aliases[-1].key_start
    blocker = _last_new_noun(region)  # the noun nearest the number names it
    if aliases and not blocker:
        if k == 1:
            return [[_bound_subject(doc, aliases[-1], floor)]], bool(share), tail_start
        if len(aliases) >= k:
            return [[_bound_subject(doc, a, floor)] for a in aliases[-k:]], bool(share), tail_start
        if len(aliases) == 1 and k == 2:
            pair = urban_rural(aliases[0].text)
            if pair:
                a = aliases[0]
                hl = _headline(doc, a, floor)
                return [[_Subject(pair[0], a.text, a.start, hl)], [_Subject(pair[1], a.text, a.start, hl)]], \
                    bool(share), tail_start
        items = _split_items(doc, seg_start, subj_end, k)
        if items:
            out = []
            for n, (i0, i1) in enumerate(items):
                hit = next((a for a in aliases if i0 <= a.key_start < i1), None)
                if hit:
                    out.append([_bound_subject(doc, hit, floor)])
                    continue
                later = next((a for a in aliases if a.key_start >= i1), None)
                code = shared_head(work[i0:i1], later.text) if later and n + 1 < len(items) else None
                sub = _Subject(code, work[i0:i1], i0, _headline(doc, later, floor)) if code else \
                    _Subject(None, work[i0:i1], i0, False)
                out.append([sub])
            return out, bool(share), tail_start
        return [[_Subject(None, None, seg_start, False)] for _ in run], bool(share), tail_start
    if blocker:
        # The subject is the whole clause holding that noun, without its opening verbs and closing verb.
        offset = (run_on.end() if run_on else tail_start) if aliases else tail_start
        b0, b1 = blocker
        c0 = max(region.rfind(",", 0, b0), region.rfind(";", 0, b0), region.rfind(":", 0, b0),
                 region.rfind("、", 0, b0), region.rfind("。", 0, b0)) + 1
        stop = _CLAUSE_PUNCT.search(region, b1)
        c1 = stop.start() if stop else len(region)
        words = _trim_subject(region[c0:c1].strip())
        start = work.find(words, offset + c0, seg_end) if words else -1
        s = _Subject(None, words or region[b0:b1], start if start >= 0 else offset + b0, False)
        return [[s] for _ in run], bool(share), tail_start
    # Nothing named here: the figure hangs off the previous one(s) in the sentence.
    prev = history[-1] if history else None
    seg = work[seg_start:seg_end]
    if prev is None:
        return [[_Subject(None, None, seg_start, False)] for _ in run], bool(share), tail_start
    if k == len(prev):
        return [[s] for s in prev], bool(share), tail_start
    if k == 1 and len(prev) > 1 and "均" in seg:
        return [list(prev)], bool(share), tail_start
    if k > 1 and len(history) >= k and all(len(h) == 1 for h in history[-k:]):
        return [[h[0]] for h in history[-k:]], bool(share), tail_start
    return [[_Subject(None, None, seg_start, False)] for _ in run], bool(share), tail_start


def _commitment(work: str, sent_start: int, first: int, pos: int) -> str | None:
    """The commitment word of the figure's own clause chain (since the last ;), else the one leading the sentence
    before its first figure: in 预期目标是:…增长7%左右,力争7.5%;一般公共预算收入增长6%, the 6% is 预期, not 力争."""
    own = commitment_of(work[max(sent_start, work.rfind(";", sent_start, pos) + 1):pos])
    return own or commitment_of(work[sent_start:min(first, pos)])


def _unhedged(tail: str) -> str:
    """`P.PREFIX_BOUND.sub("", tail.rstrip())`: the pattern is anchored at the end, so only the last few characters
    can hold its one match, and only they are searched."""
    t = tail.rstrip()
    if t[-1:] not in _HEDGE_LAST:  # the match would end with a hedge word's last character
        return t
    m = P.PREFIX_BOUND.search(t, max(0, len(t) - _HEDGE_REACH))
    return t[:m.start()] if m else t


def _measure(hit: _Hit, tail: str, changed: bool, share: bool, code: str | None, subject: str | None) -> str:
    """`changed`: the tail, without its hedge word, ends in a change verb (GROWTH_TAIL and not LEVEL_TO)."""
    kind = units()[hit.unit][2]
    if kind == "points":
        return "points"
    if kind == "persons" or kind == "count":
        return "count"
    if kind != "percent":
        return "level"
    if changed:
        return "growth"
    if share or P.SHARE_WORD.search(tail):
        return "share"
    if code in RATE_CODES or (subject or "").endswith("率") or "率" in tail:
        return "rate"
    return "share"


def _comparator(seg: str, since: re.Match | None) -> str | None:
    """`since` is P.SINCE_YEAR.search(seg)."""
    for word in ("年均", "累计", "同比", "较上年", "比上年"):
        if word in seg:
            return word
    return since.group(0) if since else None


def _timing(doc: _Doc, hit: _Hit, sec: Section | None, meta: ReportMeta, sent: tuple[int, int],
            since: re.Match | None, avg: bool, run_start: int, measure: str) -> tuple[int | None, int, str, str | None]:
    """(year, span, status, status word) of one figure; `since` and `avg` are SINCE_YEAR and AVG searched in the
    words since the previous figure (the same for every figure of a run, so searched once per run); `run_start`
    is where the run's first figure starts, whose clause is only cut out when a cumulative word could matter.

    The year patterns are only run when their key character is in the words at all: a substring test is far
    cheaper than a pattern opening with a look-behind, which the regex engine tries at every position."""
    work = doc.work
    kind = sec.kind if sec else "other"
    ps, pe = (sec.period_start, sec.period_end) if sec else (None, None)
    before = work[sent[0]:hit.start]
    status, cue = read_status(kind, before, work, doc.paragraph_start(hit.start))
    year = pe
    span = 1
    if kind == "outlook":
        span = 5
    if year is None:
        year = meta.plan_year if status == "target" else (meta.review_year or meta.report_year)
    if kind == "other":
        # No heading says which year or whether this is a plan (news summaries, excerpts): the nearest
        # dating year in the paragraph and the sentence's own cue words decide.
        para = max(doc.paragraph_start(hit.start), hit.start - 300)
        dated = None
        if work.find("年", para, hit.start) >= 0:
            for dated in P.YEAR_CONTEXT_SCAN.finditer(work, para, hit.start):
                pass
        if dated:
            year = int(dated.group(1))
        t = None
        for t in P.TARGET_CUE.finditer(before):
            pass
        if t and status != "estimate":
            status, cue = "target", t.group()
    dated_words = "年" in before
    m = None
    if dated_words:
        for m in P.YEAR_CONTEXT_SCAN.finditer(before, max(before.rfind(";"), 0)):
            pass
    if m:  # an explicit year heading the clause chain: "2017年,预计…", "…;2023年,全省…"
        year = int(m.group(1))
        if status == "target" and year < (meta.plan_year or pe or year):
            status, cue = "actual", None  # a plan that first recalls last year's result
    by = None
    if dated_words:
        for by in P.BY_YEAR.finditer(before):
            pass
    if by:
        y = int(by.group(1) or by.group(2))
        base = meta.plan_year or (meta.review_year + 1 if meta.review_year else None) or y
        if status == "target" or y > (meta.review_year or 0):
            status = "target"
            cue = cue or "到"
            year = y
            span = max(1, y - base + 1)  # 到2026年 in a plan for 2022: the five years 2022-2026
    rel = None
    if dated_words:
        for rel in P.REL_YEAR_SCAN.finditer(before):
            pass
    if rel:
        # Undated reports are mostly delivered early in the plan year, where 今年 is the plan year.
        ref = meta.report_year or meta.plan_year or (meta.review_year + 1 if meta.review_year else None)
        word = rel.group()
        if ref is not None:
            year = ref if word == "今年" else ref - 1 if word == "去年" else ref + 1
        elif kind == "other" and year and word == "今年" and status == "target":
            year += 1  # 今年's targets after last year's dated results, in a text with no dates of its own
        if word == "去年" and status == "target":
            status, cue = "actual", word
    plan_period = None
    if "十" in before:
        for plan_period in P.PLAN_PERIOD.finditer(before):
            pass
    if plan_period:
        year = 2010 + 5 * "一二三四五".index(plan_period.group(1))
        span = 5
    term = ps is not None and pe is not None and pe > ps
    start = _period_start(doc, hit, sec, sent, status, year, ps, term, meta, dated=m is not None)
    if start is not None:
        return start, 1, "actual" if status == "target" else status, cue
    if since and year:
        span = max(1, year - int(since.group(1) or since.group(2)))
    elif avg or (term and measure in ("level", "count")
                 and P.CUMULATIVE.search(work, doc.clause_start(run_start, sent[0]), run_start)):
        span = 5
    return year, span, status, cue


_FROM_WINDOW = 14  # 由2020年底的 and a space or two


def _period_start(doc: _Doc, hit: _Hit, sec: Section | None, sent: tuple[int, int], status: str,
                  year: int | None, ps: int | None, term: bool, meta: ReportMeta, dated: bool) -> int | None:
    """The year of a from-value (从342亿元增加到572亿元), or None for any other figure.

    The value is the level at the end of the year before the period: the year before a one-year review, the year
    before a five-year term (五年来, 过去五年), and in a plan (从572亿元增加到900亿元 by 2026) the last year
    reviewed. A year written with it (由2020年的10.2亿元) wins; a clause dated by its own year (2022年,…) in a part
    headed 过去五年和2022年工作回顾 is about that one year."""
    work = doc.work
    lo = max(sent[0], hit.start - _FROM_WINDOW)
    if ("从" not in work[lo:hit.start] and "由" not in work[lo:hit.start]) or not P.FROM_TO_NEXT.match(work, hit.end):
        return None
    m = P.FROM_START.search(work[lo:hit.start])
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    if status == "target":
        return meta.review_year or (year - 1 if year else None)
    if year is None:
        return None
    if dated and "五年" not in work[sent[0]:hit.start]:
        return year - 1
    if term:
        return ps - 1
    if "五年" in work[sent[0]:hit.start] or (ps is None and doc.five_year(sec)):
        return year - 5
    return year - 1


def extract_figures(text: str, sections: list[Section], meta: ReportMeta) -> list[Figure]:
    doc = _Doc(text, sections)
    work = doc.work
    table = units()
    out: list[Figure] = []
    hits = _hits(work)
    i = 0
    while i < len(hits):
        sent = doc.sentence(hits[i].num_start)
        j = i
        while j < len(hits) and hits[j].num_start < sent[1]:
            j += 1
        history: list[list[_Subject]] = []
        prev_end = sent[0]
        prev_kind: str | None = None
        sentence = text[sent[0]:sent[1]].strip()
        for run in _runs(hits[i:j], work):
            subjects, share, tail_start = _resolve(doc, run, prev_end, sent[0], history)
            seg = work[prev_end:run[0].start]
            first_tail = work[tail_start:run[0].start]
            sec = doc.section(run[0].start)
            glossary = sec is not None and sec.kind == "glossary"  # explanations quote figures, they report none
            inherited = bool(history) and any(subjects[0][0] is h for h in history[-1])
            kind = table[run[0].unit][2]
            if inherited and kind not in ("percent", "points") and prev_kind not in (None, "percent", "points", kind):
                # 投入资金1552万元,修复沿江岸线6公里: a length does not measure the money's subject
                subjects = [[_Subject(None, None, hit.start, False)] for hit in run]
                inherited = False
            plain_tail = _unhedged(first_tail)
            # 增加500元 is a change in an amount, not the amount: listed, never a headline value.
            increment = bool(P.GROWTH_TAIL.search(plain_tail)) and not P.LEVEL_TO.search(plain_tail)
            measures = None
            since = P.SINCE_YEAR.search(seg)
            comparator = _comparator(seg, since)
            avg = P.AVG.search(seg) is not None
            for hit, subs in zip(run, subjects):
                attributive = work.startswith("的", hit.end) or alias_at(work, hit.end)
                for sub in subs:
                    measure = measures or _measure(hit, first_tail, increment, share, sub.code, sub.text)
                    if (inherited and measure == "share" and out and out[-1].measure == "growth"
                            and P.STRIVE_FOR_MORE.match(first_tail)):
                        measure = "growth"
                    code = sub.code
                    if code and (attributive or not compatible(code, measure, table[hit.unit][2])):
                        code = None
                    value = hit.value
                    if measure == "growth" and P.DECREASE.search(plain_tail):
                        value = -value
                    year, span, status, cue = _timing(doc, hit, sec, meta, sent, since, avg, run[0].start, measure)
                    if inherited and measure == "share" and out:
                        span = out[-1].span_years  # 民生支出累计142亿元,占…82.7%: the share of that total
                    ev_start = min(sub.start, hit.start) if sub.start >= sent[0] else hit.start
                    unit_base, factor, _ = table[hit.unit]
                    # Positional, in _FIGURE_FIELDS order: keyword arguments cost a quarter of the frozen
                    # dataclass's construction, the largest single step per figure.
                    out.append(Figure(
                        len(out) + 1,  # figure_id
                        sec.section_id if sec else None,  # section_id
                        value, hit.unit, measure, hit.bound, hit.value_high,  # value, unit, measure, bound, value_high
                        value * factor, unit_base,  # value_base, unit_base
                        code, sub.text,  # indicator, subject
                        bool(code) and sub.headline and not attributive and not glossary
                        and not (increment and measure != "growth"),  # is_headline
                        year, span, status,  # year, span_years, status
                        _commitment(work, sent[0], hits[i].start, hit.start) if status == "target" else None,
                        hit.qualifier, comparator, cue,  # qualifier, comparator, status_cue
                        hit.start, hit.end,  # char_start, char_end
                        text[ev_start:hit.end], sentence,  # evidence, sentence
                    ))
                measures = measures or (out[-1].measure if out else None)
            history.append([s[0] for s in subjects])
            prev_end = run[-1].end
            prev_kind = table[run[-1].unit][2]
        i = j
    return _label_repeats_once(out)


def _label_repeats_once(figures: list[Figure]) -> list[Figure]:
    """A result restated later (预计 in the summary, bare in a subsection) is one fact: keep the first as headline."""
    seen: set[tuple] = set()
    out = []
    for f in figures:
        if f.is_headline and f.status in ("actual", "estimate"):
            key = (f.indicator, f.year, f.span_years, f.measure, f.value, f.unit)
            if key in seen:
                f = replace(f, is_headline=False)
            seen.add(key)
        out.append(f)
    return out
