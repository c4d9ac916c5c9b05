"""A listed organization's record reaching its legal representative (法定代表人).

The county plan asks that when a cooperative, family farm or enterprise is
put on a black list or court-defaulter list, or gets a negative credit
record, the fact also reaches the personal credit record of its legal
representative. ``link_to_legal_rep`` writes that link in the same change
set as the fact (so it is journaled and travels with it); the person's side
reads it through ``app.list_status`` (banner, subject page, credit report)
for as long as the organization's entry is in force or its record public.
"""

from __future__ import annotations

from typing import Any

from app.i18n import translate
from app.journal import ChangeSet
from app.list_status import NEGATIVE_LISTS
from app.review_flags import flag_for_review
from app.subjects import subject_by_number


def link_to_legal_rep(cs: ChangeSet, *, source_kind: str, source_id: str, subject_id: str | None,
                      title: str, decided_on: str, list_kind: str | None = None
                      ) -> dict[str, Any] | None:
    """Link a negative list entry or record of an organization to its legal
    representative; None when the subject is no organization with one, or the
    entry is a red list one (a reward does not pass to the person)."""
    if not subject_id or (source_kind == "list_entry" and list_kind not in NEGATIVE_LISTS):
        return None
    db = cs.db
    org = db.execute("SELECT id, name, uscc, legal_rep_name, legal_rep_id_number "
                     "FROM organization WHERE id = ?", [subject_id]).fetchone()
    if org is None or not org[4]:
        return None
    if db.execute("SELECT 1 FROM legal_rep_link WHERE source_kind = ? AND source_id = ? AND "
                  "person_id_number = ?", [source_kind, source_id, org[4]]).fetchone():
        return None
    row = cs.insert("legal_rep_link", {
        "organization_id": org[0], "organization_name": org[1], "uscc": org[2],
        "person_name": org[3] or "", "person_id_number": org[4],
        "source_kind": source_kind, "source_id": source_id, "list_kind": list_kind,
        "title": title, "decided_on": decided_on,
    })
    person = subject_by_number(db, org[4])
    if person:
        flag_for_review(db, cs, person, translate(
            "Records", "As legal representative of {organization}: {title}").format(
            organization=org[1], title=title), source_kind)
    return row


def links_of_organization(cs_or_db, organization_id: str) -> list[dict[str, Any]]:
    db = getattr(cs_or_db, "db", cs_or_db)
    return list(db.query("SELECT * FROM legal_rep_link WHERE organization_id = ? "
                         "ORDER BY decided_on DESC", [organization_id]))
