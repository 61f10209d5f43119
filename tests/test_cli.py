"""Command line: help for every command, progress as bars or plain lines, errors as one sentence, a quiet build."""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from orchestration import cli

REPO = Path(__file__).resolve().parents[1]
COMMANDS = ["build", "export", "chart", "docs"]


def run_main(argv: list[str], capsys) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("argv", [["--help"]] + [[c, "--help"] for c in COMMANDS])
def test_every_command_has_help(argv, capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(argv)
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m orchestration")
    if argv[0] != "--help":
        assert "--warehouse" in out


def records(*messages: str) -> list[logging.LogRecord]:
    return [logging.LogRecord("gwr.progress", logging.INFO, __file__, 0, m, (), None) for m in messages]


def test_progress_is_plain_lines_when_not_a_terminal():
    stream = io.StringIO()
    handler = cli.ProgressHandler(stream=stream)  # StringIO is not a TTY
    for r in records("read 1/2 000_a501c150ba00b548.txt", "read 2/2 001_f32c294674d3e8c0.txt", "running dbt build"):
        handler.emit(r)
    assert stream.getvalue().splitlines() == [
        "  read 1/2 000_a501c150ba00b548.txt",
        "  read 2/2 001_f32c294674d3e8c0.txt",
        "  running dbt build",
    ]


def test_progress_is_a_bar_on_a_terminal():
    stream = io.StringIO()
    handler = cli.ProgressHandler(stream=stream, as_bar=True)
    for r in records("parsed 1/4 a.txt", "parsed 2/4 b.txt", "loaded 4 reports", "parsed 4/4 d.txt"):
        handler.emit(r)
    out = stream.getvalue()
    assert "parsed" in out and "4/4" in out and "100%" in out
    assert "  loaded 4 reports" in out  # other messages are printed above the bar, not lost
    assert not handler.bars, "a finished bar stays open"


@pytest.mark.parametrize(
    ("text", "to_log"),
    [
        (
            (
                "2026-11-22 00:57:33 +0000 - dagster - WARNING - process_reports - 803efe52 - Rejected empty.txt: The file "
                "is empty.\n"
            ),
            True,
        ),
        ("\x1b[32m2026-11-22 00:57:33 +0000\x1b[0m - dagster - ERROR - refresh_warehouse - step failed\n", True),
        ("[1/2] reading and parsing 4 files from /tmp/inbox", False),
        ("\n", False),
        ("2026-11-22 is the day of the build\n", False),
    ],
)
def test_dagster_records_go_to_the_log_and_the_rest_to_the_terminal(text, to_log):
    terminal, log = io.StringIO(), io.StringIO()
    cli.DagsterRecordsToLog(terminal, log).write(text)
    assert (log.getvalue(), terminal.getvalue()) == ((text, "") if to_log else ("", text))


def test_routing_a_megabyte_line_is_fast():
    line = "2026-11-22 " + "9" * 1_000_000
    terminal, log = io.StringIO(), io.StringIO()
    cli.DagsterRecordsToLog(terminal, log).write(line)
    assert terminal.getvalue() == line


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["build", "--inbox", "{tmp}/no_such_folder", "--warehouse", "{tmp}/w.duckdb"], "does not exist"),
        (["build", "--inbox", "{tmp}", "--warehouse", "{tmp}"], "is a folder"),
        (["build", "--inbox", "{tmp}", "--warehouse", "{tmp}/w.txt"], "should end in .duckdb"),
        (["export", "--out", "{tmp}/out", "--warehouse", "{tmp}/missing.duckdb"], "does not exist yet"),
        (["chart", "--warehouse", "{tmp}/missing.duckdb"], "does not exist yet"),
        (["docs", "--warehouse", "{tmp}/missing.duckdb"], "does not exist yet"),
    ],
)
def test_errors_are_one_plain_sentence(argv, expected, tmp_path, capsys):
    code, out, err = run_main([a.replace("{tmp}", str(tmp_path)) for a in argv], capsys)
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], err
    assert "Traceback" not in err


def test_an_unexpected_failure_is_one_sentence_too(tmp_path, capsys, monkeypatch):
    def boom(*_args, **_kwargs):
        raise RuntimeError("disk on fire\nsecond line of detail")

    monkeypatch.setattr(cli, "export_marts", boom)
    monkeypatch.delenv("GWR_DEBUG", raising=False)
    code, _, err = run_main(["export", "--out", str(tmp_path), "--warehouse", str(tmp_path / "w.duckdb")], capsys)
    assert code == 1
    assert err.strip() == "error: unexpected RuntimeError: disk on fire (set GWR_DEBUG=1 to see the traceback)."


