"""Make the serif PDF fonts in resources/fonts from Debian's fonts-noto-cjk.

reportlab embeds only TrueType (glyf) outlines, and Noto Serif CJK ships as
CFF (OpenType/PostScript). This script takes the Simplified Chinese face of
Noto Serif CJK Regular and Bold, keeps the characters printed documents use
(Latin, punctuation, CJK symbols, the CJK Unified Ideographs block and the
full-width forms; Bold only GB 2312's level-1 and level-2 hanzi, for
titles), drops hinting and layout tables, and converts the outlines to
quadratic curves (fontTools' cu2qu, error at most one font unit).

Run once when the source font changes (needs ``pip install fonttools`` and
``apt-get install fonts-noto-cjk``); the outputs are committed, so neither
is a dependency of the product.

    .venv/bin/python packaging/build_fonts.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SOURCE = Path("/usr/share/fonts/opentype/noto")
OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"

# Ranges every document may print; CJK Extension A/B come from Hanazono Mincho.
BODY_RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x024F), (0x02C0, 0x02DF), (0x0370, 0x03FF),
    (0x0400, 0x04FF), (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF),
    (0x2100, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF),
    (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2E80, 0x2FDF),
    (0x3000, 0x303F), (0x3040, 0x30FF), (0x3100, 0x312F), (0x31C0, 0x31EF),
    (0x3200, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
]


def _gb2312() -> list[int]:
    codes = set()
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                codes.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return sorted(codes)


def _face(path: Path, family_prefix: str = "Noto Serif CJK SC"):
    collection = TTCollection(str(path))
    for font in collection.fonts:
        if font["name"].getDebugName(1).startswith(family_prefix):
            return font
    raise SystemExit(f"{path} has no {family_prefix} face")


def _to_truetype(font) -> None:
    """Replace CFF outlines by glyf (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    quadratic = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        quadratic[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quadratic
    del font["CFF "]
    for table in ("VORG", "vhea", "vmtx", "GSUB", "GPOS", "GDEF", "BASE"):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        advance = hmtx.metrics[name][0]
        hmtx.metrics[name] = (advance, getattr(glyph, "xMin", 0) or 0)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: tens of thousands of cidNNNNN are dead weight
    post.extraNames, post.mapping = [], {}
    font.sfntVersion = "\000\001\000\000"


def build(source: str, output: str, unicodes: list[int], family: str) -> Path:
    font = _face(SOURCE / source)
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    _to_truetype(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 4, 16):
            record.string = family if record.nameID != 4 else family
        if record.nameID == 6:
            record.string = family.replace(" ", "")
    path = OUT / output
    font.save(str(path))
    return path


def main() -> int:
    body = [c for start, end in BODY_RANGES for c in range(start, end + 1)]
    for path in (
        build("NotoSerifCJK-Regular.ttc", "NotoSerifSC-Regular.ttf", body,
              "Noto Serif SC TrueType"),
        build("NotoSerifCJK-Bold.ttc", "NotoSerifSC-Bold-GB2312.ttf",
              [c for start, end in BODY_RANGES[:21] for c in range(start, end + 1)]
              + [c for start, end in BODY_RANGES[-3:] for c in range(start, end + 1)]
              + _gb2312(), "Noto Serif SC Bold TrueType"),
    ):
        print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
