"""Pinyin for names, with surnames read the way people read them.

pypinyin reads 单 as dan and 曾 as ceng; as surnames they are shan and zeng.
The shipped table resources/surnames.tsv overrides the first character(s).
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Iterable

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


def _letters(name: str) -> str:
    """The name's Han characters and letters (nearly every name is nothing
    else: one C call instead of a test per character)."""
    if name.isalpha():
        return name
    return "".join(ch for ch in name if _is_han(ch) or ch.isalpha())


@functools.lru_cache(maxsize=500_000)
def name_syllables(name: str) -> tuple[str, ...]:
    """Syllables of a personal name, surname first."""
    name = _letters(name)
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
    clean = _letters(name)
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


# ------------------------------------------------------------------ sort keys
#
# Lists sort by pinyin (陈 chen before 丁 ding, though 丁 U+4E01 comes first
# by code point), the way a printed roster is ordered. The key is stored in a
# ``name_sort`` column beside the name (a function the database would have
# to call on every connection — the CLI's, sync's, the county's, a test's —
# is one that some connection forgets), written by every writer through
# ``with_sort_key`` (``app.journal.ChangeSet``) or ``fill_sort_keys`` (bulk
# loads), and filled for older rows when a register is opened.
#
# Shape: the likely reading, syllables separated by spaces, then a tab and
# the name itself. A space sorts below every letter, so chen < cheng and
# 陈建 < 陈建军 < 程; the tab sorts below the space, so a shorter name comes
# before a longer one that starts with the same syllables; the name at the
# end keeps identical readings of different characters (陈/沉) apart and
# people of the same name together. Numbers are zero-padded so that 2 comes
# before 10, and 一组 … 十二组 sort as 1 … 12. A name with no reading at all
# sorts last ("~" is above every letter).

SORT_NUMBER_WIDTH = 6
_CN_NUMERALS = "零一二三四五六七八九"


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _pad(digits: str) -> str:
    return digits.lstrip("0").rjust(SORT_NUMBER_WIDTH, "0") if digits else ""


def _words(text: str) -> list[str]:
    """Sortable words of text: pinyin of Han runs, lower-case letters, padded numbers."""
    out: list[str] = []
    run, kind = [], None
    for ch in text + " ":
        this = "han" if _is_han(ch) else "word" if _is_word_char(ch) else None
        if this != kind and run:
            chunk = "".join(run)
            if kind == "han":
                out.extend(_plain(chunk))
            else:
                out.extend(_pad(part) if part.isdigit() else part.lower()
                           for part in _split_digits(chunk))
            run = []
        kind = this
        if this:
            run.append(ch)
    return out


def _split_digits(chunk: str) -> list[str]:
    parts: list[str] = []
    for ch in chunk:
        if parts and parts[-1][-1].isdigit() == ch.isdigit():
            parts[-1] += ch
        else:
            parts.append(ch)
    return parts


def _key(words: list[str] | tuple[str, ...], name: str) -> str:
    return (" ".join(words) if words else "~") + "\t" + name


@functools.lru_cache(maxsize=65_536)
def person_sort_key(name: str | None) -> str:
    """Sort key of a person's name, the surname read as a surname (单 shan, 曾 zeng).

    Remembered: a roster repeats its common names (100,000 rows of an import
    0.17 -> 0.1 s), and a key is a few dozen bytes."""
    name = (name or "").strip()
    return _key(name_syllables(name) or _words(name), name)


def text_sort_key(text: str | None) -> str:
    """Sort key of an organization's name or other text."""
    text = (text or "").strip()
    return _key(_words(text), text)


def _numeral_value(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    text = text.replace("〇", "零").replace("两", "二")
    if not text or any(c not in _CN_NUMERALS + "十百" for c in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_NUMERALS.index(ch)
    return total + current


_GROUP_NUMBER = re.compile(r"第?([零〇一二两三四五六七八九十百]+|[0-9]+)(?=村民小组|居民小组|小组|组|社|队|$)")


def place_sort_key(name: str | None) -> str:
    """Sort key of a village or group: 一组, 2组, 第三村民小组 … 十二组 in number order."""
    name = (name or "").strip()

    def number(match: re.Match) -> str:
        value = _numeral_value(match.group(1))
        return f" {value:0{SORT_NUMBER_WIDTH}d} " if value is not None else match.group(0)

    return _key(_words(_GROUP_NUMBER.sub(number, name)), name)


# Which tables carry a ``name_sort`` column, the column it is computed from,
# and how. Household members are listed in the order the household gave
# them (head, spouse, children), not alphabetically, so they have none.
SORTED_TABLES = {
    "household": ("head_name", person_sort_key),
    "organization": ("name", text_sort_key),
    "place": ("name", place_sort_key),
}


def with_sort_key(table: str, row: dict) -> dict:
    """``row`` with ``name_sort`` set when it carries the name the key comes from."""
    source = SORTED_TABLES.get(table)
    if source is None or source[0] not in row:
        return row
    return {**row, "name_sort": source[1](row[source[0]])}


def sort_keys(table: str, names: Iterable[str | None]) -> list[str]:
    """The keys of many names at once (bulk loads build them beside their rows)."""
    key = SORTED_TABLES[table][1]
    return [key(n) for n in names]


def fill_sort_keys(db, table: str | None = None, where: str = "name_sort IS NULL",
                   params: Iterable = ()) -> int:
    """Compute ``name_sort`` for the rows of ``table`` matching ``where`` (all tables if None).

    Bulk loads call it for the rows they just inserted (``"sid >= ?"``); opening a register
    calls it with the default to fill rows an older version wrote. Runs inside the caller's
    transaction when there is one.
    """
    total = 0
    for name in ([table] if table else list(SORTED_TABLES)):
        column, key = SORTED_TABLES[name]
        rows = db.execute(f"SELECT rowid, [{column}] FROM [{name}] WHERE {where}",
                          list(params)).fetchall()
        if rows:
            db.conn.executemany(f"UPDATE [{name}] SET name_sort = ? WHERE rowid = ?",
                                [(key(value), rowid) for rowid, value in rows])
            total += len(rows)
    return total


def fill_missing_sort_keys(db) -> int:
    """Give rows an older version wrote their sort key (once, on opening a register).

    The check is an index lookup, and the write transaction is taken only when
    there is something to fill.
    """
    if not any(db.execute(f"SELECT 1 FROM [{t}] WHERE name_sort IS NULL LIMIT 1").fetchone()
               for t in SORTED_TABLES):
        return 0
    with db.atomic():
        return fill_sort_keys(db)
