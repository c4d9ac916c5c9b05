"""Finding subjects by name, pinyin, ID number, phone or USCC.

Names: ``name_key`` holds, for every distinct name in the register,

* ``N:`` the whole name and ``n:`` each later suffix of it, so any part of
  a name - one, two or three characters - is the prefix of some key;
* ``P:`` the full pinyin (wangjianguo) and ``I:`` the initials (wjg), with
  surnames read as surnames (see app/pinyin.py).

A query is one range scan of that index, then a lookup per name in the
household and organization name indexes. Keys are per distinct name, so the
index stays small however many households share a name. SQLite's trigram
tokenizer would not do: it cannot match queries shorter than three
characters, and most Chinese names are two or three long.

Numbers: ``search_key`` holds ``d:`` the reversed ID number and ``t:`` the
reversed phone (so "the last four digits" is a prefix too) and ``u:`` the
USCC, each pointing at a subject.

Upper-case namespaces hold whole strings, so a prefix scan over them yields
exact matches first, then names that start with the query; the ``n:`` scan
adds names that contain the query further in.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any, Iterable

from sqlite_utils import Database

from app.identity import clean_number, upgrade_15
from app.pinyin import name_syllables

_TOP = "\U0010ffff"


def normalise_name(name: str) -> str:
    return "".join(unicodedata.normalize("NFC", name).split())


@functools.lru_cache(maxsize=500_000)
def name_keys(name: str) -> frozenset[str]:
    name = normalise_name(name)
    if not name:
        return frozenset()
    keys = {"N:" + name}
    keys.update("n:" + name[i:] for i in range(1, len(name)))
    syllables = name_syllables(name)
    if syllables:
        keys.add("P:" + "".join(syllables))
        keys.add("I:" + "".join(s[0] for s in syllables))
    return frozenset(keys)


def household_keys(row: dict[str, Any]) -> set[str]:
    keys = {"d:" + row["head_id_number"][::-1]}
    if row.get("phone"):
        keys.add("t:" + row["phone"][::-1])
    return keys


def organization_keys(row: dict[str, Any]) -> set[str]:
    keys = {"u:" + row["uscc"]}
    if row.get("phone"):
        keys.add("t:" + row["phone"][::-1])
    return keys


def index_names(db: Database, names: Iterable[str], *, sort: bool = False) -> None:
    """Make names findable. Stale keys of names no longer used are harmless:
    they lead to no subject. Bulk loads pass ``sort`` so keys go in in order."""
    rows = [(key, normalise_name(name)) for name in set(names) for key in name_keys(name)]
    if sort:
        rows.sort()
    db.conn.executemany("INSERT OR IGNORE INTO name_key (key, name) VALUES (?, ?)", rows)


def replace_keys(db: Database, sid: int, old: set[str], new: set[str]) -> None:
    """Keep the number index in step with a row change, in the caller's transaction."""
    gone = old - new
    added = new - old
    if gone:
        db.conn.executemany("DELETE FROM search_key WHERE key = ? AND sid = ?",
                            [(k, sid) for k in gone])
    if added:
        db.conn.executemany("INSERT OR IGNORE INTO search_key (key, sid) VALUES (?, ?)",
                            [(k, sid) for k in added])


@dataclass
class SearchResult:
    id: str
    sid: int
    kind: str
    name: str
    village_code: str | None
    village_name: str | None
    group_name: str | None
    id_number: str | None
    phone: str | None
    match: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _plan(query: str) -> tuple[str, list[tuple[str, str]]]:
    """('names' or 'numbers', [(key prefix, match kind)]) in priority order."""
    text = unicodedata.normalize("NFKC", query).strip()
    if not text:
        return "numbers", []
    compact = clean_number(text)
    if compact and compact[:-1].isdigit() and (compact[-1].isdigit() or compact[-1] == "X"):
        plans = []
        if len(compact) == 15:
            compact = upgrade_15(compact)
        if len(compact) >= 4:
            plans.append(("d:" + compact[::-1], "id_number"))
            if compact.isdigit():
                plans.append(("t:" + compact[::-1], "phone"))
        if len(compact) >= 6:
            plans.append(("u:" + compact, "uscc"))
        return "numbers", plans
    if compact.isascii() and compact.isalnum():
        if any(c.isdigit() for c in compact):
            return "numbers", ([("u:" + compact, "uscc")] if len(compact) >= 6 else [])
        letters = compact.lower()
        return "names", [("I:" + letters, "initials"), ("P:" + letters, "pinyin")]
    name = normalise_name(text)
    return "names", [("N:" + name, "name"), ("n:" + name, "name")]


