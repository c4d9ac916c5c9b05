"""Cell values as typed by many hands, to the values the register stores.

Full-width digits, stray and ideographic spaces, units typed into cells
(亩, 元, 万元), dates in the five ways people write them, and ID numbers that
a spreadsheet turned into numbers (and so lost their last digits: refused,
never guessed). Functions raise ``CellError`` with a message saying how to
fix the cell.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
import unicodedata
from decimal import Decimal
from typing import Any

from app.i18n import translate
from app.identity import IdNumber, IdentityError, check_id_agrees, parse_id_number, parse_phone, \
    upgrade_15
from app.units import UnitError, parse_money, parse_mu

_SPACES = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?[eE]\+?\d+$")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


class CellError(ValueError):
    pass


def blank(value: Any) -> bool:
    if value is None or value == "":
        return True
    return type(value) is str and not value.strip(" \t\r\n\u3000\u00a0\u200b\ufeff")


def text(value: Any) -> str:
    """Free text: trimmed, inner runs of spaces made one, numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()[:10]
    return " ".join(_SPACES.split(unicodedata.normalize("NFC", str(value)))).strip()


def compact(value: Any) -> str:
    """Names: no spaces at all (王 建国 -> 王建国), exact characters kept."""
    return _SPACES.sub("", unicodedata.normalize("NFC", str(value))) if value is not None else ""


