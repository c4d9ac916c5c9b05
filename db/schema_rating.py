"""Credit rating (信用评定): schemes, campaigns, household ratings, workflow
steps, notices and objections, review flags, and the derived village and
township results. May depend on the core and credit sets (listed before it
in ``db.migrations.MIGRATION_SETS``)."""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

rating = Migrations("rating")


@rating()
def m001_rating(db: Database) -> None:
    db.executescript(
        """
        -- An installed scheme keeps the exact TOML text it was loaded from:
        -- a campaign refers to it, so its results stay reproducible after
        -- newer versions are installed. (code, version) never changes text.
        CREATE TABLE rating_scheme (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            scheme_version TEXT NOT NULL,
            name TEXT NOT NULL,
            source_text TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX rating_scheme_code_version ON rating_scheme(code, scheme_version);

        CREATE TABLE rating_campaign (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            campaign_year INTEGER NOT NULL,
            scheme_id TEXT NOT NULL REFERENCES rating_scheme(id),
            township_id TEXT REFERENCES place(id),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            closed_at TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        -- One household's rating in one campaign. answers: manual indicator
        -- answers and manual veto answers; inputs: the automatic values
        -- (register, credit records, lists) as they were when scored;
        -- breakdown: points per indicator.
        CREATE TABLE rating (
            id TEXT PRIMARY KEY,
            campaign_id TEXT NOT NULL REFERENCES rating_campaign(id) ON DELETE CASCADE,
            subject_id TEXT NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
            village_id TEXT NOT NULL REFERENCES place(id),
            status TEXT NOT NULL DEFAULT 'collected' CHECK (status IN (
                'collected', 'first_reviewed', 'in_notice', 'township_reviewed',
                'approved', 'plaqued', 'removed')),
            answers TEXT NOT NULL DEFAULT '{}',
            inputs TEXT NOT NULL DEFAULT '{}',
            breakdown TEXT NOT NULL DEFAULT '{}',
            score REAL NOT NULL DEFAULT 0,
            complete INTEGER NOT NULL DEFAULT 0,
            grade TEXT,
            veto TEXT,
            notice_id TEXT,
            decided_at TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX rating_campaign_subject ON rating(campaign_id, subject_id);
        CREATE INDEX rating_village ON rating(campaign_id, village_id, status);
        CREATE INDEX rating_subject ON rating(subject_id);

        -- Who did which workflow step when (the rating's journal has the
        -- data; this is the readable history).
        CREATE TABLE rating_step (
            id TEXT PRIMARY KEY,
            rating_id TEXT NOT NULL REFERENCES rating(id) ON DELETE CASCADE,
            step TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT,
            at TEXT NOT NULL,
            operator_id TEXT NOT NULL REFERENCES app_user(id),
            note TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX rating_step_rating ON rating_step(rating_id, at);

        -- The public notice (公示) of one village's list.
        CREATE TABLE rating_notice (
            id TEXT PRIMARY KEY,
            campaign_id TEXT NOT NULL REFERENCES rating_campaign(id) ON DELETE CASCADE,
            village_id TEXT NOT NULL REFERENCES place(id),
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            objection_contact TEXT NOT NULL,
            operator_id TEXT NOT NULL REFERENCES app_user(id),
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX rating_notice_village ON rating_notice(campaign_id, village_id, start_date);

        CREATE TABLE rating_objection (
            id TEXT PRIMARY KEY,
            rating_id TEXT NOT NULL REFERENCES rating(id) ON DELETE CASCADE,
            raised_on TEXT NOT NULL,
            raised_by TEXT NOT NULL,
            content TEXT NOT NULL,
            outcome TEXT CHECK (outcome IN ('upheld', 'dismissed')),
            answer TEXT,
            resolved_at TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX rating_objection_rating ON rating_objection(rating_id);

        -- Households queued for downgrade or removal review (a new negative
        -- record, list entry, broken promise, county list).
        CREATE TABLE rating_flag (
            id TEXT PRIMARY KEY,
            subject_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            source TEXT NOT NULL,
            raised_at TEXT NOT NULL,
            resolved_at TEXT,
            outcome TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX rating_flag_subject ON rating_flag(subject_id, resolved_at);
        CREATE INDEX rating_flag_open ON rating_flag(resolved_at, raised_at);

        -- Derived: each village's figures and verdict per campaign,
        -- recomputed whenever a rating in it changes. Local, not journaled.
        CREATE TABLE rating_village_result (
            campaign_id TEXT NOT NULL REFERENCES rating_campaign(id) ON DELETE CASCADE,
            village_id TEXT NOT NULL REFERENCES place(id),
            households INTEGER NOT NULL,
            rated INTEGER NOT NULL,
            approved INTEGER NOT NULL,
            grade_counts TEXT NOT NULL,
            vetoed INTEGER NOT NULL,
            credit_households INTEGER NOT NULL,
            borrowing INTEGER NOT NULL,
            on_time INTEGER NOT NULL,
            loan_balance_fen INTEGER NOT NULL,
            overdue_fen INTEGER NOT NULL,
            is_credit_village INTEGER NOT NULL,
            computed_at TEXT NOT NULL,
            PRIMARY KEY (campaign_id, village_id)
        );
        """
    )


