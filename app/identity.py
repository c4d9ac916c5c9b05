"""Identity numbers: resident ID (GB 11643), USCC (GB 32100) and phones.

Check digits come from python-stdnum; this module adds what officials need
around them: tolerant clean-up of typed input, the 15-to-18 conversion, the
birth date and sex encoded in the number, and messages that say how to fix
the value.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from stdnum.cn import ric as _ric
from stdnum.cn import uscc as _uscc
from stdnum.exceptions import ValidationError as _StdnumError

from app.i18n import translate


class IdentityError(ValueError):
    """A malformed identity value; ``str()`` is a translated explanation."""


_SPACES = re.compile(r"[\s\u3000\-_]+")


def clean_number(raw: str) -> str:
    """Full-width digits to ASCII, spaces and dashes removed, upper case."""
    text = unicodedata.normalize("NFKC", str(raw))
    return _SPACES.sub("", text).upper()


@dataclass(frozen=True)
class IdNumber:
    number: str
    birth_date: dt.date
    sex: str  # "M" or "F"
    converted_from_15: bool = False
    area_known: bool = True


def _sex_of(number18: str) -> str:
    return "M" if int(number18[16]) % 2 else "F"


def upgrade_15(number15: str) -> str:
    """GB 11643-1989 numbers: insert the century "19" and add a check character."""
    body = number15[:6] + "19" + number15[6:]
    return body + _ric.calc_check_digit(body + "0")


def parse_id_number(raw: str, *, today: dt.date | None = None) -> IdNumber:
    text = clean_number(raw)
    if not text:
        raise IdentityError(translate("Identity", "Enter the ID number."))
    converted = False
    if len(text) == 15:
        if not text.isdigit():
            raise IdentityError(
                translate("Identity", "A 15-digit ID number may contain digits only.")
            )
        text = upgrade_15(text)
        converted = True
    if len(text) != 18:
        raise IdentityError(
            translate(
                "Identity",
                "An ID number has 18 characters (or 15 for old cards); this one has {n}.",
            ).format(n=len(text))
        )
    if not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise IdentityError(
            translate(
                "Identity",
                "An ID number is 17 digits followed by a digit or X.",
            )
        )
    try:
        birth = _ric.get_birth_date(text)
    except _StdnumError:
        raise IdentityError(
            translate(
                "Identity", "Digits 7 to 14 must be a real birth date (YYYYMMDD); {d} is not."
            ).format(d=text[6:14])
        ) from None
    today = today or dt.date.today()
    if birth > today or birth.year < 1890:
        raise IdentityError(
            translate("Identity", "The birth date {d} in the ID number is not possible.").format(
                d=birth.isoformat()
            )
        )
    expected = _ric.calc_check_digit(text)
    if text[17] != expected:
        raise IdentityError(
            translate(
                "Identity",
                "The check character is wrong: the last character should be {expected}, "
                "not {found}. Check the number against the card.",
            ).format(expected=expected, found=text[17])
        )
    try:
        _ric.get_birth_place(text)
        area_known = True
    except (_StdnumError, KeyError):   # KeyError: a code stdnum lists without its county
        # Numbers issued under area codes that were later abolished or are
        # newer than the code list are real; flag, never refuse.
        area_known = False
    return IdNumber(text, birth, _sex_of(text), converted, area_known)


def check_id_agrees(info: IdNumber, *, sex: str | None, birth_date: dt.date | None) -> None:
    """The typed sex and birth date must be those the number encodes."""
    if sex and sex != info.sex:
        raise IdentityError(
            translate(
                "Identity", "The ID number belongs to a {encoded}, but {typed} was entered."
            ).format(encoded=sex_label(info.sex), typed=sex_label(sex))
        )
    if birth_date and birth_date != info.birth_date:
        raise IdentityError(
            translate(
                "Identity",
                "The ID number encodes the birth date {encoded}, but {typed} was entered.",
            ).format(encoded=info.birth_date.isoformat(), typed=birth_date.isoformat())
        )


def sex_label(sex: str) -> str:
    return translate("Identity", "male") if sex == "M" else translate("Identity", "female")


_USCC_ALPHABET = set("0123456789ABCDEFGHJKLMNPQRTUWXY")


@dataclass(frozen=True)
class Uscc:
    number: str
    checksum_ok: bool
    expected_check: str

    @property
    def registration_authority(self) -> str:
        return self.number[0]

    @property
    def division_code(self) -> str:
        return self.number[2:8]

    @property
    def is_farmers_cooperative(self) -> bool:
        return self.number.startswith("93")


def parse_uscc(raw: str) -> Uscc:
    """Format errors raise; a failed check character is returned, not raised.

    Some pilot-era codes really in use fail the check: the caller shows a
    warning and lets an official confirm with a reason.
    """
    text = clean_number(raw)
    if not text:
        raise IdentityError(translate("Identity", "Enter the unified social credit code."))
    if len(text) != 18:
        raise IdentityError(
            translate(
                "Identity", "A unified social credit code has 18 characters; this one has {n}."
            ).format(n=len(text))
        )
    bad = sorted({c for c in text if c not in _USCC_ALPHABET})
    if bad:
        raise IdentityError(
            translate(
                "Identity",
                "A unified social credit code never contains {chars} (the letters I, O, S, V "
                "and Z are not used).",
            ).format(chars=" ".join(bad))
        )
    if not text[2:8].isdigit():
        raise IdentityError(
            translate(
                "Identity", "Characters 3 to 8 of the code are the division code and must be digits."
            )
        )
    expected = _uscc.calc_check_digit(text)
    return Uscc(text, text[17] == expected, expected)


def uscc_checksum_warning(info: Uscc) -> str:
    return translate(
        "Identity",
        "The check character should be {expected}, not {found}. Some early codes really "
        "are like this: confirm with a reason if the licence shows this code.",
    ).format(expected=info.expected_check, found=info.number[17])


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$")


def parse_phone(raw: str) -> str:
    text = clean_number(raw).replace("(", "").replace(")", "")
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    if _MOBILE.match(text) or _LANDLINE.match(text):
        return text
    raise IdentityError(
        translate(
            "Identity",
            "A phone number is an 11-digit mobile number starting with 1, or a landline "
            "with its area code (e.g. 0838-1234567).",
        )
    )


def mask_id_number(number: str) -> str:
    """510***********123X: keeps the province and the last four."""
    if len(number) <= 7:
        return number
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_phone(number: str) -> str:
    if len(number) < 7:
        return number
    return number[:3] + "****" + number[-4:]
