"""What a figure measures: its subject words as written, the indicator they name, and whether it is a headline
figure of the whole territory (not a zone's, a firm's or a sub-sector's).

The indicator comes from the aliases (lexicon.py, dictionary indicator_aliases.csv) standing before the number in
its clause; a noun between alias and number names something else (地区生产总值…,其中工业增加值); a figure naming
nothing hangs off the previous one ("地方生产总值220.07亿元,同比增长9.1%"); 分别 lists map in order.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import patterns as P
from .document import Document
from .lexicon import (
    AliasHit,
    compatible,
    find_aliases,
    joined_list,
    rural_income_of_its_year,
    shared_head,
    urban_rural,
)
from .quantities import Quantity
from .scanning import last_new_noun, trim_subject
from .words import words


@dataclass(slots=True)
class Subject:
    code: str | None
    text: str | None
    start: int  # where the subject words start (evidence starts here)
    headline: bool = True
    fallback: bool = False  # named by a fallback alias (工业增加值): kept only where no proper-name figure exists


_ANAPHORIC = frozenset(words("anaphoric_head"))
_CLAUSE_START = ("", ",", ";", ":", "、", "。")

# A bare two-character alias (出口, 创汇) takes its actor from the sentence: 专汽行业开拓海外市场成效明显,实现出口7000万美元
# is that sector's exports.
_BARE_ALIAS = 2


def _headline(doc: Document, alias: AliasHit, floor: int) -> bool:
    work = doc.work
    before = work[floor if len(alias.text) <= _BARE_ALIAS else doc.clause_start(alias.start, floor):alias.start]
    if P.SUBAREA.search(before):
        return False
    # For a split alias (技改项目…投资) the words before B are what could narrow it.
    return not P.NARROWING.search(work[max(floor, alias.key_start - 6):alias.key_start])


def _bound_subject(doc: Document, alias: AliasHit, floor: int) -> Subject:
    code = rural_income_of_its_year(alias.code, alias.text, doc.year)
    return Subject(code, alias.text, alias.start, _headline(doc, alias, floor), alias.fallback)


def _split_items(doc: Document, seg_start: int, seg_end: int, k: int) -> list[tuple[int, int]] | None:
    """The k subject phrases of a list ('粮食播种面积和产量稳定在'), split on 、/和/及/与."""
    work = doc.work
    start = doc.clause_start(seg_end, seg_start)
    cuts = [m.start() for m in P.LIST_JOINT.finditer(work[start:seg_end])]
    if len(cuts) != k - 1:
        return None
    bounds = [start] + [start + c + 1 for c in cuts]
    ends = [start + c for c in cuts] + [seg_end]
    return list(zip(bounds, ends))


def resolve_subjects(doc: Document, run: list[Quantity], seg_start: int, floor: int,
                     history: list[list[Subject]]) -> tuple[list[list[Subject]], bool, int]:
    """Subjects for each figure of a run, whether the run is a share (占…), and where its tail starts.

    `seg_start` is where the words since the previous figure start, `floor` the sentence start, `history` the
    subjects of the sentence's earlier runs. A share of a whole (沿海地区生产总值占全省的比重) or of a plan
    (占年计划的116%) is a part's: never the report's own headline value."""
    subjects, share, tail_start = _subjects_of_run(doc, run, seg_start, floor, history)
    if share and P.SHARE_OF_WHOLE.search(doc.work, seg_start, run[0].start):
        subjects = [[Subject(s.code, s.text, s.start, False, s.fallback) for s in subs] for subs in subjects]
    return subjects, share, tail_start


def _subjects_of_run(doc: Document, run: list[Quantity], seg_start: int, floor: int,
                     history: list[list[Subject]]) -> tuple[list[list[Subject]], bool, int]:
    work = doc.work
    seg_end = run[0].start
    k = len(run)
    aliases = [a for a in find_aliases(work, seg_start, seg_end, floor, doc.aliases)
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
    blocker = last_new_noun(region)  # the noun nearest the number names it
    if blocker and region[blocker[0]:blocker[1]] in _ANAPHORIC and region[blocker[0] - 1:blocker[0]] in _CLAUSE_START:
        blocker = None  # 总额 opening its clause is the total of the subject before it (not 零售额总额)
    if aliases and not blocker:
        last = aliases[-1]
        together = P.TOGETHER.search(work, last.end, seg_end) is not None  # 分别增长, 均增长
        pair = urban_rural(work, last, floor, doc.year) if last.text.endswith("收入") else None
        if pair and (k == 2 or (k == 1 and (together or not last.text.startswith("城乡")))):
            # 城乡居民人均可支配收入分别达38517元、22857元; 均增长7%左右; 城镇和农村居民人均可支配收入增长9%
            hl = _headline(doc, last, floor)
            urban, rural = (Subject(code, last.text, last.start, hl) for code in pair)
            return ([[urban], [rural]] if k == 2 else [[urban, rural]]), bool(share), tail_start
        if k == 1:
            listed = joined_list(work, aliases)
            # 工业投资、技改投资增长20%以上: one figure for every indicator of the list
            return [[_bound_subject(doc, a, floor) for a in listed]], bool(share), tail_start
        if len(aliases) >= k:
            return [[_bound_subject(doc, a, floor)] for a in aliases[-k:]], bool(share), tail_start
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
                sub = Subject(code, work[i0:i1], i0, _headline(doc, later, floor)) if code else \
                    Subject(None, work[i0:i1], i0, False)
                out.append([sub])
            return out, bool(share), tail_start
        return [[Subject(None, None, seg_start, False)] for _ in run], bool(share), tail_start
    if blocker:
        # The subject is the whole clause holding that noun, without its opening verbs and closing verb.
        offset = (run_on.end() if run_on else tail_start) if aliases else tail_start
        b0, b1 = blocker
        c0 = max(region.rfind(",", 0, b0), region.rfind(";", 0, b0), region.rfind(":", 0, b0),
                 region.rfind("、", 0, b0), region.rfind("。", 0, b0)) + 1
        stop = P.CLAUSE_MARK.search(region, b1)
        c1 = stop.start() if stop else len(region)
        words = trim_subject(region[c0:c1].strip())
        start = work.find(words, offset + c0, seg_end) if words else -1
        s = Subject(None, words or region[b0:b1], start if start >= 0 else offset + b0, False)
        return [[s] for _ in run], bool(share), tail_start
    # Nothing named here: the figure hangs off the previous one(s) in the sentence.
    prev = history[-1] if history else None
    seg = work[seg_start:seg_end]
    if prev is None:
        return [[Subject(None, None, seg_start, False)] for _ in run], bool(share), tail_start
    if k == len(prev):
        return [[s] for s in prev], bool(share), tail_start
    if k == 1 and len(prev) > 1 and "均" in seg:
        return [list(prev)], bool(share), tail_start
    if k > 1 and len(history) >= k and all(len(h) == 1 for h in history[-k:]):
        return [[h[0]] for h in history[-k:]], bool(share), tail_start
    return [[Subject(None, None, seg_start, False)] for _ in run], bool(share), tail_start


def indicator_of(sub: Subject, measure: str, unit_kind: str, attributive: bool) -> str | None:
    """The indicator code a figure is bound to: its subject's, unless the figure qualifies a noun after it
    (500万元以上固定资产投资) or its measure and unit cannot be a value of that indicator (GDP in 万人)."""
    code = sub.code
    if code and (attributive or not compatible(code, measure, unit_kind)):
        return None
    return code


def is_headline(code: str | None, sub: Subject, attributive: bool, in_glossary: bool, increment: bool,
                measure: str) -> bool:
    """A headline figure: bound to an indicator, of the whole territory, stated as a value (增加500元 is a change
    in an amount, listed but never a headline value), outside a glossary (which quotes figures, reports none)."""
    return bool(code) and sub.headline and not attributive and not in_glossary and not (increment and measure != "growth")
