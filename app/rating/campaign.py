"""Rating campaigns (评定批次) and writing household ratings.

A campaign fixes the scheme version it uses. Starting one creates a rating
for every household of the township with the automatic indicators already
filled (in SQL, so a million households take seconds). The village
evaluation group then answers the rest, one household at a time
(``save_answers``), each save recomputing the village's verdict.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any, Iterator, Mapping

from sqlite_utils import Database

from app.accounts.permissions import require
from app.errors import NotFound, UserError
from app.i18n import translate
from app.jobs import NO_JOB, Job
from app.journal import ChangeSet, changes
from app.rating import assess, inputs, verdicts
from app.rating.scheme import Scheme, ensure_shipped, latest, scheme_by_id
from app.rating.statuses import status_label
from app.register import home_township, kind_label
from db.bulk import bulk_load

# From this many households on, a campaign is started with the rating
# indexes dropped and rebuilt by sorting (db/bulk.py): random-UUID index
# inserts dominate a large load otherwise.
BULK_FROM = 20_000

RATING_COLUMNS = ("id", "campaign_id", "subject_id", "village_id", "status", "answers", "inputs",
                  "breakdown", "score", "complete", "grade", "veto", "notice_id", "decided_at",
                  "version", "created_at", "updated_at", "subject_kind")


class CampaignClosed(UserError):
    pass


@contextlib.contextmanager
def big_cache(db: Database, kib: int = 262_144) -> Iterator[None]:
    """A 256 MiB page cache (main and temp) while a whole campaign is scored:
    with SQLite's 2 MiB default a million-row load thrashes the disk."""
    saved = [db.execute(f"PRAGMA {schema}.cache_size").fetchone()[0] for schema in ("main", "temp")]
    for schema in ("main", "temp"):
        db.execute(f"PRAGMA {schema}.cache_size=-{kib}")
    try:
        yield
    finally:
        for schema, value in zip(("main", "temp"), saved):
            db.execute(f"PRAGMA {schema}.cache_size={value}")


def create_campaign(db: Database, operator_id: str, *, name: str, year: int,
                    scheme_id: str | None = None, township_id: str | None = None,
                    job: Job = NO_JOB) -> dict[str, Any]:
    require(db, operator_id, "rating.manage")
    name = (name or "").strip()
    if not name:
        raise UserError(translate("Rating", "Give the campaign a name, e.g. 2026年度信用户评定."))
    if not 2000 <= int(year) <= 2100:
        raise UserError(translate("Rating", "The campaign year must be between 2000 and 2100."))
    if scheme_id is None:
        ensure_shipped(db, operator_id)
        scheme_id = latest(db)["id"]
    org_scheme = next(db.query("SELECT id FROM rating_scheme WHERE code = 'organization' "
                               "ORDER BY created_at DESC, scheme_version DESC LIMIT 1"), None)
    if township_id is None:
        township = home_township(db)
        township_id = township["id"] if township else None
    big = db.execute("SELECT count(*) FROM household").fetchone()[0] >= BULK_FROM
    bulk = bulk_load(db, ["rating"]) if big else contextlib.nullcontext()
    with big_cache(db), bulk, changes(db, operator_id) as cs:
        # Inside the write transaction: a rerun after a crash (or a second click)
        # finds the committed campaign and never starts a duplicate.
        same = db.execute("SELECT id, status FROM rating_campaign WHERE campaign_year = ? "
                          "AND name = ?", [int(year), name]).fetchone()
        if same:
            raise UserError(translate(
                "Rating", "The campaign {name} ({year}) was already started (id {id}); it is not "
                          "started twice. Continue working in it.").format(
                name=name, year=int(year), id=same[0]))
        campaign = cs.insert("rating_campaign", {
            "name": name, "campaign_year": int(year), "scheme_id": scheme_id,
            "township_id": township_id, "status": "open", "closed_at": None,
            "org_scheme_id": org_scheme["id"] if org_scheme else None,
        })
        populate(cs, campaign, job=job)
        if campaign["org_scheme_id"]:
            populate(cs, campaign, kind="organization")
        verdicts.recompute_campaign(db, campaign["id"])
    return campaign


