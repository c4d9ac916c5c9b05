"""Letter templates (承诺书模板): versioned text with placeholders.

Shipped templates are TOML files in ``resources/letters/``; they are copied
into the register (``letter_template``) the first time letters are used, so
a template version, once stored, never changes. An administrator's edit adds
the next version. A letter keeps its template version and the placeholder
values it was printed with (its snapshot), so it can be printed again exactly.

Placeholders are ``{name}``; a template naming an unknown placeholder is
refused with the name in the message.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tomllib
from typing import Any

from sqlite_utils import Database

from app.documents import chinese_date, default_office_name, office_name
from app.errors import NotFound, UserError
from app.i18n import translate
from app.journal import changes, new_id
from app.resources import resource_path

LETTER_TYPES = ("farmer_credit", "approval_replacement", "missing_documents",
                "voluntary_public", "industry_self_discipline", "credit_repair")
SUBJECT_KINDS = ("household", "organization", "any")
DEFAULT_TEMPLATE = "farmer-credit"
DEFAULT_ORGANIZATION_TEMPLATE = "voluntary-public"

_PLACEHOLDER = re.compile(r"\{([^{}\n]*)\}")
TEXT_FIELDS = ("title", "body", "consent", "purpose")


def placeholders() -> dict[str, str]:
    """Every placeholder a template may use, with what it stands for."""
    return {
        "committer_name": translate("Letters", "committer: head of household or organization name"),
        "id_label": translate("Letters", "what the number is: ID number or USCC"),
        "id_number": translate("Letters", "ID number of the head, or the organization's USCC"),
        "legal_rep": translate("Letters", "legal representative (organizations)"),
        "phone": translate("Letters", "phone"),
        "address": translate("Letters", "address"),
        "county": translate("Letters", "county"),
        "township": translate("Letters", "township"),
        "village": translate("Letters", "village"),
        "village_group": translate("Letters", "village group"),
        "issuer": translate("Letters", "the township credit office that issues the letter"),
        "self_reference": translate("Letters", "how the committer names itself: 本人 (a person) "
                                               "or 本单位 (an organization)"),
        "purpose": translate("Letters", "the purpose stated in the template"),
        "year": translate("Letters", "year the letter was issued"),
        "date": translate("Letters", "date the letter was issued"),
        "letter_number": translate("Letters", "the letter's number"),
    }


def letter_type_label(letter_type: str) -> str:
    return {
        "farmer_credit": translate("Letters", "Farmer's credit commitment"),
        "approval_replacement": translate("Letters", "Approval replacement"),
        "missing_documents": translate("Letters", "Accept with missing documents"),
        "voluntary_public": translate("Letters", "Voluntary public commitment"),
        "industry_self_discipline": translate("Letters", "Industry self-discipline"),
        "credit_repair": translate("Letters", "Credit repair"),
    }.get(letter_type, letter_type)


class TemplateError(UserError):
    pass


def used_placeholders(text: str) -> list[str]:
    return list(dict.fromkeys(m.group(1) for m in _PLACEHOLDER.finditer(text)))


def check_template(fields: dict[str, str]) -> None:
    """Raise TemplateError naming any unknown placeholder or a missing title/body."""
    known = placeholders()
    for field in TEXT_FIELDS:
        text = fields.get(field) or ""
        unknown = [name for name in used_placeholders(text) if name not in known]
        if field == "purpose":
            unknown += [name for name in used_placeholders(text) if name == "purpose"]
        if unknown:
            raise TemplateError(translate(
                "Letters", "The template's {field} uses the unknown placeholder(s) {names}. "
                           "Use only: {known}.").format(
                field=_field_label(field), names="、".join("{" + n + "}" for n in unknown),
                known=" ".join("{" + n + "}" for n in known)))
        if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
            raise TemplateError(translate(
                "Letters", "The template's {field} has an unmatched brace {{ or }}.").format(
                field=_field_label(field)))
    for field in ("title", "body"):
        if not (fields.get(field) or "").strip():
            raise TemplateError(translate("Letters", "The template needs a {field}.").format(
                field=_field_label(field)))


def _field_label(field: str) -> str:
    return {
        "title": translate("Letters", "title"),
        "body": translate("Letters", "body"),
        "consent": translate("Letters", "personal-information consent"),
        "purpose": translate("Letters", "purpose"),
    }.get(field, field)


def fill(text: str, values: dict[str, str]) -> str:
    """Replace placeholders; values missing from a snapshot print as blank lines."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1)) or "＿＿＿＿"), text)


