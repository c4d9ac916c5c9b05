"""A realistic demo township, from 8,000 households to a million.

Everything is written through the same journaled bulk path as an import, so
the demo exercises the real register (search keys, journal, outbox). Then
each area adds its own demo data (``demo_extension`` in records, rating and
letters).
"""

from __future__ import annotations

import array
import atexit
import collections
import concurrent.futures
import dataclasses
import datetime as dt
import functools
import gc
import json
import multiprocessing
import operator
import os
import pickle
import random
import sys
import time
from pathlib import Path

from sqlite_utils import Database

from app import pinyin, search
from app.accounts.demo import assign_demo_villages, create_demo_users
from app.jobs import Job
from app.journal import LOCAL_COLUMNS, ChangeSet, CreatesInBulk
from app.letters import demo as letters_demo
from app.rating import demo as rating_demo
from app.records import demo as records_demo
from app.register import create_place
from db.bulk import bulk_load

COUNTY = ("510623", "中江县")
TOWNSHIP = ("510623105", "石泉镇")
VILLAGES = [
    "青龙村", "白鹤村", "桂花村", "石泉社区", "凤凰村", "柏林村", "双河村", "清水村",
    "永丰村", "红岩村", "龙井村", "新华村", "合兴村", "金鸡村", "五里村", "马鞍村",
    "大石村", "龚家村", "㵘水村", "𪨶山村",
]
GROUP_NAMES = ["一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组", "九组", "十组",
               "十一组", "十二组"]

# Roughly the frequency of surnames in Sichuan villages, with the polyphonic
# surnames people search for by their surname reading.
SURNAMES = ("王" * 9 + "李" * 9 + "张" * 8 + "刘" * 8 + "陈" * 7 + "杨" * 6 + "黄" * 4 + "赵" * 4
            + "周" * 4 + "吴" * 3 + "徐" * 3 + "孙" * 2 + "胡" * 3 + "朱" * 2 + "高" * 2 + "林"
            + "何" * 3 + "郭" * 2 + "马" + "罗" * 3 + "梁" + "宋" + "郑" + "谢" * 2 + "韩" + "唐" * 2
            + "冯" + "于" + "董" + "萧" + "程" + "曹" + "袁" + "邓" * 2 + "许" + "傅" + "沈" + "曾" * 2
            + "彭" + "吕" + "苏" + "卢" + "蒋" + "蔡" + "贾" + "丁" + "魏" + "薛" + "叶" + "阎" + "余"
            + "潘" + "杜" + "戴" + "夏" + "钟" + "汪" + "田" + "任" + "姜" + "范" + "方" + "石" + "姚"
            + "谭" + "廖" + "邹" + "熊" + "金" + "陆" + "郝" + "孔" + "白" + "崔" + "康" + "毛" + "邱"
            + "秦" + "江" + "史" + "顾" + "侯" + "邵" + "孟" + "龙" + "万" + "段" + "雷" + "钱" + "汤"
            + "尹" + "黎" + "易" + "常" + "武" + "乔" + "贺" + "赖" + "龚" + "文" + "单" + "解" + "仇"
            + "区" + "查" + "乐" + "翟")
GIVEN_MALE = "建国军华明强伟志勇平德福贵明文成兴全友富荣海林刚杰中永祥春忠发良光清山"
GIVEN_FEMALE = "秀英兰芳玉珍桂华翠凤琴霞丽梅淑素云莲红燕春群琼芬蓉萍丹"
RARE_NAMES = ["刘䶮", "王𠀾", "李㛃", "张𡈼", "陈𨱇"]
COMMON_FULL = ["建国", "建华", "国华", "建军", "建国华"]
INDUSTRIES = ["水稻种植", "玉米种植", "生猪养殖", "柑橘种植", "蔬菜种植", "家禽养殖", "外出务工",
              "茶叶种植", "中药材种植", "农家乐", "运输", "水产养殖"]
ORG_SUFFIX = {
    "cooperative": "专业合作社", "family_farm": "家庭农场",
    "agri_enterprise": "农业开发有限公司", "individual_business": "农资经营部",
}
ORG_WORDS = ["绿源", "丰收", "金穗", "惠农", "青山", "福源", "兴旺", "顺达", "沃土", "稻香",
             "果香", "鑫农", "田园", "康庄", "富民", "益农", "春晖", "聚丰"]
ORG_TRADE = ["水稻种植", "柑橘", "生猪养殖", "蔬菜", "茶叶", "中药材", "家禽", "蜂业", "食用菌"]

def _person_name(rng: random.Random, sex: str) -> str:
    roll = rng.random()
    if roll < 0.0005:
        return RARE_NAMES[int(rng.random() * len(RARE_NAMES))]
    surname = SURNAMES[int(rng.random() * len(SURNAMES))]
    if roll < 0.02:
        return surname + COMMON_FULL[int(rng.random() * len(COMMON_FULL))]
    pool = GIVEN_MALE if sex == "M" else GIVEN_FEMALE
    size = len(pool)
    if roll < 0.8:
        return surname + pool[int(rng.random() * size)] + pool[int(rng.random() * size)]
    return surname + pool[int(rng.random() * size)]


