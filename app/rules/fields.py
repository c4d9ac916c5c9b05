"""Field rules shared by every entity: text, names, identity numbers, amounts, dates.

Each rule takes a value as a person typed it (a form field) or as a cell
converted to text or a number (the Excel import), returns the value the
register stores, or raises ``RuleError`` whose text says what is wrong and
how to fix it. The caller says which field or column and which row.

Decisions every entry path shares:
- Tab, line feed and carriage return are white space (collapsed, or in a
  name removed); every other control character (U+0000–U+001F, U+007F) and
  every text-direction mark or override (U+200E/F, U+202A–U+202E,
  U+2066–U+2069) is refused: it is invisible on screen and breaks printing.
- A name or address must print exactly: a character no bundled font has is
  refused where it is entered, not when a village's letters are printed.
- A person's name is letters and the middle dot only (阿卜杜·热合曼): 张三(老)
  is refused, remarks belong in the note. Dot look-alikes (• ・ ‧) become ·.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
import unicodedata
from decimal import Decimal
from typing import Any

from app import pdf_fonts
from app.i18n import translate
from app.identity import IdNumber, IdentityError, check_id_agrees, parse_id_number, parse_phone, \
    parse_uscc, upgrade_15, uscc_checksum_warning, Uscc
from app.units import UnitError, parse_money, parse_mu


class RuleError(ValueError):
    """A value a rule refuses; ``str()`` is the translated reason and fix."""


# ------------------------------------------------------------------ text

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_LINE_SPACES = re.compile(r"[^\S\n]+|[\u3000\u00a0\u200b\ufeff]+")


def refuse_invisible(text: str) -> None:
    """Raise if ``text`` holds a control or text-direction character."""
    found = _FORBIDDEN.search(text)
    if found:
        char = found.group()
        raise RuleError(translate(
            "Rules", "Character {pos} is an invisible control or text-direction character "
                     "(U+{code:04X}). It breaks printing: type the value again instead of "
                     "pasting it.").format(code=ord(char), pos=found.start() + 1))


def refuse_unprintable(text: str) -> None:
    """Raise if no bundled font has a character of ``text`` (names, addresses)."""
    missing = pdf_fonts.uncovered_chars(text)
    if missing:
        listed = "、".join(f"{c}（U+{ord(c):04X}）" for c in missing)
        raise RuleError(translate(
            "Rules", "No font of this app can print {chars}, so letters and reports could not "
                     "show it. Check the character against the ID card or licence (it may be a "
                     "typing error), or write the name as the household register prints it.")
            .format(chars=listed))


def as_text(value: Any) -> str:
    """A value as text before any rule: None is empty, whole floats lose '.0'."""
    if value is None:
        return ""
    if type(value) is str:
        return value
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()[:10]
    return str(value)


# Anything that needs more than a look: spaces, controls, direction marks.
_NEEDS_WORK = re.compile("[\\s\x00-\x1f\x7f\u00a0\u200b-\u200f\u202a-\u202e\u2066-\u2069"
                         "\u3000\ufeff]")


def _plain(value: Any) -> bool:
    """Text that every rule would keep as it is (the fast path of 100,000-row imports)."""
    return type(value) is str and not _NEEDS_WORK.search(value) \
        and unicodedata.is_normalized("NFC", value)


def text(value: Any, *, multiline: bool = False) -> str:
    """Free text: trimmed, runs of spaces made one (line breaks kept if ``multiline``)."""
    if _plain(value):
        return value
    raw = unicodedata.normalize("NFC", as_text(value))
    refuse_invisible(raw)
    if multiline:
        lines = (_LINE_SPACES.sub(" ", line).strip() for line in raw.replace("\r\n", "\n")
                 .replace("\r", "\n").split("\n"))
        return "\n".join(lines).strip()
    return _SPACES.sub(" ", raw).strip()


def optional_text(value: Any, *, multiline: bool = False) -> str | None:
    return text(value, multiline=multiline) or None


def address(value: Any) -> str | None:
    out = text(value)
    if out:
        refuse_unprintable(out)
    return out or None


# ----------------------------------------------------------------- names

_DOT_LOOKALIKES = str.maketrans({"•": "·", "・": "·", "‧": "·", "･": "·", "∙": "·", "⋅": "·",
                                 "●": "·"})
_COMMON_NAME = re.compile(r"^[\u4e00-\u9fff]+$")
_FULLWIDTH_LETTERS = {c: c - 0xFEE0 for c in (*range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
NAME_MAX = 30
ORG_NAME_MAX = 100


def person_name(value: Any, *, required: bool = True) -> str:
    """A person's name as on the ID card: letters and the middle dot only."""
    if type(value) is str and _COMMON_NAME.match(value) and len(value) <= NAME_MAX \
            and pdf_fonts.covers(value):
        return value
    raw = unicodedata.normalize("NFC", as_text(value))
    refuse_invisible(raw)
    name = _SPACES.sub("", raw).translate(_DOT_LOOKALIKES).translate(_FULLWIDTH_LETTERS)
    if not name:
        if required:
            raise RuleError(translate("Rules", "The name is missing; enter it as on the ID card."))
        return ""
    if len(name) > NAME_MAX:
        raise RuleError(translate("Rules", "A name has at most {n} characters; this one has {m}.")
                        .format(n=NAME_MAX, m=len(name)))
    if not _COMMON_NAME.match(name):
        bad = [c for c in dict.fromkeys(name)
               if c != "·" and not unicodedata.category(c).startswith(("L", "M"))]
        if bad:
            raise RuleError(translate(
                "Rules", "A person's name has letters and the middle dot (·) only, not {chars}. "
                         "Enter the name as on the ID card; put remarks such as (老) in the note.")
                .format(chars="、".join(f"“{c}”" for c in bad)))
        if name.startswith("·") or name.endswith("·") or "··" in name:
            raise RuleError(translate(
                "Rules", "The middle dot (·) goes between the parts of a name, once, as in "
                         "阿卜杜·热合曼."))
    refuse_unprintable(name)
    return name


