"""Named projects (重点项目) in a report: name, status, year, investment.

Reports name projects inside short clauses of a few shapes:

    启动九口堰红色研学基地、方家冲百美村宿等乡村旅游项目      verb + list + 等 + head noun
    曾都医院门诊综合楼、区疾控中心检验大楼开工建设           list + verb
    总投资20亿元的金龙应急救援产品研发及智能制造项目顺利开工   amount + name + verb

Each clause (text between , ; 。 and line ends) is segmented with rjieba, whose user dictionary of
project-name suffixes (data/project_suffixes.txt) keeps 产业园, 污水处理厂 ... whole; status verbs and
filler words are peeled off both ends, and the middle is split on 、 into names. A name is kept only
when it ends in a project suffix or stands in a "…等…项目" list, and the clause carries a status
verb, so that sentence fragments and counts (实施5000万元以上项目129个) do not become rows.

Status comes from the verbs (data/project_status_cues.csv: 签约 -> signed, 开工 -> started, 推进 ->
in_progress, 建成 -> completed, 投入使用 -> operating); everything in a plan or outlook section is
`planned`. Year: the section's last year for review and outlook items (2021 for 五年来 2017-2021,
2026 for 到2026年), the plan year for plan items. An amount counts only when the same clause (or a
clause made of nothing but the amount just before it) states it and the clause names one project.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache

from .dictionaries import (
    project_common_words,
    project_fillers,
    project_generic_words,
    project_status_cues,
    project_suffixes,
    units,
)
from .numbers import amount_in_base, parse_number
from .records import Project, ReportMeta, Section
from .sections import HEADING_NUMBER
from .words import alternation, words
from .years import reviewed_year

# Higher wins when one clause carries several cues (建成投产 -> completed, 启动…建设 -> started).
_STATUS_RANK = {"planned": 6, "completed": 5, "operating": 4, "started": 3, "signed": 2, "in_progress": 1}

# Clause and sentence ends. Parentheses are not ends: 大棋路(河口段) is one name.
_CLAUSE_END = re.compile(r"[,,;;:。!?!?\n]")
_SENTENCE_END = frozenset(";;。!?!?\n")
# An amount: 总投资20亿元的 / 投资15.4亿元 / 投入2.6亿元.
# 完成(全社会固定资产|技改)投资 (group 1) states what was invested in the subject named before it: 确保中法生态城
# 全年完成全社会固定资产投资130亿元. Its growth rate (、增长20%) goes with it.
@lru_cache(maxsize=1)
def _amount_re() -> re.Pattern[str]:
    """An investment amount: a number and a money unit of units.csv (亿元, 万元, 亿美元 …), after an investment word."""
    money = sorted((u for u, (_, _, kind) in units().items() if kind == "money"), key=len, reverse=True)
    return re.compile(
        r"(?P<text>(?:(?P<done>(?:全年|年内|今年|当年)?(?:累计)?完成(?:全社会)?(?:固定资产|技改|工业|项目|有效)?投资)"
        r"|计划总投资|总投资|计划投资|投资|投入资金|投入)(?:额|规模)?(?:约|达|达到|超过|逾|近)?"
        rf"(?P<num>\d{{1,7}}(?:\.\d{{1,4}})?)(?P<unit>{'|'.join(map(re.escape, money))})(?:以上|左右)?)"
        r"(?:、(?:同比)?增长\d{1,3}(?:\.\d{1,2})?%)?的?"
    )
# Land work on a project named before it: 四环线(青山段)征地288亩, 七军会沙滩排球场馆用地征迁腾退.
_LAND_TAIL = re.compile(r"(?:用地)?(?:征地|征收|征迁|拆迁|腾退){1,3}[\d.]{0,8}(?:亩|户|平方米|万平方米)?$")
_EMPTY_PARENS = re.compile(r"\(\s*\)")
_CONJUNCTION = re.compile(r"[和及与]")
# Footnote markers glued to names in web copies (“四个三”重大生态工程(4)建设) and heading numbers.
_FOOTNOTE = re.compile(r"\(\d{1,2}\)")
_YEAR_WORD = re.compile(r"\d{4}年?内?")
# Counts and thresholds mark aggregates (亿元以上项目27个, 3所幼儿园), never a name.
_AGGREGATE = re.compile(
    r"以上项目|项目\d|\d+个$|^个|^\d+(?:个|所|座|项|条|批|家|处|栋)|^[一二两三四五六七八九十]+(?:个|所|座|批)"
    r"|^\d+(?:\.\d+)?(?:亩|平方公里|公里|米|万方)|^\d+[街号]$|\d+(?:所|座|栋)"
    r"|^\d+(?:至|到|-|~)\d+(?:个|所|座|项|条|批|家|处|栋)"
)
def _w(group: str) -> tuple[str, ...]:
    return words(group, "project_words.csv")


def _alternation(group: str) -> str:
    return alternation(group, "project_words.csv")


# Word lists: data/project_words.csv (each group's comment there says what the rule does with it).
_GENERIC = re.compile(_alternation("not_naming"))
_SINGLE_SUFFIXES = frozenset(_w("single_suffix"))
_LIST_HEAD = re.compile(_alternation("list_head") + r"(?:\d+个)?$")
_WORK_WORDS = _w("work_word")
_WORK_TAIL = re.compile(_alternation("work_word") + "$")
_SITE_WORDS = _w("site_work")
_SITE_WORK = re.compile(_alternation("site_work") + "$")
_INNER_VERBS = frozenset(_w("inner_verb"))
_ACTION_STARTS = _w("action_start")
_SETTLE = frozenset(_w("settle"))
_PREPOSITIONS = frozenset(_w("preposition"))
_PLAN_ONLY_CUES = frozenset(_w("plan_only_cue"))
_FUTURE = frozenset(_w("future"))
_PLANNING = frozenset(_w("planning"))
_NOT_YET = _w("not_yet")
_PURE_VERBS = frozenset(_w("pure_verb"))
_BUILD_TAILS = frozenset(_w("build_tail"))
_START_FRAMES = frozenset(_w("start_frame"))
_JOINERS = frozenset(_w("joiner"))

_PHASE_TAIL = re.compile(r"(?:[一二三四五六七八九十\d、]+期)+(?:项目|工程)?$")
_PAREN_TAIL = re.compile(r"\([^()]{1,12}\)$")
_MIN_NAME, _MAX_NAME = 3, 40
_MAX_SHARED = 5  # longest bare place name that shares the next item's head (周家寨)
_MAX_LISTED = 30  # "A、B等N个X" with N this large counts a category, it does not name a project


@lru_cache(maxsize=1)
def _segmenter():
    import rjieba  # same tokens as jieba with HMM off, ~15x faster, writes no cache file

    seg = rjieba.Jieba()
    # 建成区 (built-up area) would swallow the verb in 建成区科技馆; the noun is no project anyway.
    seg.add_word("建成区", 0, "n")
    for word, freq, tag in project_suffixes():
        seg.add_word(word, freq, tag)
    for word in project_status_cues():
        seg.add_word(word, 2000, "v")
    for word in project_generic_words():
        if len(word) > 1:
            seg.add_word(word, 500, "n")  # 康养 is no jieba word; as single characters it would look specific
    return seg


@lru_cache(maxsize=1)
def _suffix_words() -> frozenset[str]:
    return frozenset(w for w, _, _ in project_suffixes())


@lru_cache(maxsize=65536)
def _tokens(s: str) -> tuple[tuple[str, int], ...]:
    # The same clause and name fragments are segmented again and again while a name is peeled and judged.
    out, pos = [], 0
    for word in _segmenter().cut(s, False):
        out.append((word, pos))
        pos += len(word)
    return tuple(out)


@lru_cache(maxsize=8192)
def _ends_with_suffix(name: str) -> bool:
    core = _PAREN_TAIL.sub("", name).rstrip("”")  # 大棋路(河口段), 智能智造产业园(二期), “雪亮工程”
    if not core:
        return False
    if _last_is_suffix(core) or _work_on_named_site(core):
        return True
    core = _PHASE_TAIL.sub("", core)  # 浚山光电一期 -> 浚山光电: no suffix
    return bool(core) and _last_is_suffix(core)


def _work_on_named_site(core: str) -> bool:
    """蒋家岗学校改扩建, 区疾控中心异地新建: a kind of work done on a named facility."""
    m = _SITE_WORK.search(core)
    if m and m.start() >= 2:
        return True
    m = _WORK_TAIL.search(core)
    if not m or m.start() < 2:
        return False
    rest = core[: m.start()]
    return any(w in _suffix_words() or (len(w) == 1 and w in _SINGLE_SUFFIXES) or
               (len(w) > 1 and w[-1] in _SINGLE_SUFFIXES and w not in project_common_words())
               for w, _ in _tokens(rest))


def _last_is_suffix(core: str) -> bool:
    last = _tokens(core)[-1][0]
    if last in _suffix_words():
        return True
    if last[-1] in _SINGLE_SUFFIXES and last not in project_common_words():
        return True
    return last.endswith(_multi_char_suffixes())


@lru_cache(maxsize=1)
def _multi_char_suffixes() -> tuple[str, ...]:
    return tuple(w for w in _suffix_words() if len(w) > 1)


@lru_cache(maxsize=8192)
def _is_specific(name: str) -> bool:
    """False for names made only of generic words and a suffix: 重点项目, 中小学校, 法治政府, 商贸中心."""
    rest = _GENERIC.sub("", re.sub(r"[“”()()·]", "", name))
    if len(rest) < 2 or rest in _suffix_words() or rest.isdigit():
        return False
    if "“" in name:
        return True  # a quoted programme name (“金湾工程”) is named, whatever its words
    generic = project_generic_words()
    words = [w for w, _ in _tokens(name)]
    if words and (words[-1] in _suffix_words() or words[-1] in _SINGLE_SUFFIXES):
        words = words[:-1]
    split: list[str] = []
    for w in words:
        if w not in _suffix_words() and w.endswith(_multi_char_suffixes()):
            # jieba keeps 社区卫生服务中心, 教育中心 whole: judge the words before the suffix
            suffix = next(x for x in sorted(_multi_char_suffixes(), key=len, reverse=True) if w.endswith(x))
            split += [x for x, _ in _tokens(w[: -len(suffix)])] if len(w) > len(suffix) else []
        else:
            split.append(w)
    return not all(w in generic or w in _suffix_words() for w in split)


def _balanced(s: str) -> bool:
    return s.count("“") == s.count("”") and s.count("(") == s.count(")")


# Every clause's tokens are looked up against the same cue dictionary and filler sets: remember the answers.
_CUE_MEMO: dict[tuple[str, frozenset[str]], str | None] = {}


def _cue(word: str, cues: dict[str, str], fillers: frozenset[str]) -> str | None:
    """The status verb in a token: 开工 itself, or 顺利完成 = filler 顺利 + cue 完成 (jieba keeps it whole).
    `cues` is always project_status_cues() (the memo assumes it)."""
    key = (word, fillers)
    try:
        return _CUE_MEMO[key]
    except KeyError:
        pass
    found = None
    if word in cues:
        found = word
    else:
        for k in range(1, len(word)):
            if word[:k] in fillers and word[k:] in cues:
                found = word[k:]
                break
    _CUE_MEMO[key] = found
    return found


_FRONT_MEMO: dict[tuple[str, frozenset[str]], tuple[str | None, bool]] = {}


def _front_word(w: str, cues: dict[str, str], front: frozenset[str]) -> tuple[str | None, bool]:
    """(cue in the word, whether it may be peeled off the front): a status verb, a filler, a year, a blank."""
    key = (w, front)
    got = _FRONT_MEMO.get(key)
    if got is None:
        c = _cue(w, cues, front)
        got = _FRONT_MEMO[key] = (c, bool(c or w in front or _YEAR_WORD.fullmatch(w) or not w.strip()))
    return got


def _peel(tokens: list[tuple[str, int]], cues: dict[str, str], front: frozenset[str], back: frozenset[str],
          tail: list[str] | None = None):
    """Peel fillers and status verbs off both ends: (i, j, cue words found); `tail` gets the back ones."""
    found: list[str] = []
    i, j = 0, len(tokens)
    while i < j:
        w = tokens[i][0]
        if w in _PREPOSITIONS:
            # 在万店镇建设国家级…基地: the place before the verb is not part of the name.
            k = next((k for k in range(i + 1, j) if tokens[k][0] in cues), None)
            if k is None:
                break
            i = k
            continue
        c, peels = _front_word(w, cues, front)
        if not peels:
            break
        if c:
            found.append(c)
        i += 1
    # 争取保税物流中心(B型)落户曾都: the place after 落户/落地 is where, not part of the name.
    if j - i >= 3 and tokens[j - 2][0] in _SETTLE and len(tokens[j - 1][0]) <= 4:
        j -= 1
    elif j - i >= 4 and tokens[j - 3][0] in _SETTLE and len(tokens[j - 2][0] + tokens[j - 1][0]) <= 4:
        j -= 2
    while j > i:
        w = tokens[j - 1][0]
        c = _cue(w, cues, back)
        if not (c or w in back or not w.strip()):
            break
        if c:
            found.append(c)
            if tail is not None:
                tail.append(c)
        j -= 1
    return i, j, found


def _split_quote_aware(obj: str) -> list[str]:
    """Split on 、 outside “…” (“一网通办”“一事联办” lists stay whole); naive if quotes are broken."""
    if "“" not in obj or not _balanced(obj):
        return obj.split("、")
    items, depth, cur = [], 0, []
    for ch in obj:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        if ch == "、" and depth == 0:
            items.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    items.append("".join(cur))
    return items


def _cut_inner(name: str, cues: dict[str, str], front: frozenset[str], lead: bool = True) -> tuple[str, list[str]]:
    """Drop what precedes an inner verb or 的 (华夏幸福基业建设青山环保产业小镇项目 -> 青山环保产业小镇项目),
    but only where the rest is still a name: 碧桂园磁湖南岸商圈建设项目 keeps its 建设."""
    toks = _tokens(name)
    for k in range(len(toks) - 2, -1 if lead else 0, -1):
        w = toks[k][0]
        if w in cues or w in _INNER_VERBS or w == "的":
            rest = name[toks[k + 1][1]:].lstrip("和与及")
            if _acceptable(rest) and (_ends_with_suffix(rest) or w in cues):
                return rest, ([w] if w in cues else [])
            if w == "的":
                # 全国最有引领力的专用汽车生产基地: a description ending in a generic noun, no name
                return ("" if not _is_specific(rest) else name), []
    return name, []




def _has_inner_verb(name: str, cues: dict[str, str]) -> bool:
    toks = [w for w, _ in _tokens(name)]
    return any(w in _PURE_VERBS for w in toks[1:-1])


def _trim_tail(name: str, words: tuple[str, ...]) -> tuple[str, list[str]]:
    """Strip trailing verbs jieba glued to the suffix (工程建设, 主体施工) while a named suffix remains."""
    found = []
    changed = True
    while changed and name.endswith(words):
        changed = False
        for w in words:
            if name.endswith(w) and len(name) > len(w) and _ends_with_suffix(name[: -len(w)]):
                name, changed = name[: -len(w)], True
                found.append(w)
                break
    return name, found


def _clean(item: str, cues, front, back, lead: bool = True) -> tuple[str, list[str]]:
    """One list item as a name. Only the first item (`lead`) follows the clause's verbs: a later item
    keeps its opening word (…、随州街、建设十一路 is a road named 建设十一路)."""
    toks = _tokens(item)
    tail: list[str] = []
    i, j, found = _peel(toks, cues, front, back, tail)
    if not lead and i > 0:
        i, found = 0, tail
    if i >= j:
        return "", found
    # A conjunction left after peeled verbs (积极服务和引入X) goes; one opening the item stays (和纵盛, a firm).
    while 0 < i < j and toks[i][0] in ("和", "与", "及", "以及", "、"):
        i += 1
    if i >= j:
        return "", found
    name = item[toks[i][1]:toks[j - 1][1] + len(toks[j - 1][0])].strip()
    name, inner = _cut_inner(name, cues, front, lead)
    found += inner
    if not inner and _has_inner_verb(name, cues):
        return "", found  # 聚焦聚力推进项目: a verb phrase, not a name
    if "征" in name or "拆" in name or "腾" in name:  # _LAND_TAIL cannot match otherwise
        name = _LAND_TAIL.sub("", name) if _ends_with_suffix(_LAND_TAIL.sub("", name) or "-") else name
    name, tail = _trim_tail(name, _tail_words())
    found += tail
    if not _ends_with_suffix(name):
        # 武钢三中原址改扩建工程及武丰地块国际部: keep the coordinated part that is a named facility.
        m = _CONJUNCTION.search(name)
        if m and _ends_with_suffix(name[: m.start()]):
            name = name[: m.start()]
    if name.startswith("“") and name.endswith("”") and name.count("“") == 1 and not _ends_with_suffix(name):
        return "", found  # a quoted slogan (“扫黑除恶”) is not a project
    return name, found


def _starts_with_verb(name: str) -> bool:
    """抓招商引项目, 方便大学生: a phrase opening on an action verb is an action, not a name. A list, not
    jieba's POS tags: place names open on characters tagged as verbs (戴家湖, 赶山东路, 望岳路)."""
    return name.startswith(_ACTION_STARTS)


