"""The target chart: growth targets against prior-year results, drawn with a font that has Chinese glyphs."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.reporting import chart
from orchestration.reporting.chart import ChartRow, chart_markdown, chart_rows, render_chart

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def row(
    district: str,
    indicator: str = "gdp",
    name_zh: str = "地区生产总值",
    year: int = 2020,
    target: float = 7.5,
    high: float | None = None,
    bound: str = "eq",
    prior: float | None = 7.6,
    later: float | None = None,
    city: str | None = None,
):
    return ChartRow(
        district,
        city,
        indicator,
        name_zh,
        year,
        target,
        high,
        bound,
        year - 1,
        prior,
        "actual" if prior is not None else None,
        later,
    )


@pytest.mark.parametrize(
    ("bound", "label"),
    [
        ("approx", "地区生产总值 左右"),
        ("min", "地区生产总值 以上"),
        ("max", "地区生产总值 以内"),
        ("range", "地区生产总值 区间"),
        ("eq", "地区生产总值"),
        (None, "地区生产总值"),
    ],
)
def test_labels_say_how_a_target_is_hedged(bound, label):
    assert chart._label(row("西塞山区", bound=bound)) == label


def test_panels_put_the_districts_with_most_targets_first_and_stop_at_the_cap():
    rows = [row("青山区")] + [row("蔡甸区", indicator=f"i{i}") for i in range(3)]
    rows += [row(f"区{i:02d}") for i in range(chart.MAX_DISTRICTS + 5)]
    panels = chart._panels(rows)
    assert len(panels) == chart.MAX_DISTRICTS
    assert next(iter(panels)) == ("蔡甸区", "", 2020)


def test_two_districts_of_one_name_in_different_cities_get_their_own_panels():
    rows = [
        row("青山区", city="武汉市"),
        row("青山区", city="包头市"),
        row("青山区", indicator="retail_sales", city="武汉市"),
    ]
    panels = chart._panels(rows)
    assert list(panels) == [("青山区", "武汉市", 2020), ("青山区", "包头市", 2020)]


def test_render_counts_what_it_drew(tmp_path):
    rows = [
        row("曾都区", prior=14.0, target=8.5),
        row("曾都区", indicator="retail_sales", name_zh="社会消费品零售总额", prior=None, target=10.0, later=10.8),
        row("岳阳楼区", target=8.0, high=8.5, bound="range", prior=None),
    ]
    result = render_chart(rows, tmp_path / "c.png")
    assert (result.n_targets, result.n_with_prior, result.districts) == (3, 1, ["岳阳楼区", "曾都区"])
    assert result.path.read_bytes()[:8] == PNG_MAGIC


def test_an_empty_warehouse_still_gets_a_picture(tmp_path):
    result = render_chart([], tmp_path / "empty.png")
    assert result.n_targets == 0 and result.path.read_bytes()[:8] == PNG_MAGIC


def test_markdown_embeds_the_png_itself(tmp_path):
    result = render_chart([row("西塞山区")], tmp_path / "c.png")
    md = chart_markdown(result)
    prefix = "![targets against prior-year results](data:image/png;base64,"
    assert md.startswith(prefix) and md.endswith(")")
    assert base64.b64decode(md[len(prefix) : -1]) == result.path.read_bytes()


@pytest.mark.skipif(not NOTO.exists() and os.geteuid() != 0, reason="fonts-noto-cjk needs root to install")
def test_a_cjk_font_is_installed_for_the_labels():
    assert chart.cjk_font() is not None, "run python3 dev.py test as root: it installs fonts-noto-cjk"


def test_rows_come_from_growth_targets_of_the_sample_warehouse(sample_warehouse):
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        rows = chart_rows(con)
        expected = con.execute(
            "SELECT count(*) FROM marts.fct_target_vs_prior WHERE measure = 'growth' AND unit = '%' "
            "AND target_value IS NOT NULL AND district IS NOT NULL"
        ).fetchone()[0]
    assert len(rows) == expected > 0
    assert all(r.name_zh != r.indicator for r in rows), "indicator names come from dim_indicators"


def test_target_chart_asset_shows_the_picture_in_its_metadata(sample_warehouse, tmp_path):
    from orchestration.defs.chart import target_chart
    from orchestration.defs.resources import WarehousePaths

    warehouse = tmp_path / "copy.duckdb"
    warehouse.write_bytes(sample_warehouse.read_bytes())
    result = target_chart(
        dg.build_asset_context(), paths=WarehousePaths(inbox=str(tmp_path / "inbox"), warehouse=str(warehouse))
    )
    md = result.metadata["chart"]
    assert isinstance(md, dg.MarkdownMetadataValue) and "data:image/png;base64," in md.value
    assert Path(result.metadata["path"].value) == tmp_path / "copy_targets_vs_prior.png"
    assert result.metadata["targets_drawn"] > 0


def test_a_panel_never_holds_more_than_its_cap_of_rows():
    # thousands of reports whose district could not be told apart share one panel; drawing them all cost 5 GB
    rows = [row("大社区", indicator=f"i{i}") for i in range(chart.MAX_ROWS_PER_PANEL * 100)]
    panels = chart._panels(rows)
    assert [len(p) for p in panels.values()] == [chart.MAX_ROWS_PER_PANEL]
