"""Every number with a unit, with what it measures, its hedge, its year and whether it is a result or a target.

Each field of a `Figure` is decided in one place:

| field                          | module         | function                                   |
|--------------------------------|----------------|--------------------------------------------|
| value, unit, value_high        | quantities.py  | find_quantities                            |
| bound, qualifier               | bounds.py      | read_bound, spread_trailing_hedge, bound_for |
| subject, indicator             | subjects.py    | resolve_subjects, indicator_of             |
| is_headline                    | subjects.py    | is_headline (repeats: _label_repeats_once) |
| measure                        | measures.py    | figure_measure                             |
| status, status_cue             | status.py      | figure_status                              |
| commitment                     | status.py      | target_commitment                          |
| year, span_years               | years.py       | read_time_words, span_words, figure_year   |
| comparator                     | years.py       | comparator_of                              |
| evidence, sentence, offsets    | this module    | extract_figures                            |

One pass over the numbers of the whole text; each sentence's figures are then read left to right, so a growth
rate that hangs off a level ("地方生产总值220.07亿元,同比增长9.1%") inherits the level's subject and 分别 lists
map in order. Nothing rescans the whole text per figure.
"""
from __future__ import annotations

from dataclasses import replace

from .bounds import bound_for, spread_trailing_hedge
from .dictionaries import units
from .document import Document
from .lexicon import alias_at, report_level
from .measures import changed, decreases, figure_measure, second_goal
from .quantities import find_quantities, list_runs
from .records import Figure, ReportMeta, Section
from .scanning import strip_hedge
from .status import SentenceCues, figure_status, start_value_status, target_commitment
from .subjects import Subject, indicator_of, is_headline, resolve_subjects
from .years import comparator_of, figure_year, read_time_words, span_words


def extract_figures(text: str, sections: list[Section], meta: ReportMeta) -> list[Figure]:
    doc = Document(text, sections, report_level(meta.admin_level), meta.review_year or meta.plan_year)
    work = doc.work
    table = units()
    out: list[Figure] = []
    fallback: list[bool] = []  # per figure: bound through a fallback alias
    quantities = find_quantities(work)
    i = 0
    while i < len(quantities):
        sent = doc.sentence(quantities[i].num_start)
        j = i
        while j < len(quantities) and quantities[j].num_start < sent[1]:
            j += 1
        history: list[list[Subject]] = []
        prev_end = sent[0]
        prev_kind: str | None = None
        sentence = text[sent[0]:sent[1]].strip()
        cues = SentenceCues(work, sent[0], sent[1], doc.paragraph_start(sent[0]))
        sec = doc.section(sent[0])  # a sentence ends at a line's end: it never runs into the next heading
        kind = sec.kind if sec else "other"
        for run in list_runs(quantities[i:j], work):
            spread_trailing_hedge(run)
            subjects, share, tail_start = resolve_subjects(doc, run, prev_end, sent[0], history)
            seg = work[prev_end:run[0].start]
            first_tail = work[tail_start:run[0].start]
            inherited = bool(history) and any(subjects[0][0] is h for h in history[-1])
            unit_kind = table[run[0].unit][2]
            if inherited and unit_kind not in ("percent", "points") and prev_kind not in (None, "percent", "points",
                                                                                           unit_kind):
                # 投入资金1552万元,修复沿江岸线6公里: a length does not measure the money's subject
                subjects = [[Subject(None, None, q.start, False)] for q in run]
                inherited = False
            plain_tail = strip_hedge(first_tail)
            increment, decrease = changed(plain_tail), decreases(plain_tail)
            measures = None
            # a comparison before the last ; is the previous clause's (…,比2011年翻了近一番;固定资产投资完成77.6亿元)
            own_seg = seg[seg.rfind(";") + 1:]
            since, average = span_words(own_seg)
            comparator = comparator_of(own_seg, since)
            # time words and status cues of a run's figures are its first one's: only 、/和 stand between them
            time = read_time_words(doc, run[0], kind, sent[0], prev_end)
            status_read = figure_status(kind, cues, run[0].start, time, meta, sec.period_end if sec else None)
            for q, subs in zip(run, subjects):
                attributive = work.startswith("的", q.end) or alias_at(work, q.end)
                for sub in subs:
                    measure = measures or figure_measure(q.unit, first_tail, increment, share, sub.code, sub.text)
                    if inherited and measure == "share" and out and second_goal(first_tail, out[-1].measure):
                        measure = "growth"
                    code = indicator_of(sub, measure, table[q.unit][2], attributive)
                    value = -q.value if measure == "growth" and decrease else q.value
                    status, cue = status_read
                    year, span, from_value = figure_year(doc, q, sec, meta, sent, time, status, since, average,
                                                         run[0].start, measure)
                    if from_value:
                        status = start_value_status(status)
                    if inherited and measure == "share" and out:
                        span = out[-1].span_years  # 民生支出累计142亿元,占…82.7%: the share of that total
                    ev_start = min(sub.start, q.start) if sub.start >= sent[0] else q.start
                    unit_base, factor, _ = table[q.unit]
                    # Positional, in the field order of records.Figure: 23 keyword arguments cost three times the
                    # construction itself, the largest single step per figure.
                    out.append(Figure(
                        len(out) + 1,  # figure_id
                        sec.section_id if sec else None,  # section_id
                        value, q.unit, measure, bound_for(q.bound, q.qualifier, status),  # value, unit, measure, bound
                        q.value_high,  # value_high
                        value * factor, unit_base,  # value_base, unit_base
                        code, sub.text,  # indicator, subject
                        is_headline(code, sub, attributive, kind == "glossary", increment, measure),  # is_headline
                        year, span, status,  # year, span_years, status
                        target_commitment(work, cues, sent[0], quantities[i].start, q.start)
                        if status == "target" else None,  # commitment
                        q.qualifier, comparator, cue,  # qualifier, comparator, status_cue
                        q.start, q.end,  # char_start, char_end
                        text[ev_start:q.end], sentence,  # evidence, sentence
                    ))
                    fallback.append(sub.fallback)
                measures = measures or (out[-1].measure if out else None)
            history.append([s[0] for s in subjects])
            prev_end = run[-1].end
            prev_kind = table[run[-1].unit][2]
        i = j
    return _label_repeats_once(_drop_fallbacks(out, fallback))


def _drop_fallbacks(figures: list[Figure], fallback: list[bool]) -> list[Figure]:
    """A figure named by a fallback alias (工业增加值 for 规模以上工业增加值) is no headline value where the report
    gives one of the same indicator, year and measure under the proper name."""
    if not any(fallback):
        return figures
    proper = {(f.indicator, f.year, f.measure, f.status == "target") for f, fb in zip(figures, fallback)
              if f.is_headline and not fb}
    return [replace(f, is_headline=False) if fb and f.is_headline and
            (f.indicator, f.year, f.measure, f.status == "target") in proper else f
            for f, fb in zip(figures, fallback)]


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