def filled(template: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
    """The letter's text: title, body paragraphs, consent paragraphs."""
    values = dict(values)
    values["purpose"] = fill(template.get("purpose") or "", values)
    paragraphs = [p.strip() for p in fill(template["body"], values).splitlines() if p.strip()]
    consent = [p.strip() for p in fill(template.get("consent") or "", values).splitlines()
               if p.strip()]
    return {"title": fill(template["title"], values).strip(), "body": paragraphs,
            "consent": consent}


def text_hash(text: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(text, ensure_ascii=False, sort_keys=True)
                          .encode("utf-8")).hexdigest()


# ------------------------------------------------------------ shipped files

def shipped_templates() -> list[dict[str, Any]]:
    out = []
    for path in sorted(resource_path("letters", "templates").glob("*.toml")):
        with open(path, "rb") as f:
            data = tomllib.load(f)
        data["template_version"] = int(data.pop("version"))
        for field in TEXT_FIELDS:
            data[field] = (data.get(field) or "").strip()
        check_template(data)
        out.append(data)
    return out


def ensure_templates(db: Database, operator_id: str) -> int:
    """Store shipped template versions not yet in the register; returns how many."""
    have = {(r["name"], r["template_version"]) for r in db.query(
        "SELECT name, template_version FROM letter_template")}
    newest = {}
    for name, version in have:
        newest[name] = max(newest.get(name, 0), version)
    rows = [t for t in shipped_templates()
            if (t["name"], t["template_version"]) not in have
            and t["template_version"] > newest.get(t["name"], 0)]
    if not rows:
        return 0
    with changes(db, operator_id) as cs:
        for t in rows:
            cs.insert("letter_template", {
                "id": new_id(), "name": t["name"], "template_version": t["template_version"],
                "letter_type": t["letter_type"], "subject_kind": t["subject_kind"],
                "title": t["title"], "body": t["body"], "consent": t.get("consent", ""),
                "purpose": t.get("purpose", ""), "source": "shipped", "note": None})
    return len(rows)


# ------------------------------------------------------------ stored versions

def templates(db: Database) -> list[dict[str, Any]]:
    """The newest version of each template, by name."""
    return list(db.query("""
        SELECT t.* FROM letter_template t
        WHERE t.template_version = (SELECT MAX(template_version) FROM letter_template u
                                    WHERE u.name = t.name)
        ORDER BY CASE t.name WHEN 'farmer-credit' THEN 0 ELSE 1 END, t.name"""))


def current_template(db: Database, name: str) -> dict[str, Any]:
    cursor = db.execute(
        "SELECT * FROM letter_template WHERE name = ? ORDER BY template_version DESC LIMIT 1",
        [name])
    row = cursor.fetchone()
    if row is None:
        names = "、".join(r["name"] for r in templates(db))
        raise NotFound(translate("Letters", "No letter template named {name}. Templates: {names}.")
                       .format(name=name, names=names))
    return dict(zip([d[0] for d in cursor.description], row))


def get_template(db: Database, template_id: str) -> dict[str, Any]:
    cursor = db.execute("SELECT * FROM letter_template WHERE id = ?", [template_id])
    row = cursor.fetchone()
    if row is None:
        raise NotFound(translate("Letters", "No such letter template version."))
    return dict(zip([d[0] for d in cursor.description], row))


def template_history(db: Database, name: str) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM letter_template WHERE name = ? "
                         "ORDER BY template_version DESC", [name]))


def save_template(db: Database, operator_id: str, name: str, fields: dict[str, str],
                  note: str | None = None) -> dict[str, Any]:
    """Store an edited template as the next version (returns it, or the current
    version unchanged when nothing differs). Unknown placeholders are refused."""
    current = current_template(db, name)
    clean = {f: (fields.get(f, current[f]) or "").strip() for f in TEXT_FIELDS}
    check_template(clean)
    if all(clean[f] == (current[f] or "") for f in TEXT_FIELDS):
        return current
    from app.pdf_fonts import check_printable  # the text must print, too

    check_printable("".join(clean.values()), translate("Letters", "the template"))
    with changes(db, operator_id) as cs:
        return cs.insert("letter_template", {
            "id": new_id(), "name": name, "template_version": current["template_version"] + 1,
            "letter_type": current["letter_type"], "subject_kind": current["subject_kind"],
            **clean, "source": "edited", "note": note})


