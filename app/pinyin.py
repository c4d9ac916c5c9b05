"""Pinyin for names, with surnames read the way people read them.

pypinyin reads 单 as dan and 曾 as ceng; as surnames they are shan and zeng.
The shipped table resources/surnames.tsv overrides the first character(s).
"""

from __future__ import annotations

import functools

from pypinyin import Style, lazy_pinyin

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