@lru_cache(maxsize=1)
def _tail_words() -> tuple[str, ...]:
    back = project_fillers()[1]
    return tuple(sorted(set(project_status_cues()) | back | {"施工", "征地", "征迁", "腾退"}, key=len, reverse=True))


def _acceptable(name: str) -> bool:
    if not name or name[-1] in "和与及的、" or name[0] in "、" or _starts_with_verb(name):
        return False
    return (_MIN_NAME <= len(name) <= _MAX_NAME and _balanced(name) and not _AGGREGATE.search(name)
            and _is_specific(name))


def _names(obj: str, cues, front, back) -> tuple[list[str], list[str], bool]:
    """Project names in a peeled clause: (names, cue words met inside, listed under a project head)."""
    found: list[str] = []
    k = obj.rfind("等")
    head = None
    if k > 0:
        # 等亿元以上项目23个、合同金额90亿元: the head ends at the next 、, what follows is no item.
        h_end = obj.find("、", k)
        head = obj[k + 1:h_end] if h_end > 0 else obj[k + 1:]
    items_part = obj[:k] if head is not None else obj
    raw_items = _split_quote_aware(items_part)
    cleaned = []
    for n_item, it in enumerate(raw_items):
        name, f = _clean(it, cues, front, back, lead=n_item == 0)
        found += f
        if name:
            cleaned.append(name)
    if head is None:
        named = [n for n in cleaned if _acceptable(n) and _ends_with_suffix(n)]
        if len(cleaned) > 1 and named == cleaned[-1:] and all(len(c) <= _MAX_SHARED for c in cleaned[:-1]):
            # 六草屋、周家寨、太山庙棚户区改造: places sharing the last item's head make one project
            whole, _ = _clean(obj, cues, front, back)
            if whole and _acceptable(whole):
                return [whole], found, False
        return named, found, False
    head_clean, f = _clean(head, cues, front, back)
    found += f
    head_core = re.sub(r"^(?:一批|\d+(?:个|条|所|家|座|处))", "", head_clean)
    if _LIST_HEAD.search(head_core) or re.search(r"项目(?:\d+个)?$", head_core):
        return [n for n in cleaned if _acceptable(n)], found, True
    if cleaned and all(_ends_with_suffix(n) for n in cleaned):
        return [n for n in cleaned if _acceptable(n)], found, False
    # 大智路、沿江等小区改造工程: places sharing one head noun make one project, named whole.
    whole = obj[: k + 1] + head_clean if head is not None else obj
    count = re.match(r"\d+", head_clean)
    if count and int(count.group()) >= _MAX_LISTED or cleaned and cleaned[0].startswith("“"):
        return [], found, False  # 钢城二中等116个学校 is a statistic; “教育强区”等民生工程 slogans
    if _ends_with_suffix(head_clean) and cleaned and _acceptable(whole) and all(_is_specific(c + "路") for c in cleaned):
        first, _ = _clean(whole, cues, front, back)
        return ([first] if first and _acceptable(first) else []), found, False
    return [], found, False




