"""Graded and classified supervision (分级分类监管) of rated organizations.

A rated organization falls into a supervision class by its result: its
grade (e.g. AAA → A 守信), a result below the lowest grade or a removal
(C 失信风险), a veto (D 严重失信). Which class takes what, and the measures
each class implies, come from resources/policies/supervision.toml or the
administrator's copy kept in the register (setting ``rating.supervision``).
An organization still being collected or unanswered has no class yet.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from typing import Any, Mapping

from sqlite_utils import Database

from app import settings
from app.errors import UserError
from app.i18n import translate
from app.resources import resource_path

SETTING_KEY = "rating.supervision"


@dataclass(frozen=True)
class SupervisionClass:
    code: str
    label: str
    grades: tuple[str, ...]
    ungraded: bool
    vetoed: bool
    measures: tuple[str, ...]


@dataclass(frozen=True)
class Policy:
    version: str
    classes: tuple[SupervisionClass, ...]

    def get(self, code: str | None) -> SupervisionClass | None:
        return next((c for c in self.classes if c.code == code), None)

    def class_for(self, *, grade: str | None, veto: str | None, complete: bool,
                  removed: bool = False) -> str | None:
        if not complete:
            return None
        if veto:
            return next((c.code for c in self.classes if c.vetoed), None)
        if grade and not removed:
            found = next((c.code for c in self.classes if grade in c.grades), None)
            if found:
                return found
        # Below the lowest grade, removed, or a grade no class names.
        return next((c.code for c in self.classes if c.ungraded), None)


def shipped_text() -> str:
    return resource_path("policies", "supervision.toml").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=4)
def parse(text: str) -> Policy:
    def fail(reason: str):
        raise UserError(translate("Rating", "The supervision class policy: {reason}. Correct it "
                                            "or restore the shipped file.").format(reason=reason))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        fail(translate("Rating", "not valid TOML ({detail})").format(detail=exc))
    classes = []
    for raw in data.get("class", []):
        code, label = raw.get("class"), raw.get("label")
        if not isinstance(code, str) or not code or not isinstance(label, str):
            fail(translate("Rating", "every [[class]] needs class and label"))
        measures = raw.get("measures", [])
        grades = raw.get("grades", [])
        if not all(isinstance(m, str) for m in measures) or not all(isinstance(g, str) for g in grades):
            fail(translate("Rating", "class {code}: grades and measures are lists of text")
                 .format(code=code))
        classes.append(SupervisionClass(code, label, tuple(grades), bool(raw.get("ungraded")),
                                        bool(raw.get("vetoed")), tuple(measures)))
    if not classes:
        fail(translate("Rating", "no [[class]] is defined"))
    return Policy(str(data.get("version", "")), tuple(classes))


def load(db: Database | None = None) -> Policy:
    text = settings.get(db, SETTING_KEY) if db is not None else None
    return parse(text or shipped_text())


def class_of(policy: Policy, rating: Mapping[str, Any]) -> str | None:
    """The class of one organization's rating row (grade, veto, complete, status)."""
    return policy.class_for(grade=rating.get("grade"), veto=rating.get("veto"),
                            complete=bool(rating.get("complete")),
                            removed=rating.get("status") == "removed")


def class_label(policy: Policy, code: str | None) -> str:
    found = policy.get(code)
    if found is None:
        return translate("Rating", "not classed yet")
    return f"{found.code} {found.label}"
