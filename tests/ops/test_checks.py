"""The evidence check finds figures whose evidence is not in their report's text, a batch of reports at a time."""
from __future__ import annotations

import duckdb
import pytest

from orchestration.storage.raw_checks import evidence_not_in_text

TEXT = "2019年,全区实现地方生产总值220.07亿元,同比增长9.1%,全市排名第二;"


@pytest.fixture
def con():
    c = duckdb.connect()
    c.execute("create schema raw")
    c.execute("create table raw.report_texts (report_id varchar, text varchar)")
    c.execute("create table raw.figures (report_id varchar, char_end integer, evidence varchar)")
    c.execute("insert into raw.report_texts values ('a', ?), ('c', ?)", [TEXT, "无关的文字"])
    yield c
    c.close()


def end_of(evidence: str) -> int:
    return TEXT.index(evidence) + len(evidence)


@pytest.mark.parametrize("rows, bad", [
    ([("a", end_of("地方生产总值220.07亿元"), "地方生产总值220.07亿元")], []),  # in place
    ([("a", 3, "同比增长9.1%")], []),  # offset off, but the evidence is in the text
    ([("a", 10, "")], []),  # no evidence to check
    ([("a", 10, "同比增长9.5%")], [("a", "同比增长9.5%")]),  # not in the text
    ([("b", 10, "同比增长9.1%")], [("b", "同比增长9.1%")]),  # no text for its report (sorts between a and c)
    ([("c", 2, "同比增长9.1%"), ("a", end_of("同比增长9.1%"), "同比增长9.1%")], [("c", "同比增长9.1%")]),
    ([("0", 10, "同比增长9.1%"), ("z", 10, "同比增长9.1%")], [("0", "同比增长9.1%"), ("z", "同比增长9.1%")]),  # outside
])
@pytest.mark.parametrize("batch_chars", [12_000_000, 1])  # all reports in one batch; each report its own batch
def test_evidence_is_looked_up_in_its_own_report(con, rows, bad, batch_chars):
    con.executemany("insert into raw.figures values (?, ?, ?)", rows)
    found, total = evidence_not_in_text(con, batch_chars=batch_chars)
    assert found == bad
    assert total == sum(1 for r in rows if r[2])


def test_examples_are_capped_and_every_figure_counted(con):
    con.executemany("insert into raw.figures values (?, ?, ?)", [("a", 1, f"增长{i}%") for i in range(20, 40)])
    found, total = evidence_not_in_text(con, limit=5)
    assert len(found) == 5 and total == 20
