"""First start: an empty register for one township."""

from __future__ import annotations

import unicodedata

from app.errors import FieldError, ValidationFailed
from app.i18n import translate
from app.paths import DataDir
from app.register import create_place, home_township
from app.store import open_data_dir
from app.users import default_operator_id


def clean_township_code(raw: str) -> str:
    """A township's 9-digit division code; the 12-digit form ending in 000 is accepted."""
    code = unicodedata.normalize("NFKC", str(raw or "")).strip().replace(" ", "")
    if len(code) == 12 and code.isdigit() and code.endswith("000"):
        code = code[:9]
    if not (len(code) == 9 and code.isdigit()):
        raise ValidationFailed([FieldError("code", translate(
            "Setup", "A township division code has 9 digits (county 6 + township 3), "
                     "e.g. 510623105."))])
    return code


def create_township_register(data: DataDir, *, code: str, name: str,
                             county_name: str = "") -> dict:
    """Create the register file with its county and township; returns the township.

    Refuses if a register with households already exists in ``data``.
    """
    errors = []
    try:
        code = clean_township_code(code)
    except ValidationFailed as exc:
        errors += exc.errors
    name = unicodedata.normalize("NFC", str(name or "")).strip()
    if not name:
        errors.append(FieldError("name", translate("Setup", "Enter the township's name.")))
    if errors:
        raise ValidationFailed(errors)
    county_name = unicodedata.normalize("NFC", str(county_name or "")).strip() or translate(
        "Setup", "County {code}").format(code=code[:6])
    db = open_data_dir(data)
    try:
        existing = home_township(db)
        if existing:
            raise ValidationFailed([FieldError("code", translate(
                "Setup", "This data folder already has a register for {name}.").format(
                    name=existing["name"]))])
        operator = default_operator_id(db)
        with db.atomic():
            county = create_place(db, operator, level="county", code=code[:6], name=county_name)
            township = create_place(db, operator, level="township", code=code, name=name,
                                    parent_id=county["id"])
        return township
    finally:
        db.close()
