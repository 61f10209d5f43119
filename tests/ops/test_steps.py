"""One file's failure in ingest or parse becomes that file's reason; the others and earlier parts are untouched."""
from __future__ import annotations

from pathlib import Path

import pytest

from orchestration.per_report import ingest as ingest_step
from orchestration.per_report import parse as parse_step
from orchestration.storage.inbox import list_inbox
from orchestration.storage.parts import PARSE_FILE, part_dir, read_json
from tests.conftest import SAMPLES

SAMPLE = min(SAMPLES.glob("*.txt"))


@pytest.fixture
def inbox(tmp_path) -> Path:
    path = tmp_path / "inbox"
    path.mkdir()
    (path / "a.txt").write_bytes(SAMPLE.read_bytes())
    return path


def ingest_all(inbox: Path, parts: Path) -> dict:
    return {f.key: ingest_step.ingest_file(parts, f) for f in list_inbox(inbox)}


def test_a_decoder_crash_rejects_that_file_with_a_reason(inbox, tmp_path, monkeypatch):
    def broken(text):
        raise ValueError("unexpected input")

    monkeypatch.setattr(ingest_step, "normalize_text", broken)
    result = ingest_all(inbox, tmp_path / "parts")["a.txt"]
    assert result.status == "rejected" and "ValueError: unexpected input" in result.reason


def test_an_oversized_file_is_rejected_by_its_size_without_reading_it(inbox, tmp_path, monkeypatch):
    (inbox / "a.txt").unlink()
    with open(inbox / "big.txt", "wb") as f:
        f.truncate(ingest_step.MAX_REPORT_BYTES + 1)

    def no_reading(self):
        raise AssertionError("read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    result = ingest_all(inbox, tmp_path / "parts")["big.txt"]
    assert result.status == "rejected" and "MB" in result.reason


def test_a_parser_crash_or_an_unstorable_record_becomes_the_reports_error(inbox, tmp_path, monkeypatch):
    parts = tmp_path / "parts"
    ingest_all(inbox, parts)

    def unstorable(report_id, parsed):
        return {"figures": [{"report_id": report_id, "value": "not a number"}]}

    monkeypatch.setattr(parse_step, "parsed_rows", unstorable)
    result = parse_step.parse_part(parts, "a.txt")
    assert result.error and "parser failed" in result.error
    assert not (part_dir(parts, "a.txt") / "figures.parquet").exists()


def test_a_write_that_fails_half_way_leaves_the_last_complete_tables(inbox, tmp_path, monkeypatch):
    parts = tmp_path / "parts"
    ingest_all(inbox, parts)
    first = parse_step.parse_part(parts, "a.txt")
    assert first.error is None and first.n_figures > 0
    folder = part_dir(parts, "a.txt")
    before = {p.name: p.read_bytes() for p in folder.glob("*.parquet")}
    assert len(before) == 5

    real_write, written = parse_step.write_parquet, []

    def fails_on_the_third(rows, columns, path):
        written.append(path.name)
        if len(written) == 3:
            raise OSError("disk full")
        real_write(rows, columns, path)

    monkeypatch.setattr(parse_step, "write_parquet", fails_on_the_third)
    monkeypatch.setattr(parse_step, "parser_version", lambda: "a newer parser")
    second = parse_step.parse_part(parts, "a.txt")
    assert second.error and "disk full" in second.error
    assert {p.name: p.read_bytes() for p in folder.glob("*.parquet")} == before
    assert read_json(folder / PARSE_FILE)["parser_version"] == "a newer parser"  # so the next run parses again


def test_an_unchanged_file_is_read_again_when_the_reader_changed(inbox, tmp_path, monkeypatch):
    parts = tmp_path / "parts"
    assert not ingest_all(inbox, parts)["a.txt"].reused
    assert ingest_all(inbox, parts)["a.txt"].reused
    # a new version of decode/normalize (a rule that rejoins wrapped lines, say) must reach files already read
    monkeypatch.setattr(ingest_step, "reader_version", lambda: "another-reader")
    assert not ingest_all(inbox, parts)["a.txt"].reused
    assert ingest_all(inbox, parts)["a.txt"].reused