def _builds(tail: list[str], found: list[str], funded: bool = False) -> bool:
    """A clause whose verbs say its subject is built: X建成投产. (The frame 推进 X 建设 is not enough:
    推进法治政府建设.)"""
    if not tail:
        return False
    if any(w in _BUILD_TAILS for w in tail):
        return True
    # 启动蔡甸城市客厅建设: starting construction of it (推进X建设 alone is not enough, see above)
    # 投入600万元实施学校物防标准化建设: works the clause puts money into
    return "建设" in tail and any(w in _START_FRAMES or (funded and w == "实施") for w in found)




def _bare_name(obj: str, cues, front, back) -> list[str]:
    """A suffix-less name standing alone before a construction verb: 浚山光电一期, 蔡甸城市客厅."""
    if "、" in obj or "等" in obj:
        return []
    name, _ = _clean(obj, cues, front, back)
    if 4 <= len(name) <= 14 and _acceptable(name) and not any(_cue(w, cues, front) for w, _ in _tokens(name)):
        return [name]
    return []


def _status(cue_words: list[str], cues: dict[str, str]) -> str | None:
    statuses = [cues[w] for w in cue_words if w in cues]
    statuses += ["planned" for w in cue_words if w in _PLANNING]
    if not statuses:
        return None
    return max(statuses, key=lambda s: _STATUS_RANK[s])


