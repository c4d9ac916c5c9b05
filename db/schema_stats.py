"""Schema of the statistics area; runs after every other set in
``db.migrations.MIGRATION_SETS``.

The county measures 双公示 decisions by three dates: the decision date (on
the record), the date the township entered it and the date it was uploaded
(the county acknowledged the batch that carried it). The last two are
bookkeeping, not credit information, so they live in their own table
(``record_upload``) rather than on ``credit_record``: nothing here travels
to the county or changes the journal, and the sync protocol is untouched.

Two triggers keep the table current without any code in the areas that
write: a credit record's first journal entry (``create``) is the moment it
was entered, and a batch turning ``acknowledged`` is the moment every
record it carried was uploaded (the first acknowledgement counts; a later
correction re-sent in another batch does not make a record late).
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

stats = Migrations("stats")


@stats()
def m001_record_upload(db) -> None:
    db.executescript(
        """
        CREATE TABLE record_upload (
            record_id TEXT PRIMARY KEY,
            entered_at TEXT NOT NULL,
            journal_seq INTEGER NOT NULL,
            origin TEXT NOT NULL,
            uploaded_at TEXT,
            batch_sequence INTEGER
        );
        -- The last computed figures (JSON) and the journal position they
        -- reflect, so the home dashboard paints at once on a big register
        -- and recomputes in the background only when something changed.
        CREATE TABLE stats_cache (
            key TEXT PRIMARY KEY,
            journal_seq INTEGER NOT NULL,
            computed_at TEXT NOT NULL,
            content TEXT NOT NULL
        );
        CREATE INDEX record_upload_pending ON record_upload(journal_seq) WHERE uploaded_at IS NULL;

        INSERT OR IGNORE INTO record_upload (record_id, entered_at, journal_seq, origin)
            SELECT entity_id, at, seq, origin FROM journal
            WHERE entity = 'credit_record' AND action = 'create' ORDER BY seq;
        UPDATE record_upload SET
            uploaded_at = (SELECT b.acknowledged_at FROM sync_batch b
                           WHERE b.state = 'acknowledged'
                             AND record_upload.journal_seq BETWEEN b.first_journal_seq
                                                               AND b.last_journal_seq),
            batch_sequence = (SELECT b.sequence FROM sync_batch b
                              WHERE b.state = 'acknowledged'
                                AND record_upload.journal_seq BETWEEN b.first_journal_seq
                                                                  AND b.last_journal_seq)
            WHERE origin = 'local';

        CREATE TRIGGER record_upload_entered AFTER INSERT ON journal
        WHEN NEW.entity = 'credit_record' AND NEW.action = 'create'
        BEGIN
            INSERT OR IGNORE INTO record_upload (record_id, entered_at, journal_seq, origin)
            VALUES (NEW.entity_id, NEW.at, NEW.seq, NEW.origin);
        END;

        CREATE TRIGGER record_upload_acknowledged AFTER UPDATE OF state ON sync_batch
        WHEN NEW.state = 'acknowledged' AND OLD.state != 'acknowledged'
        BEGIN
            UPDATE record_upload
               SET uploaded_at = coalesce(NEW.acknowledged_at, strftime('%Y-%m-%dT%H:%M:%fZ')),
                   batch_sequence = NEW.sequence
             WHERE uploaded_at IS NULL AND origin = 'local'
               AND journal_seq BETWEEN NEW.first_journal_seq AND NEW.last_journal_seq;
        END;
        """
    )
