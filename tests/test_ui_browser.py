"""The Dagster UI in a real browser: the marts are in the lineage with their last materialization shown.

Uses only what `python3 dev.py test` installs: Debian's chromium driven by playwright-python (no browser download).
The warehouse is materialized into the same DAGSTER_HOME the UI server then reads. Screenshots go to a temporary
folder, or with GWR_SCREENSHOTS=docs/images to the README's pictures (a plain test run leaves the tree unchanged).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLES
from tests.dagster_dev import dagster_dev, graphql, wait_until_loaded

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / os.environ["GWR_SCREENSHOTS"] if os.environ.get("GWR_SCREENSHOTS") else \
    Path(tempfile.gettempdir()) / "gwr-ui-shots"
SCREENSHOT = SHOTS / "ui_lineage.png"
CHART_SCREENSHOT = SHOTS / "ui_target_chart.png"
PREVIEW_SCREENSHOT = SHOTS / "ui_mart_preview.png"
# the facts the lineage view centres on; the rest of the group is checked in its List tab
MARTS = ["fct_indicator_values", "fct_targets", "fct_target_vs_prior", "fct_projects"]
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


def materialize_into(home: Path, inbox: Path, warehouse: Path) -> None:
    """The build the CLI does, recorded in the instance at `home` so the UI shows its materializations."""
    import dagster as dg

    from orchestration.definitions import build_definitions
    from orchestration.defs.partitions import report_partitions
    from orchestration.settings import resolve_paths
    from orchestration.storage.inbox import list_inbox

    paths = resolve_paths(inbox, warehouse)
    defs = build_definitions(paths)
    keys = [f.key for f in list_inbox(inbox)]
    with dg.DagsterInstance.from_config(str(home)) as instance, contextlib.redirect_stdout(io.StringIO()):
        instance.add_dynamic_partitions(report_partitions.name, keys)
        tags = {"dagster/asset_partition_range_start": keys[0], "dagster/asset_partition_range_end": keys[-1]}
        assert defs.resolve_job_def("process_reports").execute_in_process(instance=instance, tags=tags).success
        assert defs.resolve_job_def("refresh_warehouse").execute_in_process(instance=instance).success


@pytest.fixture(scope="module")
def dagster_ui(tmp_path_factory, dbt_manifest):
    root = tmp_path_factory.mktemp("ui")
    home, inbox, warehouse = root / "dagster_home", root / "inbox", root / "warehouse.duckdb"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\nrun_queue:\n  max_concurrent_runs: 1\n")
    shutil.copytree(SAMPLES, inbox)
    saved = {k: os.environ.get(k) for k in ("GWR_INBOX", "GWR_WAREHOUSE", "GWR_DBT_PATH")}
    try:
        materialize_into(home, inbox, warehouse)
    finally:
        for k, v in saved.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
    # The server watches an empty inbox, so its sensor starts no runs that would change the page under the test.
    idle_inbox = root / "idle_inbox"
    idle_inbox.mkdir()
    with dagster_dev(home, idle_inbox, warehouse, root / "dagster_dev.log") as (proc, port):
        wait_until_loaded(port, proc)
        graphql(port, "mutation { setNuxSeen }")  # else a "join the community" dialog covers the page
        yield port, warehouse


def location_name(port: int) -> str:
    body = graphql(port, "{ workspaceOrError { ... on Workspace { locationEntries { name } } } }")
    return body["data"]["workspaceOrError"]["locationEntries"][0]["name"]


def test_marts_show_in_the_lineage_with_their_last_materialization(dagster_ui):
    from playwright.sync_api import sync_playwright

    port, warehouse = dagster_ui
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        n_rows = con.execute("SELECT count(*) FROM marts.fct_target_vs_prior").fetchone()[0]
        columns = con.sql("SELECT * FROM marts.fct_target_vs_prior LIMIT 0").columns
    body = graphql(port, "{ assetNodes { assetKey { path } groupName assetMaterializations(limit: 1) { timestamp } } }")
    nodes = {"/".join(n["assetKey"]["path"]): n for n in body["data"]["assetNodes"]}
    group = sorted(k for k, n in nodes.items() if n["groupName"] == "marts")
    assert set(MARTS) <= set(group), group
    for key in group + ["target_chart"]:
        assert nodes[key]["assetMaterializations"], f"{key} has no materialization in the instance"

    base = f"http://127.0.0.1:{port}"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1100})
            page.goto(f"{base}/locations/{location_name(port)}/asset-groups/marts")
            page.get_by_text("fct_target_vs_prior", exact=True).first.wait_for(timeout=60_000)
            page.get_by_text("Materialized", exact=True).first.wait_for(timeout=30_000)
            page.wait_for_timeout(1500)  # let the graph finish its layout animation before the picture
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT))
            lineage_text = page.inner_text("body")
            page.get_by_text("List", exact=True).first.click()
            page.get_by_text(group[-1], exact=True).first.wait_for(timeout=30_000)
            list_text = page.inner_text("body")

            page.goto(f"{base}/assets/fct_target_vs_prior")
            page.get_by_text("Row count", exact=True).first.wait_for(timeout=30_000)
            asset_text = page.inner_text("body")
            page.get_by_text("Show Markdown").first.click(timeout=30_000)  # the mart's `preview` entry
            preview = page.get_by_role("dialog").locator("table").first
            preview.wait_for(timeout=30_000)
            preview_header = preview.locator("th").all_inner_texts()
            preview_rows = preview.locator("tbody tr").count()
            page.screenshot(path=str(PREVIEW_SCREENSHOT))

            page.goto(f"{base}/assets/target_chart")
            page.get_by_text("Show Markdown").first.click(timeout=30_000)
            chart = page.locator("img[src^='data:image/png;base64']").first
            chart.wait_for(timeout=30_000)
            page.wait_for_timeout(500)
            chart_width = chart.evaluate("img => img.naturalWidth")
            page.screenshot(path=str(CHART_SCREENSHOT))
        finally:
            browser.close()
    for mart in MARTS:
        assert mart in lineage_text, f"{mart} is not shown in the marts lineage"
    assert "Materialized" in lineage_text
    missing = [key for key in group if key not in list_text]
    assert not missing, f"not listed in the marts group: {missing}"
    assert f"Row count\n{n_rows}" in asset_text or f"Row count {n_rows}" in " ".join(asset_text.split())
    assert preview_header == columns, preview_header
    assert preview_rows == min(n_rows, 5)
    assert chart_width > 400, "the chart image did not render in the UI"
    assert SCREENSHOT.stat().st_size > 20_000