def search(db: Database, query: str, *, limit: int = 50,
           kind: str | None = None) -> list[SearchResult]:
    """Subjects matching ``query``, exact matches first, at most ``limit``."""
    what, plans = _plan(query)
    found: dict[int, str] = {}
    for prefix, match in plans:
        if len(found) >= limit:
            break
        if what == "numbers":
            want = (limit - len(found)) * (3 if kind else 1) + 8
            for (sid,) in db.execute(
                    "SELECT sid FROM search_key WHERE key >= ? AND key < ? LIMIT ?",
                    [prefix, prefix + _TOP, want]):
                found.setdefault(sid, match)
        else:
            _collect_by_name(db, prefix, match, found, limit, kind)
    if not found:
        return []
    rows = _describe(db, list(found))
    results = []
    for sid, match in found.items():
        row = rows.get(sid)
        if row is None or (kind and row["kind"] != kind):
            continue
        results.append(SearchResult(match=match, **row))
        if len(results) >= limit:
            break
    return results


def _collect_by_name(db: Database, prefix: str, match: str, found: dict[int, str],
                     limit: int, kind: str | None) -> None:
    # Names come in key order, so whole-name matches precede longer names.
    names = db.execute(
        "SELECT DISTINCT name FROM name_key WHERE key >= ? AND key < ? LIMIT ?",
        [prefix, prefix + _TOP, limit * 20])
    for (name,) in names:
        if kind in (None, "household"):
            for (sid,) in db.execute("SELECT sid FROM household WHERE head_name = ? LIMIT ?",
                                     [name, limit - len(found)]):
                found.setdefault(sid, match)
        if kind in (None, "organization") and len(found) < limit:
            for (sid,) in db.execute("SELECT sid FROM organization WHERE name = ? LIMIT ?",
                                     [name, limit - len(found)]):
                found.setdefault(sid, match)
        if len(found) >= limit:
            return


def _describe(db: Database, sids: list[int]) -> dict[int, dict[str, Any]]:
    marks = ",".join("?" for _ in sids)
    sql = f"""
        SELECT s.sid, s.id, s.kind,
               COALESCE(h.head_name, o.name) AS name,
               v.code AS village_code, v.name AS village_name, g.name AS group_name,
               COALESCE(h.head_id_number, o.uscc) AS id_number,
               COALESCE(h.phone, o.phone) AS phone
        FROM subject s
        LEFT JOIN household h ON h.sid = s.sid
        LEFT JOIN organization o ON o.sid = s.sid
        LEFT JOIN place v ON v.id = COALESCE(h.village_id, o.village_id)
        LEFT JOIN place g ON g.id = h.group_id
        WHERE s.sid IN ({marks})
    """
    out = {}
    cursor = db.execute(sql, sids)
    names = [d[0] for d in cursor.description]
    for values in cursor:
        row = dict(zip(names, values))
        out[row["sid"]] = row
    return out


def like_scan(db: Database, query: str, *, limit: int = 50) -> list[int]:
    """The naive baseline the benchmarks compare against."""
    pattern = f"%{query}%"
    return [r[0] for r in db.execute(
        "SELECT sid FROM household WHERE head_name LIKE ? OR head_id_number LIKE ? "
        "OR phone LIKE ? LIMIT ?", [pattern, pattern, pattern, limit])]
