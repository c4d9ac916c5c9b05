"""What a credit report's QR code says, signed, and how it is checked.

The QR code holds one line that ``credit-desk verify-report``, the desktop
app's verify field and its search box all accept as it is::

    CREDIT-DESK-REPORT/1 no=XYBG-20261206-0001 code=7K3M-Q9XA date=2026-12-06
    subject=王*国 id=510***********123X grade=AA lists=无 records=3/1/2
    key=1a2b3c4d5e6f7a8b sig=<Ed25519 signature, base64url>

(one line; wrapped here). The fields are the facts the report printed: its
number and verification code, the date of issue, the subject (name and
number masked), the current grade, the list status and the counts of
records by polarity (positive/negative/basic). ``sig`` is the township's
Ed25519 signature (the device key the county knows from enrolment,
app/sync) over the UTF-8 bytes of everything before `` sig=``, so a bank can
check a paper report offline: altered facts, or facts not signed by a known
township key, fail. ``key`` is the key id (first 16 hex of the SHA-256 of
the raw public key), which names the key without trusting the paper.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.i18n import translate
from app.paths import DataDir
from app.sync import keys, outbox

PREFIX = "CREDIT-DESK-REPORT/1"
LEGACY_PREFIX = "CREDIT-DESK-VERIFY"
FIELDS = ("no", "code", "date", "subject", "id", "grade", "lists", "records", "key")
SIG = " sig="
# Signed values are data, the same whatever the screen language: the paper
# and the verifier page are Chinese.
NOT_RATED = "未评定"
NOT_CREDIT_HOUSEHOLD = "非信用户"
NO_LIST = "无"


def mask_name(name: str) -> str:
    """王*国, 李*: enough for a bank to see it is the person before it; spaces go."""
    name = "".join((name or "").split())
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _clean(value: Any) -> str:
    text = "".join(str(value if value is not None else "").split())
    return text or "-"


def signed_facts(meta: dict[str, Any], content: dict[str, Any]) -> dict[str, str]:
    """The facts a report prints that its QR code carries (all text, no spaces)."""
    counts = content["counts"]
    current = content.get("current_rating") or {}
    listed = content["list_status"]["labels"] if content["list_status"]["listed"] else []
    return {
        "no": _clean(meta["number"]),
        "code": _clean(meta["verify_code"]),
        "date": _clean(meta["issued_on"]),
        "subject": _clean(mask_name(content["name"]) if content["kind"] == "household"
                          else content["name"]),
        "id": _clean(content["number_masked"]),
        "grade": _clean(grade_text(current)),
        "lists": _clean("、".join(listed) or NO_LIST),
        "records": f"{counts['positive']}/{counts['negative']}/{counts['neutral']}",
    }


def grade_text(current: dict[str, Any] | None) -> str:
    """The current grade as printed: the grade, "not a credit household", or "not rated"."""
    if not current:
        return NOT_RATED
    return current.get("grade") or NOT_CREDIT_HOUSEHOLD


def message_bytes(facts: dict[str, str], key_id: str) -> bytes:
    parts = [PREFIX] + [f"{name}={facts[name]}" for name in FIELDS[:-1]] + [f"key={key_id}"]
    return " ".join(parts).encode("utf-8")


def qr_text(facts: dict[str, str], private_key) -> str:
    """The signed line the QR code holds."""
    key_id = keys.key_id(keys.raw_public(private_key))
    message = message_bytes(facts, key_id)
    return message.decode("utf-8") + SIG + _b64url(private_key.sign(message))


@dataclass
class Scanned:
    """A QR line taken apart (``fields`` without ``sig``)."""

    fields: dict[str, str]
    message: bytes
    signature: bytes | None


def parse(text: str) -> Scanned | None:
    """The fields of a signed QR line, or None if ``text`` is not one."""
    text = (text or "").strip()
    if not text.startswith(PREFIX + " "):
        return None
    body, _, sig = text.partition(SIG)
    fields = {}
    for part in body[len(PREFIX) + 1:].split(" "):
        name, eq, value = part.partition("=")
        if not eq or name not in FIELDS:
            return None
        fields[name] = value
    if set(fields) != set(FIELDS):
        return None
    try:
        signature = _unb64url(sig) if sig else None
    except ValueError:
        signature = None
    return Scanned(fields, body.encode("utf-8"), signature)


def code_in(text: str) -> str:
    """The verification code (or report number) in whatever was scanned or typed:
    a signed QR line, the old "CREDIT-DESK-VERIFY <number> <code>" line, or the
    code itself."""
    text = (text or "").strip()
    scanned = parse(text)
    if scanned is not None:
        return scanned.fields["code"]
    if text.startswith(LEGACY_PREFIX):
        parts = text.split()
        return parts[-1] if len(parts) >= 2 else ""
    return text


def looks_like_report_qr(text: str) -> bool:
    text = (text or "").strip()
    return text.startswith(PREFIX) or text.startswith(LEGACY_PREFIX)


# ------------------------------------------------------------ keys

def data_dir_of(db: Database) -> DataDir:
    """The data folder the register lives in (the device key is kept beside it)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return DataDir(Path(row[2]).parent)


