"""Thin typer commands: options -> one core call -> renderer -> exit code.

Heavy modules (pypdf, docx, the ranking machinery) are imported inside the commands so that
``jobmatch --help`` starts fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from jobmatch.errors import ExitCode, JobmatchError, PostingError

if TYPE_CHECKING:
    from jobmatch.models import Posting

FORMATS = ("table", "json", "jsonl", "csv")

app = typer.Typer(
    name="jobmatch",
    help=(
        "Rank a folder of résumés (PDF, DOCX, TXT, MD) against a job posting, with quoted evidence.\n\n"
        "Exit codes: 0 all files ranked; 1 finished but some files were skipped; 2 usage error "
        "(bad option, missing or ambiguous posting); 3 no résumé could be read."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DEFAULT_POSTINGS = Path("requirements")
DEFAULT_RESUMES = Path("resumes")

PostingOpt = Annotated[
    Path | None,
    typer.Option(
        "--posting",
        "-p",
        help="Posting file. Default: the only posting in ./requirements/.",
        dir_okay=False,
    ),
]
ColorOpt = Annotated[
    bool | None, typer.Option("--color/--no-color", help="Colour output. Default: only on a terminal.")
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks for internal errors.")]
WorkersOpt = Annotated[
    int, typer.Option("--workers", "-j", min=0, help="Worker processes. Default 0: one per core.")
]
TimeoutOpt = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Seconds allowed to read one file before it is skipped.")
]
PDF_ENGINES = ("pdfium", "pypdf")  # as jobmatch.documents.PDF_ENGINES, without importing the readers here
PdfEngineOpt = Annotated[
    str | None,
    typer.Option(
        "--pdf-engine",
        metavar="pdfium|pypdf",
        help="What reads PDF text: pdfium (fast; pypdf takes the files it refuses) or pypdf. Default: pypdf.",
    ),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the extraction cache.")]
AsOfOpt = Annotated[
    str,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM[-DD]",
        help="Where 'Current'/'Present' ends when counting months. Default: this month (for an old folder, "
        "the month its résumés were collected).",
    ),
]


def _fail(message: str, code: ExitCode) -> NoReturn:
    from jobmatch.sanitize import clean_display

    sys.stderr.write(f"jobmatch: error: {clean_display(message)}\n")
    raise typer.Exit(int(code))


def _load_posting(path: Path | None) -> Posting:
    """The posting to rank against: a posting file, or an edited ``.toml`` export of one."""
    from jobmatch.posting import find_posting, load_posting

    if path is None:
        if not DEFAULT_POSTINGS.is_dir():
            raise PostingError("no --posting given and no ./requirements/ folder to take one from")
        path = find_posting(DEFAULT_POSTINGS)
    if path.suffix.lower() == ".toml":
        from jobmatch.posting.toml_io import load_posting_toml

        return load_posting_toml(path)
    return load_posting(path)


def _check_pdf_engine(pdf_engine: str | None) -> None:
    if pdf_engine is not None and pdf_engine not in PDF_ENGINES:
        _fail(f"unknown PDF engine {pdf_engine!r}; choose one of: {', '.join(PDF_ENGINES)}", ExitCode.USAGE)


def _limits(pdf_engine: str | None) -> object:
    """The reading budgets with the engine asked for; None (the defaults) when none was."""
    if pdf_engine is None:
        return None
    from jobmatch.documents import Limits

    return Limits(pdf_engine=pdf_engine)


def _use_color(color: bool | None) -> bool:
    if color is not None:
        return color
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _run(verbose: bool, body: Callable[[], None]) -> None:
    """One error ladder for every command."""
    try:
        body()
    except JobmatchError as exc:
        _fail(exc.message, exc.exit_code)
    except BrokenPipeError:
        # `jobmatch rank | head`: the reader went away. Point stdout at /dev/null so the interpreter's
        # final flush does not raise again, and leave quietly.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(int(ExitCode.OK)) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as exc:
        if verbose:
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc} (run with --verbose for the traceback)",
            ExitCode.INTERNAL,
        )


@app.command()
def rank(
    folder: Annotated[
        Path, typer.Argument(help="Folder of résumés. Default: ./resumes/.", file_okay=False)
    ] = DEFAULT_RESUMES,
    posting: PostingOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, jsonl or csv.")] = "table",
    top: Annotated[int | None, typer.Option("--top", "-n", min=1, help="Show only the best N.")] = None,
    workers: WorkersOpt = 0,
    timeout: TimeoutOpt = 20.0,
    no_cache: NoCacheOpt = False,
    as_of: AsOfOpt = "",
    pdf_engine: PdfEngineOpt = None,
    color: ColorOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Rank every résumé in FOLDER against the posting."""
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}", ExitCode.USAGE)
    _check_pdf_engine(pdf_engine)
    outcome: list[int] = []

    def body() -> None:
        from jobmatch.ranking import RankOptions
        from jobmatch.ranking import rank as rank_folder
        from jobmatch.render import progress_reporter, render_ranking

        parsed = _load_posting(posting)
        if not folder.is_dir():
            raise JobmatchError(f"not a folder: {folder}")
        options = RankOptions(
            workers=workers,
            timeout_s=timeout,
            use_cache=not no_cache,
            as_of=as_of,
            limits=_limits(pdf_engine),
        )
        ignored: list[str] = []
        with progress_reporter(sys.stderr) as progress:
            ranking = rank_folder(
                folder, parsed, options, folder_arg=str(folder), progress=progress, ignored=ignored
            )
        render_ranking(ranking, fmt, sys.stdout, top=top, color=_use_color(color) and fmt == "table")
        sys.stdout.flush()
        if ranking.skipped:
            shown = "" if fmt == "table" else " (see 'skipped' in the output)"
            sys.stderr.write(f"jobmatch: {len(ranking.skipped)} file(s) skipped{shown}\n")
        if ignored:
            sys.stderr.write(f"jobmatch: {len(ignored)} hidden or Office lock file(s) ignored\n")
        if not ranking.candidates:
            outcome.append(int(ExitCode.NOTHING_READABLE))
            sys.stderr.write(f"jobmatch: error: no readable résumé in {folder}\n")
        elif ranking.skipped:
            outcome.append(int(ExitCode.SKIPPED))

    _run(verbose, body)
    if outcome:
        raise typer.Exit(outcome[0])


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="One résumé file.", dir_okay=False)],
    posting: PostingOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    timeout: TimeoutOpt = 20.0,
    as_of: AsOfOpt = "",
    pdf_engine: PdfEngineOpt = None,
    color: ColorOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Why a résumé scored as it did: every requirement with status, score and quoted evidence."""
    if fmt not in ("table", "json"):
        _fail(f"unknown format {fmt!r}; choose table or json", ExitCode.USAGE)
    _check_pdf_engine(pdf_engine)

    def body() -> None:
        import json

        from jobmatch.ranking import RankOptions, explain_file
        from jobmatch.render import explain_json, render_explain

        parsed = _load_posting(posting)
        options = RankOptions(timeout_s=timeout, use_cache=False, as_of=as_of, limits=_limits(pdf_engine))
        result = explain_file(file, parsed, options)
        if fmt == "json":
            sys.stdout.write(json.dumps(explain_json(result, parsed), ensure_ascii=False, indent=2) + "\n")
        else:
            render_explain(result, parsed, sys.stdout, color=_use_color(color), width=None)

    _run(verbose, body)


@app.command("posting")
def show_posting(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="Posting file (or an edited .toml export). Default: the only one in ./requirements/."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    export: Annotated[
        Path | None,
        typer.Option(
            "--export",
            help="Write the posting as an editable TOML file (then rank with --posting FILE.toml).",
            dir_okay=False,
        ),
    ] = None,
    color: ColorOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Show the parsed posting: each requirement with its category, parameters and required/preferred."""
    if fmt not in ("table", "json"):
        _fail(f"unknown format {fmt!r}; choose table or json", ExitCode.USAGE)
    if export is not None and export.suffix.lower() != ".toml":
        _fail(f"--export writes TOML: give a file name ending in .toml, not {export.name!r}", ExitCode.USAGE)

    def body() -> None:
        from jobmatch.render.posting import render_posting, render_posting_json

        parsed = _load_posting(file)
        if export is not None:
            from jobmatch.posting.toml_io import dump_posting

            try:
                export.write_text(dump_posting(parsed), encoding="utf-8")
            except OSError as exc:
                raise JobmatchError(f"cannot write {export}: {exc.strerror or exc}") from exc
            sys.stderr.write(
                f"jobmatch: wrote {len(parsed.requirements)} requirement(s) to {export}; edit it, then use "
                f"--posting {export}\n"
            )
            return
        if fmt == "json":
            render_posting_json(parsed, sys.stdout)
        else:
            render_posting(parsed, sys.stdout, color=_use_color(color), width=None)

    _run(verbose, body)


cache_app = typer.Typer(help="The extraction cache in your user cache folder.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete the cache (extracted text of every résumé read so far)."""

    def body() -> None:
        from jobmatch.cache import Cache
        from jobmatch.sanitize import clean_display

        store = Cache()
        freed = store.clear()
        sys.stderr.write(f"jobmatch: cleared {clean_display(str(store.path))} ({freed / 1e6:.1f} MB)\n")

    _run(False, body)


@cache_app.command("path")
def cache_path() -> None:
    """Print where the cache lives (and, on stderr, why it is not used, if it is not)."""

    def body() -> None:
        from jobmatch.cache import Cache, default_path
        from jobmatch.sanitize import clean_display

        path = default_path()
        sys.stdout.write(f"{path}\n")
        if os.path.lexists(path):
            store = Cache(path)
            store.get("documents", "")  # opens it read-mostly: says whether a run could use it
            store.close()
            if store.problem:
                sys.stderr.write(f"jobmatch: warning: {clean_display(store.problem)}\n")

    _run(False, body)


def main() -> None:
    app()
