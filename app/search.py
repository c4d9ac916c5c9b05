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
USCC, each pointing at a subject; ``T:`` a phone and ``R:`` a legal
representative's ID number as written, for their leading digits. The
leading digits of a head's or a member's ID number need no keys: the
unique indexes on ``household.head_id_number`` and
``household_member.id_number`` are already sorted by them (older registers
still hold such ``D:`` and ``M:`` keys; nothing reads them any more).

Upper-case namespaces hold whole strings, so a prefix scan over them yields
exact matches first, then names that start with the query; the ``n:`` scan
adds names that contain the query further in.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any, Iterable

from sqlite_utils import Database

from app.identity import clean_number, upgrade_15
from app.pinyin import name_readings, name_syllables

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
    readings = name_readings(name) if len(name) <= 4 else ()
    syllables = readings[0] if readings else name_syllables(name)
    if syllables:
        keys.add("P:" + "".join(syllables))
        keys.add("I:" + "".join(s[0] for s in syllables))
        # Pinyin inside a name: jun finds 建军, fengye finds 青山蜂业合作社.
        keys.update("p:" + "".join(syllables[i:]) for i in range(1, len(syllables)))
    for other in readings[1:]:
        keys.add("A:" + "".join(other))
        keys.add("B:" + "".join(s[0] for s in other))
    return frozenset(keys)


def household_keys(row: dict[str, Any]) -> set[str]:
    keys = {"d:" + row["head_id_number"][::-1]}
    if row.get("phone"):
        keys.add("t:" + row["phone"][::-1])
        keys.add("T:" + row["phone"])
    return keys


def organization_keys(row: dict[str, Any]) -> set[str]:
    keys = {"u:" + row["uscc"]}
    if row.get("phone"):
        keys.add("t:" + row["phone"][::-1])
        keys.add("T:" + row["phone"])
    if row.get("legal_rep_id_number"):
        keys.add("r:" + row["legal_rep_id_number"][::-1])
        keys.add("R:" + row["legal_rep_id_number"])
    return keys


def member_keys(id_numbers: Iterable[str | None]) -> set[str]:
    """A household's keys for its members' ID numbers (their last digits)."""
    return {"m:" + number[::-1] for number in id_numbers if number}


def index_people(db: Database, *, household_sid_from: int = 0,
                 organization_sid_from: int = 0) -> None:
    """Keys of members and legal representatives (and their names) written in SQL,
    for bulk loads and for registers made before they were searchable."""
    _reversed_text(db)
    db.execute(
        "INSERT OR IGNORE INTO search_key (key, sid) "
        "SELECT 'm:' || reversed_text(m.id_number), h.sid FROM household_member m "
        "JOIN household h ON h.id = m.household_id "
        "WHERE m.id_number IS NOT NULL AND h.sid >= ?", [household_sid_from])
    db.execute(
        "INSERT OR IGNORE INTO search_key (key, sid) "
        "SELECT 'T:' || phone, sid FROM household WHERE sid >= ? AND phone IS NOT NULL",
        [household_sid_from])
    db.execute(
        "INSERT OR IGNORE INTO search_key (key, sid) "
        "SELECT 'r:' || reversed_text(legal_rep_id_number), sid FROM organization "
        "WHERE legal_rep_id_number IS NOT NULL AND sid >= ? UNION ALL "
        "SELECT 'R:' || legal_rep_id_number, sid FROM organization "
        "WHERE legal_rep_id_number IS NOT NULL AND sid >= ? UNION ALL "
        "SELECT 'T:' || phone, sid FROM organization WHERE phone IS NOT NULL AND sid >= ?",
        [organization_sid_from] * 3)
    names = {n for (n,) in db.execute(
        "SELECT DISTINCT m.name FROM household_member m JOIN household h "
        "ON h.id = m.household_id WHERE h.sid >= ?", [household_sid_from])}
    names |= {n for (n,) in db.execute(
        "SELECT DISTINCT legal_rep_name FROM organization WHERE sid >= ?",
        [organization_sid_from])}
    index_names(db, names, sort=True)


def index_households(db: Database, sid_from: int) -> None:
    """``household_keys`` of every household from ``sid_from`` on, made and
    sorted inside SQLite, for bulk loads (a 100,000-row roster has 400,000
    keys: sorting them as Python tuples took longer than inserting them)."""
    _reversed_text(db)
    db.execute(
        "INSERT OR IGNORE INTO search_key (key, sid) SELECT key, sid FROM ("
        "SELECT 'd:' || reversed_text(head_id_number) AS key, sid FROM household WHERE sid >= ?1 "
        "UNION ALL SELECT 't:' || reversed_text(phone), sid FROM household "
        "WHERE sid >= ?1 AND phone IS NOT NULL AND phone != '' "
        "UNION ALL SELECT 'T:' || phone, sid FROM household "
        "WHERE sid >= ?1 AND phone IS NOT NULL AND phone != '') ORDER BY key",
        [sid_from])


