"""New reports flow in under the real daemon (`dagster dev`, as `python3 dev.py ui` runs it): files dropped into the
inbox are noticed by the sensor, parsed, loaded and published without anyone starting a run; a removed file's
report is then marked withdrawn."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SAMPLES
from tests.dagster_dev import dagster_dev, dev_dagster_yaml, wait_for

pytestmark = pytest.mark.slow


def reports(warehouse: Path) -> dict[str, bool] | None:
    """source_file -> withdrawn, as an analyst would read it; None while nothing is published."""
    if not warehouse.exists():
        return None
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return dict(con.execute("select source_file, withdrawn from marts.dim_reports").fetchall())
    finally:
        con.close()


def test_dropped_files_are_published_and_a_removed_one_withdrawn_by_the_daemon(tmp_path, dbt_manifest):
    home, inbox, warehouse = tmp_path / "home", tmp_path / "inbox", tmp_path / "wh" / "warehouse.duckdb"
    home.mkdir()
    (home / "dagster.yaml").write_text(dev_dagster_yaml(), encoding="utf-8")
    inbox.mkdir()
    names = [p.name for p in sorted(SAMPLES.glob("*.txt"))[:2]]
    for name in names:
        shutil.copyfile(SAMPLES / name, inbox / name)
    log = tmp_path / "dagster_dev.log"
    with dagster_dev(home, inbox, warehouse, log) as (proc, _port):
        published = wait_for(lambda: (r := reports(warehouse)) and len(r) == 2 and r, proc, log)
        assert published == {name: False for name in names}
        (inbox / names[0]).unlink()
        withdrawn = wait_for(lambda: (r := reports(warehouse)) and r.get(names[0]) and r, proc, log)
        assert withdrawn == {names[0]: True, names[1]: False}