@rating()
def m002_village_figures_index(db: Database) -> None:
    # Covers the per-village counts (rated, by grade, vetoed, approved), so a
    # village's verdict after one edit reads the index, not thousands of rows.
    db.execute("CREATE INDEX rating_village_figures ON rating(campaign_id, village_id, grade, "
               "status, complete, veto)")


@rating()
def m003_objection_answers_and_batches(db: Database) -> None:
    # An objection may also be answered by correcting the answers (rescored,
    # the household stays on its way to township review), and the answer
    # names who gave it. SQLite cannot widen a CHECK in place: rebuild.
    db.executescript(
        """
        CREATE TABLE rating_objection_new (
            id TEXT PRIMARY KEY,
            rating_id TEXT NOT NULL REFERENCES rating(id) ON DELETE CASCADE,
            raised_on TEXT NOT NULL,
            raised_by TEXT NOT NULL,
            content TEXT NOT NULL,
            outcome TEXT CHECK (outcome IN ('upheld', 'corrected', 'dismissed')),
            answer TEXT,
            resolved_at TEXT,
            answered_by TEXT REFERENCES app_user(id),
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        INSERT INTO rating_objection_new (id, rating_id, raised_on, raised_by, content, outcome,
            answer, resolved_at, answered_by, version, created_at, updated_at)
        SELECT id, rating_id, raised_on, raised_by, content, outcome, answer, resolved_at, NULL,
            version, created_at, updated_at FROM rating_objection;
        DROP TABLE rating_objection;
        ALTER TABLE rating_objection_new RENAME TO rating_objection;
        CREATE INDEX rating_objection_rating ON rating_objection(rating_id);

        -- Steps taken together by one village-wide click share a batch id,
        -- so the last batch can be undone until the next step is taken.
        ALTER TABLE rating_step ADD COLUMN batch_id TEXT;
        CREATE INDEX rating_step_batch ON rating_step(batch_id);
        """
    )


@rating()
def m004_organizations_rated(db: Database) -> None:
    # New agricultural operators (cooperatives, family farms, agricultural
    # enterprises) are rated in the same campaign with their own scheme; their
    # ratings must not count as households in the credit village figures, so
    # the kind is a column the figures index covers (an O(1) ALTER, no rewrite).
    db.executescript(
        """
        ALTER TABLE rating ADD COLUMN subject_kind TEXT NOT NULL DEFAULT 'household'
            CHECK (subject_kind IN ('household', 'organization'));
        ALTER TABLE rating_campaign ADD COLUMN org_scheme_id TEXT REFERENCES rating_scheme(id);
        DROP INDEX rating_village_figures;
        CREATE INDEX rating_village_figures ON rating(campaign_id, village_id, subject_kind,
            grade, status, complete, veto);
        """
    )