def code(value: Any) -> str:
    """Codes and numbers typed as text: full-width to ASCII, no spaces, upper case."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", str(value))).replace("-", "").upper()


def number_text(value: Any) -> str:
    """A numeric cell or typed amount as text for app.units (floats rounded to 1e-6)."""
    if isinstance(value, bool):
        raise CellError(translate("Excel", "Enter a number."))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format(Decimal(repr(round(value, 6))).normalize(), "f")
    return unicodedata.normalize("NFKC", str(value)).strip()


_PER_UNIT = {"元": 100, "万元": 1_000_000}


def money(value: Any, unit: str | None) -> int:
    if blank(value):
        return 0
    if type(value) in (int, float):
        fen = Decimal(repr(round(value, 6))) * _PER_UNIT.get(unit or "元", 100)
        if fen < 0:
            raise CellError(translate("Excel", "'{value}' is negative.").format(value=value))
        if fen == fen.to_integral_value():
            return int(fen)
    try:
        return parse_money(number_text(value), default_unit=unit if unit in ("元", "万元") else "元")
    except UnitError as exc:
        raise CellError(str(exc)) from None


def area(value: Any) -> int:
    if blank(value):
        return 0
    if type(value) in (int, float) and value >= 0:
        centimu = Decimal(repr(round(value, 6))) * 100
        if centimu == centimu.to_integral_value():
            return int(centimu)
    try:
        return parse_mu(number_text(value))
    except UnitError as exc:
        raise CellError(str(exc)) from None


def count(value: Any, *, default: int = 0, minimum: int = 0) -> int:
    if blank(value):
        return default
    if type(value) in (int, float) and value == int(value) and value >= minimum:
        return int(value)
    raw = number_text(value)
    raw = re.sub(r"(人|个|户|名)$", "", raw)
    try:
        number = Decimal(raw)
    except ArithmeticError:
        raise CellError(translate("Excel", "'{value}' is not a whole number.").format(value=value)) \
            from None
    if number != number.to_integral_value():
        raise CellError(translate("Excel", "'{value}' is not a whole number.").format(value=value))
    if number < minimum:
        raise CellError(translate("Excel", "Must be at least {n}.").format(n=minimum))
    return int(number)


_DATE_PATTERNS = [
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]


def date(value: Any) -> dt.date | None:
    if blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = code(value) if not isinstance(value, float) else str(int(value))
    raw = raw.split("T")[0].split(" ")[0]
    for pattern in _DATE_PATTERNS:
        match = pattern.match(raw)
        if match:
            try:
                return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                break
    raise CellError(translate("Excel", "'{value}' is not a date; write it as 2024-03-15.")
                    .format(value=value))


def sex(value: Any) -> str | None:
    if blank(value):
        return None
    raw = code(value)
    if raw in ("男", "M", "男性", "1"):
        return "M"
    if raw in ("女", "F", "女性", "2"):
        return "F"
    raise CellError(translate("Excel", "Write 男 or 女."))


def _stored_as_number() -> CellError:
    return CellError(translate(
        "Excel", "The ID number is stored as a number, so the spreadsheet has lost its last "
                 "digits. Set the column's format to Text and type the number again from the "
                 "card or the household register; it is not guessed."))


def id_number(value: Any, *, today: dt.date) -> IdNumber:
    """An ID number from a cell; 15-digit numbers are converted to 18."""
    if isinstance(value, bool):
        raise _stored_as_number()
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            raise _stored_as_number()
        digits = str(int(value))
        if len(digits) != 15:   # a 15-digit number is exact in a double; longer ones are not
            raise _stored_as_number()
        value = digits
    raw = code(value)
    if _SCIENTIFIC.match(raw):
        raise _stored_as_number()
    if len(raw) == 15 and raw.isdigit():
        raw18, converted = upgrade_15(raw), True
    else:
        raw18, converted = raw, False
    # Fast path for the common, valid case; anything else gets the precise
    # message of app.identity.
    if len(raw18) == 18 and raw18[:17].isdigit():
        total = sum(map(operator.mul, map(int, raw18[:17]), _WEIGHTS))
        if _CHECK[total % 11] == raw18[17]:
            try:
                born = dt.date(int(raw18[6:10]), int(raw18[10:12]), int(raw18[12:14]))
            except ValueError:
                born = None
            if born and 1890 <= born.year and born <= today:
                return IdNumber(raw18, born, "M" if int(raw18[16]) % 2 else "F", converted)
    try:
        return parse_id_number(raw, today=today)
    except IdentityError as exc:
        raise CellError(str(exc)) from None


def agrees(info: IdNumber, *, typed_sex: str | None = None, typed_birth: dt.date | None = None
           ) -> None:
    try:
        check_id_agrees(info, sex=typed_sex, birth_date=typed_birth)
    except IdentityError as exc:
        raise CellError(str(exc)) from None


def phone(value: Any) -> str | None:
    if blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = str(int(value))
    try:
        return parse_phone(str(value))
    except IdentityError as exc:
        raise CellError(str(exc)) from None


_RELATIONS = {
    "户主": "head", "本人": "head", "户主本人": "head",
    "配偶": "spouse", "妻": "spouse", "妻子": "spouse", "夫": "spouse", "丈夫": "spouse",
    "之妻": "spouse", "之夫": "spouse",
    "子": "child", "女": "child", "儿子": "child", "女儿": "child", "子女": "child",
    "长子": "child", "次子": "child", "三子": "child", "长女": "child", "次女": "child",
    "三女": "child", "之子": "child", "之女": "child", "独生子": "child", "独生女": "child",
    "父": "parent", "母": "parent", "父亲": "parent", "母亲": "parent", "父母": "parent",
    "兄": "sibling", "弟": "sibling", "姐": "sibling", "妹": "sibling", "兄弟姐妹": "sibling",
    "哥哥": "sibling", "弟弟": "sibling", "姐姐": "sibling", "妹妹": "sibling",
    "孙子": "grandchild", "孙女": "grandchild", "外孙": "grandchild", "外孙女": "grandchild",
    "孙子女": "grandchild",
    "祖父": "grandparent", "祖母": "grandparent", "外祖父": "grandparent", "外祖母": "grandparent",
    "爷爷": "grandparent", "奶奶": "grandparent", "祖父母": "grandparent",
}


def relation(value: Any) -> str:
    """'之妻' -> spouse, '户主' -> head; anything else is 'other' (儿媳, 女婿 ...)."""
    if blank(value):
        return "head"
    raw = compact(value)
    return _RELATIONS.get(raw, "other")


ORG_KIND = {"农民专业合作社": "cooperative", "专业合作社": "cooperative", "合作社": "cooperative",
            "家庭农场": "family_farm", "农场": "family_farm",
            "农业企业": "agri_enterprise", "企业": "agri_enterprise", "公司": "agri_enterprise",
            "农业公司": "agri_enterprise", "龙头企业": "agri_enterprise",
            "个体工商户": "individual_business", "个体户": "individual_business",
            "个体": "individual_business"}


def org_kind(value: Any, name: str, uscc: str) -> str:
    if not blank(value):
        raw = compact(value)
        if raw in ORG_KIND:
            return ORG_KIND[raw]
        if raw in ("cooperative", "family_farm", "agri_enterprise", "individual_business"):
            return raw
        raise CellError(translate("Excel", "Write one of: {values}.").format(
            values="、".join(("农民专业合作社", "家庭农场", "农业企业", "个体工商户"))))
    # Not given: from the name, else from the USCC's registration type.
    if name.endswith("合作社") or uscc.startswith("93"):
        return "cooperative"
    if name.endswith("家庭农场") or name.endswith("农场"):
        return "family_farm"
    if uscc.startswith("92"):
        return "individual_business"
    if name.endswith(("公司", "企业")):
        return "agri_enterprise"
    raise CellError(translate("Excel", "The type is missing and cannot be told from the name; "
                                       "write one of: {values}.").format(
        values="、".join(("农民专业合作社", "家庭农场", "农业企业", "个体工商户"))))