def township_key(db: Database):
    """This township's Ed25519 signing key: the device key that the county
    knows from enrolment (made on first use, as sync does)."""
    return outbox.device_key(data_dir_of(db))


def own_public_key(db: Database) -> dict[str, str]:
    """{"key_id", "public", "name"} of this township's key, for the verifier page."""
    from app.documents import office_name

    raw = keys.raw_public(township_key(db))
    return {"key_id": keys.key_id(raw), "public": keys.b64(raw), "name": office_name(db)}


def trusted_keys(db: Database | None, extra: list[str] | None = None) -> dict[str, dict]:
    """Keys a signature may come from: this township's, plus public keys
    given as base64 (``--key``) or key files (a county's list)."""
    found: dict[str, dict] = {}
    if db is not None:
        own = own_public_key(db)
        found[own["key_id"]] = own
    for item in extra or []:
        path = Path(item)
        text = path.read_text(encoding="utf-8").strip() if path.is_file() else item.strip()
        for line in text.splitlines():
            value = line.split()[-1] if line.split() else ""
            try:
                raw = keys.unb64(value)
            except ValueError:
                continue
            if len(raw) == 32:
                kid = keys.key_id(raw)
                found[kid] = {"key_id": kid, "public": value, "name": " ".join(line.split()[:-1])}
    return found


def check_signature(scanned: Scanned, trusted: dict[str, dict]) -> tuple[bool, str]:
    """(valid, why): the signature over the fields, by a trusted key."""
    key = trusted.get(scanned.fields["key"])
    if key is None:
        return False, translate("Report", "it is signed by a key this computer does not know "
                                          "({key})").format(key=scanned.fields["key"])
    if scanned.signature is None or not keys.verify(
            key["public"], keys.b64(scanned.signature), scanned.message):
        return False, translate("Report", "the signature does not match the printed facts "
                                          "(they have been changed)")
    return True, key.get("name") or scanned.fields["key"]


def facts_sentence(fields: dict[str, str]) -> str:
    positive, negative, neutral = (fields.get("records") or "0/0/0").split("/")
    return translate(
        "Report", "subject {subject} ({id}), issued on {date}, current grade {grade}, lists: "
                  "{lists}, records: {positive} positive, {negative} negative, {neutral} basic"
    ).format(subject=fields["subject"], id=fields["id"], date=fields["date"],
             grade=fields["grade"], lists=fields["lists"], positive=positive,
             negative=negative, neutral=neutral)


def verify_offline(text: str, trusted: dict[str, dict]) -> dict[str, Any]:
    """Check a scanned QR line without the register: is it signed by a trusted key?"""
    scanned = parse(text)
    if scanned is None:
        return {"found": False, "genuine": False, "signature_valid": False, "message": translate(
            "Report", "This is not the QR code of a credit report (or it was cut short).")}
    valid, why = check_signature(scanned, trusted)
    facts = facts_sentence(scanned.fields)
    if valid:
        message = translate("Report", "Report {number}: the signature of {signer} is valid. "
                                      "The report must say: {facts}.")
    else:
        message = translate("Report", "Report {number} is NOT genuine: {why}.")
    return {"found": True, "genuine": valid, "signature_valid": valid, "facts": scanned.fields,
            "message": message.format(number=scanned.fields["no"], signer=why, facts=facts,
                                      why=why)}


def scan_image(path: str) -> str:
    """The text of the QR code in an image (a photo or scan of the report)."""
    import zxingcpp
    from PIL import Image

    from app.errors import UserError

    with Image.open(path) as image:
        codes = zxingcpp.read_barcodes(image.convert("L"),
                                       formats=zxingcpp.BarcodeFormat.QRCode)
    for code in codes:
        if looks_like_report_qr(code.text):
            return code.text
    raise UserError(translate("Report", "No credit report QR code was found in {path}. Scan "
                                        "the report again, flat and in focus.").format(path=path))


def write_verifier_page(db: Database | None, path: str, extra_keys: list[str] | None = None
                        ) -> Path:
    """The offline HTML verifier (resources/verifier) with the trusted keys in it."""
    import json

    from app.resources import resource_path

    template = resource_path("verifier", "verify-report.html").read_text(encoding="utf-8")
    trusted = trusted_keys(db, extra_keys)
    data = json.dumps(trusted, ensure_ascii=False).replace("</", "<\\/")
    marker = '<script type="application/json" id="trusted-keys">{}</script>'
    page = template.replace(marker, marker.replace("{}", data))
    out = Path(path)
    out.write_text(page, encoding="utf-8")
    return out
