#!/usr/bin/env python3
"""Set up and run the project with nothing but Python installed.

    python3 dev.py build   # create .venv, install, build warehouse/warehouse.duckdb from seeds/
    python3 dev.py test    # create .venv, install, run the test suite (CI runs this)
    python3 dev.py test --fast   # the tests a developer runs every minute: parsing, definitions, sensors, dbt (~1 min)
    python3 dev.py ui      # the Dagster UI on http://127.0.0.1:3000
    python3 dev.py docs    # the dbt docs of the built warehouse on http://127.0.0.1:8080
    python3 dev.py bench   # the scale benchmark (tests/bench/)
    python3 dev.py accuracy   # build the samples and the 70-report corpus, score both against their labels

Standard library only, so it runs before anything is installed. As root it also installs three Debian packages:
chromium (the browser test drives it), fonts-noto-cjk (Chinese labels in the target chart) and antiword (reads
old Word .doc reports in the inbox).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"
STAMP = VENV / ".installed"
DAGSTER_HOME = ROOT / ".dagster_home"

DAGSTER_YAML = """\
# One run at a time: DuckDB allows a single writer per file (STACK.md item 8). The tag limit keeps runs that write
# the build database apart even if someone raises max_concurrent_runs to parse partitions in parallel.
run_queue:
  max_concurrent_runs: 1
  tag_concurrency_limits:
    - key: "gwr/writes"
      limit: 1
telemetry:
  enabled: false
"""


# Debian package -> a file it installs, to skip apt-get when everything is there already.
SYSTEM_PACKAGES = {
    "chromium": Path("/usr/bin/chromium"),
    "fonts-noto-cjk": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "antiword": Path("/usr/bin/antiword"),
}


def run(*cmd: str | Path, env: dict | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True, env=env)


def system_packages() -> None:
    missing = [name for name, marker in SYSTEM_PACKAGES.items() if not marker.exists()]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print(f"note: install {' '.join(missing)} (Debian) for the browser test, Chinese chart labels and .doc "
              "reports; without antiword, .doc files in the inbox are rejected and its tests fail", flush=True)
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", *missing, env=env)


def setup() -> None:
    system_packages()
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PY.exists():
        return
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.write_text(wanted)


def dagster_env() -> dict:
    DAGSTER_HOME.mkdir(exist_ok=True)
    (DAGSTER_HOME / "dagster.yaml").write_text(DAGSTER_YAML)
    # the venv's bin first: under dagster dev, DbtProject.prepare_if_dev() looks for `dbt` on PATH (STACK.md item 3)
    path = f"{VENV / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, "DAGSTER_HOME": str(DAGSTER_HOME), "PATH": path}


def accuracy() -> None:
    """Each labelled set built into a warehouse of its own and scored as a user would score theirs."""
    sets = (("samples", ROOT / "seeds", ROOT / "examples" / "gold"),
            ("development corpus", ROOT / "examples" / "corpus" / "texts", ROOT / "examples" / "corpus" / "gold"))
    with tempfile.TemporaryDirectory(prefix="gwr-accuracy-") as tmp:
        for name, inbox, gold in sets:
            warehouse = Path(tmp) / (inbox.name + ".duckdb")
            run(PY, "-m", "orchestration", "build", "--inbox", str(inbox), "--warehouse", str(warehouse))
            print(f"\n## Accuracy: {name} ({inbox.relative_to(ROOT)})\n", flush=True)
            run(PY, "-m", "orchestration", "evaluate", "--gold", str(gold), "--warehouse", str(warehouse))


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    if command not in ("build", "test", "ui", "docs", "bench", "accuracy"):
        print(__doc__)
        return 0 if command == "help" else 2
    setup()
    try:
        if command == "build":
            run(PY, "-m", "orchestration", "build", *argv[1:])
        elif command == "test":
            args = [a for a in argv[1:] if a != "--fast"] or ["-q"]
            if "--fast" in argv:  # all but the end-to-end builds and the browser (pytest marker `slow`)
                args += ["-m", "not slow"]
            run(PY, "-m", "pytest", *args)
        elif command == "ui":
            run(VENV / "bin" / "dagster", "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", "3000",
                env=dagster_env())
        elif command == "docs":
            run(PY, "-m", "orchestration", "docs", "--serve", *argv[1:])
        elif command == "bench":
            run(PY, "-m", "tests.bench", *argv[1:])
        elif command == "accuracy":
            accuracy()
    except subprocess.CalledProcessError as e:
        return e.returncode or 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
