"""Lines of PDF pages -> paragraphs: running lines and page numbers dropped, wrapped lines joined by geometry."""

from __future__ import annotations

import pytest

from orchestration.parsing.readers.pdf_layout import Line, is_page_number, layout_text

EM = 12.0  # font size in points
LEFT, RIGHT = 72.0, 72.0 + 30 * EM  # a column 30 characters wide


def body(text: str, top: float, indent: bool = False, full: bool = True) -> Line:
    x0 = LEFT + (2 * EM if indent else 0)
    return Line(text, x0, RIGHT if full else x0 + len(text) * EM, top, EM)


def page(n: int, lines: list[Line], header: str = "政府工作报告") -> list[Line]:
    return [Line(header, 250, 322, 800, 10), *lines, Line(f"— {n} —", 280, 315, 40, 10)]


@pytest.mark.parametrize("text", ["— 3 —", "- 3 -", "3", "第 3 页", "第3页 共12页", "3/12", "共12页 第3页", "Page 3 of 12",
                                  "·3·", "(3)"])
def test_page_numbers(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["2020年", "一、2019年工作回顾", "增长3%", "第三部分", "3.5"])
def test_not_page_numbers(text):
    assert not is_page_number(text)


def test_running_title_and_page_numbers_go_and_a_sentence_broken_across_pages_is_whole():
    pages = [
        page(1, [Line("政府工作报告", 250, 322, 760, 16), body("各位代表:现在,我代表区人民政府向大会报告政府工作,请予", 700, indent=True),
                 body("审议。地区生产总", 680)]),
        page(2, [body("值220.07亿元,增长9.1%。", 760, full=False), body("一、2019年工作回顾", 740, indent=True, full=False)]),
        page(3, [body("全年完成固定资产投资71.98亿元。", 760, indent=True, full=False)]),
    ]
    assert layout_text(pages, [595] * 3).split("\n") == [
        "政府工作报告",  # the title on page 1 stays: it is not at the running title's height
        "各位代表:现在,我代表区人民政府向大会报告政府工作,请予审议。地区生产总值220.07亿元,增长9.1%。",
        "一、2019年工作回顾",
        "全年完成固定资产投资71.98亿元。",
    ]


def test_an_indented_line_or_a_heading_starts_a_paragraph_even_after_a_full_line():
    lines = [body("这一段恰好写满了一整行,到右边为止。" + "字" * 12, 700),
             body("新的一段从缩进开始。", 680, indent=True, full=False),
             body("上一行也写满了整整一行,直到右边缘为止" + "字" * 11, 660),
             body("(一)以标题开始的行", 640, full=False)]
    assert len(layout_text([lines], [595]).split("\n")) == 4


def test_a_short_line_ends_its_paragraph():
    lines = [body("全区上下团结一心,攻坚克难,经济社会发展取得新成效。预计", 720, indent=True),
             body("地区生产总值520亿元,增长7.5%左右。", 700, full=False), body("经济运行稳中有进", 680, full=False)]
    assert layout_text([lines], [595]).split("\n") == [
        "全区上下团结一心,攻坚克难,经济社会发展取得新成效。预计地区生产总值520亿元,增长7.5%左右。", "经济运行稳中有进"]


def test_two_columns_are_read_left_then_right_even_when_drawn_interleaved():
    half = 595 / 2
    left = [Line("左栏第一行写满" + "字" * 8, 72, half - 12, 700 - 20 * i, EM) for i in range(4)]
    right = [Line("右栏第一行写满" + "字" * 8, half + 12, 595 - 72, 700 - 20 * i, EM) for i in range(4)]
    interleaved = [line for pair in zip(left, right) for line in pair]
    text = layout_text([interleaved], [595])
    assert text.index("左栏") < text.rindex("左栏") < text.index("右栏")


def test_lines_without_geometry_fall_back_to_their_length():
    wrapped = ["地区生产总值" * 4, "220.07亿元,增长9.1%。" + "字" * 4, "短行。"] * 5
    text = layout_text([[Line(t) for t in wrapped]], [0])
    assert "地区生产总值220.07亿元" in text