def _reversed_text(db: Database) -> None:
    """The SQL function that makes the keys of trailing digits (``[::-1]`` above)."""
    db.conn.create_function("reversed_text", 1, lambda s: s[::-1] if s else s,
                            deterministic=True)


def index_names(db: Database, names: Iterable[str], *, sort: bool = False) -> None:
    """Make names findable. Stale keys of names no longer used are harmless:
    they lead to no subject. Bulk loads pass ``sort`` so keys go in in order."""
    rows = name_rows(names, sort=sort)
    db.conn.executemany("INSERT OR IGNORE INTO name_key (key, name) VALUES (?, ?)", rows)


def name_rows(names: Iterable[str], *, sort: bool = True) -> list[tuple[str, str]]:
    """The ``name_key`` rows that make ``names`` findable; with ``sort`` in
    key order, as bulk loads insert them (rows of one key in no particular
    order: sorting the pairs whole took twice as long, 0.26 s for a roster's
    20,000 names)."""
    rows: list[tuple[str, str]] = []
    for name in set(names):
        stored = normalise_name(name)
        rows += [(key, stored) for key in name_keys(name)]
    if sort:
        rows.sort(key=_first)
    return rows


_first = operator.itemgetter(0)


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


INDEX_VERSION = 2  # 2: members, legal representatives, leading digits, readings, inside pinyin
_VERSION_KEY = "search.index_version"


def upgrade_index(db: Database) -> None:
    """Bring the search keys of a register made by an older version up to date (once)."""
    row = db.execute("SELECT value FROM setting WHERE key = ?", [_VERSION_KEY]).fetchone()
    if row is not None and int(row[0]) >= INDEX_VERSION:
        return
    with db.atomic():
        if db.execute("SELECT 1 FROM subject LIMIT 1").fetchone():
            index_people(db)
            names = [n for (n,) in db.execute("SELECT DISTINCT head_name FROM household "
                                              "UNION SELECT name FROM organization")]
            index_names(db, names, sort=True)
        db.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                   [_VERSION_KEY, str(INDEX_VERSION)])


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
    # Who matched when it is not the head or the organization itself: a
    # household member or a legal representative (``match`` says which).
    person: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


_NUMBER_PLANS = (  # key prefix, match kind, whether the key is reversed
    ("d:", "id_number", True), ("t:", "phone", True), ("m:", "member_id_number", True),
    ("r:", "legal_rep_id_number", True),
    ("D:", "id_number", False), ("T:", "phone", False), ("M:", "member_id_number", False),
    ("R:", "legal_rep_id_number", False),
)
# Leading digits of ID numbers read from the tables' own unique indexes, in
# number order as a D: or M: key scan would give them.
_LEADING = {
    "D:": "SELECT sid FROM household WHERE head_id_number >= ? AND head_id_number < ? "
          "ORDER BY head_id_number LIMIT ?",
    "M:": "SELECT h.sid FROM household_member m JOIN household h ON h.id = m.household_id "
          "WHERE m.id_number >= ? AND m.id_number < ? ORDER BY m.id_number LIMIT ?",
}


@functools.lru_cache(maxsize=1)
def _to_simplified():
    import opencc  # a second to load its dictionaries: only when a name is searched

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """王建軍 -> 王建军; text without traditional characters comes back unchanged."""
    if text.isascii():
        return text
    return _to_simplified().convert(text)


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
            for prefix, match, backwards in _NUMBER_PLANS:
                if prefix in ("t:", "T:") and not compact.isdigit():
                    continue
                plans.append((prefix + (compact[::-1] if backwards else compact), match))
        if len(compact) >= 6:
            plans.append(("u:" + compact, "uscc"))
        return "numbers", plans
    if compact.isascii() and compact.isalnum():
        if any(c.isdigit() for c in compact):
            return "numbers", ([("u:" + compact, "uscc")] if len(compact) >= 6 else [])
        letters = compact.lower()
        return "names", [("I:" + letters, "initials"), ("P:" + letters, "pinyin"),
                         ("B:" + letters, "initials"), ("A:" + letters, "pinyin"),
                         ("p:" + letters, "pinyin")]
    name = simplified(normalise_name(text))
    return "names", [("N:" + name, "name"), ("n:" + name, "name")]


_LETTER_NUMBER = re.compile(r"^\d{12}-\d{4}-\d{5}$")          # 510623105201-2026-00001
_REPORT_NUMBER = re.compile(r"^[A-Z]{2,8}-\d{8}-\d{4}$")       # XYBG-20261206-0001
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def looks_like_document_code(query: str) -> bool:
    """Whether ``query`` has the shape of a letter or report number, or a letter's QR code."""
    text = "".join(unicodedata.normalize("NFKC", query or "").split())
    return bool(_LETTER_NUMBER.match(text) or _REPORT_NUMBER.match(text.upper())
                or _UUID.match(text.lower()))