def _section_lookup(sections: list[Section]):
    """pos -> the deepest section around it (the later one among equally deep), by one bisect.

    The section boundaries cut the text into pieces, each painted with every section covering it, shallow
    levels first and in document order, so the last paint is the deepest, latest section. Scanning all
    sections for every clause was a tenth of the extractor's time on long reports."""
    cuts = sorted({s.char_start for s in sections} | {s.char_end for s in sections})
    pieces: list[Section | None] = [None] * max(len(cuts) - 1, 0)
    for s in sorted(sections, key=lambda s: s.level):  # stable: document order within a level
        for k in range(bisect_left(cuts, s.char_start), bisect_left(cuts, s.char_end)):
            pieces[k] = s

    def section_at(pos: int) -> Section | None:
        k = bisect_right(cuts, pos) - 1
        return pieces[k] if 0 <= k < len(pieces) else None

    return section_at


@lru_cache(maxsize=1)
def _may_name():
    """A clause without any of these (a name end, 等, a construction verb) names nothing, whatever its tokens:
    it is only read again, for its cues, when a later clause of its sentence needs them."""
    words = _suffix_words() | set(_SINGLE_SUFFIXES) | set(_WORK_WORDS) | set(_SITE_WORDS) | _BUILD_TAILS | {"等", "建设"}
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


