"""The Dagster UI as a new user meets it, in a real browser: `dagster dev` on a fresh instance over the sample inbox.

The sensor builds the samples by itself; then the test rebuilds everything from the rebuild_warehouse job's
"Materialize all" (one run) and checks the published file was replaced, materializes one mart by hand and checks the
published file follows it, and opens a mart's preview, checking its first column and that it fits a laptop screen.

Uses only what `python3 dev.py test` installs: Debian's chromium driven by playwright-python (no browser download).
Screenshots go to a temporary folder, or with GWR_SCREENSHOTS=docs/images to the pictures of docs/ui.md and the
README (a plain test run leaves the tree unchanged).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import duckdb
import pytest

from orchestration.reporting.previews import preview_layouts
from tests.conftest import SAMPLES
from tests.dagster_dev import dagster_dev, dev_dagster_yaml, graphql, wait_for, wait_until_loaded

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(os.environ["GWR_SCREENSHOTS"]).resolve() if os.environ.get("GWR_SCREENSHOTS") else \
    Path(tempfile.gettempdir()) / "gwr-ui-shots"
# the facts the lineage view centres on; the rest of the group is checked in its List tab
MARTS = ["fct_indicator_values", "fct_targets", "fct_target_vs_prior", "fct_projects"]
LAPTOP = {"width": 1366, "height": 768}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (python3 dev.py test does)"),
]


def runs(port: int, job: str | None = None, sensor: str | None = None) -> list[dict]:
    """The runs of a job, or the runs a sensor started."""
    condition = f'pipelineName: "{job}"' if job else f'tags: [{{key: "dagster/sensor_name", value: "{sensor}"}}]'
    fields = "runId status creationTime endTime"
    body = graphql(port, f"{{ runsOrError(filter: {{{condition}}}) {{ ... on Runs {{ results {{ {fields} }} }} }} }}")
    return body["data"]["runsOrError"]["results"]


def succeeded(port: int, job: str | None = None, sensor: str | None = None, after: float = 0.0) -> dict | None:
    """A successful run created after `after`; fails the test as soon as one failed."""
    found = [r for r in runs(port, job, sensor) if r["creationTime"] >= after]
    failed = [r for r in found if r["status"] in ("FAILURE", "CANCELED")]
    assert not failed, f"{job or sensor} run {failed[0]['runId']} ended {failed[0]['status']}"
    return next((r for r in found if r["status"] == "SUCCESS"), None)


def published_version(warehouse: Path) -> tuple[int, int]:
    # publishing is a copy and an atomic rename onto the file: a new inode and a new mtime
    st = warehouse.stat()
    return st.st_ino, st.st_mtime_ns


@pytest.fixture(scope="module")
def dagster_ui(tmp_path_factory, dbt_manifest):
    root = tmp_path_factory.mktemp("ui")
    home, inbox, warehouse, log = root / "dagster_home", root / "inbox", root / "warehouse.duckdb", root / "dev.log"
    home.mkdir()
    (home / "dagster.yaml").write_text(dev_dagster_yaml(), encoding="utf-8")
    shutil.copytree(SAMPLES, inbox)
    with dagster_dev(home, inbox, warehouse, log) as (proc, port):
        wait_until_loaded(port, proc)
        graphql(port, "mutation { setNuxSeen }")  # else a "join the community" dialog covers the page
        # no click: the inbox sensor reads and parses the samples, the refresh loads, builds and publishes them
        wait_for(lambda: succeeded(port, "refresh_warehouse") and warehouse.exists(), proc, log)
        yield port, warehouse, proc, log


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def location_name(port: int) -> str:
    body = graphql(port, "{ workspaceOrError { ... on Workspace { locationEntries { name } } } }")
    return body["data"]["workspaceOrError"]["locationEntries"][0]["name"]


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    page.screenshot(path=str(path))
    return path


def test_marts_show_in_the_lineage_with_their_last_materialization(dagster_ui, browser):
    port, warehouse, _, _ = dagster_ui
    with duckdb.connect(str(warehouse), read_only=True) as con:
        n_rows = con.execute("SELECT count(*) FROM marts.fct_target_vs_prior").fetchone()[0]
    body = graphql(port, "{ assetNodes { assetKey { path } groupName assetMaterializations(limit: 1) { timestamp } } }")
    nodes = {"/".join(n["assetKey"]["path"]): n for n in body["data"]["assetNodes"]}
    group = sorted(k for k, n in nodes.items() if n["groupName"] == "marts")
    assert set(MARTS) <= set(group), group
    for key in group + ["published_warehouse", "target_chart"]:
        assert nodes[key]["assetMaterializations"], f"{key} has no materialization in the instance"

    base = f"http://127.0.0.1:{port}"
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(f"{base}/locations/{location_name(port)}/asset-groups/marts")
    page.get_by_text("fct_target_vs_prior", exact=True).first.wait_for(timeout=60_000)
    page.get_by_text("Materialized", exact=True).first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    lineage = shot(page, "ui_lineage.png")
    lineage_text = page.inner_text("body")
    page.get_by_text("List", exact=True).first.click()
    page.get_by_text(group[-1], exact=True).first.wait_for(timeout=30_000)
    list_text = page.inner_text("body")

    page.goto(f"{base}/assets/fct_target_vs_prior")
    page.get_by_text("Row count", exact=True).first.wait_for(timeout=30_000)
    asset_text = page.inner_text("body")
    page.close()
    for mart in MARTS:
        assert mart in lineage_text, f"{mart} is not shown in the marts lineage"
    assert "Materialized" in lineage_text
    missing = [key for key in group if key not in list_text]
    assert not missing, f"not listed in the marts group: {missing}"
    assert f"Row count\n{n_rows}" in asset_text or f"Row count {n_rows}" in " ".join(asset_text.split())
    assert lineage.stat().st_size > 20_000


def open_preview(page, base: str, asset: str):
    page.goto(f"{base}/assets/{asset}")
    page.get_by_text("Show Markdown").first.click(timeout=60_000)  # the mart's `preview` entry
    dialog = page.get_by_role("dialog")
    table = dialog.locator("table").first
    table.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    return dialog, table


def test_a_mart_preview_shows_the_analyst_columns_and_fits_a_laptop_screen(dagster_ui, browser):
    port, warehouse, _, _ = dagster_ui
    with duckdb.connect(str(warehouse), read_only=True) as con:
        newest = con.execute("SELECT district FROM marts.dim_reports ORDER BY ingested_at DESC LIMIT 1").fetchone()[0]
    base = f"http://127.0.0.1:{port}"
    page = browser.new_page(viewport=LAPTOP)
    dialog, table = open_preview(page, base, "fct_targets")
    header = table.locator("th").all_inner_texts()
    rows = table.locator("tbody tr")
    n_rows = rows.count()
    box, frame = table.bounding_box(), dialog.bounding_box()
    row_height = max(rows.nth(i).bounding_box()["height"] for i in range(n_rows))
    shot(page, "ui_mart_preview.png")

    dialog, table = open_preview(page, base, "dim_reports")
    reports_header = table.locator("th").all_inner_texts()
    first_report = table.locator("tbody tr").first.locator("td").all_inner_texts()
    page.close()

    assert header[0] == "district" and header == list(preview_layouts()["fct_targets"].columns)
    assert n_rows == 5
    # the whole table inside the dialog, header on screen, no column wrapped a character per line
    assert box["y"] >= 0 and box["y"] + box["height"] <= LAPTOP["height"], box
    assert box["x"] + box["width"] <= frame["x"] + frame["width"], (box, frame)
    assert row_height < 40, row_height
    # the report read last comes first
    assert first_report[reports_header.index("district")] == newest


def test_materialize_all_rebuilds_and_publishes_in_one_run(dagster_ui, browser):
    port, warehouse, proc, log = dagster_ui
    before = published_version(warehouse)
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"http://127.0.0.1:{port}/locations/{location_name(port)}/jobs/rebuild_warehouse")
    page.get_by_text("Materialize all").first.click(timeout=60_000)
    dialog = page.get_by_role("dialog")
    dialog.get_by_text("All", exact=True).first.click(timeout=30_000)
    dialog.get_by_text("5 partitions").first.wait_for(timeout=30_000)
    page.wait_for_timeout(3000)  # the dialog loads the job's partition sets after the choice
    shot(page, "ui_rebuild_dialog.png")
    clicked = time.time()
    page.get_by_role("button", name="Launch backfill").click()
    page.get_by_text("Created backfill").first.wait_for(timeout=60_000)  # the page's toast: the launch went through
    page.close()
    run = wait_for(lambda: succeeded(port, "rebuild_warehouse", after=clicked - 1), proc, log)
    print(f"\nrebuild from one click: {run['endTime'] - clicked:.0f} s")
    assert published_version(warehouse) != before
    assert len(runs(port, "rebuild_warehouse")) == 1, "the rebuild took more than one run"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM marts.dim_reports").fetchone()[0] == len(list(SAMPLES.glob("*.txt")))


def test_a_mart_materialized_by_hand_is_published_after_it(dagster_ui, browser):
    port, warehouse, proc, log = dagster_ui
    before = published_version(warehouse)
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"http://127.0.0.1:{port}/assets/fct_targets")
    page.get_by_text("Materialize", exact=True).first.wait_for(timeout=60_000)
    page.wait_for_timeout(1000)
    clicked = time.time()
    page.get_by_text("Materialize", exact=True).first.click()
    # the page launches the run itself: keep it open until the run exists
    wait_for(lambda: [r for r in runs(port, "__ASSET_JOB") if r["creationTime"] >= clicked - 1], proc, log)
    page.close()
    # the automation condition of the publish group starts a run of its own once the mart is materialized
    wait_for(lambda: succeeded(port, "__ASSET_JOB", after=clicked - 1)
             and succeeded(port, sensor="publish_follows_builds", after=clicked - 1), proc, log)
    assert published_version(warehouse) != before


def test_the_target_chart_shows_in_the_ui(dagster_ui, browser):
    port, _, _, _ = dagster_ui
    page = browser.new_page(viewport={"width": 1600, "height": 1100})
    page.goto(f"http://127.0.0.1:{port}/assets/target_chart")
    page.get_by_text("Show Markdown").first.click(timeout=30_000)
    chart = page.locator("img[src^='data:image/png;base64']").first
    chart.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    width = chart.evaluate("img => img.naturalWidth")
    shot(page, "ui_target_chart.png")
    page.close()
    assert width > 400, "the chart image did not render in the UI"
