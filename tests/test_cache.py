"""The cache is an optimisation that is never trusted: bad rows are misses, runs do not wait on each other,
and a cache path that is a link, a folder or another program's SQLite file is never followed or altered."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobmatch import cache as cache_module
from jobmatch.cache import Cache
from jobmatch.cli import app
from jobmatch.posting import load_posting
from jobmatch.ranking import RankOptions, rank

ROOT = Path(__file__).resolve().parents[1]
POSTING = load_posting(ROOT / "requirements" / "AVON147.txt")
TEXT = "Jane Doe\nExperience\nSales Coordinator\n2015 - 2019\nProcessed orders.\n"
NAMES = ["Jane Doe", "Mary Major", "Omar Okoye", "Lena Lind"]


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "cvs"
    folder.mkdir()
    for i in range(count):
        (folder / f"cv{i:02d}.txt").write_text(TEXT.replace("Jane Doe", NAMES[i]))
    return folder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------- item 2: never stale or foreign


def test_a_file_rewritten_between_hash_and_read_is_not_stored_under_the_old_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jobmatch.documents as documents

    folder = _folder(tmp_path, 1)
    cv = folder / "cv00.txt"
    old_text = cv.read_text()
    options = RankOptions(workers=1, cache_path=tmp_path / "cache.sqlite3")
    real_read = documents.read_bytes

    def read_then_rewrite(path: Path, *args: object, **kwargs: object) -> bytes:
        data = real_read(path, *args, **kwargs)  # type: ignore[arg-type]
        cv.write_text(old_text.replace("Jane Doe", NAMES[1]))  # rewritten after the main process hashed it
        return data

    monkeypatch.setattr(documents, "read_bytes", read_then_rewrite)
    first = rank(folder, POSTING, options)
    assert [c.name for c in first.candidates] == [NAMES[1]]  # the worker read the new bytes
    monkeypatch.setattr(documents, "read_bytes", real_read)
    cv.write_text(old_text)  # the old file again: its hash must not serve the new person
    again = rank(folder, POSTING, options)
    assert [c.name for c in again.candidates] == ["Jane Doe"]
    assert again == rank(folder, POSTING, dataclasses.replace(options, use_cache=False))


def test_the_same_bytes_under_another_extension_are_extracted_again(tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    markdown = (
        "Jane Doe\njane@example.com\nExperience\nSales Coordinator, 2015 - 2019\n"
        "* Used [CRM](https://example.com) and `Excel`\n"
    )
    (folder / "cv.md").write_text(markdown)
    options = RankOptions(workers=1, cache_path=tmp_path / "cache.sqlite3")
    rank(folder, POSTING, options)
    (folder / "cv.md").rename(folder / "cv.txt")
    (folder / "copy.md").write_text(markdown)
    warm = rank(folder, POSTING, options)
    cold = rank(folder, POSTING, dataclasses.replace(options, use_cache=False))
    assert warm == cold
    assert rank(folder, POSTING, options) == cold


def test_a_new_posting_scores_the_cached_facts_of_a_known_resume(tmp_path: Path) -> None:
    """Facts are found once per résumé: a run for another posting hands every worker the cached document
    with its facts (nothing is read or extracted again), and ranks exactly as a run without a cache."""
    from jobmatch.ranking import _limits, _Run
    from jobmatch.signals.dates import as_of_label

    folder = _folder(tmp_path, 3)
    options = RankOptions(workers=1, cache_path=tmp_path / "cache.sqlite3", as_of="2024-06")
    rank(folder, POSTING, options)
    with sqlite3.connect(tmp_path / "cache.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM facts").fetchone() == (3,)
    db.close()
    other = load_posting(ROOT / "requirements" / "CSR210.txt")
    files = [(path, path.name, None) for path in sorted(folder.iterdir())]
    run = _Run(files, (other,), options, _limits(options), as_of_label("2024-06"), None, False)
    try:
        tasks = run.plan(None)
    finally:
        run.close()
    assert len(tasks) == 3 and all(t.cached is not None and t.cached_facts is not None for t in tasks)
    warm = rank(folder, other, options)
    assert warm == rank(folder, other, dataclasses.replace(options, use_cache=False))
    # another as-of date changes months and years: those facts are found again, not served
    later = dataclasses.replace(options, as_of="2026-06")
    run = _Run(files, (other,), later, _limits(later), as_of_label("2026-06"), None, False)
    try:
        assert all(t.cached is not None and t.cached_facts is None for t in run.plan(None))
    finally:
        run.close()


def test_other_limits_are_another_extraction(tmp_path: Path) -> None:
    from jobmatch.documents import Limits

    folder = _folder(tmp_path, 1)
    options = RankOptions(workers=1, cache_path=tmp_path / "cache.sqlite3")
    rank(folder, POSTING, options)
    short = dataclasses.replace(options, limits=Limits(max_chars=20))
    assert rank(folder, POSTING, short) == rank(folder, POSTING, dataclasses.replace(short, use_cache=False))


# ---------------------------------------------------------------------------- item 5: a bad row is a miss

CORRUPTIONS = {
    "garbage blob": "UPDATE {table} SET payload = X'00DEADBEEF'",
    "truncated blob": "UPDATE {table} SET payload = substr(payload, 1, length(payload) / 2)",
    "text instead of blob": "UPDATE {table} SET payload = 'not a blob'",
    "integer instead of blob": "UPDATE {table} SET payload = 42",
    "null blob": "UPDATE {table} SET payload = NULL",
    "other row's blob": "UPDATE {table} SET payload = (SELECT payload FROM {table} ORDER BY key LIMIT 1)",
}


@pytest.mark.parametrize("table", ["results", "documents", "facts"])
@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_a_corrupted_row_is_a_cache_miss(tmp_path: Path, table: str, corruption: str) -> None:
    folder = _folder(tmp_path, 2)
    cache_path = tmp_path / "cache.sqlite3"
    options = RankOptions(workers=1, cache_path=cache_path)
    cold = rank(folder, POSTING, options)
    assert sorted(c.name for c in cold.candidates) == sorted(NAMES[:2])
    with sqlite3.connect(cache_path) as db:
        db.execute(CORRUPTIONS[corruption].format(table=table))
        if table in ("documents", "facts"):  # only read when the result is missing
            db.execute("DELETE FROM results")
    warm = rank(folder, POSTING, options)
    assert [(c.file, c.name, c.score) for c in warm.candidates] == [
        (c.file, c.name, c.score) for c in cold.candidates
    ]
    assert warm.skipped == ()
    again = rank(folder, POSTING, options)  # the bad rows were replaced by good ones
    assert [c.score for c in again.candidates] == [c.score for c in cold.candidates]


# Rows that carry a valid check (written through the cache's own API, by a bug or by hand) but whose blob
# is not what its table holds: the check cannot catch them, reading them back must.
WELL_FORMED_WRONG = {
    "not compressed": b"junk",
    "a JSON list": zlib.compress(b"[1, 2]"),
    "an empty object": zlib.compress(b"{}"),
    "wrong field types": zlib.compress(
        json.dumps({"file": 1, "name": 2, "score": "x", "matches": 5}).encode()
    ),
    "nested too deep": zlib.compress(b"[" * 100_000 + b"]" * 100_000),
    "a decompression bomb": zlib.compress(b" " * (80 * 1024 * 1024)),
    "a skip reason that is not one": b"skip:" + b"\x1b[31m" + b"x" * 5000,
    "a skip reason that is not text": b"skip:\xff\xfe",
}


@pytest.mark.parametrize("table", ["results", "documents", "facts"])
@pytest.mark.parametrize("payload", list(WELL_FORMED_WRONG))
def test_a_row_with_a_valid_check_but_the_wrong_content_is_a_miss(
    tmp_path: Path, table: str, payload: str
) -> None:
    folder = _folder(tmp_path, 2)
    cache_path = tmp_path / "cache.sqlite3"
    options = RankOptions(workers=1, cache_path=cache_path)
    cold = rank(folder, POSTING, options)
    blob = WELL_FORMED_WRONG[payload]
    with sqlite3.connect(cache_path) as db:
        for key, score in db.execute("SELECT key, score FROM results").fetchall():
            if table == "results":
                check = cache_module._check("results", f"{key}\0{float(score)!r}", blob)
                db.execute("UPDATE results SET payload = ?, chk = ? WHERE key = ?", (blob, check, key))
        if table in ("documents", "facts"):
            db.execute("DELETE FROM results")
            for (key,) in db.execute(f"SELECT key FROM {table}").fetchall():
                check = cache_module._check(table, key, blob)
                db.execute(f"UPDATE {table} SET payload = ?, chk = ? WHERE key = ?", (blob, check, key))
    db.close()
    warm = rank(folder, POSTING, options)
    assert warm == cold and warm.skipped == ()
    assert list(warm.candidates) == list(cold.candidates)  # every result reads back (as a renderer does)


def test_a_wrong_score_type_is_a_miss_and_a_damaged_file_no_failure(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2)
    cache_path = tmp_path / "cache.sqlite3"
    options = RankOptions(workers=1, cache_path=cache_path)
    cold = rank(folder, POSTING, options)
    with sqlite3.connect(cache_path) as db:
        db.execute("UPDATE results SET score = 'high'")
    assert rank(folder, POSTING, options) == cold
    with sqlite3.connect(cache_path) as db:
        db.execute("UPDATE results SET score = score + 50")  # a forged score no longer matches its check
    assert rank(folder, POSTING, options) == cold
    # The whole file overwritten with junk: not an SQLite file, so the run goes on without a cache.
    for suffix in ("-wal", "-shm"):
        Path(f"{cache_path}{suffix}").unlink(missing_ok=True)
    cache_path.write_bytes(b"SQLite format 3\0" + os.urandom(4000))
    assert rank(folder, POSTING, options) == cold


def test_cli_on_a_corrupted_cache_exits_0_with_the_table(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2)
    cache_dir = tmp_path / "cachedir"
    env = {"JOBMATCH_CACHE_DIR": str(cache_dir)}
    args = ["rank", str(folder), "--posting", str(ROOT / "requirements" / "AVON147.txt"), "-j", "1"]
    first = CliRunner().invoke(app, [*args, "--format", "json"], env=env)
    assert first.exit_code == 0, first.stderr
    with sqlite3.connect(cache_dir / "cache.sqlite3") as db:
        db.execute("UPDATE results SET payload = X'789C00'")
        db.execute("UPDATE documents SET payload = X'789C00'")
    second = CliRunner().invoke(app, [*args, "--format", "json"], env=env)
    assert second.exit_code == 0, second.stderr
    assert second.stdout == first.stdout


# ---------------------------------------------------------------------------- item 6: runs do not block


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from jobmatch.cache import Cache
    store = Cache(Path(sys.argv[1]))
    store.put("documents", "holder-1", b"one")
    print("written", flush=True)
    time.sleep(float(sys.argv[2]))  # a run waiting on its workers between two writes
    store.put("documents", "holder-2", b"two")
    store.close()
    """
)
WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from jobmatch.cache import Cache
    started = time.monotonic()
    store = Cache(Path(sys.argv[1]))
    for i in range(20):
        store.put_result(f"writer-{i}", float(i), b"blob")
    store.close()
    print(f"{time.monotonic() - started:.3f}")
    """
)


def test_two_runs_writing_one_cache_do_not_wait_on_each_other(tmp_path: Path) -> None:
    cache_path = tmp_path / "cache.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    hold_s = 2.5
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(cache_path), str(hold_s)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "written"
        writer = subprocess.run(
            [sys.executable, "-c", WRITER, str(cache_path)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert writer.returncode == 0, writer.stderr
        assert float(writer.stdout) < 1.5, f"the second run waited {writer.stdout.strip()} s for the first"
    finally:
        holder.wait(timeout=30)
    store = Cache(cache_path)
    assert store.get("documents", "holder-1") == b"one" and store.get("documents", "holder-2") == b"two"
    assert all(store.get_result(f"writer-{i}") == (float(i), b"blob") for i in range(20))
    store.close()


LOCKER = textwrap.dedent(
    """
    import sqlite3, sys, time
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.execute("BEGIN EXCLUSIVE")  # another program holding the cache's write lock for long
    db.execute("INSERT OR REPLACE INTO meta VALUES ('locker', 'x')")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    db.execute("ROLLBACK")
    """
)


def test_a_cache_locked_by_another_program_is_still_read_and_writes_do_not_wait_per_row(
    tmp_path: Path,
) -> None:
    cache_path = tmp_path / "cache.sqlite3"
    store = Cache(cache_path)
    store.put("documents", "before", b"kept")
    store.close()
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(cache_path), "60"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        started = time.monotonic()
        store = Cache(cache_path)
        assert store.get("documents", "before") == b"kept"  # opening and reading need no write lock
        assert store.problem is None, store.problem
        for i in range(20):
            store.put_result(f"row-{i}", float(i), b"blob")  # dropped: the file stays locked
        store.close()
        # One wait of BUSY_TIMEOUT_S at most, not one per row (20 rows used to wait 40 s).
        assert time.monotonic() - started < 3 * cache_module.BUSY_TIMEOUT_S + 5
    finally:
        locker.kill()
        locker.wait(timeout=10)


# ---------------------------------------------------------------------------- item 7: the path is untrusted


def test_a_symlinked_cache_file_is_not_followed_or_chmodded(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.db"
    target.write_bytes(b"precious")
    target.chmod(0o644)
    cache_dir = tmp_path / "cachedir"
    cache_dir.mkdir()
    link = cache_dir / "cache.sqlite3"
    link.symlink_to(target)
    folder = _folder(tmp_path, 1)
    ranking = rank(folder, POSTING, RankOptions(workers=1, cache_path=link))
    assert len(ranking.candidates) == 1
    assert target.read_bytes() == b"precious" and (target.stat().st_mode & 0o777) == 0o644
    store = Cache(link)
    assert store.get("documents", "x") is None
    assert store.problem is not None and "symbolic link" in store.problem
    store.close()
    # `cache clear` removes the link, never what it points to
    result = CliRunner().invoke(app, ["cache", "clear"], env={"JOBMATCH_CACHE_DIR": str(cache_dir)})
    assert result.exit_code == 0, result.stderr
    assert not os.path.lexists(link) and target.read_bytes() == b"precious"


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_a_symlinked_journal_beside_the_cache_is_not_followed(tmp_path: Path, suffix: str) -> None:
    # SQLite opens these itself, following links, and writes into them: the target would be overwritten.
    cache_dir = tmp_path / "cachedir"
    cache_dir.mkdir()
    path = cache_dir / "cache.sqlite3"
    store = Cache(path)
    store.put("documents", "k", b"v")
    store.close()
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    target = tmp_path / "precious.txt"
    target.write_bytes(b"precious " * 10_000)
    Path(f"{path}{suffix}").symlink_to(target)
    folder = _folder(tmp_path, 1)
    ranking = rank(folder, POSTING, RankOptions(workers=1, cache_path=path))
    assert len(ranking.candidates) == 1
    assert target.read_bytes() == b"precious " * 10_000
    store = Cache(path)
    assert store.get("documents", "k") is None
    assert store.problem is not None and "symbolic link" in store.problem
    store.close()


def test_a_foreign_sqlite_file_is_left_as_it_is(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cachedir"
    cache_dir.mkdir()
    path = cache_dir / "cache.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE results (id INTEGER, note TEXT)")
        db.execute("INSERT INTO results VALUES (1, 'keep me')")
    db.close()
    path.chmod(0o644)
    before = _digest(path)
    folder = _folder(tmp_path, 1)
    ranking = rank(folder, POSTING, RankOptions(workers=1, cache_path=path))
    assert len(ranking.candidates) == 1
    assert _digest(path) == before and not Path(f"{path}-wal").exists()
    store = Cache(path)
    store.put("documents", "k", b"v")
    assert store.problem is not None and "not a cache jobmatch created" in store.problem
    store.close()
    assert _digest(path) == before and (path.stat().st_mode & 0o777) == 0o644  # not even chmod'ed
    env = {"JOBMATCH_CACHE_DIR": str(cache_dir)}
    shown = CliRunner().invoke(app, ["cache", "path"], env=env)
    assert shown.exit_code == 0 and "not a cache jobmatch created" in shown.stderr
    cleared = CliRunner().invoke(app, ["cache", "clear"], env=env)
    assert cleared.exit_code == 2
    assert cleared.stderr.count("\n") == 1 and "not a jobmatch cache" in cleared.stderr
    assert "Traceback" not in cleared.stderr
    assert _digest(path) == before


def test_our_cache_is_marked_and_an_old_one_adopted(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    store = Cache(path)
    store.put("documents", "k", b"v")
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == cache_module.APPLICATION_ID
    assert (path.stat().st_mode & 0o777) == 0o600
    old = tmp_path / "old.sqlite3"  # written by a jobmatch from before application_id
    with sqlite3.connect(old) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('schema', '2')")
        db.execute("CREATE TABLE documents (key TEXT PRIMARY KEY, payload BLOB)")
    db.close()
    store = Cache(old)
    store.put("documents", "k", b"v")
    assert store.problem is None and store.get("documents", "k") == b"v"
    store.close()


def test_cache_clear_on_a_folder_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cachedir"
    (cache_dir / "cache.sqlite3").mkdir(parents=True)
    result = CliRunner().invoke(app, ["cache", "clear"], env={"JOBMATCH_CACHE_DIR": str(cache_dir)})
    assert result.exit_code == 2
    assert result.stderr.startswith("jobmatch: error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "folder" in result.stderr and "Traceback" not in result.stderr
    assert (cache_dir / "cache.sqlite3").is_dir()
    folder = _folder(tmp_path, 1)  # and a run with a folder there goes on without a cache
    ranking = rank(folder, POSTING, RankOptions(workers=1, cache_path=cache_dir / "cache.sqlite3"))
    assert len(ranking.candidates) == 1


def _imported_files(module: str) -> set[str]:
    """The package-relative files ``module`` imports from jobmatch, transitively (by its source)."""
    import ast

    package = Path(__file__).resolve().parents[1]

    def source(name: str) -> Path | None:
        for candidate in (
            package / f"{name.replace('.', '/')}.py",
            package / name.replace(".", "/") / "__init__.py",
        ):
            if candidate.is_file():
                return candidate
        return None

    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        path = source(name)
        if name in seen or path is None:
            continue
        seen.add(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("jobmatch"):
                todo += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                todo += [alias.name for alias in node.names if alias.name.startswith("jobmatch")]
    return {str(p.relative_to(package / "jobmatch")) for p in map(source, seen) if p is not None}


@pytest.mark.parametrize(
    ("module", "parts"),
    [
        (
            "jobmatch.scoring",
            ("signals", "data", "matching", "knowledge", "scoring.py", "weights.py", "models.py"),
        ),
        (
            "jobmatch.posting.parse",
            ("posting", "signals", "knowledge", "matching", "data", "models.py", "sanitize.py", "codec.py"),
        ),
    ],
)
def test_a_cache_key_covers_every_file_its_code_imports(module: str, parts: tuple[str, ...]) -> None:
    # A file the scorer (or the posting parser) reads that its key does not hash would serve stale rows
    # after an upgrade: weights.py once was such a file. Readers of documents have keys of their own.
    from jobmatch.versions import source_files

    # versions.py makes the key itself; errors are messages, not what is parsed or scored.
    covered = (
        set(source_files(*parts))
        | set(source_files("documents"))
        | {"errors.py", "__init__.py", "versions.py"}
    )
    assert _imported_files(module) - covered == set()


def test_the_scorer_key_covers_the_knowledge_files() -> None:
    # A new alias in a vocabulary (TOML) changes scores: cached results made before it must not be served.
    from jobmatch.ranking import scorer_version
    from jobmatch.versions import source_files

    names = source_files("signals", "data", "matching", "knowledge", "scoring.py", "weights.py", "models.py")
    for vocabulary in ("skills", "credentials", "occupations", "soft_skills", "degree_fields", "industries"):
        assert f"knowledge/{vocabulary}.toml" in names
    assert "scoring.py" in names and "data/sections.txt" in names
    assert len(scorer_version()) == 24


# ---------------------------------------------------------------------------- parsed postings


class _Memo:
    """A memo in memory, with the cache's get/put."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], bytes] = {}

    def get(self, table: str, key: str) -> bytes | None:
        return self.rows.get((table, key))

    def put(self, table: str, key: str, blob: bytes) -> None:
        self.rows[(table, key)] = blob