@lru_cache(maxsize=1)
def _name_end_at():
    """Where a name can end: the last character of a suffix, followed by the end of the object or by what
    _clean strips after a name (a peeled verb or filler, a trimmed tail, a land-work tail, a phase number,
    a parenthesis, a closing quote, a list mark, a conjunction). 城市, 城乡 (城 then 市/乡) end no name."""
    ends = ({w[-1] for w in _suffix_words()} | set(_SINGLE_SUFFIXES) | {w[-1] for w in _WORK_WORDS + _SITE_WORDS})
    after = {w[0] for w in _tail_words()} | set("()”、等和及与用征拆腾一二三四五六七八九十0123456789")
    ends_cls = "[" + "".join(re.escape(c) for c in sorted(ends)) + "]"
    after_cls = "[" + "".join(re.escape(c) for c in sorted(after)) + r"\s]"
    return re.compile(ends_cls + "(?:" + after_cls + r"|\Z)")


@lru_cache(maxsize=1)
def _name_ends():
    """A clause can hold a suffixed name only if it holds one of these words: most clauses hold none, and
    skip the list analysis (names end in a project suffix, a one-character suffix or a kind of work)."""
    words = _suffix_words() | set(_SINGLE_SUFFIXES) | set(_WORK_WORDS) | set(_SITE_WORDS)
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _year_and_plan(by_id: dict[str, Section], section: Section | None, meta: ReportMeta) -> tuple[int | None, bool]:
    # Walk up to the first ancestor that knows its period and kind.
    s = section
    while s is not None and s.kind in ("other",) and s.parent_id:
        s = by_id.get(s.parent_id)
    kind = s.kind if s else None
    if kind == "plan":
        return (meta.plan_year or (s.period_end if s else None)), True
    if kind == "outlook":
        return (s.period_end or meta.plan_year), True
    if s is not None and s.period_end:
        return s.period_end, False
    return reviewed_year(meta), False


