"""First start: an empty register for one township."""

from __future__ import annotations

import contextlib
import unicodedata

from app import keystore
from app.accounts.auth import create_first_admin
from app.errors import FieldError, UserError, ValidationFailed
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


def create_township_register(data: DataDir, *, code: str, name: str, admin: str,
                             password: str, admin_name: str = "",
                             county_name: str = "") -> dict:
    """Create the encrypted register with its county, township and first administrator.

    The administrator's password wraps the register's data key
    (app/keystore.py); the returned township carries ``recovery_key``, to
    show once (printed and locked away). Refuses if a register already
    exists in ``data``; a register whose creation failed (a password the
    policy refuses) is removed again, so the folder stays empty.
    """
    errors = []
    if not (admin or "").strip():
        errors.append(FieldError("username", translate(
            "Setup", "Enter the first administrator's user name.")))
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
    if data.exists():
        existing = None
        with contextlib.suppress(UserError):  # the township's name, if this password opens it
            keystore.unlock(data, admin, password)
            db = open_data_dir(data)
            try:
                existing = home_township(db)
            finally:
                db.close()
        raise ValidationFailed([FieldError("code", translate(
            "Setup", "This data folder already has a register for {name}.").format(
                name=existing["name"] if existing else data.root))])
    recovery = keystore.create_register(
        data, {unicodedata.normalize("NFKC", admin).strip(): password})
    try:
        db = open_data_dir(data)
        try:
            operator = default_operator_id(db)
            create_first_admin(db, admin, admin_name, password)
            with db.atomic():
                county = create_place(db, operator, level="county", code=code[:6],
                                      name=county_name)
                township = create_place(db, operator, level="township", code=code, name=name,
                                        parent_id=county["id"])
        finally:
            db.close()
    except BaseException:
        keystore.forget(data)
        for path in (data.register, keystore.keys_path(data),
                     *(data.register.with_name(data.register.name + s) for s in ("-wal", "-shm"))):
            path.unlink(missing_ok=True)
        raise
    return {**township, "recovery_key": recovery}
