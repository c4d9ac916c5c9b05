"""Pinyin for names, with surnames read the way people read them.

pypinyin reads 单 as dan and 曾 as ceng; as surnames they are shan and zeng.
The shipped table resources/surnames.tsv overrides the first character(s).
"""

from __future__ import annotations

import functools

import itertools

from pypinyin import Style, lazy_pinyin, pinyin

from app.resources import resource_path


@functools.lru_cache(maxsize=1)
def _surnames() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in resource_path("surnames.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        surname, reading = line.split("\t")
        table[surname] = tuple(reading.split())
    return table


@functools.lru_cache(maxsize=65536)
def _plain(text: str) -> tuple[str, ...]:
    # errors="ignore" drops characters pypinyin has no reading for (rare
    # Extension B characters); the name itself is still searchable by text.
    return tuple(
        s for s in lazy_pinyin(text, style=Style.NORMAL, errors="ignore", v_to_u=False)
        if s.isascii() and s.isalpha()
    )


def _is_han(ch: str) -> bool:
    return ord(ch) >= 0x2E80


@functools.lru_cache(maxsize=500_000)
def name_syllables(name: str) -> tuple[str, ...]:
    """Syllables of a personal name, surname first."""
    name = "".join(ch for ch in name if _is_han(ch) or ch.isalpha())
    table = _surnames()
    for length in (2, 1):
        surname = name[:length]
        if len(surname) == length and surname in table:
            return table[surname] + _plain(name[length:])
    if not name:
        return ()
    return _plain(name[:1]) + _plain(name[1:])


def text_syllables(text: str) -> tuple[str, ...]:
    """Syllables of ordinary text such as an organization name."""
    return _plain(text)


MAX_READINGS = 16


@functools.lru_cache(maxsize=200_000)
def _readings(ch: str) -> tuple[str, ...]:
    out = []
    for options in pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore"):
        out += [s for s in options if s.isascii() and s.isalpha() and s not in out]
    return tuple(out)


@functools.lru_cache(maxsize=200_000)
def name_readings(name: str) -> tuple[tuple[str, ...], ...]:
    """Every reading of a name (王长林: wang chang lin, wang zhang lin), the likely one
    (``name_syllables``) first; at most MAX_READINGS. The surname keeps its surname
    reading; a given name's characters count with every reading they have."""
    first = name_syllables(name)
    clean = "".join(ch for ch in name if _is_han(ch) or ch.isalpha())
    table = _surnames()
    surname_len = next((n for n in (2, 1) if clean[:n] in table and len(clean) >= n), 1)
    head = table[clean[:surname_len]] if clean[:surname_len] in table else first[:1]
    options = [_readings(ch) or () for ch in clean[surname_len:]]
    if not all(options) or len(head) + len(options) != len(first):
        return (first,) if first else ()
    out = [first]
    for combo in itertools.product(*options):
        reading = tuple(head) + combo
        if reading not in out:
            out.append(reading)
        if len(out) >= MAX_READINGS:
            break
    return tuple(out)
