"""Rating schemes (评价指标体系) as versioned TOML files.

A scheme names its dimensions, indicators (value bands or answer options and
their points), grade bands, veto items, the notice period and the credit
village and credit township criteria. ``parse`` refuses a bad file with the
line and the reason; ``install`` stores the exact text in the register so a
campaign keeps the version it started with, whatever is installed later.
Shipped defaults are in resources/rating_schemes/.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.errors import NotFound, UserError
from app.i18n import translate
from app.journal import ChangeSet, changes
from app.rating.inputs import SOURCES, fits
from app.resources import resource_path


class SchemeError(UserError):
    def __init__(self, reason: str, line: int | None = None, path: str = ""):
        self.reason = reason
        self.line = line
        where = path or translate("Rating", "scheme file")
        if line:
            text = translate("Rating", "{file}, line {line}: {reason}").format(
                file=where, line=line, reason=reason)
        else:
            text = translate("Rating", "{file}: {reason}").format(file=where, reason=reason)
        super().__init__(text)


@dataclass(frozen=True)
class Band:
    at_least: Decimal
    points: Decimal


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    points: Decimal


@dataclass(frozen=True)
class Indicator:
    key: str
    dimension: str
    name: str
    source: str | None
    bands: tuple[Band, ...] = ()
    options: tuple[Option, ...] = ()

    @property
    def automatic(self) -> bool:
        return self.source is not None

    @property
    def max_points(self) -> Decimal:
        values = [b.points for b in self.bands] + [o.points for o in self.options]
        return max(values) if values else Decimal(0)

    @property
    def scale(self) -> int:
        return SOURCES[self.source].scale if self.source else 1


@dataclass(frozen=True)
class Veto:
    key: str
    name: str
    source: str | None

    @property
    def automatic(self) -> bool:
        return self.source is not None


@dataclass(frozen=True)
class Grade:
    grade: str
    label: str
    min: Decimal
    credit_limit_yuan: int | None


@dataclass(frozen=True)
class Scheme:
    code: str
    version: str
    name: str
    notice_days: int
    dimensions: dict[str, str]
    indicators: tuple[Indicator, ...]
    vetoes: tuple[Veto, ...]
    grades: tuple[Grade, ...]  # highest first
    village: dict[str, Decimal]
    township: dict[str, Decimal]
    text: str = field(repr=False, default="")
    subject: str = "household"  # or organization: whom the scheme rates

    @property
    def total(self) -> Decimal:
        return sum((i.max_points for i in self.indicators), Decimal(0))

    @property
    def manual_indicators(self) -> list[Indicator]:
        return [i for i in self.indicators if not i.automatic]

    @property
    def sources(self) -> list[str]:
        keys = [i.source for i in self.indicators if i.source]
        keys += [v.source for v in self.vetoes if v.source]
        return list(dict.fromkeys(keys))

    def indicator(self, key: str) -> Indicator:
        return next(i for i in self.indicators if i.key == key)

    def grade_for(self, score: Decimal) -> str | None:
        for grade in self.grades:
            if score >= grade.min:
                return grade.grade
        return None

    def grade_label(self, grade: str | None) -> str:
        for g in self.grades:
            if g.grade == grade:
                return g.label
        if self.subject == "organization":
            return translate("Rating", "no grade")
        return translate("Rating", "not a credit household")


_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
VILLAGE_CRITERIA = ("min_credit_share", "min_on_time_rate", "max_npl_ratio")
TOWNSHIP_CRITERIA = ("min_credit_village_share", "min_on_time_rate", "max_npl_ratio")


def _line_of(text: str, key: str, value: str | None = None, after: int = 0) -> int | None:
    """The line where ``key = "value"`` (or the table ``[key]``) is written."""
    lines = text.splitlines()
    if value is None:
        pattern = re.compile(rf"^\s*(\[\[?\s*{re.escape(key)}\s*\]\]?|{re.escape(key)}\s*=)")
    else:
        pattern = re.compile(rf'^\s*{re.escape(key)}\s*=\s*["\']{re.escape(value)}["\']')
    for number, line in enumerate(lines[after:], start=after + 1):
        if pattern.search(line):
            return number
    return None


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    return None


def parse(text: str, path: str = "") -> Scheme:
    """A checked scheme from TOML text, or SchemeError with line and reason."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise SchemeError(translate("Rating", "not valid TOML ({detail})").format(detail=exc),
                          int(match.group(1)) if match else None, path) from None

    def fail(reason: str, line: int | None = None):
        raise SchemeError(reason, line, path)

    head = data.get("scheme")
    if not isinstance(head, dict):
        fail(translate("Rating", "the [scheme] table with code, version and name is missing"))
    head_line = _line_of(text, "scheme")
    for name in ("code", "version", "name"):
        if not isinstance(head.get(name), str) or not head[name].strip():
            fail(translate("Rating", "[scheme] needs a text value '{name}'").format(name=name),
                 head_line)
    subject = head.get("subject", "household")
    if subject not in ("household", "organization"):
        fail(translate("Rating", "[scheme] subject must be \"household\" or \"organization\""),
             _line_of(text, "subject"))
    notice_days = head.get("notice_days", 7)
    if not isinstance(notice_days, int) or isinstance(notice_days, bool) or not 1 <= notice_days <= 60:
        fail(translate("Rating", "notice_days must be a whole number of days from 1 to 60"),
             _line_of(text, "notice_days"))

    dimensions: dict[str, str] = {}
    for raw in data.get("dimensions", []):
        key = raw.get("key")
        line = _line_of(text, "key", str(key)) if key else _line_of(text, "dimensions")
        if not isinstance(key, str) or not _KEY.match(key):
            fail(translate("Rating", "a dimension needs a key of lower-case letters, digits and _"),
                 line)
        if key in dimensions:
            fail(translate("Rating", "dimension '{key}' is defined twice").format(key=key), line)
        if not isinstance(raw.get("name"), str):
            fail(translate("Rating", "dimension '{key}' needs a name").format(key=key), line)
        dimensions[key] = raw["name"]
    if not dimensions:
        fail(translate("Rating", "the scheme has no [[dimensions]]"))

    indicators: list[Indicator] = []
    seen: set[str] = set()
    for raw in data.get("indicators", []):
        key = raw.get("key")
        line = _line_of(text, "key", str(key)) if isinstance(key, str) else _line_of(text, "indicators")
        if not isinstance(key, str) or not _KEY.match(key):
            fail(translate("Rating", "an indicator needs a key of lower-case letters, digits and _"),
                 line)
        if key in seen:
            fail(translate("Rating", "indicator '{key}' is defined twice").format(key=key), line)
        seen.add(key)
        if raw.get("dimension") not in dimensions:
            fail(translate("Rating", "indicator '{key}': dimension '{dim}' is not one of the "
                                     "[[dimensions]] ({known})").format(
                key=key, dim=raw.get("dimension"), known=", ".join(dimensions)), line)
        if not isinstance(raw.get("name"), str):
            fail(translate("Rating", "indicator '{key}' needs a name").format(key=key), line)
        source = raw.get("source")
        if source is not None and source not in SOURCES:
            fail(translate("Rating", "indicator '{key}': unknown source '{source}'; known sources: "
                                     "{known}").format(key=key, source=source,
                                                       known=", ".join(SOURCES)), line)
        if source is not None and not fits(source, subject):
            fail(translate("Rating", "indicator '{key}': source '{source}' does not describe a "
                                     "{subject}").format(key=key, source=source, subject=subject),
                 line)
        bands_raw, options_raw = raw.get("bands"), raw.get("options")
        if (bands_raw is None) == (options_raw is None):
            fail(translate("Rating", "indicator '{key}' needs either bands or options (one of "
                                     "them)").format(key=key), line)
        if source is not None and options_raw is not None:
            fail(translate("Rating", "indicator '{key}': an automatic indicator uses bands, not "
                                     "options").format(key=key), line)
        bands: list[Band] = []
        options: list[Option] = []
        scale = SOURCES[source].scale if source else 1
        if bands_raw is not None:
            if not isinstance(bands_raw, list) or not bands_raw:
                fail(translate("Rating", "indicator '{key}': bands must be a non-empty list")
                     .format(key=key), line)
            for band in bands_raw:
                at_least = _number(band.get("at_least")) if isinstance(band, dict) else None
                points = _number(band.get("points")) if isinstance(band, dict) else None
                if at_least is None or points is None:
                    fail(translate("Rating", "indicator '{key}': every band needs numbers "
                                             "at_least and points").format(key=key), line)
                if (at_least * scale) != (at_least * scale).to_integral_value():
                    fail(translate("Rating", "indicator '{key}': band limit {value} is finer than "
                                             "the data (at most {digits} decimals)").format(
                        key=key, value=at_least, digits=len(str(scale)) - 1), line)
                if points < 0:
                    fail(translate("Rating", "indicator '{key}': points may not be negative")
                         .format(key=key), line)
                if bands and at_least <= bands[-1].at_least:
                    fail(translate("Rating", "indicator '{key}': bands must rise (at_least {value} "
                                             "comes after {previous})").format(
                        key=key, value=at_least, previous=bands[-1].at_least), line)
                bands.append(Band(at_least, points))
        else:
            if not isinstance(options_raw, list) or len(options_raw) < 2:
                fail(translate("Rating", "indicator '{key}': give at least two options")
                     .format(key=key), line)
            keys: set[str] = set()
            for option in options_raw:
                okey = option.get("key") if isinstance(option, dict) else None
                points = _number(option.get("points")) if isinstance(option, dict) else None
                if not isinstance(okey, str) or not _KEY.match(okey) or points is None \
                        or not isinstance(option.get("label"), str):
                    fail(translate("Rating", "indicator '{key}': every option needs key, label and "
                                             "points").format(key=key), line)
                if okey in keys:
                    fail(translate("Rating", "indicator '{key}': option '{option}' twice").format(
                        key=key, option=okey), line)
                if points < 0:
                    fail(translate("Rating", "indicator '{key}': points may not be negative")
                         .format(key=key), line)
                keys.add(okey)
                options.append(Option(okey, option["label"], points))
        indicators.append(Indicator(key, raw["dimension"], raw["name"], source,
                                    tuple(bands), tuple(options)))
    if not indicators:
        fail(translate("Rating", "the scheme has no [[indicators]]"))

    vetoes: list[Veto] = []
    for raw in data.get("vetoes", []):
        key = raw.get("key")
        line = _line_of(text, "key", str(key)) if isinstance(key, str) else _line_of(text, "vetoes")
        if not isinstance(key, str) or not _KEY.match(key) or not isinstance(raw.get("name"), str):
            fail(translate("Rating", "a veto item needs a key and a name"), line)
        if key in seen:
            fail(translate("Rating", "key '{key}' is used twice").format(key=key), line)
        seen.add(key)
        source = raw.get("source")
        if source is not None and source not in SOURCES:
            fail(translate("Rating", "veto '{key}': unknown source '{source}'; known sources: "
                                     "{known}").format(key=key, source=source,
                                                       known=", ".join(SOURCES)), line)
        if source is not None and not fits(source, subject):
            fail(translate("Rating", "veto '{key}': source '{source}' does not describe a "
                                     "{subject}").format(key=key, source=source, subject=subject),
                 line)
        vetoes.append(Veto(key, raw["name"], source))

    grades: list[Grade] = []
    for raw in data.get("grades", []):
        name = raw.get("grade")
        line = _line_of(text, "grade", str(name)) if isinstance(name, str) else _line_of(text, "grades")
        minimum = _number(raw.get("min"))
        if not isinstance(name, str) or not name or minimum is None \
                or not isinstance(raw.get("label"), str):
            fail(translate("Rating", "a grade needs grade, label and min"), line)
        limit = raw.get("credit_limit_yuan")
        if limit is not None and (not isinstance(limit, int) or limit < 0):
            fail(translate("Rating", "grade '{grade}': credit_limit_yuan must be a whole number of "
                                     "yuan").format(grade=name), line)
        if grades and minimum >= grades[-1].min:
            fail(translate("Rating", "grades go from the highest down: '{grade}' (min {min}) must "
                                     "be below '{previous}' (min {previous_min})").format(
                grade=name, min=minimum, previous=grades[-1].grade,
                previous_min=grades[-1].min), line)
        grades.append(Grade(name, raw["label"], minimum, limit))
    if not grades:
        fail(translate("Rating", "the scheme has no [[grades]]"))
    total = sum((i.max_points for i in indicators), Decimal(0))
    if grades[0].min > total:
        fail(translate("Rating", "grade '{grade}' needs {min} points but the indicators give at "
                                 "most {total}").format(grade=grades[0].grade, min=grades[0].min,
                                                        total=total),
             _line_of(text, "grade", grades[0].grade))

    def criteria(table: str, names: tuple[str, ...]) -> dict[str, Decimal]:
        raw = data.get(table)
        if raw is None and subject != "household":
            return {}  # credit villages are counted from households only
        if not isinstance(raw, dict):
            fail(translate("Rating", "the [{table}] table is missing").format(table=table))
        out = {}
        for name in names:
            value = _number(raw.get(name))
            if value is None or not 0 <= value <= 1:
                fail(translate("Rating", "[{table}] {name} must be a share between 0 and 1 (e.g. "
                                         "0.70)").format(table=table, name=name),
                     _line_of(text, name) or _line_of(text, table))
            out[name] = value
        return out

    return Scheme(
        code=head["code"].strip(), version=head["version"].strip(), name=head["name"].strip(),
        notice_days=notice_days, dimensions=dimensions, indicators=tuple(indicators),
        vetoes=tuple(vetoes), grades=tuple(grades),
        village=criteria("credit_village", VILLAGE_CRITERIA),
        township=criteria("credit_township", TOWNSHIP_CRITERIA), text=text, subject=subject,
    )


