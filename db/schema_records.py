"""Schema of this area (issue 6); may depend on sets listed before it in
``db.migrations.MIGRATION_SETS``."""

from sqlite_utils.migrations import Migrations

records = Migrations("records")
