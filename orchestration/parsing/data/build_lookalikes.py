"""Rebuild lookalikes.csv: radical code points that PDF text layers carry in place of ordinary characters.

    apt-get install fonts-noto-cjk      # Debian; fontTools comes with matplotlib
    python build_lookalikes.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc > lookalikes.csv

Why the font: a CJK font draws 工 (U+5DE5) and the Kangxi radical ⼯ (U+2F2F) with one glyph, and a PDF's ToUnicode
table can name only one code point per glyph; printed from a browser with Noto CJK, the text layer often names the
radical. So the pairs that matter are exactly those sharing a glyph in the font: the Kangxi radicals (which NFKC also
folds) and the CJK Radicals Supplement (which NFKC leaves alone: ⺠ 民, ⻓ 长, ⻔ 门 ...). The Simplified Chinese face
decides, also where NFKC names another character (⼾: the font draws 户, NFKC gives the traditional 戶); the other
faces add the pairs it lacks. Two dashes that no font shares are added by hand.
"""

from __future__ import annotations

import csv
import sys
import unicodedata

RADICAL_BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))  # CJK Radicals Supplement, Kangxi Radicals
# Unified ideographs: the URO, extension A and the supplementary planes' extensions.
IDEOGRAPHS = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x3FFFF))
DASHES = (("\u2e3a", "\u2014\u2014", "two-em dash, the Chinese 破折号"), ("\u2e3b", "\u2014\u2014\u2014", "three-em dash"))


def _in(cp: int, ranges) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def glyph_pairs(ttc_path: str) -> dict[int, tuple[int, str]]:
    """radical code point -> (ideograph code point, face name) sharing its glyph."""
    from fontTools.ttLib import TTCollection

    faces = TTCollection(ttc_path, lazy=True).fonts
    faces.sort(key=lambda f: " SC" not in f["name"].getDebugName(4))  # the Simplified Chinese face first
    pairs: dict[int, tuple[int, str]] = {}
    for face in faces:
        name = face["name"].getDebugName(4)
        cmap = face.getBestCmap()
        by_glyph: dict[str, list[int]] = {}
        for cp, glyph in cmap.items():
            by_glyph.setdefault(glyph, []).append(cp)
        for cp, glyph in cmap.items():
            if not _in(cp, RADICAL_BLOCKS) or cp in pairs:
                continue
            same = sorted(o for o in by_glyph[glyph] if _in(o, IDEOGRAPHS))
            if same:
                pairs[cp] = (same[0], name)
    return pairs


def main(ttc_path: str) -> None:
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["lookalike", "ordinary", "evidence"])
    for cp, (target, face) in sorted(glyph_pairs(ttc_path).items()):
        evidence = f"{unicodedata.name(chr(cp))}; one glyph in {face}"
        nfkc = unicodedata.normalize("NFKC", chr(cp))
        if nfkc not in (chr(cp), chr(target)):
            # the font draws what a Simplified Chinese text means (落⼾ is 落户); NFKC's traditional form is not
            evidence += f" (NFKC gives {nfkc})"
        out.writerow([chr(cp), chr(target), evidence])
    for lookalike, ordinary, why in DASHES:
        out.writerow([lookalike, ordinary, why])


if __name__ == "__main__":
    main(sys.argv[1])
