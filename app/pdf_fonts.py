"""Fonts for PDFs: every character prints, or the print stops and names it.

Printed documents follow the official-paper convention of a serif face:
Noto Serif SC (TrueType conversion, packaging/build_fonts.py) for the body,
its Bold for titles, Hanazono Mincho A/B (also a serif) for rare
characters (CJK Extension A/B) in names, and WenQuanYi Micro Hei as the last
resort for symbols. reportlab embeds subsets of TrueType fonts but does no
glyph fallback, so text is split into runs by which shipped font has the
glyph. ``markup`` returns Paragraph markup with <font> runs;
``check_printable`` raises before anything is written if a character is in
no font.

Entry checks elsewhere (names, addresses) call ``uncovered_chars`` or
``covers`` so that text that cannot print is refused where it is typed.
"""

from __future__ import annotations

import functools
import threading
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from app import pdf_linebreak  # noqa: F401  (Chinese line breaking for every paragraph)

from app.errors import UserError
from app.i18n import translate
from app.resources import resource_path

SERIF = "CreditDeskSerif"
BOLD = "CreditDeskSerifBold"
SANS = "CreditDeskSans"
RARE_A = "CreditDeskRareA"
RARE_B = "CreditDeskRareB"
BASE = SERIF

_FILES = {
    SERIF: ("NotoSerifSC-Regular.ttf", None),
    BOLD: ("NotoSerifSC-Bold-GB2312.ttf", None),
    SANS: ("wqy-microhei.ttc", 0),
    RARE_A: ("HanaMinA-rare.ttf", None),
    RARE_B: ("HanaMinB.ttf", None),
}
# Where a character the first choice lacks is looked for, in order. The
# 30 MB Extension B font is opened only for characters beyond the BMP.
_FALLBACK_BMP = (SERIF, RARE_A, SANS)
_FALLBACK_SIP = (RARE_B, SERIF, SANS)
_lock = threading.Lock()


def _to_unicode_cmap(fontname: str, subset) -> str:
    """reportlab's ToUnicode CMap, with characters above U+FFFF written as
    UTF-16 surrogate pairs as the PDF reference requires. reportlab writes
    them as five hex digits, so text extraction and search lose rare
    characters (CJK Extension B) in names."""
    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    cmap = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", "<< /Registry (%s)" % fontname, "/Ordering (%s)" % fontname,
        "/Supplement 0", ">> def", "/CMapName /%s def" % fontname, "/CMapType 2 def",
        "1 begincodespacerange", "<00> <%02X>" % (len(subset) - 1), "endcodespacerange",
        "%d beginbfchar" % len(subset),
    ] + ["<%02X> <%s>" % (i, utf16(v)) for i, v in enumerate(subset)] + [
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(cmap)


# Used by reportlab when it writes a font subset (TTFont.addObjects).
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


class UnprintableCharacters(UserError):
    def __init__(self, characters: list[str], where: str = ""):
        self.characters = characters
        listed = "、".join(f"{c}（U+{ord(c):04X}）" for c in characters)
        super().__init__(translate(
            "PDF", "Cannot print {where}: no font has the character(s) {chars}. Nothing was "
                   "printed. Correct the text or ask for a font that has them.").format(
            where=where or translate("PDF", "this document"), chars=listed))


@functools.lru_cache(maxsize=None)
def _font(name: str) -> TTFont:
    filename, index = _FILES[name]
    path = str(resource_path("fonts", filename))
    font = TTFont(name, path, subfontIndex=index) if index is not None else TTFont(name, path)
    pdfmetrics.registerFont(font)
    return font


def register(name: str = BASE) -> str:
    """Register a font with reportlab (once; the large rare fonts on demand)."""
    with _lock:
        _font(name)
    return name


def _covers(name: str, char: str) -> bool:
    return ord(char) in _font(name).face.charToGlyph


def font_for(char: str, base: str = BASE) -> str | None:
    """The font that prints ``char``: ``base`` if it has it, else the first fallback."""
    if char in "\n\t " or _covers_cached(base, char):
        return base
    for name in (_FALLBACK_SIP if ord(char) >= 0x10000 else _FALLBACK_BMP):
        if name != base and _covers_cached(name, char):
            return name
    return None


@functools.lru_cache(maxsize=200_000)
def _covers_cached(name: str, char: str) -> bool:
    with _lock:
        return _covers(name, char)


@functools.lru_cache(maxsize=None)
def _characters(name: str) -> frozenset[str]:
    """Every character a font has (a set test is C speed)."""
    with _lock:
        return frozenset(map(chr, _font(name).face.charToGlyph)) | frozenset("\n\r\t ")


def warm() -> None:
    """Load the base font's character set now (about 0.1 s), e.g. on another
    thread while a workbook is parsed, instead of at the first name checked."""
    _characters(BASE)


def _all_in(name: str, text: str) -> bool:
    return _characters(name).issuperset(text)


def _all_base(text: str) -> bool:
    return _all_in(BASE, text)


def missing_characters(text: str) -> list[str]:
    if _all_base(text):  # fast path: ordinary text, nothing to look up
        return []
    missing: list[str] = []
    for char in dict.fromkeys(text):
        if char in "\n\r\t":
            continue
        if font_for(char) is None:
            missing.append(char)
    return missing


def uncovered_chars(text: str) -> list[str]:
    """Characters of ``text`` that no bundled font prints (each once, in order).

    For entry checks: a name or address with any of these cannot be printed
    on a letter, report or notice, so it is refused where it is typed."""
    return missing_characters(text)


def covers(text: str) -> bool:
    """True if every character of ``text`` prints with a bundled font."""
    # The body font's set first: a name check of every row of an import.
    return _characters(BASE).issuperset(text) or not missing_characters(text)


def check_printable(text: str, where: str = "") -> None:
    missing = missing_characters(text)
    if missing:
        raise UnprintableCharacters(missing, where)


def runs(text: str, base: str = BASE) -> list[tuple[str, str]]:
    """[(font name, text)] in order; raises UnprintableCharacters if needed."""
    if _all_in(base, text):
        return [(base, text)] if text else []
    check_printable(text)
    out: list[tuple[str, str]] = []
    for char in text:
        name = font_for(char, base) or base
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + char)
        else:
            out.append((name, char))
    return out


def markup(text: str, base: str = BASE) -> str:
    """Escaped Paragraph markup for ``text`` (in a style whose font is ``base``)
    with font runs for characters ``base`` lacks."""
    register(base)
    parts = []
    for name, chunk in runs(text, base):
        if name == base:
            parts.append(escape(chunk))
        else:
            register(name)
            parts.append(f'<font name="{name}">{escape(chunk)}</font>')
    return "".join(parts)


def string_width(text: str, size: float, base: str = BASE) -> float:
    total = 0.0
    for name, chunk in runs(text, base):
        register(name)
        total += pdfmetrics.stringWidth(chunk, name, size)
    return total


def draw_string(canvas, x: float, y: float, text: str, size: float, font: str = BASE) -> float:
    """canvas.drawString with fallback runs; returns the width drawn."""
    start = x
    for name, chunk in runs(text, font):
        register(name)
        canvas.setFont(name, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, name, size)
    return x - start


def draw_centred(canvas, x_centre: float, y: float, text: str, size: float,
                 font: str = BASE) -> float:
    width = string_width(text, size, font)
    draw_string(canvas, x_centre - width / 2, y, text, size, font)
    return width


def draw_right(canvas, x_right: float, y: float, text: str, size: float,
               font: str = BASE) -> float:
    width = string_width(text, size, font)
    draw_string(canvas, x_right - width, y, text, size, font)
    return width