def load_file(path: str | Path) -> Scheme:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SchemeError(translate("Rating", "the file is not UTF-8 text"), None, path.name) from None
    except OSError as exc:
        raise SchemeError(str(exc), None, path.name) from None
    return parse(text, path.name)


def shipped_files() -> list[Path]:
    return sorted(resource_path("rating_schemes").glob("*.toml"))


# ------------------------------------------------------------------ register

def install_text(cs: ChangeSet, text: str, path: str = "") -> dict[str, Any]:
    """Store a checked scheme; the same version twice is refused unless identical."""
    scheme = parse(text, path)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    existing = cs.db.execute(
        "SELECT id, sha256 FROM rating_scheme WHERE code = ? AND scheme_version = ?",
        [scheme.code, scheme.version]).fetchone()
    if existing:
        if existing[1] == digest:
            return cs.get("rating_scheme", existing[0])
        raise SchemeError(translate(
            "Rating", "version {version} of scheme '{code}' is already installed with different "
                      "content. Campaigns may use it, so it cannot change: give your file a new "
                      "version (e.g. {version}-1) and install that.").format(
            version=scheme.version, code=scheme.code), _line_of(text, "version"), path)
    return cs.insert("rating_scheme", {
        "code": scheme.code, "scheme_version": scheme.version, "name": scheme.name,
        "source_text": text, "sha256": digest,
    })