def _village_filter(campaign: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    if campaign.get("township_id"):
        return ("h.village_id IN (SELECT id FROM place WHERE level = 'village' "
                "AND parent_id = :township)", {"township": campaign["township_id"]})
    return "1", {}


def populate(cs: ChangeSet, campaign: Mapping[str, Any], *, answers_sql: str = "'{}'",
             columns: Mapping[str, str] | None = None, village_ids: list[str] | None = None,
             households_sql: str = "1", job: Job = NO_JOB, kind: str = "household") -> int:
    """Create the missing ratings of ``campaign`` in SQL, scored.

    ``answers_sql`` is an SQL expression over the household ``h``; ``columns``
    may give expressions over the scored row ``n`` (id, village_id, grade ...) for status,
    notice_id and decided_at (the demo uses both for realistic states); by
    default the manual indicators are unanswered and the status is collected.
    ``kind`` organization rates the township's new agricultural operators
    (``h`` is then the organization) with the campaign's organization scheme.
    """
    cols = {"status": "'collected'", "notice_id": "NULL", "decided_at": "NULL", **(columns or {})}
    db = cs.db
    scheme = scheme_for_kind(db, campaign, kind)
    where, params = _village_filter(campaign)
    where += f" AND ({households_sql})"
    if kind == "organization":
        where += " AND h.kind IN (" + ", ".join(
            f"'{k}'" for k in inputs.RATED_ORGANIZATION_KINDS) + ")"
    if village_ids is not None:
        where += f" AND h.village_id IN ({','.join(f':v{i}' for i in range(len(village_ids)))})"
        params.update({f"v{i}": v for i, v in enumerate(village_ids)})
    job.step(0, 3, translate("Rating", "scoring"))
    base = (f"SELECT h.id AS id, h.village_id AS village_id, {answers_sql} AS answers, "
            + ", ".join(f"{inputs.SOURCES[s].sql} AS [{s}]" for s in scheme.sources)
            # NOT IN, not a correlated NOT EXISTS: evaluated once, and fast
            # even while a bulk load has the rating indexes dropped.
            + f" FROM {inputs.KIND_TABLE[kind]} h WHERE {where} AND h.id NOT IN (SELECT x.subject_id "
              f"FROM rating x WHERE x.campaign_id = :campaign)")
    # Scored and inserted in one statement: no temporary copy of the rows.
    cursor = db.execute(
        "INSERT INTO rating (id, campaign_id, subject_id, village_id, status, answers, inputs, "
        "breakdown, score, complete, grade, veto, notice_id, decided_at, version, created_at, "
        "updated_at, subject_kind) "
        f"SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
        "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
        "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), :campaign, n.id, "
        f"n.village_id, {cols['status']}, n.answers, n.inputs, n.breakdown, n.score, n.complete, "
        f"n.grade, n.veto, {cols['notice_id']}, {cols['decided_at']}, 1, :at, :at, :kind "
        f"FROM ({assess.scored_select(scheme, base)}) n",
        {**params, "campaign": campaign["id"], "today": inputs.today(), "at": cs.at,
         "kind": kind})
    count = cursor.rowcount
    job.step(2, 3, translate("Rating", "journal"))
    # The rows just inserted: a ChangeSet's time is its own (one populate per
    # ChangeSet and kind).
    cs.journal_inserted("rating", "campaign_id = ? AND created_at = ? AND version = 1 "
                                  "AND subject_kind = ?", [campaign["id"], cs.at, kind],
                        bulk=count)
    job.step(3, 3, "")
    return count


def rescore(cs: ChangeSet, campaign: Mapping[str, Any], *, village_id: str | None = None,
            job: Job = NO_JOB) -> int:
    """Refresh the automatic inputs of the open ratings (status collected) in
    SQL and rescore them; returns how many changed. Journaled as updates."""
    count = _rescore_kind(cs, campaign, "household", village_id, job)
    if campaign.get("org_scheme_id"):
        count += _rescore_kind(cs, campaign, "organization", village_id, NO_JOB)
    return count


def _rescore_kind(cs: ChangeSet, campaign: Mapping[str, Any], kind: str,
                  village_id: str | None, job: Job) -> int:
    db = cs.db
    require_open(campaign)
    scheme = scheme_for_kind(db, campaign, kind)
    extra, params = "", {"campaign": campaign["id"], "today": inputs.today()}
    if village_id:
        extra, params["village"] = " AND r.village_id = :village", village_id
    job.step(0, 2, translate("Rating", "scoring"))
    base = ("SELECT r.id AS id, r.village_id AS village_id, r.answers AS answers, "
            + ", ".join(f"{inputs.SOURCES[s].sql} AS [{s}]" for s in scheme.sources)
            + f" FROM rating r JOIN {inputs.KIND_TABLE[kind]} h ON h.id = r.subject_id "
              f"WHERE r.campaign_id = :campaign AND r.status = 'collected'{extra}")
    db.execute("DROP TABLE IF EXISTS temp.rating_new")
    db.execute(f"CREATE TEMP TABLE rating_new AS SELECT n.* FROM ({assess.scored_select(scheme, base)}) n "
               "JOIN rating r ON r.id = n.id WHERE r.inputs IS NOT n.inputs OR r.score IS NOT n.score "
               "OR r.grade IS NOT n.grade OR r.veto IS NOT n.veto OR r.complete IS NOT n.complete "
               "OR r.breakdown IS NOT n.breakdown", params)
    job.step(1, 2, translate("Rating", "journal"))
    old = _json_object("r")
    new = _json_object("r", {"inputs": "n.inputs", "breakdown": "n.breakdown", "score": "n.score",
                             "complete": "n.complete", "grade": "n.grade", "veto": "n.veto",
                             "version": "r.version + 1", "updated_at": ":at"})
    db.execute(
        "INSERT INTO journal (txn_id, at, operator_id, action, entity, entity_id, base_version, "
        "version, before, after, origin) "
        f"SELECT :txn, :at, :op, 'update', 'rating', r.id, r.version, r.version + 1, {old}, {new}, "
        ":origin FROM rating r JOIN temp.rating_new n ON n.id = r.id",
        {"txn": cs.txn_id, "at": cs.at, "op": cs.operator_id, "origin": cs.origin})
    count = db.execute(
        "UPDATE rating SET inputs = n.inputs, breakdown = n.breakdown, score = n.score, "
        "complete = n.complete, grade = n.grade, veto = n.veto, version = rating.version + 1, "
        "updated_at = :at FROM temp.rating_new n WHERE n.id = rating.id", {"at": cs.at}).rowcount
    db.execute("DROP TABLE temp.rating_new")
    job.step(2, 2, "")
    return count


def _json_object(alias: str, override: dict[str, str] | None = None) -> str:
    override = override or {}
    pairs = ", ".join(f"'{c}', {override.get(c, f'{alias}.[{c}]')}" for c in sorted(RATING_COLUMNS))
    return f"json_object({pairs})"


def rescore_campaign(db: Database, operator_id: str, campaign_id: str, *,
                     village_id: str | None = None, job: Job = NO_JOB) -> int:
    require(db, operator_id, "rating.manage")
    campaign = get_campaign(db, campaign_id)
    with big_cache(db), changes(db, operator_id) as cs:
        count = rescore(cs, campaign, village_id=village_id, job=job)
        if village_id:
            verdicts.recompute_village(db, campaign_id, village_id, loans=True)
        else:
            verdicts.recompute_campaign(db, campaign_id)
    return count


# ------------------------------------------------------------------ reads

def get_campaign(db: Database, campaign_id: str) -> dict[str, Any]:
    row = next(db.query("SELECT * FROM rating_campaign WHERE id = ?", [campaign_id]), None)
    if row is None:
        raise NotFound(translate("Rating", "The rating campaign no longer exists."))
    return row


def campaigns(db: Database) -> list[dict[str, Any]]:
    return list(db.query(
        "SELECT c.*, s.scheme_version, s.name AS scheme_name FROM rating_campaign c "
        "JOIN rating_scheme s ON s.id = c.scheme_id ORDER BY c.campaign_year DESC, c.created_at DESC"))


def current_campaign(db: Database) -> dict[str, Any] | None:
    """The newest open campaign, else the newest one."""
    rows = campaigns(db)
    return next((c for c in rows if c["status"] == "open"), rows[0] if rows else None)


def resolve_campaign(db: Database, campaign_id: str | None) -> dict[str, Any]:
    if campaign_id:
        return get_campaign(db, campaign_id)
    campaign = current_campaign(db)
    if campaign is None:
        raise NotFound(translate("Rating", "There is no rating campaign yet. Start this year's "
                                           "campaign first (a new campaign on the rating page, "
                                           "or rating campaign create)."))
    return campaign


def campaign_scheme(db: Database, campaign: Mapping[str, Any]) -> Scheme:
    return scheme_by_id(db, campaign["scheme_id"])


def scheme_for_kind(db: Database, campaign: Mapping[str, Any], kind: str) -> Scheme:
    """The campaign's scheme for households, or for organizations."""
    if kind == "organization":
        if not campaign.get("org_scheme_id"):
            raise NotFound(translate("Rating", "Campaign {name} does not rate organizations.")
                           .format(name=campaign["name"]))
        return scheme_by_id(db, campaign["org_scheme_id"])
    return scheme_by_id(db, campaign["scheme_id"])


def rating_scheme(db: Database, rating: Mapping[str, Any],
                  campaign: Mapping[str, Any] | None = None) -> Scheme:
    """The scheme a rating is scored with (its campaign's, for its kind of subject)."""
    campaign = campaign or get_campaign(db, rating["campaign_id"])
    return scheme_for_kind(db, campaign, rating.get("subject_kind") or "household")


def rate_organizations(db: Database, operator_id: str, campaign_id: str) -> int:
    """Start rating the township's organizations in an open campaign that does
    not rate them yet (campaigns started before the organization scheme was
    shipped), or add organizations registered since; returns how many."""
    require(db, operator_id, "rating.manage")
    ensure_shipped(db, operator_id)
    campaign = get_campaign(db, campaign_id)
    require_open(campaign)
    with changes(db, operator_id) as cs:
        if not campaign.get("org_scheme_id"):
            campaign = cs.update("rating_campaign", campaign_id,
                                 {"org_scheme_id": latest(db, "organization")["id"]})[1]
        return populate(cs, campaign, kind="organization")


def require_open(campaign: Mapping[str, Any]) -> None:
    if campaign["status"] != "open":
        raise CampaignClosed(translate(
            "Rating", "Campaign {name} is closed; its results can no longer change.").format(
            name=campaign["name"]))


def close_campaign(db: Database, operator_id: str, campaign_id: str) -> dict[str, Any]:
    require(db, operator_id, "rating.manage")
    campaign = get_campaign(db, campaign_id)
    require_open(campaign)
    with changes(db, operator_id) as cs:
        verdicts.recompute_campaign(db, campaign_id)
        return cs.update("rating_campaign", campaign_id,
                         {"status": "closed", "closed_at": cs.at})[1]


def get_rating(db: Database, rating_id: str) -> dict[str, Any]:
    row = next(db.query("SELECT * FROM rating WHERE id = ?", [rating_id]), None)
    if row is None:
        raise NotFound(translate("Rating", "The rating no longer exists."))
    return row


def rating_for(db: Database, campaign_id: str, subject_id: str) -> dict[str, Any] | None:
    return next(db.query("SELECT * FROM rating WHERE campaign_id = ? AND subject_id = ?",
                         [campaign_id, subject_id]), None)


def village_ratings(db: Database, campaign_id: str, village_id: str) -> list[dict[str, Any]]:
    """The village's households with their rating, in register order (group, name),
    then its rated organizations (name in head_name, USCC in head_id_number,
    kind in group_name)."""
    rows = list(db.query(
        "SELECT r.id, r.subject_id, r.status, r.score, r.complete, r.grade, r.veto, r.version, "
        "r.answers, r.subject_kind, h.head_name, h.head_id_number, g.name AS group_name "
        "FROM rating r JOIN household h ON h.id = r.subject_id "
        "LEFT JOIN place g ON g.id = h.group_id "
        "WHERE r.campaign_id = ? AND r.village_id = ? ORDER BY g.name_sort, h.name_sort",
        [campaign_id, village_id]))
    for row in db.query(
            "SELECT r.id, r.subject_id, r.status, r.score, r.complete, r.grade, r.veto, "
            "r.version, r.answers, r.subject_kind, o.name AS head_name, o.uscc AS head_id_number, "
            "o.kind FROM rating r JOIN organization o ON o.id = r.subject_id "
            "WHERE r.campaign_id = ? AND r.village_id = ? AND r.subject_kind = 'organization' "
            "ORDER BY o.name", [campaign_id, village_id]):
        row["group_name"] = kind_label(row.pop("kind"))
        rows.append(row)
    return rows


def live_inputs(db: Database, subject_id: str, scheme: Scheme) -> dict[str, int]:
    return inputs.household_inputs(db, [subject_id], scheme.sources,
                                   kind=scheme.subject).get(subject_id, {})


def preview(db: Database, rating_id: str, answers: Mapping[str, Any]) -> assess.Result:
    """The score these answers would give, with today's automatic inputs."""
    rating = get_rating(db, rating_id)
    scheme = rating_scheme(db, rating)
    return assess.score(scheme, assess.clean_answers(scheme, answers),
                        live_inputs(db, rating["subject_id"], scheme))


def save_answers(db: Database, operator_id: str, rating_id: str, answers: Mapping[str, Any], *,
                 base_version: int | None = None) -> dict[str, Any]:
    """Store the evaluation group's answers; rescored with fresh automatic inputs."""
    require(db, operator_id, "rating.collect")
    rating = get_rating(db, rating_id)
    campaign = get_campaign(db, rating["campaign_id"])
    require_open(campaign)
    if rating["status"] != "collected":
        raise UserError(translate(
            "Rating", "This household's rating is at the step '{status}'; answers can only be "
                      "changed while information is being collected. An upheld objection sends "
                      "it back.").format(status=status_label(rating["status"])))
    scheme = rating_scheme(db, rating, campaign)
    clean = assess.clean_answers(scheme, answers)
    with changes(db, operator_id) as cs:
        values = live_inputs(db, rating["subject_id"], scheme)
        result = assess.score(scheme, clean, values)
        _, after = cs.update("rating", rating_id, {
            "answers": assess.to_json(clean), **assess.stored_fields(result, values)},
            base_version=base_version)
        verdicts.recompute_village(db, campaign["id"], rating["village_id"])
    return after


def answers_of(rating: Mapping[str, Any]) -> dict[str, Any]:
    return json.loads(rating["answers"] or "{}")
