"""Where the county keeps its data: SQLite (the embedded default) or PostgreSQL.

The store speaks to both through this small interface: a pool of
connections, SQL written once with ``?`` placeholders, and ``transaction()``
that begins, commits, or rolls back and retries when the database says two
transactions collided. Exactly-once comes from the tables' unique keys and
row locks inside those transactions, not from a lock in this process, so
several threads (or several server processes on PostgreSQL) take batches at
the same time.
"""

from __future__ import annotations

import queue
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from app.county import schema


class Collision(Exception):
    """Two transactions touched the same rows; the whole transaction is tried again."""


class Conn:
    """One connection; ``execute`` takes ``?`` placeholders on both back ends."""

    for_update = ""

    def __init__(self, raw):
        self.raw = raw

    def sql(self, text: str) -> str:
        return text

    def execute(self, sql: str, params: Any = ()):
        return self.raw.execute(self.sql(sql), params)

    def executemany(self, sql: str, rows: list) -> None:
        if rows:
            cursor = self.raw.cursor()
            try:
                cursor.executemany(self.sql(sql), rows)
            finally:
                cursor.close()

    def insert_rows(self, table: str, rows: list) -> None:
        """Plain inserts of many rows (no conflict handling): the fastest way each back end has."""
        if rows:
            self.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})",
                             rows)

    def one(self, sql: str, params: Any = ()):
        return self.execute(sql, params).fetchone()

    def all(self, sql: str, params: Any = ()) -> list:
        return self.execute(sql, params).fetchall()


class Backend:
    """A pool of connections to one county database."""

    name = "?"
    collisions: tuple[type[BaseException], ...] = ()

    def __init__(self, pool_size: int = 16):
        self._idle: queue.LifoQueue = queue.LifoQueue()
        self.pool_size = pool_size

    def _connect(self) -> Conn:
        raise NotImplementedError

    def _begin(self, conn: Conn) -> None:
        raise NotImplementedError

    @contextmanager
    def connection(self) -> Iterator[Conn]:
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = self._connect()
        broken = False
        try:
            yield conn
        except BaseException:
            broken = not self._healthy(conn)
            raise
        finally:
            if broken or self._idle.qsize() >= self.pool_size:
                conn.raw.close()
            else:
                self._idle.put(conn)

    def _healthy(self, conn: Conn) -> bool:
        return True

    def transaction(self, work, attempts: int = 8):
        """Run ``work(conn)`` in one transaction; tried again when transactions collide."""
        for attempt in range(attempts):
            with self.connection() as conn:
                self._begin(conn)
                try:
                    result = work(conn)
                    conn.raw.execute("COMMIT")
                    return result
                except BaseException as exc:
                    try:
                        conn.raw.execute("ROLLBACK")
                    except Exception:  # noqa: BLE001 - the connection is gone; the pool drops it
                        pass
                    if not isinstance(exc, self.collisions + (Collision,)) or \
                            attempt == attempts - 1:
                        raise
            time.sleep(0.01 * 2 ** attempt)
        raise AssertionError("unreachable")

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().raw.close()
            except queue.Empty:
                return


class SQLiteBackend(Backend):
    """One file; BEGIN IMMEDIATE makes SQLite itself take writers one at a time."""

    name = "sqlite"
    collisions = ()

    def __init__(self, path: str | Path):
        super().__init__()
        self.path = str(path)
        with self.connection() as conn:
            conn.raw.executescript(schema.SQLITE)

    def _connect(self) -> Conn:
        raw = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                              timeout=60)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        return Conn(raw)

    def _begin(self, conn: Conn) -> None:
        conn.raw.execute("BEGIN IMMEDIATE")

    def describe(self) -> str:
        return f"sqlite:{self.path}"


class PostgresConn(Conn):
    for_update = " FOR UPDATE"

    def insert_rows(self, table: str, rows: list) -> None:
        # COPY: a third of the time of a pipelined executemany for a 1,000-change batch.
        if rows:
            with self.raw.cursor() as cursor, cursor.copy(f"COPY {table} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def sql(self, text: str) -> str:
        # The store's SQL never holds a literal "?" or "%".
        return text.replace("?", "%s")


class PostgresBackend(Backend):
    """A PostgreSQL database (psycopg 3); row locks and unique keys do the ordering."""

    name = "postgresql"

    def __init__(self, url: str):
        import psycopg
        from psycopg import errors

        self._psycopg = psycopg
        self.collisions = (errors.SerializationFailure, errors.DeadlockDetected,
                           errors.UniqueViolation)
        super().__init__()
        self.url = url
        with self.connection() as conn:
            # Two servers starting at once must not both create the tables.
            conn.raw.execute("SELECT pg_advisory_lock(84702026)")
            try:
                conn.raw.execute(schema.POSTGRES)
            finally:
                conn.raw.execute("SELECT pg_advisory_unlock(84702026)")

    def _connect(self) -> Conn:
        return PostgresConn(self._psycopg.connect(self.url, autocommit=True))

    def _begin(self, conn: Conn) -> None:
        conn.raw.execute("BEGIN")

    def _healthy(self, conn: Conn) -> bool:
        return not conn.raw.closed and conn.raw.info.transaction_status == \
            self._psycopg.pq.TransactionStatus.IDLE

    def describe(self) -> str:
        return "postgresql:" + self.url.split("@")[-1]


def open_backend(data_dir: Path, database_url: str | None) -> Backend:
    """``--database-url postgresql://…`` or the SQLite file in the county's data folder."""
    if database_url and database_url.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(database_url)
    if database_url and database_url.startswith("sqlite:"):
        return SQLiteBackend(database_url[len("sqlite:"):])
    if database_url:
        raise ValueError(f"unsupported database URL {database_url!r} (postgresql://… or "
                         "sqlite:PATH)")
    return SQLiteBackend(data_dir / "county.sqlite3")
