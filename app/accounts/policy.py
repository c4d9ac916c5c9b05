"""The access policy: roles and their permissions, sign-in and lock rules,
separation of duties, review thresholds.

Shipped defaults are ``resources/policies/accounts.toml``. An
administrator's edited copy is kept in the register (setting
``accounts.policy``, the whole TOML text) with a version number; each change
is written to the account log with the text's hash.
"""

from __future__ import annotations

import functools
import hashlib
import tomllib
from typing import Any

from sqlite_utils import Database

from app import settings
from app.errors import UserError
from app.i18n import translate
from app.resources import resource_path

SETTING_KEY = "accounts.policy"
VERSION_KEY = SETTING_KEY + "_version"
ROLES = ("admin", "official", "field_staff", "viewer")


@functools.lru_cache(maxsize=8)
def _parse(text: str) -> dict[str, Any]:
    try:
        policy = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(translate("Accounts", "The access policy is not valid TOML: {error}. "
                                              "Correct it or restore the shipped file.")
                        .format(error=exc)) from exc
    missing = [r for r in ROLES if r not in policy.get("roles", {})]
    if missing:
        raise UserError(translate("Accounts", "The access policy has no [roles.{role}] section; "
                                              "every role needs one.").format(role=missing[0]))
    for section in ("signin", "separation_of_duties", "review"):
        if section not in policy:
            raise UserError(translate("Accounts", "The access policy has no [{section}] "
                                                  "section.").format(section=section))
    return policy


def shipped_text() -> str:
    return resource_path("policies", "accounts.toml").read_text(encoding="utf-8")


def text(db: Database | None) -> str:
    stored = settings.get(db, SETTING_KEY) if db is not None else None
    return stored or shipped_text()


def load(db: Database | None = None) -> dict[str, Any]:
    return _parse(text(db))


def version(db: Database) -> int:
    return int(settings.get(db, VERSION_KEY, 1))


def signin_rule(db: Database | None, name: str) -> int:
    return int(load(db)["signin"][name])


def record_change(db: Database, actor_id: str, name: str, key: str, new_text: str | None,
                  old_text: str) -> int:
    """Store any policy's text in setting ``key`` as an administrator's change:
    needs ``policy.edit``, bumps that policy's version, logs both texts' SHA-256."""
    from app.accounts import auth, permissions

    permissions.require(db, actor_id, "policy.edit")
    version_key = key + "_version"
    with db.atomic():
        new_version = int(settings.get(db, version_key, 1)) + 1
        settings.put(db, key, new_text)
        settings.put(db, version_key, new_version)
        auth.log_account(db, actor_id, "policy_change", None, {
            "policy": name, "version": new_version,
            "before_sha256": hashlib.sha256(old_text.encode("utf-8")).hexdigest(),
            "after_sha256": hashlib.sha256((new_text or "").encode("utf-8")).hexdigest()})
    return new_version


def save(db: Database, actor_id: str, new_text: str | None) -> int:
    """Store an administrator's access policy (None = back to the shipped one);
    returns its version. Needs ``policy.edit``; logged with both texts' hashes."""
    if new_text is not None:
        _parse(new_text)
    return record_change(db, actor_id, "access", SETTING_KEY, new_text, text(db))