def organization_name(value: Any) -> str:
    raw = unicodedata.normalize("NFC", as_text(value))
    refuse_invisible(raw)
    name = _SPACES.sub("", raw)
    if not name:
        raise RuleError(translate("Rules", "The name is missing; enter it as on the licence."))
    if len(name) > ORG_NAME_MAX:
        raise RuleError(translate("Rules", "A name has at most {n} characters; this one has {m}.")
                        .format(n=ORG_NAME_MAX, m=len(name)))
    refuse_unprintable(name)
    return name


# ------------------------------------------------------------ identities

_CODE_SPACES = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_WEIGHTS_48 = 48 * sum(_WEIGHTS)
_CHECK = "10X98765432"


def code(value: Any) -> str:
    """Codes typed as text: full-width to ASCII, no spaces or dashes, upper case."""
    raw = as_text(value)
    refuse_invisible(raw)
    return _CODE_SPACES.sub("", unicodedata.normalize("NFKC", raw)).replace("-", "").upper()


_WEIGHTS_HEAD = _WEIGHTS[:14]
_WEIGHTS_HEAD_48 = 48 * sum(_WEIGHTS_HEAD)
_TAIL_48 = 48 * sum(_WEIGHTS[14:])
_ID_HEADS: dict[str, tuple[int, dt.date | None]] = {}
_ID_HEADS_LIMIT = 50_000


def plain_id_number(value: Any, today: dt.date) -> tuple[str, dt.date, str] | None:
    """(number, birth date, sex) of a valid 18-character ID number written plainly
    (ASCII, nothing to clean): the common case, made cheap for 100,000-row
    imports. None for anything else, which ``id_number`` decides."""
    if type(value) is not str or len(value) != 18 or not value.isascii() \
            or not value[:17].isdigit():
        return None
    # Area and birth date (the first 14 digits) are shared by many people of a
    # roster: their part of the check sum and the date are worked out once.
    head = value[:14]
    known = _ID_HEADS.get(head)
    if known is None:
        # Digits as their ASCII codes (no int() per digit): sum(w * (c - 48)).
        partial = sum(map(operator.mul, head.encode("ascii"), _WEIGHTS_HEAD)) - _WEIGHTS_HEAD_48
        try:
            born = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
        except ValueError:
            born = None
        known = (partial, born)
        if len(_ID_HEADS) < _ID_HEADS_LIMIT:
            _ID_HEADS[head] = known
    partial, born = known
    total = partial + ord(value[14]) * 8 + ord(value[15]) * 4 + ord(value[16]) * 2 - _TAIL_48
    if _CHECK[total % 11] != value[17] or born is None or born.year < 1890 or born > today:
        return None
    return value, born, "M" if value[16] in "13579" else "F"