# GB 32100-2015: a USCC's characters and the weights of its first 17 (3**i mod 31).
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUES = {c: i for i, c in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


def _uscc(rng: random.Random, kind: str, used: set[str]) -> str:
    """A valid, unused USCC of the county. Its check digit is the one
    stdnum.cn.uscc computes (tests/test_demo.py), from the sum of the fixed
    first eight characters made once: 50,000 organizations at county size."""
    head = {"cooperative": "93", "family_farm": "92", "agri_enterprise": "91",
            "individual_business": "92"}[kind] + COUNTY[0]
    head_sum = sum(_USCC_VALUES[c] * w for c, w in zip(head, _USCC_WEIGHTS))
    values, weights = _USCC_VALUES, _USCC_WEIGHTS[len(head):]
    while True:
        body = "".join([rng.choice(_USCC_ALPHABET) for _ in range(9)])
        total = head_sum + sum(values[c] * w for c, w in zip(body, weights))
        number = head + body + _USCC_ALPHABET[-total % 31]
        if number not in used:
            used.add(number)
            return number


HOUSEHOLD_COLUMNS = (
    "sid", "id", "village_id", "group_id", "head_name", "head_sex", "head_id_number",
    "head_birth_date", "phone", "members", "labor", "land_area_centimu", "main_industry",
    "annual_income_fen", "assets_fen", "loan_balance_fen", "overdue_fen", "version",
    "created_at", "updated_at", "name_sort")
MEMBER_COLUMNS = ("id", "household_id", "name", "relation", "sex", "id_number", "birth_date",
                  "version", "created_at", "updated_at")
BULK_TABLES = ["subject", "household", "household_member", "organization", "journal"]
# Members are written by the writer or, at county size, by the key process.
_INSERT_MEMBERS = (f"INSERT INTO household_member ({', '.join(MEMBER_COLUMNS)}) "
                   f"VALUES ({', '.join('?' * len(MEMBER_COLUMNS))})")


@functools.lru_cache(maxsize=8)
def _birth_table(today: dt.date, min_age: int, max_age: int) -> list[tuple[str, int, str]]:
    """Dates as an ID number's first 14 digits, the remainder modulo 11 of
    their weighted sum, and as the birth date: each ID number then costs two
    random draws and two lookups (cached per process)."""
    first = today - dt.timedelta(days=max_age * 365)
    table = []
    for offset in range((max_age - min_age) * 365):
        date = first + dt.timedelta(days=offset)
        body = f"{COUNTY[0]}{date:%Y%m%d}"
        table.append((body, sum(int(c) * w for c, w in zip(body, _WEIGHTS)) % 11,
                      f"{date:%Y-%m-%d}"))
    return table


# Pinyin sort keys of the names this process has made (names repeat a lot:
# a million households have some 200,000 distinct names).
_SORT_KEYS: dict[str, str] = {}


class _Generator:
    """Deterministic rows for a seed: the same seed gives the same township."""

    def __init__(self, rng: random.Random, villages, village_names: dict[str, str], at: str,
                 part: int = 0, parts: int = 1, id_step: int = 1):
        # Chunks are made apart (in any process), so each draws its ID
        # numbers and phones from its own part of the number space: an ID
        # number's sequence digits, a phone's value modulo ``parts``. Numbers
        # are then unique across chunks by construction (``parts`` <= 500,
        # see _chunking), and within a chunk by the sets below.
        slots = range(part, 500, parts)
        # An ID number's last four characters by sex, sequence slot and the
        # remainder of the rest (``_birth_table``).
        self._ends = {sex: [[_SEQ[seq][0] + _CHECK[(residue + _SEQ[seq][1]) % 11]
                             for residue in range(11)]
                            for seq in (slot * 2 + odd for slot in slots)]
                      for sex, odd in (("M", 1), ("F", 0))}
        self._phone_part, self._phone_parts = part, parts
        self.rng = rng
        self.villages = villages
        self.village_names = village_names
        self.at = at
        self.used_ids: set[str] = set()
        self.used_phones: set[str] = set()
        self.today = dt.date.today()
        self.sort_keys = _SORT_KEYS
        self.id_step = id_step

    def uuid(self, sid: int, member: bool = False) -> str:
        """A version 4 UUID whose first 48 bits ascend with ``sid`` (see
        ``_id_step``); a member's comes just after its household's. The rest
        is random but for the version and variant bits."""
        value = sid * self.id_step + (self.id_step // 2 if member else 0)
        u = f"{value << 80 | self.rng.getrandbits(128) & _UUID_RANDOM | _UUID_FIXED:032x}"
        return f"{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:]}"

    def id_number(self, sex: str, min_age: int = 20, max_age: int = 85) -> str:
        return self._id_number(self._ends[sex], _birth_table(self.today, min_age, max_age))[0]

    def _id_number(self, ends: list[list[str]], table: list[tuple[str, int, str]]
                   ) -> tuple[str, str]:
        """An unused ID number and its birth date."""
        rand, size, slots = self.rng.random, len(table), len(ends)
        while True:
            body, residue, birth = table[int(rand() * size)]
            number = body + ends[int(rand() * slots)][residue]
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number, birth

    def phone(self) -> str:
        rand, part, parts = self.rng.random, self._phone_part, self._phone_parts
        span = 10**9 // parts
        while True:
            value = int(rand() * span) * parts + part
            number = f"{_PHONE_HEADS[int(rand() * 5)]}{value:09d}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def households(self, first_sid: int, count: int):
        """Rows of ``count`` households and of their members, and their
        number keys (``search.household_keys``, then ``search.member_keys``
        with the household's sid) as keys and sids side by side. Some two
        million rows at county size, so each costs as few Python operations
        as can be: an ID number comes with its birth date (``_id_number``),
        UUIDs are made here as ``uuid`` makes them (the same random draws in
        the same order), the keys with the rows."""
        rng, at, rand = self.rng, self.at, self.rng.random
        sort_keys, person_sort_key = self.sort_keys, pinyin.person_sort_key
        villages = [(village, groups, len(groups)) for village, groups in self.villages]
        n_villages, n_industries = len(villages), len(INDUSTRIES)
        id_number, table = self._id_number, _birth_table(self.today, 20, 85)
        ends_m, ends_f = self._ends["M"], self._ends["F"]
        phone = self.phone
        getrandbits, step, half = rng.getrandbits, self.id_step, self.id_step // 2
        rows, members, keys, sids, member_keys, member_sids = [], [], [], [], [], []
        for sid in range(first_sid, first_sid + count):
            male = rand() < 0.85
            sex = "M" if male else "F"
            village_id, groups, n_groups = villages[int(rand() * n_villages)]
            size = _SIZES[int(rand() * 12)]
            if rand() < 0.4:
                balance = int(10 + rand() * 290) * 100_000
                overdue = balance // int(2 + rand() * 8) if rand() < 0.03 else 0
            else:
                balance = overdue = 0
            name = _person_name(rng, sex)
            number, birth = id_number(ends_m if male else ends_f, table)
            if rand() < 0.92:
                tel = phone()
                keys += ("d:" + number[::-1], "t:" + tel[::-1], "T:" + tel)
                sids += (sid, sid, sid)
            else:
                tel = None
                keys.append("d:" + number[::-1])
                sids.append(sid)
            u = f"{sid * step << 80 | getrandbits(128) & _UUID_RANDOM | _UUID_FIXED:032x}"
            household_id = f"{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:]}"
            sort_key = sort_keys.get(name)
            if sort_key is None:
                sort_key = sort_keys[name] = person_sort_key(name)
            rows.append((
                sid, household_id, village_id, groups[int(rand() * n_groups)], name, sex,
                number, birth, tel, size, 1 + int(rand() * size), int(20 + rand() * 1480),
                INDUSTRIES[int(rand() * n_industries)], int(80 + rand() * 2420) * 10_000,
                int(5 + rand() * 195) * 1_000_000, balance, overdue, 1, at, at, sort_key))
            if size > 1:
                spouse_sex = "F" if male else "M"
                number, birth = id_number(ends_f if male else ends_m, table)
                member_keys.append("m:" + number[::-1])
                member_sids.append(sid)
                u = (sid * step + half) << 80 | getrandbits(128) & _UUID_RANDOM | _UUID_FIXED
                u = f"{u:032x}"
                members.append((
                    f"{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:]}", household_id,
                    _person_name(rng, spouse_sex), "spouse", spouse_sex, number, birth, 1, at,
                    at))
        return rows, members, (keys + member_keys, sids + member_sids)

    def organizations(self, first_sid: int, count: int):
        rng, at = self.rng, self.at
        rows, keys, sids = [], [], []
        sort_keys = self.sort_keys
        used_uscc: set[str] = set()
        kinds = ("cooperative", "family_farm", "agri_enterprise", "individual_business")
        names = self.village_names
        for index in range(count):
            kind = kinds[min(int(rng.random() * 2.2), 3)] if index % 7 else rng.choice(kinds)
            village_id, _ = rng.choice(self.villages)
            uscc = _uscc(rng, kind, used_uscc)
            reason = None
            if index % 97 == 5:
                # A pilot-era code that fails the check, accepted with a reason.
                uscc = uscc[:17] + ("0" if uscc[17] != "0" else "1")
                used_uscc.add(uscc)
                reason = "营业执照原件核对无误，试点期间赋码"
            rep_sex = "M" if rng.random() < 0.8 else "F"
            row = {
                "sid": first_sid + index, "id": self.uuid(first_sid + index), "kind": kind,
                "name": f"{COUNTY[1]}{names[village_id][:-1]}{rng.choice(ORG_WORDS)}"
                        f"{rng.choice(ORG_TRADE)}{ORG_SUFFIX[kind]}",
                "uscc": uscc, "uscc_override_reason": reason,
                "legal_rep_name": _person_name(rng, rep_sex),
                "legal_rep_id_number": self.id_number(rep_sex),
                "phone": self.phone(), "address": None, "village_id": village_id,
                "members_count": rng.randint(5, 200) if kind == "cooperative" else rng.randint(1, 8),
                "registered_capital_fen": rng.randint(1, 500) * 1_000_000,
                "business_scope": f"{rng.choice(ORG_TRADE)}生产、销售；农业技术咨询服务",
                "note": None, "version": 1, "created_at": at, "updated_at": at,
            }
            row["name_sort"] = sort_keys.get(row["name"]) or sort_keys.setdefault(
                row["name"], pinyin.text_sort_key(row["name"]))
            rows.append(row)
            row_keys = search.organization_keys(row)
            keys += row_keys
            sids += [row["sid"]] * len(row_keys)
        return rows, (keys, sids)


_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SIZES = (1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6)
_PHONE_HEADS = ("13", "15", "17", "18", "19")
# A version 4 UUID from 128 random bits: the bits kept, and the version and
# variant bits set.
_UUID_RANDOM = (0xFFF << 64) | ((1 << 62) - 1)
_UUID_FIXED = (0x4 << 76) | (0b10 << 62)
_SEQ = [(f"{n:03d}", sum(int(c) * w for c, w in zip(f"{n:03d}", (8, 4, 2)))) for n in range(1000)]


_PARALLEL_FROM = 100_000

# Every word the demo writes into a row; the JSON template below relies on
# none of them needing escapes in JSON (nor do digits, dates and UUIDs).
_WORDS = (SURNAMES, GIVEN_MALE, GIVEN_FEMALE, *RARE_NAMES, *COMMON_FULL, *INDUSTRIES,
          *VILLAGES, *GROUP_NAMES, "spouse")
if any(c in '"\\' or c < " " for word in _WORDS for c in word):
    raise RuntimeError("a demo word needs escaping in JSON")


class _JsonRows:
    """The journal's JSON of a generated row, as ``journal_inserted`` would
    write it (every column but the local ones, keys sorted, compact), made
    by filling a template: ``json.dumps`` of a dict per row costs three
    times as much, and there are two million rows at county size.

    ``columns``: the table's (name, type, not null, default) from PRAGMA
    table_info; ``generated``: the columns of the demo's row tuples, in
    order. A column the demo does not fill must default to NULL (else the
    journal would not be the row), and only values that need no JSON escape
    go in (see ``_WORDS``).
    """

    def __init__(self, table: str, columns, generated: tuple[str, ...]):
        parts, picks, self.nullable = [], [], []
        for name, kind, notnull, default in sorted(columns):
            if name in LOCAL_COLUMNS:
                continue
            if name not in generated:
                if notnull or default is not None:
                    raise RuntimeError(f"the demo does not fill {table}.{name}")
                parts.append(f'"{name}":null')
                continue
            if notnull and kind.upper() == "INTEGER":
                parts.append(f'"{name}":%d')
            elif notnull:
                parts.append(f'"{name}":"%s"')
            else:
                self.nullable.append(len(picks))
                parts.append(f'"{name}":%s')
            picks.append(generated.index(name))
        self.template = "{" + ",".join(parts) + "}"
        self.pick = operator.itemgetter(*picks)
        # For ``many``: the template of a row whose nullable columns are all
        # filled (text quoted in the template itself), and a getter of those
        # columns (always a tuple: the first one is asked twice).
        full = list(parts)
        for i in self.nullable:
            column = next(c for c in sorted(columns) if c[0] == generated[picks[i]])
            at = full.index(f'"{column[0]}":%s')
            full[at] = (f'"{column[0]}":%d' if column[1].upper() == "INTEGER"
                        else f'"{column[0]}":"%s"')
        self._full = ("{" + ",".join(full) + "}", self.pick)
        nullable = [picks[i] for i in self.nullable]
        self._nullable_values = operator.itemgetter(*nullable, *nullable[:1])

    def __call__(self, row: tuple) -> str:
        values = self.pick(row)
        if self.nullable:
            values = list(values)
            for i in self.nullable:
                value = values[i]
                values[i] = ("null" if value is None else
                             f'"{value}"' if isinstance(value, str) else value)
            values = tuple(values)
        return self.template % values

    def many(self, rows: list[tuple]) -> list[bytes]:
        """Each row's JSON as UTF-8. A third quicker than calling this per row
        in the generator processes (which share the two cores with the writer
        while rows are made): a row whose nullable columns all hold a value
        (nearly all of them) is one fill of a template without quotes to
        add; only the others go through ``__call__``."""
        if not self.nullable:
            template, pick = self.template, self.pick
            return [(template % pick(row)).encode() for row in rows]
        full, pick = self._full
        present = self._nullable_values
        call = self.__call__
        return [((full % pick(row)) if None not in present(row) else call(row)).encode()
                for row in rows]


def _table_columns(db: Database, table: str) -> tuple[tuple[str, str, bool, str | None], ...]:
    """(name, type, not null, default) of each column, as ``_JsonRows`` takes them."""
    return tuple((c[1], c[2], bool(c[3] or c[5]), c[4])
                 for c in db.execute(f"PRAGMA table_info([{table}])"))


@functools.lru_cache(maxsize=4)
def _json_rows(household_columns, member_columns) -> tuple[_JsonRows, _JsonRows]:
    return (_JsonRows("household", household_columns, HOUSEHOLD_COLUMNS),
            _JsonRows("household_member", member_columns, MEMBER_COLUMNS))


def _name_keys(names: set[str], seen: set[str]) -> list[tuple[str, frozenset[str]]]:
    """(stored name, its ``name_key`` keys, as ``search.index_names`` writes
    them) for the names not in ``seen``, which then holds them too."""
    out = [(search.normalise_name(name), search.name_keys(name)) for name in names - seen]
    seen |= names
    # Each name is asked once here, so name_keys' cache would only hold
    # memory (half a gigabyte per process at a million households).
    search.name_keys.cache_clear()
    return out


def _new_name_rows(keyed: list[tuple[str, frozenset[str]]], seen: set[str]
                   ) -> list[tuple[str, str]]:
    """``name_key`` rows of the names not written yet (two workers both make
    the common names)."""
    rows = []
    for name, keys in keyed:
        if name not in seen:
            seen.add(name)
            rows += [(key, name) for key in keys]
    return rows


# Names a pool worker has already made keys for (each build has its own pool).
_WORKER_SEEN: set[str] = set()


def _generate_chunk(seed: int, index: int, parts: int, villages, at: str, first_sid: int,
                    count: int, shapes, id_step: int, seen: set[str] | None = None):
    # Each chunk has its own random stream, so chunks can be made in any
    # process and the township is still the same for the same seed. What
    # only Python can make is made here, while the main process writes: the
    # rows with their pinyin sort keys, each row's JSON for the journal, and
    # the search keys of the chunk's numbers and people (the name keys, with
    # pinyin the dearest part of the search index, by the key process when
    # there is one: see ``_with_keys``).
    gen = _Generator(random.Random(f"{seed}:{index}"), villages, {}, at, index, parts, id_step)
    rows, members, number_keys = gen.households(first_sid, count)
    names = {r[4] for r in rows}
    names.update(m[2] for m in members)
    household_json, member_json = _json_rows(*shapes)
    return _with_keys(_Chunk(
        rows, members, number_keys, [],
        [("household", household_json.many(rows)),
         ("household_member", member_json.many(members))], member_ids=[m[0] for m in members]),
        names, seen)


def _generate_organizations(seed: int, villages, village_names: dict[str, str], at: str,
                            first_sid: int, count: int, part: int, parts: int,
                            columns: tuple[str, ...], id_step: int,
                            seen: set[str] | None = None):
    """The organizations, as a chunk of their own (the last part of the numbers)."""
    gen = _Generator(random.Random(f"{seed}:organizations"), villages, village_names, at,
                     part, parts, id_step)
    rows, keys = gen.organizations(first_sid, count)
    names = {r["name"] for r in rows} | {r["legal_rep_name"] for r in rows}
    journal = [json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode() for r in rows]
    return _with_keys(_Chunk([tuple(r.values()) for r in rows], [], keys, [],
                             [("organization", journal)], list(rows[0]) if rows else []),
                      names, seen)


@dataclasses.dataclass
class _Chunk:
    """What a generator process hands the writer: rows, their search keys,
    their journal entries' JSON as UTF-8 ((entity, [JSON]) in order, each
    entity's rows version 1 with the ids of ``rows`` or ``members``: bytes
    cross between processes without being decoded, and go into the journal
    so; ids and versions are not sent twice, which made a chunk a quarter
    dearer to unpickle for the writer), and for organizations the columns
    of ``rows``."""
    rows: list[tuple]
    members: list[tuple]
    number_keys: tuple[list[str], list[int]]  # keys, and their subjects' sids
    name_keys: list[tuple[str, frozenset[str]]]
    journal: list[tuple[str, list[bytes]]]
    columns: list[str] = dataclasses.field(default_factory=list)
    # The members' ids, also when the members themselves went to the key
    # process (``_with_keys``).
    member_ids: list[str] = dataclasses.field(default_factory=list)

    def journal_entries(self):
        """(entity, [(id, version, JSON)]) as ``CreatesInBulk.add`` takes them."""
        for entity, jsons in self.journal:
            ids = self.member_ids if entity == "household_member" else (r[1] for r in self.rows)
            yield entity, ((i, 1, j) for i, j in zip(ids, jsons, strict=True))


def _chunking(households: int, chunk: int) -> tuple[list[tuple[int, int]], int]:
    """(first household, count) of each chunk, and the parts of the number
    space: one per chunk and one for the organizations, at most 500 (the
    ID number's sequence digits), so chunks grow for a very large demo."""
    chunk = max(chunk, -(-households // 499))
    starts = [(start, min(chunk, households - start)) for start in range(0, households, chunk)]
    return starts, len(starts) + 1


def _id_step(end_sid: int) -> int:
    """How far apart the ids of consecutive subjects start (``_Generator.uuid``).

    The demo's ids ascend with the subjects' sids, as time-ordered UUIDs
    would, spread over the whole range so that they look like any others.
    Rows are then written in the order of every index on an id (subject,
    household, member, organization, and the journal's entity index), so
    those indexes stay in place during the load and are appended to, instead
    of being rebuilt at the end from a full read of their tables (the
    journal's alone is 2 GB at a million households).
    """
    return 2**48 // (end_sid + 1)


def _generated(seed, villages, village_names, at, first_sid, households, organizations,
               chunk, shapes, org_columns, keys):
    """The households' chunks in order, then the organizations' chunk."""
    starts, parts = _chunking(households, chunk)
    id_step = _id_step(first_sid + households + organizations)
    tasks = [(_generate_chunk, (seed, i, parts, villages, at, first_sid + start, count, shapes,
                                id_step))
             for i, (start, count) in enumerate(starts)]
    tasks.append((_generate_organizations, (
        seed, villages, village_names, at, first_sid + households, organizations, parts - 1,
        parts, org_columns, id_step)))
    if not _parallel(households):
        seen: set[str] = set()
        for function, args in tasks:
            yield function(*args, seen)
        return
    # Generating rows is pure Python; a second process makes them while this
    # one writes. "spawn" because the caller may be a threaded GUI.
    context = multiprocessing.get_context("spawn")
    setup = keys.worker_setup(len(tasks))
    with concurrent.futures.ProcessPoolExecutor(
            max_workers=2, mp_context=context, initializer=setup[0] if setup else None,
            initargs=setup[1] if setup else ()) as pool:
        # The organizations first, though written last: their chunk takes a
        # worker 3-5 s (a pinyin sort key for nearly every name), for
        # which the writer used to wait once the households were written.
        organizations = pool.submit(tasks[-1][0], *tasks[-1][1])
        pending = collections.deque()
        for function, args in tasks[:-1]:
            pending.append(pool.submit(function, *args))
            if len(pending) >= 3:  # bounded look-ahead keeps memory flat
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        yield organizations.result()


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children."""
    own, children = os.times()[:2], os.times()[2:4]
    return sum(own) + sum(children)


class _Phases:
    """Phase timings for the benchmark (printed when DEMO_TIMING is set): wall
    and CPU seconds, since on a shared machine the wall time says little; CPU
    of helper processes is counted when they end, and this process's own CPU
    is shown apart (the part no other core can take)."""

    def __init__(self):
        self.last = time.perf_counter()
        self.last_cpu = _cpu()
        self.last_own = sum(os.times()[:2])
        self.show = bool(os.environ.get("DEMO_TIMING"))

    def mark(self, label: str) -> None:
        now, cpu, own = time.perf_counter(), _cpu(), sum(os.times()[:2])
        if self.show:
            print(f"\n{label}: {now - self.last:.1f} s wall, {cpu - self.last_cpu:.1f} s CPU "
                  f"({own - self.last_own:.1f} s this process)", file=sys.stderr)
        self.last, self.last_cpu, self.last_own = now, cpu, own


def build_demo(db: Database, operator_id: str | None = None, *, households: int = 8000,
               seed: int = 2026, job: Job | None = None, chunk: int = 20000,
               areas: bool = True) -> dict[str, int]:
    """Fill an empty register with a demo township and its four demo accounts
    (app/accounts/demo.py); the demo's changes are signed by ``operator_id``,
    by default the demo administrator. Returns counts.

    ``areas=False`` leaves out the areas' demo data (records, ratings,
    letters): the register only, for benchmarks that time an area's own.
    """
    job = job or Job()
    rng = random.Random(seed)
    phases = _Phases()
    if db.execute("SELECT 1 FROM household LIMIT 1").fetchone():
        raise ValueError("register is not empty")
    # A demo is built into a new file that is thrown away if the build fails
    # (the CLI builds it in a temp folder and moves it in when whole), so the
    # durability of WAL with a synced commit buys nothing here: the rollback
    # journal is kept in memory (a failed step still rolls back) and nothing
    # is synced until the end.
    db.execute("PRAGMA journal_mode=MEMORY")
    db.execute("PRAGMA synchronous=OFF")
    try:
        organizations, villages = _build(db, operator_id, rng, seed, households, job, chunk,
                                         areas, phases)
    finally:
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA optimize")
    phases.mark("optimize")
    return {"households": households, "organizations": organizations, "villages": len(villages)}


def _build(db: Database, operator_id: str | None, rng: random.Random, seed: int,
           households: int, job: Job, chunk: int, areas: bool, phases: _Phases
           ) -> tuple[int, list]:
    demo_users = create_demo_users(db)
    operator_id = operator_id or demo_users["admin"]
    villages, village_names = _places(db, operator_id, rng)
    # The demo field worker works in the first two villages.
    assign_demo_villages(db, [v for v, _ in villages[:2]])
    organizations = max(households // 20, 10)
    phases.mark("accounts and places")
    total = households + organizations
    keys = _KeysApart(db) if _parallel(households) else _KeysHere(db)
    try:
        _subjects(db, operator_id, rng, seed, villages, village_names, households,
                  organizations, job, chunk, phases, keys)
        if areas:
            # Statistics first: without them counting the households reads
            # the whole table (a second at a million) instead of an index.
            db.execute("PRAGMA analysis_limit=1000")
            db.execute("ANALYZE")
            phases.mark("statistics")
            # Records first (facts and lists), then rating (which reads them),
            # then letters (which may turn a broken promise into a record).
            records_demo.demo_extension(db, operator_id, rng, job)
            # The tables the records filled from empty, before the campaign is
            # scored: without their statistics SQLite reads a household's
            # negative records through the status index (every public record,
            # per household) instead of the subject index, which makes
            # scoring quadratic. (0x10000: every table, not only those this
            # connection has queried.)
            db.execute("PRAGMA optimize=0x10002")
            phases.mark("records")
            rating_demo.demo_extension(db, operator_id, rng, job)
            phases.mark("rating")
            letters_demo.demo_extension(db, operator_id, rng, job)
            phases.mark("letters")
        # The search keys (and at county size the members) come last: a key
        # process sorts them meanwhile, on the core that the areas' demo data
        # leave idle (none of it searches or reads members).
        job.step(total, total, "search index")
        # Empty at the ANALYZE above: their statistics come with them.
        keys.copy(statistics=areas)
        phases.mark("search index")
    finally:
        keys.close()
    job.step(total, total, "done")
    return organizations, villages


def _places(db: Database, operator_id: str, rng: random.Random
            ) -> tuple[list[tuple[str, list[str]]], dict[str, str]]:
    """The county, the township, its villages and their groups: (village id,
    group ids) per village, and village names by id."""
    villages = []
    village_names: dict[str, str] = {}
    with db.atomic():  # one commit for all places, not one per place
        county = create_place(db, operator_id, level="county", code=COUNTY[0], name=COUNTY[1])
        township = create_place(db, operator_id, level="township", code=TOWNSHIP[0],
                                name=TOWNSHIP[1], parent_id=county["id"])
        for number, name in enumerate(VILLAGES, start=1):
            village = create_place(db, operator_id, level="village",
                                   code=f"{TOWNSHIP[0]}{200 + number:03d}", name=name,
                                   parent_id=township["id"])
            groups = [create_place(db, operator_id, level="village_group",
                                   code=f"{village['code']}-{g + 1:02d}", name=GROUP_NAMES[g],
                                   parent_id=village["id"])["id"]
                      for g in range(rng.randint(6, 12))]
            villages.append((village["id"], groups))
            village_names[village["id"]] = name
    return villages, village_names


class _KeysHere:
    """Search keys of a small demo: they wait in unindexed temp tables and go
    into their tables in one sorted INSERT ... SELECT at the end (SQLite's
    sorter): inserting them chunk by chunk would be a random B-tree insert
    per key, and sorting millions of tuples in Python is slower."""

    members_apart = False  # members are written by the writer, as the rows

    def __init__(self, db: Database):
        self.db = db
        db.execute("CREATE TEMP TABLE demo_search_key (key TEXT, sid INTEGER)")
        db.execute("CREATE TEMP TABLE demo_name_key (key TEXT, name TEXT)")

    def take(self, part: "_Chunk", written: set[str]) -> None:
        """A chunk's keys (``written``: names whose keys were taken before)."""
        self.db.conn.executemany("INSERT INTO temp.demo_search_key VALUES (?, ?)",
                                 zip(*part.number_keys, strict=True))
        self.db.conn.executemany("INSERT INTO temp.demo_name_key VALUES (?, ?)",
                                 _new_name_rows(part.name_keys, written))

    def worker_setup(self, tasks: int) -> tuple:
        return ()

    def finish(self) -> None:
        """In the load's transaction."""
        _sort_keys_in(self.db, "temp")
        self.close()

    def copy(self, statistics: bool) -> None:
        """After the load's transaction (nothing left to do: the keys went
        in with the load, before the statistics were made)."""

    def close(self) -> None:
        self.db.execute("DROP TABLE IF EXISTS temp.demo_search_key")
        self.db.execute("DROP TABLE IF EXISTS temp.demo_name_key")


def _sort_keys_in(db: Database, source: str) -> None:
    for table, columns in (("search_key", "key, sid"), ("name_key", "key, name")):
        db.execute(f"INSERT OR IGNORE INTO main.{table} ({columns}) "
                   f"SELECT {columns} FROM {source}.demo_{table} ORDER BY {columns}")


class _KeysApart:
    """Search keys of a large demo, sorted by a process of their own while
    this one writes rows and journal: some ten million keys at a million
    households, which cost this process more than a third of the build when
    it sorted them itself. The process builds ``search_key`` and ``name_key``
    in a side file next to the register, encrypted with a key of its own,
    and this process copies both tables in key order at the end (SQLite
    copies a table into an empty one of the same shape record by record,
    without sorting again). The side file is deleted whatever happens.

    The household members' table is built there too, with its indexes, and
    copied in the same way: this process is the one every step waits for
    (it alone writes the register), and writing the members, indexing them
    (two indexes on random keys) and taking them from the pipe cost it
    about 8 s at a million households, the copy 3 s (docs/benchmarks.md). The
    members join the register last, with the keys; nothing in the areas'
    demo data reads them, and their journal entries are written with the
    households' as before.
    """

    members_apart = True

    def __init__(self, db: Database):
        self.db = db
        self.members = 0  # journaled by this process; the copy must bring as many
        folder = Path(db.execute("PRAGMA main.database_list").fetchone()[2]).parent
        self.path = folder / f".demo-keys-{os.getpid()}-{id(self):x}.sqlite3"
        self.path.unlink(missing_ok=True)
        # Encrypted when the register is (a plain register is a test's).
        encrypted = bool(db.execute("PRAGMA cipher_version").fetchall())
        self.key = os.urandom(32).hex() if encrypted else None
        schema = [sql for (sql,) in db.execute(
            "SELECT sql FROM sqlite_master WHERE name IN ('search_key', 'name_key')")]
        # The members' table as the register has it, then its indexes: the
        # copy takes the fast path only into a table of the very same shape.
        members = [sql for (sql,) in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'household_member' "
            "AND sql IS NOT NULL ORDER BY type = 'index', name")]
        context = multiprocessing.get_context("spawn")
        # The generator processes put each chunk's keys here themselves: this
        # process would only unpickle and pickle them again. Bounded, so a
        # slow sorter holds the generators back instead of filling memory.
        self.queue = context.Queue(maxsize=6)
        self.pipe, child = context.Pipe()
        self.process = context.Process(target=_sort_keys_apart,
                                       args=(str(self.path), self.key, schema, members,
                                             self.queue, child), daemon=True)
        self.process.start()
        child.close()

    def take(self, part: "_Chunk", written: set[str]) -> None:
        """The chunk's generator process sent its keys and members."""
        self.members += len(part.member_ids)

    def worker_setup(self, tasks: int) -> tuple:
        """(initializer, initargs) of the generator processes: where they send
        keys, and how many chunks the key process is to wait for."""
        return _hand_keys_to, (self.queue, tasks)

    def finish(self) -> None:
        """In the load's transaction (the key process ends by itself after the
        last chunk's keys and sorts while indexes are built and the areas'
        demo data made)."""

    def copy(self, statistics: bool) -> None:
        """After the load's transaction (an attached file is locked by a
        transaction); with ``statistics``, the tables' statistics are
        copied too (the register's own are there already)."""
        try:
            answer = self.pipe.recv()
        except EOFError:
            answer = "the key process ended without a word"
        self.process.join()
        if answer != "done":
            raise RuntimeError(f"sorting the search keys failed: {answer}")
        if self.key:
            # Read in this version's page format: the key process wrote the
            # file as raw_connect writes a new one, and an ATTACH takes the
            # process's default, which db/connection.py sets to it.
            self.db.execute("ATTACH DATABASE ? AS demo_keys KEY ?",
                            [str(self.path), f"x'{self.key}'"])
        else:
            self.db.execute("ATTACH DATABASE ? AS demo_keys", [str(self.path)])
        # The copy's fast path is off while foreign keys are enforced; every
        # member's household is one this build wrote (see bulk_load's
        # check_references).
        self.db.execute("PRAGMA foreign_keys=OFF")
        try:
            with self.db.atomic():
                # Rows the areas' demo data added meanwhile (a few keys).
                here = {table: self.db.execute(f"SELECT count(*) FROM main.{table}").fetchone()[0]
                        for table in ("search_key", "name_key", "household_member")}
                for table in ("search_key", "name_key"):
                    self.db.execute(f"INSERT OR IGNORE INTO main.{table} "
                                    f"SELECT * FROM demo_keys.{table}")
                copied = self.db.execute("INSERT INTO main.household_member "
                                         "SELECT * FROM demo_keys.household_member").rowcount
                if copied != self.members:
                    raise RuntimeError(f"{copied} members built apart, {self.members} journaled")
                if statistics:
                    # Made by the key process from the very rows copied; the
                    # row count (a stat's first figure) counts those here too.
                    stats = []
                    for table, index, stat in self.db.execute(
                            f"SELECT tbl, idx, stat FROM demo_keys.sqlite_stat1 "
                            f"WHERE tbl IN {_APART}").fetchall():
                        rows, _, rest = stat.partition(" ")
                        stats.append((table, index, " ".join(
                            filter(None, (str(int(rows) + here[table]), rest)))))
                    self.db.execute(f"DELETE FROM main.sqlite_stat1 WHERE tbl IN {_APART}")
                    self.db.conn.executemany("INSERT INTO main.sqlite_stat1 VALUES (?, ?, ?)",
                                             stats)
        finally:
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("DETACH DATABASE demo_keys")
        if statistics:
            # The query planner reads the statistics tables with the schema:
            # this makes it read them again.
            self.db.execute("ANALYZE sqlite_schema")
        self.close()

    def close(self) -> None:
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.pipe.close()
        self.queue.close()
        self.path.unlink(missing_ok=True)


# The tables the key process builds.
_APART = "('search_key', 'name_key', 'household_member')"

# In a generator process: where chunks' keys go, and how many chunks there are.
_KEY_QUEUE = None
_KEY_TASKS = 0


def _hand_keys_to(queue, tasks: int) -> None:
    global _KEY_QUEUE, _KEY_TASKS
    _KEY_QUEUE, _KEY_TASKS = queue, tasks
    # A generator process ends without tearing its interpreter down: freeing
    # its caches of names and keys object by object took 0.6 s at 300,000
    # households, for which the writer waited. By the time the exit handlers
    # run, multiprocessing has flushed what the process sent.
    atexit.register(os._exit, 0)


def _with_keys(part: "_Chunk", names: set[str], seen: set[str] | None) -> "_Chunk":
    """The chunk's keys: sent to the key process if there is one, with the
    chunk's names that this process has not sent before, whose keys it makes
    (once for all generator processes: each of them meets nearly every name
    of a large township); else the name keys go into the chunk (``seen``:
    the names whose keys were made before)."""
    if _KEY_QUEUE is not None:
        # The number keys go as one string and an array of sids (a fifth of
        # the pickling of (key, sid) tuples, and the key process unpickles
        # two objects), the members pickled, so that the key process can
        # leave them so until the last chunk is in (see ``_sort_keys_apart``);
        # the members' table is built there too.
        new = names - _WORKER_SENT
        _WORKER_SENT.update(new)
        keys, sids = part.number_keys
        _KEY_QUEUE.put((_KEY_TASKS, ("\n".join(keys), array.array("q", sids)), new,
                        pickle.dumps(part.members, pickle.HIGHEST_PROTOCOL)))
        part.number_keys, part.members = ([], []), []
    else:
        part.name_keys = _name_keys(names, _WORKER_SEEN if seen is None else seen)
    return part


# Names a generator process has sent to the key process (each build has its
# own processes).
_WORKER_SENT: set[str] = set()


def _sort_keys_apart(path: str, key: str | None, schema: list[str], members: list[str], queue,
                     pipe) -> None:
    """The key process (``_KeysApart``): keys and members in as they come,
    sorted and indexed at the end (``members``: the members' table, then
    its indexes, as the register has them)."""
    from db.connection import raw_connect

    # No reference cycles are made here, and the collector's passes over the
    # names' keys cost a quarter of making them (1.5 s at a million
    # households); the process ends with its work.
    gc.disable()
    try:
        conn = raw_connect(path, key=bytes.fromhex(key) if key else None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-131072",
                       "temp_store=MEMORY"):
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("CREATE TEMP TABLE demo_search_key (key TEXT, sid INTEGER)")
        conn.execute("CREATE TEMP TABLE demo_name_key (key TEXT, name TEXT)")
        for sql in schema:
            conn.execute(sql)
        conn.execute(members[0])
        conn.execute("BEGIN")
        received, expected, names, number_parts, member_parts = 0, 1, set(), [], []
        while received < expected:
            expected, number_keys, chunk_names, chunk_members = queue.get()
            received += 1
            number_parts.append(number_keys)
            member_parts.append(chunk_members)
            names |= chunk_names
        # The chunks' number keys and the names' keys once every chunk is in:
        # until then this process shares the two cores with the generators
        # and the writer, which all wait for each other; after, the writer
        # works alone (indexes, the areas' demo data) and the other core is
        # this process's. A chunk's number keys take some 2 MB meanwhile.
        for keys, sids in number_parts:
            conn.executemany("INSERT INTO temp.demo_search_key VALUES (?, ?)",
                             zip(keys.split("\n") if keys else [], sids, strict=True))
        del number_parts
        # Members in id order (their ids ascend), so the primary key is
        # appended to; the other indexes sorted once all are in.
        for part in member_parts:
            conn.executemany(_INSERT_MEMBERS, pickle.loads(part))
        del member_parts
        for sql in members[1:]:
            conn.execute(sql)
        names, written, seen = list(names), set(), set()
        for start in range(0, len(names), 20_000):  # bounded memory
            conn.executemany("INSERT INTO temp.demo_name_key VALUES (?, ?)",
                             _new_name_rows(_name_keys(set(names[start:start + 20_000]), seen),
                                            written))
        db = Database(conn)
        _sort_keys_in(db, "temp")
        # Their statistics, made here on the other core: the building process
        # copies them with the tables (the same ANALYZE there cost it 0.7 s
        # at a million households, all of it on the path everything waits on).
        conn.execute("PRAGMA analysis_limit=1000")
        conn.execute("ANALYZE main")
        conn.execute("COMMIT")
        conn.close()
        pipe.send("done")
    except BaseException as error:  # noqa: BLE001 - reported to the building process
        pipe.send(f"{type(error).__name__}: {error}")
        raise


def _subjects(db: Database, operator_id: str, rng: random.Random, seed: int, villages,
              village_names: dict[str, str], households: int, organizations: int, job: Job,
              chunk: int, phases: _Phases, keys: "_KeysHere | _KeysApart") -> None:
    """Households, members and organizations in one bulk load, with their
    journal entries; their search keys are handed to ``keys``."""
    # A larger page cache keeps index work in memory; sorter threads let
    # SQLite build the indexes at the end on both cores.
    db.execute("PRAGMA cache_size=-262144")
    db.execute("PRAGMA threads=2")
    # Every reference is to a row made just before (places, subjects,
    # households, the demo operator), so the foreign-key check at the end (a
    # full scan of the journal) would find nothing; local rows never enter
    # the journal's partial index of rows from the county, and the indexes on
    # ids are appended to in order (``_id_step``).
    tables = [t for t in BULK_TABLES if not (keys.members_apart and t == "household_member")]
    with bulk_load(db, tables, keep=["journal_not_local", *_IN_ORDER],
                   check_references=False):
        _subject_rows(db, operator_id, rng, seed, villages, village_names, households,
                      organizations, job, chunk, phases, keys)
        keys.finish()
    phases.mark("indexes and commit")


# Indexes that the load writes in their own order (ids ascend with sids).
_IN_ORDER = ["subject_id", "household_id", "household_member_household", "organization_id",
             "journal_entity"]


def _parallel(households: int) -> bool:
    return households >= _PARALLEL_FROM and (os.cpu_count() or 1) >= 2


def _subject_rows(db: Database, operator_id: str, rng: random.Random, seed: int, villages,
                  village_names: dict[str, str], households: int, organizations: int, job: Job,
                  chunk: int, phases: _Phases, keys: _KeysHere | _KeysApart) -> None:
    total = households + organizations
    cs = ChangeSet(db, operator_id)
    first_sid = db.execute("SELECT COALESCE(MAX(sid), 0) FROM subject").fetchone()[0] + 1
    done = 0
    written: set[str] = set()  # names whose keys have been handed on
    shapes = (_table_columns(db, "household"), _table_columns(db, "household_member"))
    org_columns = tuple(c[0] for c in _table_columns(db, "organization")
                        if c[0] not in LOCAL_COLUMNS)
    insert_households = (f"INSERT INTO household ({', '.join(HOUSEHOLD_COLUMNS)}) "
                         f"VALUES ({', '.join('?' * len(HOUSEHOLD_COLUMNS))})")
    with CreatesInBulk(cs, ["household", "household_member", "organization"]) as journal:
        for part in _generated(seed, villages, village_names, cs.at, first_sid, households,
                               organizations, chunk, shapes, org_columns, keys):
            keys.take(part, written)
            if part.columns:  # the organizations
                phases.mark("households")
                db.conn.executemany(
                    "INSERT INTO subject (sid, id, kind) VALUES (?, ?, 'organization')",
                    [(r[0], r[1]) for r in part.rows])
                db.conn.executemany(f"INSERT INTO organization ({', '.join(part.columns)}) "
                                    f"VALUES ({', '.join('?' * len(part.columns))})", part.rows)
            else:
                db.conn.executemany(insert_households, part.rows)
                # From the rows just written (in the page cache): no binding
                # of a million values from Python.
                db.execute("INSERT INTO subject (sid, id, kind) SELECT sid, id, 'household' "
                           "FROM household WHERE sid BETWEEN ? AND ?",
                           [part.rows[0][0], part.rows[-1][0]])
                if part.members:  # else they went to the key process
                    db.conn.executemany(_INSERT_MEMBERS, part.members)
            # Each household's creation, then its members' (a member's
            # household exists before it wherever the journal is replayed).
            for entity, entries in part.journal_entries():
                journal.add(entity, entries)
            done += len(part.rows)
            job.step(min(done, total), total, "households")
    phases.mark("organizations")
    job.step(total, total, "indexes")
