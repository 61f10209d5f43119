"""Inbox file -> normalised text, or a rejection with a reason a person understands."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from orchestration.parsing.decode import UnusableFile, decode_report, size_problem
from orchestration.parsing.normalize import looks_like_html, normalize_text
from orchestration.parsing.readers import document_format
from orchestration.storage.inbox import InboxFile
from orchestration.storage.parts import INGEST_FILE, part_dir, read_json, write_json_atomic

MAX_REPORT_BYTES = 5_000_000  # the longest real provincial reports are well under 1 MB of text
PARSING_DIR = Path(__file__).resolve().parents[1] / "parsing"
# The code that turns a file's bytes into the stored text: when it changes, unchanged files are read again.
READER_FILES = ("decode.py", "normalize.py", "numbers.py", "unusable.py", "lookalikes.py", "data/lookalikes.csv",
                "readers/*.py")


@lru_cache(maxsize=1)
def reader_version() -> str:
    h = hashlib.sha256()
    for pattern in READER_FILES:
        for path in sorted(PARSING_DIR.glob(pattern)):
            h.update(path.relative_to(PARSING_DIR).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class IngestResult:
    key: str
    status: str  # accepted or rejected
    report_id: str | None
    reason: str | None
    encoding: str | None
    source_format: str | None  # the reader that read it: text, html, pdf, docx, doc
    n_chars: int
    reused: bool  # the file had not changed since the last ingest


def report_id_for(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _now() -> str:
    return datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")


def ingest_file(parts_dir: Path, f: InboxFile) -> IngestResult:
    target = part_dir(parts_dir, f.key) / INGEST_FILE
    previous = read_json(target)
    if (previous and previous.get("size_bytes") == f.size and previous.get("mtime_ns") == f.mtime_ns
            and previous.get("reader_version") == reader_version()):
        return _result(previous, reused=True)

    record = {
        "source_file": f.key,
        "size_bytes": f.size,
        "mtime_ns": f.mtime_ns,
        "modified_at": datetime.fromtimestamp(f.mtime_ns / 1e9, UTC).replace(tzinfo=None).isoformat(sep=" "),
        "detected_at": _now(),
        "content_sha": None,
        "report_id": None,
        "status": "rejected",
        "reason": f.problem,
        "source_encoding": None,
        "source_format": None,
        "text": None,
        "reader_version": reader_version(),
    }
    too_large = _too_large(f) if f.problem is None else None
    if too_large:
        # Judged by the listed size, before reading: a stray disk image must not be loaded into memory.
        record["reason"], record["source_format"] = too_large
    elif f.problem is None:
        try:
            data = f.path.read_bytes()
        except OSError as e:
            record["reason"] = f"The file could not be read ({e.strerror or e})."
        else:
            record["content_sha"] = hashlib.sha256(data).hexdigest()
            try:
                decoded = decode_report(data, max_bytes=MAX_REPORT_BYTES)
                text = normalize_text(decoded.text)
                if not text.strip():
                    raise UnusableFile("Nothing readable is left once web-page boilerplate is removed.")
            except UnusableFile as e:
                record["reason"] = e.reason
                record["source_format"] = e.source_format
            except Exception as e:  # noqa: BLE001 - a decoder bug on one file must not stop the others
                record["reason"] = f"The file could not be decoded ({type(e).__name__}: {e})."
            else:
                fmt = decoded.source_format
                record.update(status="accepted", reason=None, source_encoding=decoded.encoding, text=text,
                              report_id=report_id_for(text),
                              source_format="html" if fmt == "text" and looks_like_html(decoded.text) else fmt)
    write_json_atomic(target, record)
    return _result(record, reused=False)


def _too_large(f: InboxFile) -> tuple[str, str | None] | None:
    """The reason (and reader) when the file is over its format's size limit; PDF and Word files may be larger."""
    if f.size <= MAX_REPORT_BYTES:
        return None
    try:
        with f.path.open("rb") as stream:
            fmt = document_format(stream.read(1024))
    except OSError:
        return None  # reading it fails again below, with the reason
    reason = size_problem(f.size, fmt, MAX_REPORT_BYTES)
    return (reason, fmt) if reason else None


def _result(record: dict, reused: bool) -> IngestResult:
    return IngestResult(
        key=record["source_file"], status=record["status"], report_id=record["report_id"], reason=record["reason"],
        encoding=record["source_encoding"], source_format=record.get("source_format"),
        n_chars=len(record["text"] or ""), reused=reused,
    )