def id_number(value: Any, *, today: dt.date) -> IdNumber:
    """A resident ID number (GB 11643); 15-digit numbers are converted to 18."""
    plain = plain_id_number(value, today)
    if plain is not None:
        return IdNumber(*plain)
    raw = value if type(value) is str and len(value) == 18 and value[:17].isdigit() \
        and value.isascii() else code(value)
    if len(raw) == 15 and raw.isdigit():
        raw18, converted = upgrade_15(raw), True
    else:
        raw18, converted = raw, False
    # Anything else gets the precise message of app.identity.
    plain = plain_id_number(raw18, today)
    if plain is not None:
        return IdNumber(*plain, converted)
    try:
        return parse_id_number(raw, today=today)
    except IdentityError as exc:
        raise RuleError(str(exc)) from None


def id_agrees(info: IdNumber, *, sex: str | None = None, birth_date: dt.date | None = None
              ) -> None:
    try:
        check_id_agrees(info, sex=sex, birth_date=birth_date)
    except IdentityError as exc:
        raise RuleError(str(exc)) from None


def uscc(value: Any, override_reason: Any = None) -> tuple[Uscc, str | None, str | None]:
    """(code, reason kept, warning). A failed check character needs a reason."""
    reason = optional_text(override_reason)
    try:
        info = parse_uscc(code(value))
    except IdentityError as exc:
        raise RuleError(str(exc)) from None
    if info.checksum_ok:
        return info, None, None
    if not reason:
        raise RuleError(uscc_checksum_warning(info) + translate(
            "Rules", " Give the reason (代码确认理由) to accept it."))
    return info, reason, uscc_checksum_warning(info)


_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def phone(value: Any) -> str | None:
    if type(value) is str and _MOBILE.match(value):
        return value
    raw = as_text(value)
    refuse_invisible(raw)
    if not raw.strip():
        return None
    try:
        return parse_phone(raw)
    except IdentityError as exc:
        raise RuleError(str(exc)) from None


# --------------------------------------------------------------- numbers

_PER_UNIT = {"元": 100, "万元": 1_000_000}


def _number_text(value: Any) -> str:
    if isinstance(value, bool):
        raise RuleError(translate("Rules", "Enter a number."))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format(Decimal(repr(round(value, 6))).normalize(), "f")
    raw = as_text(value)
    refuse_invisible(raw)
    return unicodedata.normalize("NFKC", raw).strip()


@functools.lru_cache(maxsize=4096, typed=True)
def _whole_fen(value: int | float, unit: str | None) -> int | None:
    """A number in ``unit`` as whole fen, None if it has fractions of a fen.
    Cached: a roster repeats the same few amounts on thousands of rows, and
    exact decimal arithmetic costs a few microseconds each time."""
    fen = Decimal(repr(round(value, 6))) * _PER_UNIT.get(unit or "元", 100)
    if fen < 0:
        raise RuleError(translate("Rules", "'{value}' is negative; an amount is 0 or more.")
                        .format(value=value))
    if fen == fen.to_integral_value():
        return int(fen)
    return None


def money(value: Any, unit: str | None = None) -> int:
    """Whole fen from '1,234.5', '3.5万', '￥800', or a number in ``unit`` (元 or 万元)."""
    if value is None or value == "":
        return 0
    if type(value) in (int, float):
        fen = _whole_fen(value, unit)
        if fen is not None:
            return fen
    raw = _number_text(value)
    if not raw:
        return 0
    try:
        return parse_money(raw, default_unit=unit if unit in _PER_UNIT else "元")
    except UnitError as exc:
        raise RuleError(str(exc)) from None


def stored_yuan(fen: Any) -> Any:
    """Stored whole fen as the yuan text a person types (exact, no float); else unchanged."""
    if isinstance(fen, int) and not isinstance(fen, bool):
        sign, fen = ("-" if fen < 0 else ""), abs(fen)
        return f"{sign}{fen // 100}.{fen % 100:02d}"
    return fen


_PLAIN_AREA = re.compile(r"^\d{1,9}(\.\d{1,2})?$")


@functools.lru_cache(maxsize=4096, typed=True)
def _area(value: Any) -> int:
    """Land in hundredths of a mu, exact ('3.25', '3.25亩')."""
    if value is None or value == "":
        return 0
    if type(value) is str and _PLAIN_AREA.match(value):
        whole, _, frac = value.partition(".")
        return int(whole) * 100 + int((frac + "00")[:2])
    if type(value) in (int, float) and value >= 0:
        centimu = Decimal(repr(round(value, 6))) * 100
        if centimu == centimu.to_integral_value():
            return int(centimu)
    raw = _number_text(value)
    if not raw:
        return 0
    try:
        return parse_mu(raw)
    except UnitError as exc:
        raise RuleError(str(exc)) from None