# ------------------------------------------------------------ placeholder values

def _chinese_date(day: dt.date) -> str:
    return chinese_date(day)


def issuer_name(township: str | None) -> str:
    return default_office_name(township)


def subject_values(db: Database, subject_id: str, *, number: str = "",
                   today: dt.date | None = None) -> dict[str, str]:
    """Placeholder values for one subject, read from the register now."""
    today = today or dt.date.today()
    rows = subjects_values(db, [subject_id], today=today)
    if not rows:
        raise NotFound(translate("Letters", "No such household or organization; it may have been deleted."))
    values = rows[subject_id]
    values["letter_number"] = number
    return values


_SUBJECT_SQL = """
    SELECT s.id AS subject_id, s.kind AS kind,
           COALESCE(h.head_name, o.name) AS committer_name,
           COALESCE(h.head_id_number, o.uscc) AS id_number,
           o.legal_rep_name AS legal_rep,
           COALESCE(h.phone, o.phone) AS phone,
           COALESCE(h.address, o.address) AS address,
           v.id AS village_id, v.name AS village, v.code AS village_code,
           g.name AS village_group, t.name AS township, c.name AS county
    FROM subject s
    LEFT JOIN household h ON h.sid = s.sid
    LEFT JOIN organization o ON o.sid = s.sid
    JOIN place v ON v.id = COALESCE(h.village_id, o.village_id)
    LEFT JOIN place g ON g.id = h.group_id
    LEFT JOIN place t ON t.id = v.parent_id
    LEFT JOIN place c ON c.id = t.parent_id
"""


def subjects_values(db: Database, subject_ids: list[str], *,
                    today: dt.date | None = None, issuer: str | None = None
                    ) -> dict[str, dict[str, str]]:
    """Placeholder values per subject; ``issuer`` defaults to the configured office."""
    today = today or dt.date.today()
    issuer = issuer or office_name(db)
    out: dict[str, dict[str, str]] = {}
    for start in range(0, len(subject_ids), 500):
        chunk = subject_ids[start:start + 500]
        sql = _SUBJECT_SQL + f" WHERE s.id IN ({','.join('?' * len(chunk))})"
        for row in db.query(sql, chunk):
            out[row["subject_id"]] = _values_from_row(row, today, issuer)
    return out


def _values_from_row(row: dict[str, Any], today: dt.date, issuer: str) -> dict[str, str]:
    household = row["kind"] == "household"
    return {
        "kind": row["kind"],
        "village_id": row["village_id"],
        "village_code": row["village_code"],
        "committer_name": row["committer_name"] or "",
        "id_label": (translate("Letters", "ID number") if household
                     else translate("Letters", "Unified social credit code")),
        "id_number": row["id_number"] or "",
        "legal_rep": row["legal_rep"] or "",
        "phone": row["phone"] or "",
        "address": row["address"] or "",
        "county": row["county"] or "",
        "township": row["township"] or "",
        "village": row["village"] or "",
        "village_group": row["village_group"] or "",
        "issuer": issuer,
        "self_reference": "本人" if household else "本单位",
        "year": str(today.year),
        "date": _chinese_date(today),
    }


def sample_values(kind: str = "household") -> dict[str, str]:
    """Made-up values for a template preview."""
    household = kind != "organization"
    return {
        "kind": "household" if household else "organization",
        "committer_name": "王建国" if household else "中江县绿源水稻种植专业合作社",
        "id_label": (translate("Letters", "ID number") if household
                     else translate("Letters", "Unified social credit code")),
        "id_number": "510623198003150017" if household else "93510623MA6234567X",
        "legal_rep": "" if household else "李桂芳",
        "phone": "13800001234",
        "address": "石泉镇青龙村三组18号",
        "county": "中江县", "township": "石泉镇", "village": "青龙村",
        "village_group": "三组" if household else "",
        "issuer": issuer_name("石泉镇"),
        "self_reference": "本人" if household else "本单位",
        "year": str(dt.date.today().year),
        "date": _chinese_date(dt.date.today()),
        "letter_number": "510623105201-{}-0001".format(dt.date.today().year),
    }