def test_a_posting_parsed_before_comes_from_the_memo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jobmatch.posting.parse as parse

    path = tmp_path / "AVON147.txt"
    path.write_bytes((ROOT / "requirements" / "AVON147.txt").read_bytes())
    memo = _Memo()
    first = parse.load_posting(path, memo)
    assert len(memo.rows) == 1 and first == parse.load_posting(path)

    def no_parsing(text: str, path: str = "") -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(parse, "parse_posting", no_parsing)
    assert parse.load_posting(path, memo) == first
    # Another text, or a damaged row, is parsed again.
    monkeypatch.undo()
    path.write_text(path.read_text(encoding="utf-8") + "\n- Fluent Spanish.\n", encoding="utf-8")
    edited = parse.load_posting(path, memo)
    assert len(edited.requirements) == len(first.requirements) + 1 and len(memo.rows) == 2
    for key in memo.rows:
        memo.rows[key] = zlib.compress(b'{"path": 1}')
    assert parse.load_posting(path, memo) == edited


def test_rank_keeps_the_parsed_posting_in_the_cache_unless_told_not_to(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 1)
    posting = str(ROOT / "requirements" / "AVON147.txt")
    for flags, rows in (["--no-cache"], 0), ([], 1):
        cache_dir = tmp_path / f"cache{rows}"
        env = {"JOBMATCH_CACHE_DIR": str(cache_dir)}
        result = CliRunner().invoke(
            app, ["rank", str(folder), "--posting", posting, "-j", "1", *flags], env=env
        )
        assert result.exit_code == 0, result.stderr
        if rows:
            with sqlite3.connect(cache_dir / "cache.sqlite3") as db:
                assert db.execute("SELECT COUNT(*) FROM postings").fetchone()[0] == rows
        else:
            assert not (cache_dir / "cache.sqlite3").exists()
