"""Chinese line breaking for reportlab paragraphs (标点禁则, GB/T 15834 practice).

No line starts with closing punctuation （，。、；：？！）」』》…） and none
ends with opening punctuation （（「『《【“）. reportlab's own CJK wrap only
lets one closing mark hang into the margin, so "。」" or "……" still start a
line, and it never looks at opening marks. This breaker moves the break
point back instead: the last characters of the line go down with the mark
(the line is then justified). It also keeps a run of Latin letters and
digits (an ID number, an amount) on one line when the run fits on a line.

Importing this module installs the breaker into reportlab (``wordWrap="CJK"``
paragraphs); ``app.pdf_fonts`` imports it, so every printed document uses it.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _rl

# Closing marks and others that must not start a line.
CLOSING = frozenset("，。、；：？！）」』》〉】〕］｝…—％‰℃’”,.;:?!)]}%·・～")
# Opening marks that must not end a line.
OPENING = frozenset("（「『《〈【〔［｛‘“([{")
_FUZZ = 1e-6
# How far back (in characters) the break may move to keep a Latin/digit run whole.
_WORD_LIMIT = 24


def _word_char(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c in "-_./@+*")


def good_break(chars, b: int) -> bool:
    """May a line end before ``chars[b]``?"""
    after, before = chars[b], chars[b - 1]
    if after in CLOSING or before in OPENING:
        return False
    if _word_char(before) and _word_char(after):
        return False
    return True


def break_before(chars, start: int, overflow: int) -> int:
    """Index where the next line starts, given that ``chars[overflow]`` did not fit."""
    b = overflow
    lowest = max(start + 1, overflow - _WORD_LIMIT)
    while b >= lowest:
        if good_break(chars, b):
            return b
        b -= 1
    # No good place within reach: hang one closing mark in the margin, as
    # reportlab does, else break where the line is full.
    if chars[overflow] in CLOSING and (overflow + 1 >= len(chars)
                                       or chars[overflow + 1] not in CLOSING):
        return overflow + 1
    return max(overflow, start + 1)


def cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """reportlab's ``cjkFragSplit`` with the rules above (same arguments and result)."""
    chars = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            chars.extend(_rl.cjkU(t, f, encoding) for t in text)
        else:
            chars.append(_rl.cjkU(text, f, encoding))
    lines = []
    max_width = maxWidths[0]
    n = len(chars)
    widths = [0.0] * n
    start = i = 0
    used = 0.0
    while i < n:
        u = chars[i]
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        widths[i] = w
        i += 1
        used += w
        line_break = hasattr(u.frag, "lineBreak")
        if (used > max_width + _FUZZ and used > 0) or line_break:
            end = i if line_break else break_before(chars, start, i - 1)
            width = sum(widths[start:end])
            lines.append(_rl.makeCJKParaLine(chars[start:end], max_width, width,
                                             max_width - width, line_break, calcBounds))
            try:
                max_width = maxWidths[len(lines)]
            except IndexError:
                max_width = maxWidths[-1]
            start = i = end
            used = 0.0
    if start < n:
        width = sum(widths[start:n])
        lines.append(_rl.makeCJKParaLine(chars[start:], max_width, width, max_width - width,
                                         False, calcBounds))
    return _rl.ParaLines(kind=1, lines=lines)


_rl.cjkFragSplit = cjk_frag_split


def word_split(text, maxWidths, fontName, fontSize, encoding="utf8"):
    """reportlab's ``wordSplit`` (one font run) with the rules above:
    [(extra space, line text)]."""
    if isinstance(text, bytes):
        text = text.decode(encoding)
    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    widths = [stringWidth(c, fontName, fontSize) for c in text]
    lines = []
    n = len(text)
    start = i = 0
    used = 0.0
    max_width = maxWidths[0]
    while i < n:
        used += widths[i]
        i += 1
        if used > max_width + _FUZZ:
            end = break_before(text, start, i - 1)
            width = sum(widths[start:end])
            lines.append((max_width - width, text[start:end]))
            max_width = maxWidths[min(len(lines), len(maxWidths) - 1)]
            start = i = end
            used = 0.0
    if start < n:
        width = sum(widths[start:n])
        lines.append((max_width - width, text[start:n]))
    return lines


_rl.wordSplit = word_split