def find_document(db: Database, query: str) -> dict[str, Any] | None:
    """The letter or credit report whose number (or scanned QR code) was typed.

    {kind: letter|report, id, number, subject_id}, or None.
    """
    text = "".join(unicodedata.normalize("NFKC", query or "").split())
    lookups = []
    if _LETTER_NUMBER.match(text):
        lookups.append(("letter", "commitment_letter", "number", text))
    elif _REPORT_NUMBER.match(text.upper()):
        lookups.append(("report", "credit_report", "number", text.upper()))
    elif _UUID.match(text.lower()):  # a QR code holds the letter's or report's id
        lookups += [("letter", "commitment_letter", "id", text.lower()),
                    ("report", "credit_report", "id", text.lower())]
    for kind, table, column, value in lookups:
        if not db[table].exists():
            continue
        row = db.execute(f"SELECT id, number, subject_id FROM [{table}] WHERE [{column}] = ?",
                         [value]).fetchone()
        if row:
            return {"kind": kind, "id": row[0], "number": row[1], "subject_id": row[2]}
    return None


def search(db: Database, query: str, *, limit: int = 50,
           kind: str | None = None) -> list[SearchResult]:
    """Subjects matching ``query``, exact matches first, at most ``limit``.

    Heads of household and organizations come before household members and
    legal representatives of the same name or number.
    """
    what, plans = _plan(query)
    found: dict[int, tuple[str, str | None]] = {}
    document = find_document(db, query) if "-" in query else None
    if document:  # the code on a printed letter or report: whose it is
        row = db.execute("SELECT sid FROM subject WHERE id = ?",
                         [document["subject_id"]]).fetchone()
        if row:
            found[row[0]] = (document["kind"], document["number"])
    for prefix, match in plans:
        if len(found) >= limit:
            break
        if what == "numbers":
            want = (limit - len(found)) * (3 if kind else 1) + 8
            leading = _LEADING.get(prefix[:2])
            if leading:
                rows = db.execute(leading, [prefix[2:], prefix[2:] + _TOP, want])
            else:
                rows = db.execute("SELECT sid FROM search_key WHERE key >= ? AND key < ? LIMIT ?",
                                  [prefix, prefix + _TOP, want])
            for (sid,) in rows:
                found.setdefault(sid, (match, None))
        else:
            _collect_by_name(db, prefix, match, found, limit, kind)
    if not found:
        return []
    rows = _describe(db, list(found))
    results = []
    for sid, (match, person) in found.items():
        row = rows.get(sid)
        if row is None or (kind and row["kind"] != kind):
            continue
        if match in ("member_id_number", "legal_rep_id_number"):
            person = _person_by_number(db, row, match, query)
        results.append(SearchResult(match=match, person=person, **row))
        if len(results) >= limit:
            break
    return results


def _person_by_number(db: Database, row: dict, match: str, query: str) -> str | None:
    digits = clean_number(unicodedata.normalize("NFKC", query))
    if match == "legal_rep_id_number":
        return db.execute("SELECT legal_rep_name FROM organization WHERE sid = ?",
                          [row["sid"]]).fetchone()[0]
    for name, number in db.execute(
            "SELECT name, id_number FROM household_member WHERE household_id = ?", [row["id"]]):
        if number and (number.startswith(digits) or number.endswith(digits)):
            return name
    return None


def _collect_by_name(db: Database, prefix: str, match: str, found: dict,
                     limit: int, kind: str | None) -> None:
    # Names come in key order, so whole-name matches precede longer names.
    names = [n for (n,) in db.execute(
        "SELECT DISTINCT name FROM name_key WHERE key >= ? AND key < ? LIMIT ?",
        [prefix, prefix + _TOP, limit * 20])]
    for name in names:
        if kind in (None, "household"):
            for (sid,) in db.execute("SELECT sid FROM household WHERE head_name = ? LIMIT ?",
                                     [name, limit - len(found)]):
                found.setdefault(sid, (match, None))
        if kind in (None, "organization") and len(found) < limit:
            for (sid,) in db.execute("SELECT sid FROM organization WHERE name = ? LIMIT ?",
                                     [name, limit - len(found)]):
                found.setdefault(sid, (match, None))
        if len(found) >= limit:
            return
    # Then household members and legal representatives of those names.
    for name in names:
        if kind in (None, "household"):
            for (sid,) in db.execute(
                    "SELECT h.sid FROM household_member m JOIN household h "
                    "ON h.id = m.household_id WHERE m.name = ? LIMIT ?",
                    [name, limit - len(found)]):
                found.setdefault(sid, ("member_" + match, name))
        if kind in (None, "organization") and len(found) < limit:
            for (sid,) in db.execute(
                    "SELECT sid FROM organization WHERE legal_rep_name = ? LIMIT ?",
                    [name, limit - len(found)]):
                found.setdefault(sid, ("legal_rep_" + match, name))
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
