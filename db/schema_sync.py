"""Schema of the township's sync client; may depend on sets listed before it
in ``db.migrations.MIGRATION_SETS``.

The outbox itself is the journal (rows with ``origin = 'local'``); these
tables only record how far it was packed and what the county answered.
"""

from sqlite_utils.migrations import Migrations

sync = Migrations("sync")


@sync()
def m001_batches_conflicts_downlink(db) -> None:
    """One SQL script: every table of the first sync schema (long, not complex)."""
    db.executescript(
        """
        -- One row per packed batch; content is the signed file, byte for
        -- byte, so every re-send (HTTP or USB) is identical.
        CREATE TABLE sync_batch (
            sequence INTEGER PRIMARY KEY,
            device_id TEXT NOT NULL,
            first_journal_seq INTEGER NOT NULL,
            last_journal_seq INTEGER NOT NULL,
            change_count INTEGER NOT NULL,
            batch_sha256 TEXT NOT NULL,
            content BLOB NOT NULL,
            created_at TEXT NOT NULL,
            -- pending: packed, not yet delivered; sent: delivered (uploaded or
            -- written to a file) but no verified receipt yet; acknowledged:
            -- its receipt verified; failed: the last attempt failed (reason).
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'sent', 'acknowledged', 'failed')),
            reason TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_attempt_at TEXT,
            sent_at TEXT,
            acknowledged_at TEXT,
            receipt BLOB,
            accepted INTEGER,
            conflicts INTEGER,
            rejected INTEGER
        );
        CREATE INDEX sync_batch_state ON sync_batch(state, sequence);

        -- Local changes that resolve a county conflict (travel as
        -- "resolution" in the payload).
        CREATE TABLE sync_resolution (
            journal_seq INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('keep_local', 'take_county'))
        );

        -- Both versions of a record the county reported changed there too.
        CREATE TABLE sync_conflict (
            id TEXT PRIMARY KEY,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            journal_seq INTEGER NOT NULL,
            batch_sequence INTEGER,
            local_version INTEGER,
            local_data TEXT,
            county_version INTEGER,
            county_source TEXT,
            county_data TEXT,
            detected_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
            resolution TEXT CHECK (resolution IN ('keep_local', 'take_county')),
            resolved_at TEXT,
            resolved_by TEXT
        );
        CREATE INDEX sync_conflict_open ON sync_conflict(status, entity, entity_id);

        -- Downlink packages applied, in order.
        CREATE TABLE sync_downlink (
            package INTEGER PRIMARY KEY,
            issued_at TEXT NOT NULL,
            item_count INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );

        -- Policy documents the county sent; the newest version per name is
        -- in force. Journaled like every record (origin 'county').
        CREATE TABLE county_policy (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            policy_version TEXT NOT NULL,
            content TEXT NOT NULL,
            issued_at TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX county_policy_name_version ON county_policy(name, policy_version);

        -- Households and organizations a county list affects, until the
        -- rating area's review queue (app.rating.queries.flag_for_review)
        -- takes them.
        CREATE TABLE sync_review_flag (
            id TEXT PRIMARY KEY,
            subject_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            source TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX sync_review_flag_subject ON sync_review_flag(subject_id);
        """
    )


@sync()
def m002_journal_not_local(db) -> None:
    # Only journal rows that are not outbox entries (origin 'county'): tiny, so
    # "how many local changes wait" is max(seq) arithmetic, not a scan of the
    # journal (which is most of a big register's file).
    db.execute("CREATE INDEX IF NOT EXISTS journal_not_local ON journal(seq) "
               "WHERE origin != 'local'")


@sync()
def m003_drop_sync_review_flag(db) -> None:
    # sync_review_flag held county-list flags only while the rating area's
    # review queue (rating_flag) might be missing; the downlink now always
    # writes to rating_flag and nothing reads this table. Any row left in it
    # moves to the review queue first, so no flag is lost.
    db.execute(
        "INSERT INTO rating_flag (id, subject_id, reason, source, raised_at, created_at, "
        "updated_at) SELECT f.id, f.subject_id, f.reason, f.source, f.created_at, f.created_at, "
        "f.created_at FROM sync_review_flag f WHERE NOT EXISTS (SELECT 1 FROM rating_flag r "
        "WHERE r.subject_id = f.subject_id AND r.reason = f.reason AND r.resolved_at IS NULL)")
    db.execute("DROP TABLE sync_review_flag")
