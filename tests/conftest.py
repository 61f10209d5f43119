"""Shared fixtures: the dbt manifest prepared once per session, and a warehouse built once from the samples."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "seeds"
EXAMPLES = REPO / "examples"
CORPUS = EXAMPLES / "corpus" / "texts"


@pytest.fixture(scope="session")
def dbt_manifest() -> Path:
    """@dbt_assets needs dbt's manifest at import time; prepare_if_dev() does nothing under pytest (STACK.md 1)."""
    from orchestration.defs.dbt_project import dbt_project
    from orchestration.runner import prepare_dbt_manifest

    prepare_dbt_manifest()
    return dbt_project.manifest_path


def build_warehouse(source: Path, root: Path) -> Path:
    """Every report of `source` built end to end by the command line into `root`."""
    from orchestration.cli import main

    inbox = root / "inbox"
    shutil.copytree(source, inbox)
    warehouse = root / "warehouse.duckdb"
    saved = {k: os.environ.get(k) for k in ("GWR_INBOX", "GWR_WAREHOUSE", "GWR_DBT_PATH")}
    try:
        assert main(["build", "--inbox", str(inbox), "--warehouse", str(warehouse)]) == 0
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return warehouse


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory, dbt_manifest) -> Path:
    """The five sample reports built end to end by the command line into a temporary folder."""
    return build_warehouse(SAMPLES, tmp_path_factory.mktemp("samples"))


@pytest.fixture(scope="session")
def corpus_warehouse(tmp_path_factory, dbt_manifest) -> Path:
    """The 70 reports of the development corpus (every level, national to county) built the same way."""
    return build_warehouse(CORPUS, tmp_path_factory.mktemp("corpus"))


# A test that needs a warehouse built end to end by the command line is an end-to-end test, whichever file it is in:
# the fast tier (`python3 dev.py test --fast`, `-m "not slow"`) leaves it out.
WAREHOUSE_FIXTURES = frozenset({"sample_warehouse", "corpus_warehouse"})


def pytest_collection_modifyitems(config, items):
    for item in items:
        if WAREHOUSE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