def _clauses(text: str):
    """(start, end, sentence start, sentence end) of each clause, in one pass over the text."""
    sent_start, clauses = 0, []
    start = 0
    for m in _CLAUSE_END.finditer(text):
        if m.start() > start:
            clauses.append((start, m.start()))
        start = m.end()
        if m.group() in _SENTENCE_END:
            for a, b in clauses:
                yield a, b, sent_start, m.end()
            clauses, sent_start = [], m.end()
    if start < len(text):
        clauses.append((start, len(text)))
    for a, b in clauses:
        yield a, b, sent_start, len(text)


def _object(clause: str, toks, i: int, j: int) -> str:
    """The clause between the verbs and fillers peeled off its ends."""
    return clause[toks[i][1]:toks[j - 1][1] + len(toks[j - 1][0])]


def _deferred_cues(deferred, section_at, cues, front, back) -> list[str]:
    """The status cues of clauses the main loop passed over as nameless, read only when a later clause of the
    sentence needs them: the same peel and object reading the main loop gives a clause."""
    out: list[str] = []
    for clause, start, obj in deferred:
        if obj is None:
            toks = _tokens(clause)
            i, j, found = _peel(toks, cues, front, back, [])
            if i < j and _in_glossary(section_at(start)):
                continue
            out += found
            if i >= j:
                continue
            obj = _object(clause, toks, i, j)
        out += _names(obj, cues, front, back)[1]
    return out


def _in_glossary(section: Section | None) -> bool:
    # a glossary explains slogans; the projects it mentions are counted where the report names them
    return section is not None and section.kind == "glossary"


