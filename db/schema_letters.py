"""Schema of this area (issue 5); may depend on sets listed before it in
``db.migrations.MIGRATION_SETS``."""

from sqlite_utils.migrations import Migrations

letters = Migrations("letters")