def test_export_command_prints_a_summary(sample_warehouse, tmp_path, capsys):
    code, out, err = run_main(
        ["export", "--format", "parquet", "--out", str(tmp_path), "--warehouse", str(sample_warehouse)], capsys
    )
    assert code == 0
    n_files = len(list(tmp_path.glob("*.parquet")))
    assert out.startswith(f"Exported {n_files} mart tables") and n_files >= 8
    assert "fct_indicator_values:" in err


def test_chart_command_draws_a_png(sample_warehouse, tmp_path, capsys):
    out_png = tmp_path / "chart.png"
    code, out, _ = run_main(["chart", "--warehouse", str(sample_warehouse), "--out", str(out_png)], capsys)
    assert code == 0 and out.startswith("Drew ")
    assert out_png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_a_build_prints_one_summary_line_and_keeps_dbt_in_its_log(dbt_manifest, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sample = min((REPO / "seeds").glob("*.txt"))
    shutil.copy(sample, inbox / sample.name)
    warehouse = tmp_path / "w.duckdb"
    env = {k: v for k, v in os.environ.items() if k not in ("GWR_INBOX", "GWR_WAREHOUSE", "GWR_DBT_PATH")}
    proc = subprocess.run(
        [sys.executable, "-m", "orchestration", "build", "--inbox", str(inbox), "--warehouse", str(warehouse)],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"Built {warehouse} in ") and len(proc.stdout.splitlines()) == 1, proc.stdout
    for noise in ("Traceback", "Warning", "Running with dbt", "PASS="):
        assert noise not in proc.stderr, proc.stderr
    assert f"read 1/1 {sample.name}" in proc.stderr  # plain progress lines: stderr is not a terminal here
    log = (tmp_path / ".w.duckdb.build" / cli.BUILD_LOG).read_text(encoding="utf-8")
    assert "Running with dbt" in log
    assert (tmp_path / "w_targets_vs_prior.png").exists()


@pytest.mark.slow
def test_docs_command_writes_a_site_that_opens_from_disk(sample_warehouse, tmp_path, capsys):
    warehouse = tmp_path / "w.duckdb"
    shutil.copyfile(sample_warehouse, warehouse)
    code, out, err = run_main(["docs", "--warehouse", str(warehouse)], capsys)
    assert code == 0, err
    site = tmp_path / "dbt_docs" / "static_index.html"
    assert f"open {site}" in out
    html = site.read_text(encoding="utf-8")
    # the models and their Chinese column docs are inlined (as JSON, so Chinese may be \u-escaped)
    assert "fct_target_vs_prior" in html
    assert "上年实绩" in html or json.dumps("上年实绩")[1:-1] in html
    assert not (tmp_path / "dbt_docs" / "build.duckdb").exists()


def test_a_failed_build_names_its_log(tmp_path, capsys, monkeypatch):
    def failing_build(inbox, warehouse):
        print("Running with dbt=1.11.16")  # dbt's chatter, kept out of the terminal
        raise cli.BuildFailed("step dbt_models failed: Failure in test not_null_fct_targets_indicator.")

    monkeypatch.setattr(cli, "build", failing_build)
    (tmp_path / "inbox").mkdir()
    code, out, err = run_main(
        ["build", "--inbox", str(tmp_path / "inbox"), "--warehouse", str(tmp_path / "w.duckdb")], capsys
    )
    log = tmp_path / ".w.duckdb.build" / cli.BUILD_LOG
    assert code == 1 and out == ""
    assert err.strip() == (
        f"error: step dbt_models failed: Failure in test not_null_fct_targets_indicator (full log: {log})."
    )
    assert "Running with dbt" in log.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["export"], "error: the following arguments are required: --out (see python -m orchestration export --help)."),
        (["export", "--out", "x", "--format", "xlsx"], "error: argument --format: invalid choice: 'xlsx'"),
        (["frobnicate"], "error: argument {build,export,chart,docs,evaluate}: invalid choice: 'frobnicate'"),
    ],
)
def test_usage_mistakes_are_one_sentence(argv, expected, capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(argv)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith(expected), err


def test_step_processes_writing_to_descriptor_2_are_sorted_too(tmp_path, capfd):
    record = "2026-11-22 01:31:49 +0000 - dagster - DEBUG - process_reports - 20b28486 - 1161 - STEP_START"
    child = f"import sys; sys.stderr.write({record + chr(10)!r}); sys.stderr.write('plain line' + chr(10))"
    with open(tmp_path / "log", "w", encoding="utf-8") as log, cli.step_processes_routed(log) as terminal:
        subprocess.run([sys.executable, "-c", child], check=True)  # inherits descriptor 2, like a step process
        terminal.write("progress line\n")
    assert (tmp_path / "log").read_text(encoding="utf-8") == record + "\n"
    err = capfd.readouterr().err
    assert "plain line\n" in err and "progress line\n" in err and "dagster" not in err
    os.write(2, b"after\n")  # descriptor 2 is the terminal again
    assert capfd.readouterr().err == "after\n"
