"""The steps of a household's rating and the statuses they lead to, by name.

Apart from ``workflow`` so that collecting answers (``campaign``) can name a
status without importing the workflow that is built on top of it.
"""

from __future__ import annotations

from app.i18n import translate

# step -> (status it starts from, status it leads to)
STEPS: dict[str, tuple[str, str]] = {
    "first_review": ("collected", "first_reviewed"),
    "notice": ("first_reviewed", "in_notice"),
    "township_review": ("in_notice", "township_reviewed"),
    "approve": ("township_reviewed", "approved"),
    "plaque": ("approved", "plaqued"),
}
ORDER = ["collected", "first_reviewed", "in_notice", "township_reviewed", "approved", "plaqued"]
DECIDED = ("approved", "plaqued")


def status_label(status: str) -> str:
    return {
        "collected": translate("Rating", "collecting information"),
        "first_reviewed": translate("Rating", "first review by the village group"),
        "in_notice": translate("Rating", "public notice"),
        "township_reviewed": translate("Rating", "township review"),
        "approved": translate("Rating", "approved"),
        "plaqued": translate("Rating", "plaque awarded"),
        "removed": translate("Rating", "removed"),
    }.get(status, status)


def step_label(step: str) -> str:
    return {
        "first_review": translate("Rating", "first review"),
        "notice": translate("Rating", "publish notice"),
        "township_review": translate("Rating", "township review"),
        "approve": translate("Rating", "approve"),
        "plaque": translate("Rating", "award plaque"),
        "objection": translate("Rating", "objection"),
        "objection_upheld": translate("Rating", "objection upheld"),
        "objection_corrected": translate("Rating", "objection: answers corrected"),
        "objection_dismissed": translate("Rating", "objection dismissed"),
        "reinstate": translate("Rating", "reinstatement"),
        "undo": translate("Rating", "step undone"),
        "correction": translate("Rating", "correction"),
        "annual_review": translate("Rating", "annual review"),
        "downgrade": translate("Rating", "downgrade"),
        "remove": translate("Rating", "removal"),
    }.get(step, step)
