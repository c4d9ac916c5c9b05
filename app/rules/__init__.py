"""One rule set per entity: what a household, member, organization or credit
record may hold, decided once and called by the edit forms (app.register,
app.records), the Excel import (app.excel.validate), county corrections
(app.sync.downlink) and the command line alike.

``fields`` holds the rules for single values; ``household``, ``member``,
``organization`` and ``credit_record`` check a whole entity and return every
problem by field, so a form can mark its fields and an import report can name
the row and column. Looking things up in the register (villages, duplicates)
is the caller's part: the form asks the database, the import its preloaded
look-ups.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.rules.fields import RuleError


@dataclass
class Checked:
    """The values to store, and what was wrong, field by field."""
    row: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def take(self, key: str, fn, *args, **kwargs) -> Any:
        """``fn(*args)``; a RuleError becomes a problem of ``key`` (and None)."""
        try:
            return fn(*args, **kwargs)
        except RuleError as exc:
            self.problems.append((key, str(exc)))
            return None

    def refuse(self, key: str, message: str) -> None:
        self.problems.append((key, message))

    @property
    def ok(self) -> bool:
        return not self.problems


__all__ = ["Checked", "RuleError"]
