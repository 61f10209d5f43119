"""The escalation chart's choices: which chains, which years, what an empty warehouse gets."""

from __future__ import annotations

import base64

import duckdb
import pytest

from orchestration.reporting import escalation_chart as ec
from orchestration.reporting.escalation_chart import Chain, Node

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def node(gid: str, level: str, value: float, bound: str = "eq", result: float | None = None) -> Node:
    return Node(gid, gid.split("/")[-1], level, value, None, bound, result)


CHINA = node("全国", "national", 5.5, "approx")
HEBEI = node("河北省", "province", 6.5)
BAODING = node("河北省/保定市", "city", 8.0, "min", result=7.2)
ANGUO = node("河北省/保定市/安国市", "county", 8.0, "approx")
FUPING = node("河北省/保定市/阜平县", "county", 10.0, "min")


def test_a_chain_inside_a_longer_one_is_dropped_and_the_longest_come_first():
    chains = [Chain(2022, (HEBEI, BAODING)), Chain(2022, (BAODING, FUPING)), Chain(2022, (HEBEI, BAODING, ANGUO))]
    assert [c.leaf.name for c in ec._longest_first(chains)] == ["安国市", "阜平县"]


def test_years_with_the_longest_chains_are_picked_first():
    by_year = {
        2021: [Chain(2021, (BAODING, FUPING)), Chain(2021, (BAODING, ANGUO))],
        2022: [Chain(2022, (CHINA, HEBEI, BAODING, ANGUO))],
        2009: [Chain(2009, (HEBEI, BAODING))],
    }
    assert ec.pick_years(by_year, 3) == [2022, 2021, 2009]
    assert ec.pick_years({}, 3) == []


def test_chains_are_read_from_the_paired_rows(tmp_path):
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create schema marts")
        con.execute("""create table marts.fct_target_escalation as select * from (values
            (2022, '河北省/保定市/安国市', '安国市', 'county', 8.0::double, null::double, 'approx', 'a', '河北省/保定市', '保定市', 'city',
             1, 8.0::double, null::double, 'min', 'b', 'paired', 'gdp', 'growth'),
            (2022, '河北省/保定市/安国市', '安国市', 'county', 8.0, null, 'approx', 'a', '河北省', '河北省', 'province',
             2, 6.5, null, 'eq', 'c', 'paired', 'gdp', 'growth'),
            (2022, '河北省/保定市/安国市', '安国市', 'county', 8.0, null, 'approx', 'a', '全国', '全国', 'national',
             3, null, null, null, null, 'no_ancestor_report', 'gdp', 'growth'),
            (2022, '河北省/保定市', '保定市', 'city', 8.0, null, 'min', 'b', '河北省', '河北省', 'province',
             1, 6.5, null, 'eq', 'c', 'paired', 'gdp', 'growth'))
            t(year, government_id, district, level, value, value_high, bound, indicator_value_id, ancestor_id,
              ancestor_name, ancestor_level, generations_up, ancestor_value, ancestor_value_high, ancestor_bound,
              ancestor_indicator_value_id, pairing, indicator, measure)""")
        con.execute("""create table marts.fct_target_outcomes as select * from (values ('b', 7.2::double))
                       t(indicator_value_id, result_value)""")
        con.execute("""create table marts.dim_indicators as select * from (values ('gdp', '地区生产总值', 'GDP'))
                       t(indicator, name_zh, name_en)""")
        chains = ec.chains_by_year(con, "gdp", "growth")
    assert list(chains) == [2022]
    [chain] = chains[2022]  # 保定市 > 河北省 lies inside 安国市's chain
    assert [(n.name, n.value, n.bound, n.result) for n in chain.nodes] == [
        ("河北省", 6.5, "eq", None), ("保定市", 8.0, "min", 7.2), ("安国市", 8.0, "approx", None)]
    result = ec.render_from_warehouse(db, tmp_path / "c.png")
    assert result.years == [2022] and result.path.read_bytes()[:8] == PNG_MAGIC
    md = ec.chart_markdown(result)
    prefix = "![targets down the hierarchy](data:image/png;base64,"
    assert md.startswith(prefix) and base64.b64decode(md[len(prefix):-1]) == result.path.read_bytes()
    # a year without chains still gets a picture, saying so
    assert ec.render_from_warehouse(db, tmp_path / "none.png", year=1999).chains == []


def test_levels_are_refused_with_a_reason(tmp_path):
    with pytest.raises(ValueError, match="percentages"):
        ec.render_from_warehouse(tmp_path / "w.duckdb", tmp_path / "c.png", measure="level")


def test_labels_show_the_bound_as_written():
    assert ec._label(BAODING, "%") == "保定市 8%以上"
    assert ec._label(Node("x", "安国市", "county", 7.5, 8.5, "range", None), "%") == "安国市 7.5–8.5%"
