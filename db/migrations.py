"""Schema history. Every change to the schema is a new migration here.

Never edit a migration that has shipped: add another. Each runs in its own
transaction (sqlite-utils records it in ``_sqlite_migrations``), and
``tests/test_migrations.py`` upgrades a frozen file of every past schema.

Feature areas (rating, letters, records, sync ...) keep their migrations in
their own ``Migrations`` set, listed in ``MIGRATION_SETS`` in the order they
must run; each set may depend only on sets listed before it.
"""

from __future__ import annotations

import uuid

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

core = Migrations("core")


@core()
def m001_register(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE app_user (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'official', 'field_staff', 'viewer')),
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );

        CREATE TABLE setting (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        CREATE TABLE place (
            id TEXT PRIMARY KEY,
            level TEXT NOT NULL CHECK (level IN ('county', 'township', 'village', 'village_group')),
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            parent_id TEXT REFERENCES place(id),
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX place_parent ON place(parent_id, code);

        -- A subject (信用主体) is a household or an organization. sid is a
        -- compact local key for indexes; id is the UUID that travels.
        CREATE TABLE subject (
            sid INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('household', 'organization'))
        );
        CREATE UNIQUE INDEX subject_id ON subject(id);

        CREATE TABLE household (
            sid INTEGER PRIMARY KEY REFERENCES subject(sid) ON DELETE CASCADE,
            id TEXT NOT NULL,
            village_id TEXT NOT NULL REFERENCES place(id),
            group_id TEXT REFERENCES place(id),
            head_name TEXT NOT NULL,
            head_sex TEXT NOT NULL CHECK (head_sex IN ('M', 'F')),
            head_id_number TEXT NOT NULL,
            head_birth_date TEXT NOT NULL,
            phone TEXT,
            address TEXT,
            members INTEGER NOT NULL DEFAULT 1 CHECK (members >= 1),
            labor INTEGER NOT NULL DEFAULT 0 CHECK (labor >= 0),
            land_area_centimu INTEGER NOT NULL DEFAULT 0 CHECK (land_area_centimu >= 0),
            main_industry TEXT,
            annual_income_fen INTEGER NOT NULL DEFAULT 0,
            assets_fen INTEGER NOT NULL DEFAULT 0,
            loan_balance_fen INTEGER NOT NULL DEFAULT 0 CHECK (loan_balance_fen >= 0),
            overdue_fen INTEGER NOT NULL DEFAULT 0 CHECK (overdue_fen >= 0),
            note TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        -- Unique indexes are declared apart from the columns so that bulk
        -- loads (db/bulk.py) can drop and rebuild them.
        CREATE UNIQUE INDEX household_id ON household(id);
        CREATE UNIQUE INDEX household_head_id_number ON household(head_id_number);
        CREATE INDEX household_village ON household(village_id, head_name);
        CREATE INDEX household_group ON household(group_id, head_name);
        CREATE INDEX household_name ON household(head_name);

        CREATE TABLE household_member (
            id TEXT PRIMARY KEY,
            household_id TEXT NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            relation TEXT NOT NULL,
            sex TEXT CHECK (sex IN ('M', 'F')),
            id_number TEXT,
            birth_date TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX household_member_household ON household_member(household_id);
        CREATE UNIQUE INDEX household_member_id_number ON household_member(id_number);

        CREATE TABLE organization (
            sid INTEGER PRIMARY KEY REFERENCES subject(sid) ON DELETE CASCADE,
            id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN
                ('cooperative', 'family_farm', 'agri_enterprise', 'individual_business')),
            name TEXT NOT NULL,
            uscc TEXT NOT NULL,
            uscc_override_reason TEXT,
            legal_rep_name TEXT NOT NULL,
            legal_rep_id_number TEXT,
            phone TEXT,
            address TEXT,
            village_id TEXT NOT NULL REFERENCES place(id),
            members_count INTEGER NOT NULL DEFAULT 0,
            registered_capital_fen INTEGER NOT NULL DEFAULT 0,
            business_scope TEXT,
            note TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX organization_id ON organization(id);
        CREATE UNIQUE INDEX organization_uscc ON organization(uscc);
        CREATE INDEX organization_village ON organization(village_id, name);
        CREATE INDEX organization_name ON organization(name);

        -- Search. name_key maps every key of a distinct name (its suffixes,
        -- full pinyin, initials) to the name; the household and organization
        -- name indexes lead from there to subjects. Keys are per distinct
        -- name, so the index does not grow with the number of households.
        CREATE TABLE name_key (
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (key, name)
        ) WITHOUT ROWID;
        -- Numbers: reversed ID and phone numbers ("the last four digits" is
        -- then a prefix) and USCCs.
        CREATE TABLE search_key (
            key TEXT NOT NULL,
            sid INTEGER NOT NULL,
            PRIMARY KEY (key, sid)
        ) WITHOUT ROWID;

        -- The change journal: audit trail and the county outbox in one.
        -- (device_id, seq) identifies a change globally.
        CREATE TABLE journal (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            txn_id TEXT NOT NULL,
            at TEXT NOT NULL,
            operator_id TEXT NOT NULL REFERENCES app_user(id),
            action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            base_version INTEGER,
            version INTEGER,
            before TEXT,
            after TEXT,
            origin TEXT NOT NULL DEFAULT 'local'
        );
        CREATE INDEX journal_entity ON journal(entity, entity_id, seq);
        """
    )
    db.execute(
        "INSERT INTO app_user (id, username, display_name, role, created_at) "
        "VALUES (?, 'operator', 'Default operator', 'admin', strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
        [str(uuid.uuid4())],
    )
    db.execute(
        "INSERT INTO setting (key, value) VALUES ('device_id', ?)",
        ['"' + str(uuid.uuid4()) + '"'],
    )


@core()
def m002_default_operator_chinese(db: Database) -> None:
    # Every screen, report and log shows this name; officials read Chinese.
    # (The app shows it translated anyway: app.users.display_name.)
    db.execute("UPDATE app_user SET display_name = '默认操作员' "
               "WHERE username = 'operator' AND display_name = 'Default operator'")


@core()
def m003_place_retired(db: Database) -> None:
    # A merged or retired village or group stays for history (old letters,
    # journal entries and county batches name it); only new work hides it.
    db.execute("ALTER TABLE place ADD COLUMN retired_at TEXT")


@core()
def m004_people_names(db: Database) -> None:
    # Search finds household members and legal representatives by name.
    db.execute("CREATE INDEX IF NOT EXISTS household_member_name ON household_member(name)")
    db.execute("CREATE INDEX IF NOT EXISTS organization_legal_rep ON organization(legal_rep_name)")


@core()
def m005_name_sort(db: Database) -> None:
    # Lists sort by pinyin, not by code point (陈 chen before 丁 ding). The key
    # is computed in the app (app/pinyin.py: surnames read as surnames), never
    # by a function the database calls, so no connection can lack it; rows
    # written before this migration are filled when the register is opened
    # (app/store.py), as db/ cannot reach the app's pinyin tables.
    for table in ("household", "organization", "place"):
        db.execute(f"ALTER TABLE [{table}] ADD COLUMN name_sort TEXT")
    db.executescript(
        """
        CREATE INDEX household_sort ON household(name_sort);
        DROP INDEX household_village;
        CREATE INDEX household_village ON household(village_id, name_sort);
        DROP INDEX household_group;
        CREATE INDEX household_group ON household(group_id, name_sort);
        CREATE INDEX organization_sort ON organization(name_sort);
        DROP INDEX organization_village;
        CREATE INDEX organization_village ON organization(village_id, name_sort);
        """
    )


from db.schema_credit import credit  # noqa: E402  (sets defined apart, listed here)
from db.schema_files import files  # noqa: E402
from db.schema_letters import letters  # noqa: E402
from db.schema_rating import rating  # noqa: E402
from db.schema_records import records  # noqa: E402
from db.schema_sync import sync  # noqa: E402
from db.schema_accounts import accounts  # noqa: E402
from db.schema_stats import stats  # noqa: E402

# Sets run in this order. Feature areas append theirs here.
MIGRATION_SETS: list[Migrations] = [core, credit, records, rating, letters, sync, accounts, files,
                                   stats]


def known_migrations() -> set[tuple[str, str]]:
    return {(s.name, m.name) for s in MIGRATION_SETS for m in s._migrations}


def schema_version() -> int:
    return sum(len(s._migrations) for s in MIGRATION_SETS)
