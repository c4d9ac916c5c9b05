"""Schema of the records area; may depend on sets listed before it in
``db.migrations.MIGRATION_SETS``.

credit_record and list_entry themselves are in db/schema_credit.py (shared
store of credit facts); this set adds the workflows around them: repair
applications, objections, issued credit reports and the query and use log.
"""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

records = Migrations("records")


@records()
def m001_repair_objection_report_log(db: Database) -> None:
    """One SQL script: every table of the first records schema (long, not complex)."""
    db.executescript(
        """
        CREATE INDEX credit_record_category ON credit_record(category, subject_id);
        CREATE INDEX list_entry_kind ON list_entry(list_kind, listed_on);

        -- Credit repair (信用修复): an application with evidence and a repair
        -- commitment, approved or rejected with reasons.
        CREATE TABLE repair_application (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL REFERENCES credit_record(id) ON DELETE CASCADE,
            subject_id TEXT NOT NULL,
            applicant TEXT NOT NULL,
            applied_on TEXT NOT NULL,
            evidence TEXT NOT NULL,
            commitment TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'approved', 'rejected')),
            decision_reason TEXT,
            decided_by TEXT REFERENCES app_user(id),
            decided_at TEXT,
            created_by TEXT NOT NULL REFERENCES app_user(id),
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX repair_application_record ON repair_application(record_id);
        CREATE INDEX repair_application_subject ON repair_application(subject_id);
        CREATE INDEX repair_application_status ON repair_application(status, applied_on);

        -- Objection (异议): the record is disputed from filing until the outcome.
        CREATE TABLE objection (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL REFERENCES credit_record(id) ON DELETE CASCADE,
            subject_id TEXT NOT NULL,
            filed_by TEXT NOT NULL,
            filed_on TEXT NOT NULL,
            grounds TEXT NOT NULL,
            deadline TEXT NOT NULL,
            prior_status TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'corrected', 'revoked', 'upheld')),
            outcome_reason TEXT,
            decided_by TEXT REFERENCES app_user(id),
            decided_at TEXT,
            created_by TEXT NOT NULL REFERENCES app_user(id),
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX objection_record ON objection(record_id);
        CREATE INDEX objection_subject ON objection(subject_id);
        CREATE INDEX objection_status ON objection(status, deadline);

        -- Every credit report issued; the verification code printed on the
        -- report (and in its QR code) leads here.
        CREATE TABLE credit_report (
            id TEXT PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            verify_code TEXT NOT NULL UNIQUE,
            subject_id TEXT NOT NULL,
            subject_name TEXT NOT NULL,
            subject_number_masked TEXT NOT NULL,
            requester TEXT NOT NULL,
            purpose TEXT NOT NULL,
            full_display INTEGER NOT NULL DEFAULT 0,
            issued_by TEXT NOT NULL REFERENCES app_user(id),
            issuing_body TEXT NOT NULL,
            issued_on TEXT NOT NULL,
            valid_until TEXT NOT NULL,
            summary TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            pdf_sha256 TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX credit_report_subject ON credit_report(subject_id, issued_on);

        -- Query and use log (查询使用登记): append-only. The triggers refuse
        -- any change or removal, whoever asks.
        CREATE TABLE query_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            operator_id TEXT NOT NULL,
            action TEXT NOT NULL,
            subject_id TEXT,
            purpose TEXT,
            detail TEXT
        );
        CREATE INDEX query_log_subject ON query_log(subject_id, seq);
        CREATE INDEX query_log_at ON query_log(at);
        CREATE TRIGGER query_log_no_update BEFORE UPDATE ON query_log
        BEGIN
            SELECT RAISE(ABORT, 'query_log is append-only');
        END;
        CREATE TRIGGER query_log_no_delete BEFORE DELETE ON query_log
        BEGIN
            SELECT RAISE(ABORT, 'query_log is append-only');
        END;
        """
    )


@records()
def m002_measure_feedback_legal_rep_links_repair_letter(db: Database) -> None:
    """Joint reward and punishment feedback, records reaching a listed organization's
    legal representative, and the repair commitment letter of a repair application."""
    db.executescript(
        """
        -- 联合奖惩 触发反馈: an official records that a measure implied by a
        -- list was applied (which measure, in which matter, when, who).
        CREATE TABLE measure_feedback (
            id TEXT PRIMARY KEY,
            subject_id TEXT,
            id_number TEXT NOT NULL,
            name TEXT NOT NULL,
            list_entry_id TEXT,
            list_kind TEXT NOT NULL
                CHECK (list_kind IN ('red_list', 'black_list', 'dishonest_judgment_debtor')),
            measure TEXT NOT NULL,
            matter TEXT NOT NULL,
            department TEXT,
            applied_on TEXT NOT NULL,
            note TEXT,
            recorded_by TEXT NOT NULL REFERENCES app_user(id),
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX measure_feedback_number ON measure_feedback(id_number, applied_on);
        CREATE INDEX measure_feedback_applied ON measure_feedback(applied_on);

        -- A list entry or negative record of an organization also reaches its
        -- legal representative's personal record (as the county plan asks).
        CREATE TABLE legal_rep_link (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL,
            organization_name TEXT NOT NULL,
            uscc TEXT NOT NULL,
            person_name TEXT NOT NULL,
            person_id_number TEXT NOT NULL,
            source_kind TEXT NOT NULL CHECK (source_kind IN ('list_entry', 'credit_record')),
            source_id TEXT NOT NULL,
            list_kind TEXT,
            title TEXT NOT NULL,
            decided_on TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (source_kind, source_id, person_id_number)
        );
        CREATE INDEX legal_rep_link_person ON legal_rep_link(person_id_number);

        -- The repair-type commitment letter (信用修复承诺书) of a repair application.
        ALTER TABLE repair_application ADD COLUMN letter_id TEXT;
        CREATE INDEX repair_application_letter ON repair_application(letter_id);
        """
    )


@records()
def m003_deadlines_keep_their_policy(db: Database) -> None:
    # A deadline set under one policy version keeps it when the county sends a
    # new one: the version is pinned on the objection (its answer deadline)
    # and on the repair application (the earliest repair date, set on applying).
    db.executescript(
        """
        ALTER TABLE objection ADD COLUMN policy_version TEXT;
        ALTER TABLE repair_application ADD COLUMN policy_version TEXT;
        ALTER TABLE repair_application ADD COLUMN earliest_on TEXT;
        """
    )
