"""What the county receiver keeps (docs/sync-protocol.md §9): one table per
thing the protocol names, plus the refusals it gave."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS device (
    device_id TEXT PRIMARY KEY,
    township_code TEXT NOT NULL,
    township_name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    key_id TEXT NOT NULL,
    label TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'revoked')),
    enrolled_at TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS batch (
    device_id TEXT NOT NULL REFERENCES device(device_id),
    sequence INTEGER NOT NULL,
    batch_sha256 TEXT NOT NULL,
    manifest TEXT NOT NULL,
    change_count INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    via TEXT NOT NULL,
    content BLOB NOT NULL,
    receipt BLOB NOT NULL,
    PRIMARY KEY (device_id, sequence)
);
CREATE TABLE IF NOT EXISTS change (
    device_id TEXT NOT NULL,
    journal_seq INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    township_code TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    base_version INTEGER,
    version INTEGER,
    resolution TEXT,
    result TEXT NOT NULL,
    line TEXT NOT NULL,
    PRIMARY KEY (device_id, journal_seq)
);
-- The county's current view of each record. A device's version is not
-- copied: (change_device, change_seq) points at the change whose "after"
-- it is; a county correction keeps its data here.
CREATE TABLE IF NOT EXISTS record (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    version INTEGER,
    source TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    data TEXT,
    change_device TEXT,
    change_seq INTEGER,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id)
);
CREATE TABLE IF NOT EXISTS record_block (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, device_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS record_block_device ON record_block(device_id);
CREATE TABLE IF NOT EXISTS downlink (
    package INTEGER PRIMARY KEY,
    issued_at TEXT NOT NULL,
    item_count INTEGER NOT NULL,
    content BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS refusal (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    device_id TEXT,
    sequence INTEGER,
    code TEXT NOT NULL,
    message TEXT NOT NULL
);
"""