def install_file(db: Database, operator_id: str, path: str | Path) -> dict[str, Any]:
    path = Path(path)
    load_file(path)  # readable errors for unreadable files
    with changes(db, operator_id) as cs:
        return install_text(cs, path.read_text(encoding="utf-8"), path.name)


def ensure_shipped(db: Database, operator_id: str) -> None:
    """Install the shipped default schemes that are not installed yet."""
    have = {r[0] for r in db.execute("SELECT sha256 FROM rating_scheme")}
    todo = [p for p in shipped_files()
            if hashlib.sha256(p.read_bytes()).hexdigest() not in have]
    if todo:
        with changes(db, operator_id) as cs:
            for path in todo:
                install_text(cs, path.read_text(encoding="utf-8"), path.name)


def installed(db: Database) -> list[dict[str, Any]]:
    return list(db.query(
        "SELECT id, code, scheme_version, name, created_at FROM rating_scheme "
        "ORDER BY code, created_at DESC"))


def latest(db: Database, code: str = "household") -> dict[str, Any]:
    row = next(db.query("SELECT * FROM rating_scheme WHERE code = ? ORDER BY created_at DESC, "
                        "scheme_version DESC LIMIT 1", [code]), None)
    if row is None:
        raise NotFound(translate("Rating", "No rating scheme '{code}' is installed.").format(code=code))
    return row


_cache: dict[str, Scheme] = {}


def scheme_by_id(db: Database, scheme_id: str) -> Scheme:
    row = db.execute("SELECT source_text, sha256 FROM rating_scheme WHERE id = ?",
                     [scheme_id]).fetchone()
    if row is None:
        raise NotFound(translate("Rating", "The rating scheme no longer exists."))
    if row[1] not in _cache:
        _cache[row[1]] = parse(row[0])
    return _cache[row[1]]