def area(value: Any) -> int:
    """Land in hundredths of a mu, exact ('3.25', '3.25亩'); cached, a roster
    repeats the same areas on many rows."""
    try:
        return _area(value)
    except TypeError:   # unhashable: not a cell or a form field, let the rule say so
        return _area.__wrapped__(value)


def count(value: Any, *, default: int | None = 0, minimum: int = 0) -> int | None:
    """A whole number of people ('5', '5人', 5.0)."""
    if value is None or value == "":
        return default
    if type(value) in (int, float) and value == int(value) and value >= minimum:
        return int(value)
    raw = re.sub(r"(人|个|户|名)$", "", _number_text(value))
    if not raw:
        return default
    try:
        number = Decimal(raw)
    except ArithmeticError:
        raise RuleError(translate("Rules", "'{value}' is not a whole number.").format(value=value)) \
            from None
    if number != number.to_integral_value():
        raise RuleError(translate("Rules", "'{value}' is not a whole number.").format(value=value))
    if number < minimum:
        raise RuleError(translate("Rules", "Must be at least {n}.").format(n=minimum))
    return int(number)


# ----------------------------------------------------------------- dates

_DATE_PATTERNS = [
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]


def date(value: Any) -> dt.date | None:
    """2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日, 20240315 (a time after it ignored)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = unicodedata.normalize("NFKC", as_text(value))
    refuse_invisible(raw)
    raw = raw.strip()
    if not raw:
        return None
    day_part = re.split(r"[T\s]", raw, maxsplit=1)[0]
    for pattern in _DATE_PATTERNS:
        match = pattern.match(day_part)
        if match:
            try:
                return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                break
    raise RuleError(translate("Rules", "'{value}' is not a date; write it as 2024-03-15.")
                    .format(value=value))


# ------------------------------------------------------------ code lists

_SEX = {"男": "M", "M": "M", "男性": "M", "1": "M", "女": "F", "F": "F", "女性": "F", "2": "F"}


def sex(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if type(value) is str and value in _SEX:
        return _SEX[value]
    raw = code(value)
    if not raw:
        return None
    if raw in _SEX:
        return _SEX[raw]
    raise RuleError(translate("Rules", "Write 男 or 女."))


RELATIONS = ("spouse", "child", "parent", "sibling", "grandchild", "grandparent", "other")
_RELATION_WORDS = {
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


def relation(value: Any, *, blank: str = "head") -> str:
    """'之妻' or 'spouse' -> spouse, '户主' -> head; other words (儿媳, 女婿 ...) -> other."""
    raw = _SPACES.sub("", unicodedata.normalize("NFC", as_text(value)))
    refuse_invisible(raw)
    if not raw:
        return blank
    if raw in RELATIONS or raw == "head":
        return raw
    return _RELATION_WORDS.get(raw, "other")


ORGANIZATION_KINDS = ("cooperative", "family_farm", "agri_enterprise", "individual_business")
_KIND_WORDS = {"农民专业合作社": "cooperative", "专业合作社": "cooperative", "合作社": "cooperative",
               "家庭农场": "family_farm", "农场": "family_farm",
               "农业企业": "agri_enterprise", "企业": "agri_enterprise",
               "公司": "agri_enterprise", "农业公司": "agri_enterprise",
               "龙头企业": "agri_enterprise",
               "个体工商户": "individual_business", "个体户": "individual_business",
               "个体": "individual_business"}
_KIND_LABELS = "、".join(("农民专业合作社", "家庭农场", "农业企业", "个体工商户"))


def organization_kind(value: Any, name: str = "", uscc_number: str = "") -> str:
    """A kind code from its code or Chinese word; if blank, told from the name or the USCC."""
    raw = _SPACES.sub("", unicodedata.normalize("NFC", as_text(value)))
    refuse_invisible(raw)
    if raw:
        if raw in ORGANIZATION_KINDS:
            return raw
        if raw in _KIND_WORDS:
            return _KIND_WORDS[raw]
        raise RuleError(translate("Rules", "Write one of: {values}.").format(values=_KIND_LABELS))
    if name.endswith("合作社") or uscc_number.startswith("93"):
        return "cooperative"
    if name.endswith("农场"):
        return "family_farm"
    if uscc_number.startswith("92"):
        return "individual_business"
    if name.endswith(("公司", "企业")):
        return "agri_enterprise"
    raise RuleError(translate("Rules", "The type is missing and cannot be told from the name; "
                                       "write one of: {values}.").format(values=_KIND_LABELS))
