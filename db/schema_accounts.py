"""Accounts and the audit chains; depends on every set before it.

Passwords are argon2id hashes (app/accounts.py). Account events and login
attempts are local: they never enter the journal, which is the county
outbox, so no password hash ever leaves the PC.

The journal, the query/use log and the account log are hash-chained: an
AFTER INSERT trigger writes, for every new row, SHA-256 over the previous
row's hash and the new row's content into ``audit_chain``. Every insert,
whatever code path made it (bulk loads, sync, SQL), is chained; a row
changed later, with the append-only triggers dropped, no longer matches its
hash (``app/accounts/audit.py`` verifies). ``sha256()`` is the SQL function that
``db.connection.connect`` registers.
"""

import hashlib

from sqlite_utils.migrations import Migrations

accounts = Migrations("accounts")

# The columns each chained log's hash covers, in order. Never change a list
# once shipped: old rows would no longer verify. A new column is covered by
# adding a new log version, not by editing these.
CHAINED = {
    "journal": ("seq", "txn_id", "at", "operator_id", "action", "entity", "entity_id",
                "base_version", "version", "before", "after", "origin"),
    "query_log": ("seq", "at", "operator_id", "action", "subject_id", "purpose", "detail"),
    "account_log": ("seq", "at", "actor_id", "action", "user_id", "detail"),
}


def content_sql(log: str, alias: str) -> str:
    """SQL text of one row's content: quote() of every chained column, joined."""
    return " || '|' || ".join(f"quote({alias}.[{c}])" for c in CHAINED[log])


def hash_sql(log: str, alias: str, prev: str) -> str:
    return f"sha256(coalesce({prev}, '') || '|' || {content_sql(log, alias)})"


def _head_sql(log: str) -> str:
    return f"(SELECT hash FROM audit_chain WHERE log = '{log}' ORDER BY seq DESC LIMIT 1)"


def _chain_triggers(log: str) -> list[str]:
    return [f"""
        CREATE TRIGGER {log}_chain AFTER INSERT ON {log}
        BEGIN
            INSERT INTO audit_chain (log, seq, hash)
            VALUES ('{log}', NEW.seq, {hash_sql(log, 'NEW', _head_sql(log))});
        END""", f"""
        CREATE TRIGGER IF NOT EXISTS {log}_no_update BEFORE UPDATE ON {log}
        BEGIN
            SELECT RAISE(ABORT, '{log} is append-only');
        END""", f"""
        CREATE TRIGGER IF NOT EXISTS {log}_no_delete BEFORE DELETE ON {log}
        BEGIN
            SELECT RAISE(ABORT, '{log} is append-only');
        END"""]


@accounts()
def m001_accounts_and_chains(db) -> None:
    db.executescript(
        """
        ALTER TABLE app_user ADD COLUMN password_hash TEXT;
        ALTER TABLE app_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE app_user ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE app_user ADD COLUMN locked_until TEXT;
        ALTER TABLE app_user ADD COLUMN password_changed_at TEXT;

        -- Villages a user may work in; none listed = all villages.
        CREATE TABLE user_village (
            user_id TEXT NOT NULL REFERENCES app_user(id),
            village_id TEXT NOT NULL REFERENCES place(id),
            PRIMARY KEY (user_id, village_id)
        ) WITHOUT ROWID;

        -- Every sign-in attempt, good or bad (outcome: ok, wrong_password,
        -- locked, disabled, unknown_user).
        CREATE TABLE login_attempt (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            username TEXT NOT NULL,
            user_id TEXT,
            outcome TEXT NOT NULL,
            via TEXT NOT NULL
        );
        CREATE INDEX login_attempt_user ON login_attempt(username, seq);

        -- What administrators did to accounts and policies, and audit reviews.
        CREATE TABLE account_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            action TEXT NOT NULL,
            user_id TEXT,
            detail TEXT
        );

        CREATE TABLE audit_chain (
            log TEXT NOT NULL,
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (log, seq)
        ) WITHOUT ROWID;
        CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
        BEGIN
            SELECT RAISE(ABORT, 'audit_chain is append-only');
        END;
        CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
        BEGIN
            SELECT RAISE(ABORT, 'audit_chain is append-only');
        END;
        """
    )
    # Rows written before the chain existed are chained now, in order (the
    # same sum as the trigger's, computed here in one pass).
    for log in CHAINED:
        prev = ""
        chain = []
        for seq, content in db.execute(
                f"SELECT t.seq, {content_sql(log, 't')} FROM {log} t ORDER BY t.seq"):
            prev = sha256_hex(prev + "|" + content)
            chain.append((log, seq, prev))
        db.conn.executemany("INSERT INTO audit_chain (log, seq, hash) VALUES (?,?,?)", chain)
        for statement in _chain_triggers(log):
            db.execute(statement)


def sha256_hex(text: str | None) -> str | None:
    """The ``sha256()`` SQL function: hex SHA-256 of the UTF-8 text."""
    if text is None:
        return None
    return hashlib.sha256(str(text).encode("utf-8")).hexdigest()
