"""Named projects (重点项目) named in a report: name, status, year, investment.

A report names projects inside short clauses of a few shapes:

    启动九口堰红色研学基地、方家冲百美村宿等乡村旅游项目      verb + list + 等 + head noun
    曾都医院门诊综合楼、区疾控中心检验大楼开工建设           list + verb
    总投资20亿元的金龙应急救援产品研发及智能制造项目顺利开工   amount + name + verb

so each clause (text between , ; 。 and line ends) is segmented with jieba (a user dictionary of
project-name suffixes keeps 产业园, 污水处理厂 ... whole), the status verbs and filler words are peeled
off both ends, and what stays in the middle is split on 、 into names. A name is kept only when it
ends in a project suffix or sits in a "…等…项目" list, and the clause carries a status verb, so that
sentence fragments and counts (实施5000万元以上项目129个) do not become rows.

Status comes from the verbs (签约 -> signed, 开工 -> started, 推进 -> in_progress, 建成 -> completed,
投入使用 -> operating); anything in a plan or outlook section is `planned`. Year: the review year for
review items, the plan year for plan items, the section's last year for outlook (five-year) items.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .dictionaries import project_fillers, project_status_cues, project_suffixes
from .records import Project, ReportMeta, Section

# Higher wins when one clause carries several cues (建成投产 -> completed, 启动…建设 -> started).
_STATUS_RANK = {"planned": 6, "completed": 5, "operating": 4, "started": 3, "signed": 2, "in_progress": 1}

# Clause boundaries. Parentheses are not boundaries: 大棋路(河口段) is one name.
_CLAUSE_END = re.compile(r"[,,;;:。!?!?\n]")
# An amount at the head of a clause: 总投资20亿元的 / 投资15.4亿元 / 投入2.6亿元.
_AMOUNT = re.compile(r"(?:总投资|计划投资|投资|投入资金|投入)约?(\d+(?:\.\d+)?)(亿|万|千)?元")
_AMOUNT_SCALE = {"亿": 1e8, "万": 1e4, "千": 1e3, None: 1.0}
# Footnote markers glued to names in web copies: “四个三”重大生态工程(4)建设.
_FOOTNOTE = re.compile(r"\(\d{1,2}\)")
_YEAR_WORD = re.compile(r"\d{4}年")
# Counts and thresholds mark aggregates (亿元以上项目27个, 8条道路), never a name.
_AGGREGATE = re.compile(r"(?:以上|以下)项目|项目\d|\d+(?:个|项|条|批|家|处)(?:[^\d]{0,6})?项目$|^\d+(?:个|项|条)")
# Heads after 等 that say the listed items are projects.
_PROJECT_HEADS = ("项目", "工程", "道路", "干道", "设施", "场馆", "学校", "公园", "小镇", "园")
# Words that alone never make a name specific (重点项目, 一批民生工程 ...).
_GENERIC = re.compile(
    r"重点|重大|一批|各类|相关|配套|基础设施|民生|城市|农村|乡村|市级|区级|省级|县级|招商|亿元|"
    r"续建|在建|新开工|产业|工业|技改|项目|工程|建设|改造|升级|新|大|等|\d|个|批|条|家|的"
)
_PHASE = re.compile(r"^(?:[一二三四五六七八九十\d、]+期)+$")
_MIN_SPECIFIC = 2  # characters left after removing generic words
_MAX_NAME = 40


@lru_cache(maxsize=1)
def _segmenter():
    import rjieba  # rjieba: same tokens as jieba with HMM off, ~15x faster, no cache file to write

    seg = rjieba.Jieba()
    for word, freq, tag in project_suffixes():
        seg.add_word(word, freq, tag)
    for word in project_status_cues():
        seg.add_word(word, 2000, "v")
    return seg


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    # Longest first so 污水处理厂 wins over 厂-less shorter matches.
    words = {w for w, _, _ in project_suffixes()} | {"路", "街", "桥", "园", "馆", "港", "渠", "厂", "站", "城", "段", "线"}
    return tuple(sorted(words, key=len, reverse=True))


def _ends_with_suffix(name: str) -> bool:
    core = re.sub(r"\([^()]{1,12}\)$", "", name)  # 大棋路(河口段), 智能智造产业园(二期)
    core = re.sub(r"(?:[一二三四五六七八九十\d]+期)+(?:项目|工程)?$", "", core) or core  # 浚山光电一期
    return core.endswith(_suffixes()) or core.endswith("”")


def _is_specific(name: str) -> bool:
    return len(_GENERIC.sub("", re.sub(r"[“”()()]", "", name))) >= _MIN_SPECIFIC


def _clauses(text: str):
    """(start, end) of each clause, and the index of the sentence it belongs to."""
    start, sent = 0, 0
    for m in _CLAUSE_END.finditer(text):
        if m.start() > start:
            yield start, m.start(), sent
        if m.group() not in ",,:":
            sent += 1
        start = m.end()
    if start < len(text):
        yield start, len(text), sent


def _tokens(clause: str) -> list[tuple[str, int]]:
    out, pos = [], 0
    for word in _segmenter().cut(clause, False):
        out.append((word, pos))
        pos += len(word)
    return out


def _strip(tokens: list[tuple[str, int]], cues: dict[str, str], fillers: frozenset[str]):
    """Peel fillers and status verbs off both ends; return (i, j, cue words found)."""
    found: list[str] = []
    i, j = 0, len(tokens)

    def peelable(word: str) -> bool:
        return word in cues or word in fillers or bool(_YEAR_WORD.fullmatch(word)) or word in "的()“”" and False

    while i < j and (peelable(tokens[i][0]) or tokens[i][0].strip() == ""):
        if tokens[i][0] in cues:
            found.append(tokens[i][0])
        i += 1
    while j > i and (peelable(tokens[j - 1][0]) or tokens[j - 1][0].strip() == ""):
        if tokens[j - 1][0] in cues:
            found.append(tokens[j - 1][0])
        j -= 1
    return i, j, found


def _split_items(obj: str) -> tuple[list[str], str | None]:
    """Split 'A、B、C等一批项目' into ([A, B, C], '一批项目'); no 等 -> (items, None)."""
    head = None
    k = obj.rfind("等")
    if k > 0 and any(h in obj[k + 1:] for h in _PROJECT_HEADS) and not obj[k + 1:].startswith("级"):
        obj, head = obj[:k], obj[k + 1:]
    items = [it for it in obj.split("、") if it]
    return items, head


def _trim_item(item: str, cues: dict[str, str], fillers: frozenset[str]) -> tuple[str, list[str]]:
    """Peel status verbs off one list item (金龙…项目一期建成 -> 金龙…项目一期)."""
    toks = _tokens(item)
    i, j, found = _strip(toks, cues, fillers)
    if i >= j:
        return "", found
    return item[toks[i][1]:toks[j - 1][1] + len(toks[j - 1][0])], found


def _status(cue_words: list[str], cues: dict[str, str]) -> str | None:
    statuses = [cues[w] for w in cue_words if w in cues]
    if not statuses:
        return None
    return max(statuses, key=lambda s: _STATUS_RANK[s])


def _section_at(sections: list[Section], pos: int) -> Section | None:
    best = None
    for s in sections:
        if s.char_start <= pos < s.char_end and (best is None or s.level >= best.level):
            best = s
    return best


def _year_and_plan(section: Section | None, meta: ReportMeta) -> tuple[int | None, bool]:
    kind = section.kind if section else None
    if kind == "plan":
        return (meta.plan_year or (section.period_end if section else None)), True
    if kind == "outlook":
        return (section.period_end if section and section.period_end else meta.plan_year), True
    if section and section.period_end:
        return section.period_end, False
    return meta.review_year or meta.report_year, False


def extract_projects(text: str, sections: list[Section], meta: ReportMeta) -> list[Project]:
    cues, fillers = project_status_cues(), project_fillers()
    out: list[Project] = []
    prev_sent, prev_cues = -1, []
    for start, end, sent in _clauses(text):
        if sent != prev_sent:
            prev_sent, prev_cues = sent, []
        clause = _FOOTNOTE.sub(lambda m: " " * len(m.group()), text[start:end])
        amount = None
        m = _AMOUNT.match(clause.lstrip())
        if m:
            lead = len(clause) - len(clause.lstrip())
            amount = (m.group(), float(m.group(1)) * _AMOUNT_SCALE[m.group(2)])
            rest = clause[lead + m.end():]
            clause = " " * (lead + m.end() + (1 if rest.startswith("的") else 0)) + rest[1 if rest.startswith("的") else 0:]
        if not clause.strip():
            prev_amount = amount
            continue
        toks = _tokens(clause)
        i, j, found = _strip(toks, cues, fillers)
        clause_cues = list(found)
        if i >= j:
            prev_cues += clause_cues
            continue
        o_start = toks[i][1]
        obj = clause[o_start:toks[j - 1][1] + len(toks[j - 1][0])]
        items, head = _split_items(obj)
        rows = []
        for item in items:
            name, item_cues = _trim_item(item, cues, fillers)
            clause_cues += item_cues
            name = name.strip().strip("“”").strip() if name.count("“") != name.count("”") else name.strip()
            if not name or len(name) > _MAX_NAME or _PHASE.match(name) or _AGGREGATE.search(name):
                continue
            if not _is_specific(name):
                continue
            if head is None and not _ends_with_suffix(name):
                continue
            rows.append(name)
        if not rows:
            prev_cues += clause_cues
            continue
        if head is not None and not clause_cues:
            clause_cues = prev_cues  # 其中A、B等亿元以上项目23个 inherits 新签约 from the clause before
        status = _status(clause_cues, cues)
        if status is None:
            prev_cues += clause_cues
            continue
        section = _section_at(sections, start)
        year, in_plan = _year_and_plan(section, meta)
        if in_plan:
            status = "planned"
        if amount is None and "prev_amount" in locals() and prev_amount and not clause_cues == []:
            amount = prev_amount
        prev_amount = None
        for name in rows:
            pos = text.find(name, start, end)
            out.append(Project(
                project_name=name,
                status=status,
                year=year,
                investment_value_base=amount[1] if amount and len(rows) == 1 else None,
                investment_text=amount[0] if amount and len(rows) == 1 else None,
                section_id=section.section_id if section else None,
                sentence=_sentence(text, start, end),
                char_start=pos if pos >= 0 else start,
                char_end=pos + len(name) if pos >= 0 else end,
            ))
        prev_cues += clause_cues
    return out


def _sentence(text: str, start: int, end: int) -> str:
    s = max(text.rfind(c, 0, start) for c in "。;;!?\n") + 1
    ends = [k for k in (text.find(c, end) for c in "。;;!?\n") if k >= 0]
    e = min(ends) + 1 if ends else len(text)
    return text[s:e].strip()
