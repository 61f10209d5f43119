"""Where things live: the inbox, the published warehouse and the pipeline's private build area.

GWR_INBOX and GWR_WAREHOUSE (CONTRACT.md) are read here and nowhere else. Paths are made absolute at start-up,
because dbt resolves relative paths from its own project folder, not from where the user stood.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
DEFAULT_INBOX = REPO_ROOT / "seeds"
DEFAULT_WAREHOUSE = REPO_ROOT / "warehouse" / "warehouse.duckdb"


class SettingsError(ValueError):
    """A path setting that cannot work; the message is one plain sentence."""


@dataclass(frozen=True)
class Paths:
    inbox: Path
    warehouse: Path  # the file analysts open; replaced atomically after each good build

    @property
    def work_dir(self) -> Path:
        """The pipeline's private area beside the warehouse: parts per report and the build database."""
        return self.warehouse.parent / f".{self.warehouse.name}.build"

    @property
    def parts_dir(self) -> Path:
        return self.work_dir / "parts"

    @property
    def build_db(self) -> Path:
        return self.work_dir / "build.duckdb"


def validate_warehouse(path: Path, inbox: Path | None = None) -> Path:
    path = path.expanduser().resolve()
    if path.exists() and path.is_dir():
        raise SettingsError(f"The warehouse path {path} is a folder; give a file name such as warehouse.duckdb.")
    if path.suffix not in (".duckdb", ".db"):
        raise SettingsError(f"The warehouse path {path} should end in .duckdb so that tools recognise it.")
    if path.exists() and not path.is_file():
        raise SettingsError(f"The warehouse path {path} is not a regular file (a device, pipe or socket).")
    if inbox is not None:
        inbox = inbox.expanduser().resolve()
        if path == inbox or inbox in path.parents:
            # The build would read its own output (and its private build folder) as reports.
            raise SettingsError(f"The warehouse path {path} is inside the inbox {inbox}; put it in another folder.")
    return path


def resolve_paths(inbox: str | os.PathLike | None = None, warehouse: str | os.PathLike | None = None) -> Paths:
    """Arguments win over GWR_INBOX / GWR_WAREHOUSE, which win over the defaults."""
    inbox_path = Path(inbox or os.environ.get("GWR_INBOX") or DEFAULT_INBOX).expanduser().resolve()
    warehouse_path = validate_warehouse(Path(warehouse or os.environ.get("GWR_WAREHOUSE") or DEFAULT_WAREHOUSE),
                                        inbox_path)
    return Paths(inbox=inbox_path, warehouse=warehouse_path)
