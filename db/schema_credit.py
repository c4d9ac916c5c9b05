"""Credit information: records (信用记录) and list entries (红黑名单).

Shared by records and reports, rating (list status, negative records),
letters (a broken promise becomes a record) and sync (county lists).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

credit = Migrations("credit")


@credit()
def m001_records_and_lists(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE credit_record (
            id TEXT PRIMARY KEY,
            subject_id TEXT NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            polarity TEXT NOT NULL CHECK (polarity IN ('positive', 'negative', 'neutral')),
            severity TEXT CHECK (severity IN ('minor', 'general', 'serious')),
            title TEXT NOT NULL,
            content TEXT,
            source_department TEXT,
            document_number TEXT,
            decision_date TEXT NOT NULL,
            publicity_end TEXT,
            status TEXT NOT NULL DEFAULT 'public'
                CHECK (status IN ('public', 'repaired', 'revoked', 'disputed', 'expired')),
            -- Category-specific fields (e.g. every 双公示 field), as JSON.
            details TEXT NOT NULL DEFAULT '{}',
            letter_id TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX credit_record_subject ON credit_record(subject_id, decision_date);
        CREATE INDEX credit_record_status ON credit_record(status, publicity_end);

        -- Entries of red and black lists and the court's list of dishonest
        -- judgment debtors. County lists may name people not in the register,
        -- so an entry carries the number it was published with; subject_id is
        -- filled when the number matches a registered subject.
        CREATE TABLE list_entry (
            id TEXT PRIMARY KEY,
            list_kind TEXT NOT NULL
                CHECK (list_kind IN ('red_list', 'black_list', 'dishonest_judgment_debtor')),
            subject_id TEXT REFERENCES subject(id) ON DELETE SET NULL,
            name TEXT NOT NULL,
            id_number TEXT NOT NULL,
            basis TEXT,
            deciding_body TEXT,
            document_number TEXT,
            listed_on TEXT NOT NULL,
            valid_until TEXT,
            removed_on TEXT,
            source TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'county')),
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX list_entry_number ON list_entry(id_number);
        CREATE INDEX list_entry_subject ON list_entry(subject_id);
        """
    )
