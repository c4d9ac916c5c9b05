"""Schema of this area (issue 4); may depend on sets listed before it in
``db.migrations.MIGRATION_SETS``."""

from sqlite_utils.migrations import Migrations

rating = Migrations("rating")