def extract_projects(text: str, sections: list[Section], meta: ReportMeta) -> list[Project]:
    cues = project_status_cues()
    front, back = project_fillers()
    sections_by_id = {s.section_id: s for s in sections}
    section_at = _section_lookup(sections)
    periods: dict[str | None, tuple[int | None, bool]] = {}
    name_ends, name_end_at, may_name = _name_ends(), _name_end_at(), _may_name()
    # This sentence's clauses skipped as nameless (clause, start, object or None): their cues, read on demand.
    unread: list[tuple[str, int, str | None]] = []
    out: list[Project] = []
    prev_sent, sent_cues, carried_amount = -1, [], None
    last_single: tuple[int, int] | None = None  # (row index, sentence) of a clause that named one project
    sent_rows: list[int] = []  # rows named in the current sentence
    loose: list[tuple[str, float | None]] = []  # amounts standing alone in a clause after those rows
    for start, end, sent, sent_end in _clauses(text):
        if sent != prev_sent:
            _settle_amount(out, sent_rows, loose)
            prev_sent, sent_cues, carried_amount, sent_rows, loose, unread = sent, [], None, [], [], []
        clause = text[start:end]
        if "(" in clause:
            clause = _FOOTNOTE.sub(lambda m: " " * len(m.group()), clause)
        if HEADING_NUMBER.match(clause):
            clause = HEADING_NUMBER.sub(lambda m: " " * len(m.group()), clause)
        if "*" in clause:
            clause = clause.replace("*", " ")  # censored characters in web copies stand for a lost word
        amount, invested = None, False
        m = _amount_re().search(clause) if "元" in clause else None
        if m:
            # investment_value_base is in 元: a dollar amount keeps its text but no value
            base = amount_in_base(parse_number(m.group("num")), m.group("unit"))
            value = base[0] if base[1] == "元" else None
            amount = (m.group("text"), value)
            invested = m.group("done") is not None
            clause = clause[: m.start()] + " " * len(m.group()) + clause[m.end():]
            clause = _EMPTY_PARENS.sub(lambda e: " " * len(e.group()), clause)  # XX项目(总投资20亿元)
        if not clause.strip():
            follows_one = last_single is not None and last_single[1] == sent
            if amount and follows_one and out[last_single[0]].investment_text is None:
                # 金龙项目顺利开工,总投资20亿元: the amount stated right after the one project named
                k = last_single[0]
                out[k] = replace(out[k], investment_value_base=amount[1], investment_text=amount[0])
                last_single = None
                continue
            carried_amount = amount  # 投资15.4亿元,实施氵厥水河东岸生态环境提升工程
            if amount and sent_rows:
                loose.append(amount)
            continue
        carried = carried_amount if amount is None else None
        amount = amount or carried_amount
        carried_amount = None
        last_single = None
        if not may_name.search(clause):
            unread.append((clause, start, None))
            continue
        toks = _tokens(clause)
        tail: list[str] = []
        i, j, found = _peel(toks, cues, front, back, tail)
        if i >= j:
            sent_cues += found
            continue
        obj = _object(clause, toks, i, j)
        section = section_at(start)
        if _in_glossary(section):
            continue
        if section is not None and section.level <= 2 and start < section.char_start + len(section.title):
            # A part or subsection heading sums its body up in a slogan (推动蔡甸开发区提档升级, “一区三城”建设全面
            # 启动); the projects themselves are named, with their verbs and amounts, in the body below it.
            continue
        builds = _builds(tail, found, funded=m is not None)
        if not builds and "等" not in obj and not (name_ends.search(obj) and name_end_at.search(obj)):
            sent_cues += found  # no name can end here (see _names); its inner cues only matter to a later clause
            unread.append((clause, start, obj))
            continue
        names, inner, listed = _names(obj, cues, front, back)
        if not names and builds:
            names = _bare_name(obj, cues, front, back)
        clause_cues = found + inner
        sid = section.section_id if section is not None else None
        if sid not in periods:
            periods[sid] = _year_and_plan(sections_by_id, section, meta)
        year, in_plan = periods[sid]
        if names and not clause_cues and listed:
            if unread:
                sent_cues += _deferred_cues(unread, section_at, cues, front, back)
                unread = []
            clause_cues = list(sent_cues)  # 其中A、B等亿元以上项目23个 takes 新签约 from the clause before
        sent_cues += found + inner
        status = _status(clause_cues, cues)
        if status is None and in_plan and any(w in _PLAN_ONLY_CUES for w, _ in toks[:i]):
            status = "planned"  # 建立区应急管理指挥中心, 高标准打造蔡甸大街示范街: plan verbs too weak elsewhere
        if status is None and invested:
            status = "in_progress"  # 中法生态城完成固定资产投资100亿元: money going in, the works under way
        if not names or (status is None and not (in_plan and listed)):
            continue
        if not in_plan and (section is None or section.kind == "other") and any(w in _FUTURE for w, _ in toks[:i]):
            # a news summary without a plan heading: 今年将加快推进X建设 is a plan
            in_plan, year = True, meta.plan_year or year
        if not in_plan and unread and any(w in c for c, _, _ in unread for w in _PLANNING):
            sent_cues += _deferred_cues(unread, section_at, cues, front, back)  # a cue of theirs may be 谋划
            unread = []
        if in_plan or any(w in _PLANNING for w in sent_cues):
            status = "planned"  # 积极谋划…,实施长江湿地…等重大生态项目: still being planned
        elif any(w in clause for w in _NOT_YET) and status in ("operating", "completed"):
            status = "in_progress"
        one = len(names) == 1 and amount is not None
        if len(names) == 1 and amount is None:
            last_single = (len(out), sent)
        if carried is not None and carried in loose:
            loose.remove(carried)  # the projects of the clause right after it take it
        for name in names:
            sent_rows.append(len(out))
            pos = text.find(name, start, end)
            out.append(Project(
                project_name=name,
                status=status,
                year=year,
                investment_value_base=amount[1] if one else None,
                investment_text=amount[0] if one else None,
                section_id=section.section_id if section else None,
                sentence=text[sent:sent_end].strip(),
                char_start=pos if pos >= 0 else start,
                char_end=pos + len(name) if pos >= 0 else end,
            ))
    _settle_amount(out, sent_rows, loose)
    return _one_row_each([_with_full_name(text, p) for p in out])


