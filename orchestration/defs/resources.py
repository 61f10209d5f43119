"""Resources: where the inbox and warehouse are, the DuckDB build database, and the dbt CLI."""

import os
import sys
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource
from dagster_duckdb import DuckDBResource

from orchestration.settings import DBT_PROJECT_DIR, Paths, resolve_paths
from orchestration.storage.publish import STORAGE_CONFIG


class WarehousePaths(dg.ConfigurableResource):
    """The inbox folder and the published warehouse file (GWR_INBOX / GWR_WAREHOUSE by default)."""

    inbox: str
    warehouse: str

    def paths(self) -> Paths:
        return resolve_paths(self.inbox, self.warehouse)


def dbt_executable() -> str:
    # The venv's dbt, also when Dagster runs from a python that is not on PATH (STACK.md item 3).
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def point_dbt_at(paths: Paths) -> None:
    """profiles.yml reads the database path from GWR_DBT_PATH; dbt runs in a subprocess that inherits it."""
    os.environ["GWR_DBT_PATH"] = str(paths.build_db)


def build_resources(paths: Paths | None = None) -> dict:
    paths = paths or resolve_paths()
    point_dbt_at(paths)
    return {
        "paths": WarehousePaths(inbox=str(paths.inbox), warehouse=str(paths.warehouse)),
        "duckdb": DuckDBResource(database=str(paths.build_db), connection_config=dict(STORAGE_CONFIG)),
        "dbt": DbtCliResource(project_dir=str(DBT_PROJECT_DIR), profiles_dir=str(DBT_PROJECT_DIR),
                              dbt_executable=dbt_executable()),
    }
