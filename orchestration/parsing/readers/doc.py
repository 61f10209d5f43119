"""Word 97-2003 (.doc) -> text with Debian's antiword, one paragraph per line.

antiword rather than catdoc: on Chinese files both read the text, but catdoc also prints page headers and footers
with their field codes ("— PAGE 8 —") inside the body, and antiword leaves them out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from ..unusable import UnusableFile

ANTIWORD_PACKAGE = "antiword"  # the Debian package that installs it
TIMEOUT_SECONDS = 60
MEMORY_LIMIT_BYTES = 1 << 30

_WORD_STREAM = "WordDocument".encode("utf-16-le")  # the directory entry every Word 97-2003 file has
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # a password-protected .docx/.xlsx is such a file


def read_doc(data: bytes) -> str:
    if _ENCRYPTED_PACKAGE in data:
        raise UnusableFile("The Word file is password-protected; save a copy without the password.", "doc")
    if _WORD_STREAM not in data:
        raise UnusableFile("The file is an old Excel or PowerPoint file, not a report text or a Word document.", "doc")
    antiword = shutil.which("antiword")
    if antiword is None:
        raise UnusableFile(f"Old Word (.doc) files need antiword, which is not installed (Debian: apt-get install "
                           f"{ANTIWORD_PACKAGE}).", "doc")
    with tempfile.NamedTemporaryFile(suffix=".doc") as f:
        f.write(data)
        f.flush()
        try:
            # the memory cap is set by the shell that execs antiword (ulimit -v, in KB), not by a preexec_fn, which
            # is unsafe in a process with threads such as a Dagster step; arguments pass as "$@", never as shell text
            done = subprocess.run(
                ["/bin/sh", "-c", f'ulimit -v {MEMORY_LIMIT_BYTES >> 10}; exec "$0" "$@"', antiword, "-w", "0", "-m",
                 "UTF-8.txt", f.name], capture_output=True, timeout=TIMEOUT_SECONDS,
                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tempfile.gettempdir(), "LANG": "C.UTF-8"},
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise UnusableFile(f"antiword did not finish reading the Word file within {TIMEOUT_SECONDS} s.",
                               "doc") from None
    message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
    if done.returncode != 0 or not done.stdout.strip():
        detail = message[-1] if message else f"exit status {done.returncode}"
        if "encrypt" in detail.lower():
            raise UnusableFile("The Word file is password-protected; save a copy without the password.", "doc")
        raise UnusableFile(f"The Word file is damaged or of a kind antiword cannot read ({detail}).", "doc")
    return done.stdout.decode("utf-8", errors="replace")
