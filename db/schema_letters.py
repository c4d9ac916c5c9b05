"""Schema of the letters area; may depend on sets listed before it in
``db.migrations.MIGRATION_SETS``.

Commitment letters (信用承诺书). A template version is immutable once stored:
editing a template adds the next version, so a printed letter (which keeps
its template version and the data snapshot it was printed with) can always
be printed again exactly as it was.
"""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

letters = Migrations("letters")


@letters()
def m001_letters(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE letter_template (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            template_version INTEGER NOT NULL CHECK (template_version >= 1),
            letter_type TEXT NOT NULL CHECK (letter_type IN (
                'farmer_credit', 'approval_replacement', 'missing_documents',
                'voluntary_public', 'industry_self_discipline', 'credit_repair')),
            subject_kind TEXT NOT NULL CHECK (subject_kind IN ('household', 'organization', 'any')),
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            consent TEXT NOT NULL DEFAULT '',
            purpose TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'shipped' CHECK (source IN ('shipped', 'edited')),
            note TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (name, template_version)
        );

        CREATE TABLE commitment_letter (
            id TEXT PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            subject_id TEXT NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
            village_id TEXT REFERENCES place(id),
            template_id TEXT NOT NULL REFERENCES letter_template(id),
            template_name TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'drafted'
                CHECK (status IN ('drafted', 'printed', 'signed', 'void')),
            -- The placeholder values the letter was (first) printed with, as JSON.
            snapshot TEXT NOT NULL,
            -- SHA-256 of the filled-in text; a reprint must give the same.
            text_sha256 TEXT NOT NULL,
            printed_at TEXT,
            print_count INTEGER NOT NULL DEFAULT 0,
            signed_at TEXT,
            collected_by TEXT,
            signed_place TEXT,
            fulfilment TEXT CHECK (fulfilment IN ('kept', 'broken')),
            fulfilment_at TEXT,
            fulfilment_note TEXT,
            credit_record_id TEXT,
            void_reason TEXT,
            voided_at TEXT,
            status_before_void TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX commitment_letter_subject ON commitment_letter(subject_id, created_at);
        CREATE INDEX commitment_letter_village ON commitment_letter(village_id, status);

        -- Signed paper scanned or photographed, or a signature captured on
        -- screen. The file lives beside the register in the data folder
        -- (letters/attachments/...); sha256 proves it is the file attached.
        CREATE TABLE letter_attachment (
            id TEXT PRIMARY KEY,
            letter_id TEXT NOT NULL REFERENCES commitment_letter(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('scan', 'signature')),
            path TEXT NOT NULL,
            original_name TEXT,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX letter_attachment_letter ON letter_attachment(letter_id);
        """
    )


@letters()
def m002_letter_corrections(db: Database) -> None:
    # 履约 and signing entered wrongly are corrected with a reason; the values
    # before and after are kept here (journaled like the letter itself).
    db.executescript(
        """
        CREATE TABLE letter_correction (
            id TEXT PRIMARY KEY,
            letter_id TEXT NOT NULL REFERENCES commitment_letter(id) ON DELETE CASCADE,
            what TEXT NOT NULL CHECK (what IN ('fulfilment', 'signing')),
            before TEXT NOT NULL,
            after TEXT NOT NULL,
            reason TEXT NOT NULL,
            corrected_at TEXT NOT NULL,
            operator_id TEXT NOT NULL REFERENCES app_user(id),
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX letter_correction_letter ON letter_correction(letter_id, corrected_at);
        """
    )
