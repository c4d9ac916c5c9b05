"""Fonts for PDFs: every character prints, or the print stops and names it.

reportlab embeds (subsets of) TrueType fonts but does no glyph fallback, so
text is split into runs by which shipped font has the glyph: WenQuanYi
Micro Hei for ordinary text, Hanazono Mincho A/B for rare characters
(CJK Extension A/B) in names. ``markup`` returns Paragraph markup with
<font> runs; ``check_printable`` raises before anything is written if a
character is in no font.
"""

from __future__ import annotations

import functools
import threading
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from app.errors import UserError
from app.i18n import translate
from app.resources import resource_path

BASE = "CreditDeskSans"
RARE_A = "CreditDeskRareA"
RARE_B = "CreditDeskRareB"

_FILES = {
    BASE: ("wqy-microhei.ttc", 0),
    RARE_A: ("HanaMinA-rare.ttf", None),
    RARE_B: ("HanaMinB.ttf", None),
}
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


def font_for(char: str) -> str | None:
    code = ord(char)
    if char in "\n\t " or _covers_base(char):
        return BASE
    if code >= 0x20000:
        candidates = (RARE_B,)
    else:
        candidates = (RARE_A,)
    with _lock:
        for name in candidates:
            if _covers(name, char):
                return name
    return None


@functools.lru_cache(maxsize=100_000)
def _covers_base(char: str) -> bool:
    with _lock:
        return _covers(BASE, char)


@functools.lru_cache(maxsize=1)
def _base_characters() -> frozenset[str]:
    """Every character the base font has (a set test is C speed)."""
    with _lock:
        return frozenset(map(chr, _font(BASE).face.charToGlyph)) | frozenset("\n\r\t ")


def _all_base(text: str) -> bool:
    return _base_characters().issuperset(text)


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


def check_printable(text: str, where: str = "") -> None:
    missing = missing_characters(text)
    if missing:
        raise UnprintableCharacters(missing, where)


def runs(text: str) -> list[tuple[str, str]]:
    """[(font name, text)] in order; raises UnprintableCharacters if needed."""
    if _all_base(text):
        return [(BASE, text)] if text else []
    check_printable(text)
    out: list[tuple[str, str]] = []
    for char in text:
        name = font_for(char) or BASE
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + char)
        else:
            out.append((name, char))
    return out


def markup(text: str) -> str:
    """Escaped Paragraph markup for ``text`` with font runs for rare characters."""
    register(BASE)
    parts = []
    for name, chunk in runs(text):
        if name == BASE:
            parts.append(escape(chunk))
        else:
            register(name)
            parts.append(f'<font name="{name}">{escape(chunk)}</font>')
    return "".join(parts)


def draw_string(canvas, x: float, y: float, text: str, size: float, font: str = BASE) -> float:
    """canvas.drawString with fallback runs; returns the width drawn."""
    start = x
    for name, chunk in runs(text):
        register(name)
        use = font if name == BASE else name
        canvas.setFont(use, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, use, size)
    return x - start
