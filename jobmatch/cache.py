"""A persistent cache of extracted documents and of scored results, in the user's own cache folder.

One SQLite file (``$XDG_CACHE_HOME/jobmatch/cache.sqlite3`` on Linux, via platformdirs). Documents are
keyed by the file's content hash and the extractor's version, so a changed file or a new extractor is
never served stale, and a new posting reuses every extraction. Results add the posting's hash and the
scorer's version to that key, and keep the score beside the blob so a warm run orders results without
unpacking them. Nothing but this file (and, while a run lasts, the unnamed temporary file of
:mod:`jobmatch.results`) ever holds résumé text outside the résumé itself.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

SCHEMA_VERSION = 2  # 2: results carry their score beside the payload


def default_path() -> Path:
    override = os.environ.get("JOBMATCH_CACHE_DIR")
    if override:
        return Path(override) / "cache.sqlite3"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("jobmatch", appauthor=False)) / "cache.sqlite3"


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class Cache:
    """Get/put JSON-ready payloads by key in two tables. Errors degrade to a miss, never to a failure."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self._db: sqlite3.Connection | None = None
        self._pending = 0

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                db = sqlite3.connect(self.path, timeout=10)
                os.chmod(self.path, 0o600)  # personal data: readable by its owner only
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
                row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if row is None or row[0] != str(SCHEMA_VERSION):
                    db.execute("DROP TABLE IF EXISTS documents")
                    db.execute("DROP TABLE IF EXISTS results")
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                db.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, payload BLOB)")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, score REAL, payload BLOB)"
                )
                db.commit()
                self._db = db
            except (sqlite3.Error, OSError):
                return None
        return self._db

    def get(self, table: str, key: str) -> bytes | None:
        """The stored blob (compressed JSON, see ``codec.pack``) or None."""
        db = self._conn()
        if db is None:
            return None
        try:
            row = db.execute(f"SELECT payload FROM {table} WHERE key=?", (key,)).fetchone()
            return None if row is None else bytes(row[0])
        except sqlite3.Error:
            return None

    def put(self, table: str, key: str, blob: bytes) -> None:
        self._write(f"INSERT OR REPLACE INTO {table} (key, payload) VALUES (?, ?)", (key, blob))

    def get_result(self, key: str) -> tuple[float, bytes] | None:
        """A scored result: its score (to order it without unpacking) and its blob; or None."""
        db = self._conn()
        if db is None:
            return None
        try:
            row = db.execute("SELECT score, payload FROM results WHERE key=?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return None if row is None or row[0] is None else (float(row[0]), bytes(row[1]))

    def put_result(self, key: str, score: float, blob: bytes) -> None:
        sql = "INSERT OR REPLACE INTO results (key, score, payload) VALUES (?, ?, ?)"
        self._write(sql, (key, score, blob))

    def _write(self, sql: str, values: tuple[object, ...]) -> None:
        db = self._conn()
        if db is None:
            return
        try:
            db.execute(sql, values)
            self._pending += 1
            if self._pending >= 200:
                db.commit()
                self._pending = 0
        except sqlite3.Error:
            return

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.commit()
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None

    def clear(self) -> int:
        """Delete the cache file; return how many bytes were freed."""
        self.close()
        freed = 0
        for suffix in ("", "-wal", "-shm"):
            target = Path(str(self.path) + suffix)
            if target.exists():
                freed += target.stat().st_size
                target.unlink()
        return freed
