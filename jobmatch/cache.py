"""A persistent cache of extracted documents and of scored results, in the user's own cache folder.

One SQLite file (``$XDG_CACHE_HOME/jobmatch/cache.sqlite3`` on Linux, via platformdirs). Documents are
keyed by the file's content hash and the extractor's version, so a changed file or a new extractor is
never served stale, and a new posting reuses every extraction. The facts found in a document (its jobs,
education, vocabulary mentions, name: ``jobmatch.models.ResumeFacts``) add the version of the code and
knowledge that finds them and the as-of date, so a new posting reuses them too. Results add the posting's
hash and the scorer's version to that key, and keep the score beside the blob so a warm run orders results
without unpacking them. Nothing but this file (and, while a run lasts, the unnamed temporary file of
:mod:`jobmatch.results`) ever holds résumé text outside the résumé itself.

The cache is an optimisation, never a dependency, and its file is not trusted:

* every row carries a check (a keyed hash of its key and blob): a row that is damaged, truncated, of the
  wrong type or moved under another key reads as a miss, and the file is read again;
* every write is its own short transaction (WAL journal, busy timeout), so runs sharing one cache never
  wait on each other for longer than one row takes to write; a write that still finds the file busy is
  dropped, not waited for;
* the file must be a regular file jobmatch created (SQLite ``application_id``): a symbolic link is never
  followed or chmod'ed, and an SQLite file of some other program is left exactly as it is. In both cases
  the run goes on without a cache and :attr:`Cache.problem` says why.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import math
import os
import sqlite3
import stat
import urllib.parse
from pathlib import Path

from jobmatch.errors import JobmatchError

SCHEMA_VERSION = 4  # 2: results carry their score beside the payload; 3: every row carries a check;
# 4: the facts of each document (jobmatch.models.ResumeFacts), shared by every posting
APPLICATION_ID = 0x4A4D4348  # "JMCH": marks an SQLite file as a jobmatch cache (PRAGMA application_id)
BUSY_TIMEOUT_S = 2.0  # longest a write waits for another run's write (each takes milliseconds)
_TABLES = ("documents", "facts", "results", "postings")
_OPEN_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class CacheError(JobmatchError):
    """The cache file cannot be used or removed as asked (``cache clear``)."""


def default_path() -> Path:
    override = os.environ.get("JOBMATCH_CACHE_DIR")
    if override:
        return Path(override) / "cache.sqlite3"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("jobmatch", appauthor=False)) / "cache.sqlite3"


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _check(table: str, key: str, blob: bytes) -> bytes:
    """What a row must carry beside its blob: any change to table, key or blob changes it."""
    digest = hashlib.blake2b(blob, digest_size=16, key=b"jobmatch-cache-row", person=table.encode()[:16])
    digest.update(b"\0" + key.encode("utf-8", "surrogatepass"))
    return digest.digest()


class Cache:
    """Get/put JSON-ready payloads by key in two tables. Errors degrade to a miss, never to a failure."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.problem: str | None = None  # why the cache is not used, when it is not
        self._db: sqlite3.Connection | None = None
        self._opened = False
        self._busy = False  # a write found the file locked past BUSY_TIMEOUT_S: the rest do not wait

    # ------------------------------------------------------------------ opening, with the file untrusted

    def _conn(self) -> sqlite3.Connection | None:
        if not self._opened:
            self._opened = True
            try:
                self._db = self._open()
            except CacheError as exc:
                self.problem = exc.message
            except (sqlite3.Error, OSError) as exc:
                self.problem = f"cache not used: {self.path}: {exc}"
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        identity = self._claim_file()
        self._check_companions()
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            after = os.lstat(self.path)
            if (after.st_dev, after.st_ino) != identity:  # swapped between our open and SQLite's
                raise CacheError(f"cache not used: {self.path} changed while it was opened")
            # Only reads when the file is already set up: a run must be able to open (and read) the cache
            # while another program holds its write lock, not wait for it and then go on without it.
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                db.execute(f"PRAGMA application_id={APPLICATION_ID}")  # new, or a cache from before the mark
            if str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if not _schema_ready(db):
                self._ensure_schema(db)
        except sqlite3.DatabaseError as exc:
            db.close()
            raise CacheError(
                f"cache not used: {self.path} is damaged ({exc}); 'jobmatch cache clear' removes it"
            ) from exc
        except BaseException:
            db.close()
            raise
        return db

    def _claim_file(self) -> tuple[int, int]:
        """Create the file (0600) or open the one there without following a link, and make sure it is a
        jobmatch cache before SQLite writes a byte to it; return its identity (device, inode)."""
        try:
            fd = os.open(self.path, _OPEN_FLAGS, 0o600)
        except OSError as exc:
            if exc.errno == errno.ELOOP or os.path.islink(self.path):
                raise CacheError(f"cache not used: {self.path} is a symbolic link (not followed)") from exc
            if exc.errno == errno.EISDIR:
                raise CacheError(f"cache not used: {self.path} is a folder, not a file") from exc
            raise
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise CacheError(f"cache not used: {self.path} is not a regular file")
            if info.st_size and not _is_ours(self.path, os.pread(fd, 100, 0)):
                raise CacheError(
                    f"cache not used: {self.path} is not a cache jobmatch created (left as it is; "
                    "move it away or set JOBMATCH_CACHE_DIR)"
                )
            if stat.S_IMODE(info.st_mode) & 0o077 and info.st_uid == os.geteuid():
                os.fchmod(fd, 0o600)  # personal data: readable by its owner only (the file, never a link)
            return (info.st_dev, info.st_ino)
        finally:
            os.close(fd)

    def _check_companions(self) -> None:
        """SQLite opens ``-wal`` and ``-shm`` beside the file itself, following links, and writes into
        them (the shared-memory file is mapped and overwritten): one planted there as a link would have
        its target overwritten. Each must be absent or a regular file of ours."""
        for suffix in ("-wal", "-shm"):
            companion = Path(f"{self.path}{suffix}")
            try:
                info = os.lstat(companion)
            except FileNotFoundError:
                continue
            if stat.S_ISLNK(info.st_mode):
                raise CacheError(f"cache not used: {companion} is a symbolic link (not followed)")
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
                raise CacheError(f"cache not used: {companion} is not a file of ours (left as it is)")

    def _ensure_schema(self, db: sqlite3.Connection) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None or row[0] != str(SCHEMA_VERSION):
                for table in _TABLES:
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            db.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, payload BLOB, chk BLOB)")
            db.execute("CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, payload BLOB, chk BLOB)")
            db.execute("CREATE TABLE IF NOT EXISTS postings (key TEXT PRIMARY KEY, payload BLOB, chk BLOB)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS results "
                "(key TEXT PRIMARY KEY, score REAL, payload BLOB, chk BLOB)"
            )
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------ rows

    def get(self, table: str, key: str) -> bytes | None:
        """The stored blob (compressed JSON, see ``codec.pack``) or None."""
        db = self._conn()
        if db is None or table not in _TABLES:
            return None
        try:
            row = db.execute(f"SELECT payload, chk FROM {table} WHERE key=?", (key,)).fetchone()
        except (sqlite3.Error, ValueError, OverflowError):
            return None
        return None if row is None else _verified(table, key, row[0], row[1])

    def put(self, table: str, key: str, blob: bytes) -> None:
        if table in _TABLES:
            sql = f"INSERT OR REPLACE INTO {table} (key, payload, chk) VALUES (?, ?, ?)"
            self._write(sql, (key, blob, _check(table, key, blob)))

    def get_result(self, key: str) -> tuple[float, bytes] | None:
        """A scored result: its score (to order it without unpacking) and its blob; or None."""
        db = self._conn()
        if db is None:
            return None
        try:
            row = db.execute("SELECT score, payload, chk FROM results WHERE key=?", (key,)).fetchone()
        except (sqlite3.Error, ValueError, OverflowError):
            return None
        if row is None or type(row[0]) not in (int, float) or not math.isfinite(row[0]):
            return None
        score = float(row[0])
        blob = _verified("results", f"{key}\0{score!r}", row[1], row[2])
        return None if blob is None else (score, blob)

    def put_result(self, key: str, score: float, blob: bytes) -> None:
        sql = "INSERT OR REPLACE INTO results (key, score, payload, chk) VALUES (?, ?, ?, ?)"
        self._write(sql, (key, score, blob, _check("results", f"{key}\0{float(score)!r}", blob)))

    def _write(self, sql: str, values: tuple[object, ...]) -> None:
        db = self._conn()
        if db is None:
            return
        try:
            db.execute(sql, values)  # autocommit: one short transaction, never held across rows
        except sqlite3.OperationalError as exc:
            if not self._busy and _is_busy(exc):
                # Another program holds the file for longer than one row takes (a run of ours never
                # does): waiting BUSY_TIMEOUT_S on every row would make this run wait for it file by
                # file. The rest of the run's writes are tried once each and dropped when still busy.
                self._busy = True
                with contextlib.suppress(sqlite3.Error):
                    db.execute("PRAGMA busy_timeout=0")
        except (sqlite3.Error, ValueError, OverflowError):
            pass

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        self._opened = False

    def clear(self) -> int:
        """Delete the cache file; return how many bytes were freed.

        Raises :class:`CacheError` for a path that is a folder or an SQLite file jobmatch did not create
        (neither is touched). A symbolic link there is removed, never what it points to.
        """
        self.close()
        freed = 0
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            info = None
        except OSError as exc:
            raise CacheError(f"cannot clear {self.path}: {exc.strerror or exc}") from exc
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise CacheError(
                f"cannot clear {self.path}: it is a folder, not a jobmatch cache (left as it is)"
            )
        if info is not None and stat.S_ISREG(info.st_mode) and info.st_size and not _is_ours(self.path):
            raise CacheError(f"cannot clear {self.path}: not a jobmatch cache (left as it is)")
        for suffix in ("", "-wal", "-shm"):
            target = Path(str(self.path) + suffix)
            try:
                size = os.lstat(target)
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise CacheError(f"cannot clear {target}: {exc.strerror or exc}") from exc
            if stat.S_ISDIR(size.st_mode):
                raise CacheError(f"cannot clear {target}: it is a folder (left as it is)")
            try:
                target.unlink()
            except OSError as exc:
                raise CacheError(f"cannot clear {target}: {exc.strerror or exc}") from exc
            freed += size.st_size if stat.S_ISREG(size.st_mode) else 0
        return freed