def _one_row_each(rows: list[Project]) -> list[Project]:
    """One row per project, year and status: a plan that says 高标准打造蔡甸开发区 and later 确保蔡甸开发区完成全社会
    固定资产投资168亿元 names one project once. The mention that states an amount speaks for it (its sentence and
    offsets come along, so the amount can be checked against its sentence); otherwise the first mention does."""
    kept: dict[tuple, int] = {}
    out: list[Project] = []
    for p in rows:
        key = (p.project_name, p.year, p.status)
        k = kept.get(key)
        if k is None:
            kept[key] = len(out)
            out.append(p)
        elif out[k].investment_text is None and p.investment_text is not None:
            out[k] = p
    return out




def _one_name(s: str) -> bool:
    """A named facility, not a phrase: 华夏幸福基业建设青山环保产业小镇 holds a verb, 程力电泳涂装等项目 a list."""
    if not (_ends_with_suffix(s) and _acceptable(s)):
        return False
    cues = project_status_cues()
    return not any(w in cues or w in _INNER_VERBS or w in _PURE_VERBS or w in _JOINERS for w, _ in _tokens(s))


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_MAX_ALIAS_GAP = 6  # characters a short form may leave out of the full name (中法生态城 / 中法武汉生态示范城)
_MAX_ALIAS_LOOKS = 50


def _with_full_name(text: str, p: Project) -> Project:
    """中法生态城 after 中法武汉生态示范城 is that project: a short form whose characters are an in-order
    subsequence of a full name written earlier in the report, sharing its first two and last characters.
    Hand-written: jieba knows neither form, and the report is the only dictionary of its own names."""
    short = p.project_name
    if len(short) < 4 or not _HAN_RUN.fullmatch(short):
        return p
    head, looks = short[:2], 0
    i = text.find(head, 0, p.char_start)
    while i >= 0 and looks < _MAX_ALIAS_LOOKS:
        looks += 1
        k, pos = 2, i + 2
        limit = min(len(text), i + len(short) + _MAX_ALIAS_GAP)
        while pos < limit and k < len(short) and "\u4e00" <= text[pos] <= "\u9fff":
            if text[pos] == short[k]:
                k += 1
            pos += 1
        full = text[i:pos]
        if k == len(short) and len(full) > len(short) and _one_name(full):
            return replace(p, project_name=full)
        i = text.find(head, i + 1, p.char_start)
    return p


def _settle_amount(out: list[Project], rows: list[int], loose: list[tuple[str, float | None]]) -> None:
    """实施“百企百亿”技改工程,其中…亿元以上项目13个,完成技改投资20.32亿元: a sentence about one project whose
    amount stands alone in a later clause. Counts above a threshold (亿元以上项目13个) state no amount (no 投资
    before them), and a clause with its own subject (全区完成投资…) is no loose amount, so neither lands here."""
    if len(rows) != 1 or len(loose) != 1 or out[rows[0]].investment_text is not None:
        return
    k = rows[0]
    out[k] = replace(out[k], investment_value_base=loose[0][1], investment_text=loose[0][0])
