"""normalize_text: page chrome out, report text (and every gold evidence string) in, idempotent."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import opencc
import pytest

from orchestration.parsing.dates import page_date
from orchestration.parsing.normalize import (
    is_boilerplate_line,
    is_traditional,
    normalize_text,
    rejoin_wrapped_lines,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLD = Path(__file__).resolve().parents[2] / "examples" / "gold"

# Lines copied from the sample reports' web pages: dropped.
BOILERPLATE = [
    "  • 信息来源:曾都区人民政府",
    "  • 审核人:张艳艳",
    "  • 【字体:",
    "打印",
    "扫一扫在手机上查看当前页面",
    "较旧一篇:2018年武汉市武昌区政府工作报告较新一篇:2018年武汉洪山区政府工作报告",
    "浏览量:1 | | | |",
    "【打印】 【关闭】",
    "当前位置:首页 > 政务公开 > 政府工作报告",
    "[ 2021-01-27 ]",
]
# Page stamps: chrome to every reader, but kept in the text, as the posting date can be the only year a news page
# gives (report_years reads it as a weak signal, never as the delivery date).
STAMPS = [
    ("作者:   来源:西塞山区政府    时间:2020-08-03 17:52", date(2020, 8, 3)),
    ("  • 发布时间:2022-02-01 17:41", date(2022, 2, 1)),
    ("来源:岳阳楼区人民政府 \xa0 2020-11-30 09:26", date(2020, 11, 30)),
    ("2021年01月27日 10:30", date(2021, 1, 27)),
    ("编辑:胡安坤2018-01-24 16:20内容来源:龙华网", date(2018, 1, 24)),  # district_longhua_2018.txt's last line
]
# Report lines that look a little like chrome: kept.
KEPT = [
    "政府工作报告(2021年11月8日)",
    "——2020年6月29日在西塞山区第四届人民代表大会第五次会议上",
    "曾都区人民政府代区长何胜",
    "各位代表:",
    "政 府 工 作 报 告(摘要)",
    "二次产业质量提升",
    "(21)一感一度一率一评价:即群众安全感、公正执法满意度、矛盾纠纷调解有效率、扫黑除恶行动评价。",
    "担当作为,继续前进谱写新时代岳阳楼区转型发展新篇章",
    "2021年11月8日",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_drops_boilerplate_lines(line):
    assert is_boilerplate_line(line)
    assert line.strip() not in normalize_text(f"各位代表:\n{line}\n现在,我代表区人民政府向大会报告工作。")


@pytest.mark.parametrize(("line", "posted"), STAMPS)
def test_keeps_page_stamps_as_chrome_with_their_date(line, posted):
    text = normalize_text(f"各位代表:\n{line}\n现在,我代表区人民政府向大会报告工作。")
    assert is_boilerplate_line(line)
    assert page_date(text) == posted


@pytest.mark.parametrize("line", KEPT)
def test_keeps_report_lines(line):
    assert not is_boilerplate_line(line)
    assert line in normalize_text(f"{line}\n现在,我代表区人民政府向大会报告工作。")


def _evidence() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in ("indicators.csv", "projects.csv"):
        with (GOLD / name).open(encoding="utf-8", newline="") as f:  # part of the project: missing fails
            for row in csv.DictReader(f):
                out.setdefault(row["report"], []).append(row["evidence"])
    return out


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_samples_keep_every_evidence_string_and_are_idempotent(path):
    raw = path.read_text(encoding="utf-8")
    text = normalize_text(raw)
    assert normalize_text(text) == text
    evidence = _evidence().get(path.name, [])
    assert [e for e in evidence if e not in text] == []
    for line in ("较旧一篇", "扫一扫", "浏览量", "侯卫东官场笔记", "审核人"):
        assert line not in text
    assert text.count("*") == raw.count("*")  # censorship marks are part of the evidence


def test_cuts_a_string_glued_after_several_paragraphs():
    text = normalize_text(
        "积极利用国开行扶持资金,开展北湖生态试验区水生态综合治理项目策划和申报工作。侯卫东官场笔记\n"
        "加快推进建设,建成海绵道路。侯卫东官场笔记\n"
        "全年预计完成一般公共预算收入39亿元。"
    )
    assert "侯卫东官场笔记" not in text
    assert "申报工作。\n" in text and text.endswith("39亿元。")


def test_cuts_a_repeated_site_address_glued_after_paragraphs():
    text = normalize_text(
        "全区实现地方生产总值220.07亿元,同比增长9.1%,全市排名第二。www.example-fanwen.com\n"
        "固定资产投资完成71.98亿元,同比增长12.6%,全市排名第三。www.example-fanwen.com\n"
    )
    assert (
        text
        == "全区实现地方生产总值220.07亿元,同比增长9.1%,全市排名第二。\n固定资产投资完成71.98亿元,同比增长12.6%,全市排名第三。"
    )


def test_keeps_a_single_paragraph_end_without_full_stop():
    text = "二次产业质量提升\n预计完成规模以上工业总产值829亿元,增长8.6%。取得实效\n高新技术产业增加值增长15%。"
    assert normalize_text(text) == text


WIDTHS = [
    ("全区实现地方生产总值２２０．０７亿元，同比增长９．１％；", "全区实现地方生产总值220.07亿元,同比增长9.1%;"),
    ("“九有”（1）“两不愁三保障”（2）", "“九有”(1)“两不愁三保障”(2)"),
    ("《长江新城南岸——青山区转型发展战略研究》、城市设计。", "《长江新城南岸——青山区转型发展战略研究》、城市设计。"),
    ("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"),
    ("\u3000\u3000各位代表：", "各位代表:"),
]


@pytest.mark.parametrize(("raw", "clean"), WIDTHS)
def test_full_width_to_half_width_and_line_breaks(raw, clean):
    assert normalize_text(raw) == clean


def test_traditional_report_becomes_simplified_and_simplified_is_untouched():
    simplified = normalize_text(SEEDS[0].read_text(encoding="utf-8"))
    traditional = opencc.OpenCC("s2t").convert(simplified)
    assert is_traditional(traditional) and not is_traditional(simplified)
    back = normalize_text(traditional)
    sentence = "全区实现地方生产总值220.07亿元,同比增长9.1%"
    assert sentence in back
    assert (
        normalize_text("乾隆年间的著作,全区实现地方生产总值220.07亿元。")
        == "乾隆年间的著作,全区实现地方生产总值220.07亿元。"
    )


def test_html_page_becomes_paragraphs_without_chrome():
    page = (
        "<!DOCTYPE html><html><head><title>2020年政府工作报告_西塞山区政府</title>"
        "<style>p{margin:0}</style><script>var a='<p>不要</p>';</script></head><body>"
        "<div class='nav-bar'><a href='/'>首页</a> &gt; <a>政务公开</a></div>"
        "<div class='article'><h1>2020年政府工作报告</h1>"
        "<p>——2020年6月29日在西塞山区第四届人民代表大会第五次会议上</p>"
        "<p>全区实现地方生产总值220.07亿元,同比增长9.1%,全市排名第二;</p>"
        "<p>固定资产投资完成71.98亿元,\n同比增长12.6%,全市排名第三;<br>规模以上工业增加值完成87.6亿元&nbsp;</p></div>"
        "<div id='share'>分享到:微信 微博</div><footer>版权所有:西塞山区人民政府</footer></body></html>"
    )
    text = normalize_text(page)
    assert text.split("\n") == [
        "2020年政府工作报告",
        "——2020年6月29日在西塞山区第四届人民代表大会第五次会议上",
        "全区实现地方生产总值220.07亿元,同比增长9.1%,全市排名第二;",
        "固定资产投资完成71.98亿元, 同比增长12.6%,全市排名第三;",
        "规模以上工业增加值完成87.6亿元",
    ]
    assert normalize_text(text) == text


@pytest.mark.parametrize(("attrs", "kept"), [
    ("class='header'", False),
    ("id='top'", False),
    ("class='wrap banner'", False),
    ("class='article-header'", True),
    ("class='content-top'", True),
])
def test_a_site_masthead_is_dropped_but_an_article_header_kept(attrs, kept):
    page = (f"<html><body><div {attrs}>2020年政府工作报告</div><div class='article'>"
            "<p>全区实现地方生产总值220.07亿元,同比增长9.1%,全市排名第二;</p></div></body></html>")
    assert ("2020年政府工作报告" in normalize_text(page)) is kept


def test_a_megabyte_line_of_digits_and_punctuation_is_kept_once():
    # its speed (linear) is in the benchmark's hostile inputs (tests/bench/hostile.py)
    line = ("1234567890,.;:%。!" * 60000)[:1_000_000]
    # kept as it is, once: the same long line twice over is a page body stored twice (repairs.py)
    assert normalize_text(line + "\n" + line) == line


def test_entities_left_in_a_text_copy_of_a_page():
    raw = "各位代表:&nbsp;&nbsp;\n全区实现&ldquo;九有&rdquo;,地方生产总值220.07亿元,同比增长9.1%&hellip;"
    assert normalize_text(raw) == "各位代表:\n全区实现“九有”,地方生产总值220.07亿元,同比增长9.1%..."


def _hard_wrapped(text: str, width: int) -> str:
    """The text as a PDF copy gives it: every paragraph broken at the page width."""
    import textwrap

    return "\n".join("\n".join(textwrap.wrap(par, width)) if par else "" for par in text.split("\n"))


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_a_hard_wrapped_copy_gives_back_the_paragraphs(path):
    raw = path.read_text(encoding="utf-8")
    text = normalize_text(_hard_wrapped(raw, 30))
    evidence = _evidence().get(path.name, [])
    assert [e for e in evidence if e not in text] == []
    lines = raw.split("\n")
    assert rejoin_wrapped_lines(lines) == lines  # a paragraph per line, as the sample is: left as it is


def test_headings_and_short_lines_are_never_joined():
    lines = ["一、2019年工作回顾"] + ["全区实现地方生产总值220.07亿元,同比增长9.1%,全市排名第二"] * 14 + [
        "二、2020年工作安排", "地区生产总值增长7.6%。"]
    text = normalize_text("\n".join(lines))
    assert text.split("\n")[0] == "一、2019年工作回顾"
    assert "\n二、2020年工作安排\n地区生产总值增长7.6%。" in text


@pytest.mark.parametrize("raw, clean", [
    ("全年地区生产总值增长百分之七点五左右", "全年地区生产总值增长7.5%左右"),
    ("城镇登记失业率控制在百分之四以内", "城镇登记失业率控制在4%以内"),
    ("增长百分之十二点三", "增长12.3%"),
    ("增长百分之5.5", "增长5.5%"),
])
def test_percent_written_in_words(raw, clean):
    assert normalize_text(raw) == clean