def _schema_ready(db: sqlite3.Connection) -> bool:
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"meta", *_TABLES} <= names:
        return False
    row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    return row is not None and row[0] == str(SCHEMA_VERSION)


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF in (5, 6))  # SQLITE_BUSY, SQLITE_LOCKED (and their extended codes)
    return "locked" in str(exc) or "busy" in str(exc)


def _verified(table: str, key: str, blob: object, check: object) -> bytes | None:
    if not isinstance(blob, bytes) or not isinstance(check, bytes):
        return None
    return blob if check == _check(table, key, blob) else None


def _is_ours(path: Path, header: bytes | None = None) -> bool:
    """Whether the regular file at ``path`` (whose first 100 bytes are ``header``, when given) is a
    jobmatch cache: an SQLite file with jobmatch's application id, or one from before that mark whose meta
    table names its schema. Reads only; never opens the file for writing."""
    if header is None:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return False
        try:
            header = os.read(fd, 100)
        finally:
            os.close(fd)
    if len(header) < 72 or not header.startswith(b"SQLite format 3\0"):
        return False
    app_id = int.from_bytes(header[68:72], "big")
    if app_id == APPLICATION_ID:
        return True
    if app_id != 0:
        return False
    try:  # a cache from before application_id: only meta and our two tables, and meta names the schema
        db = sqlite3.connect(f"file:{urllib.parse.quote(str(path))}?mode=ro", uri=True)
        try:
            names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "meta" not in names or not names <= {"meta", *_TABLES}:
                return False
            return db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() is not None
        finally:
            db.close()
    except sqlite3.Error:
        return False
