"""Thin typer commands: options -> one core call -> renderer -> exit code.

Heavy modules (pypdf, docx, the ranking machinery) are imported inside the commands so that
``jobmatch --help`` starts fast.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer
import typer.core

# typer bundles its own copy of click (no separate click package): its exceptions and types are these.
from typer._click.core import Command, Context
from typer._click.exceptions import NoSuchOption, UsageError

from jobmatch.errors import ExitCode, JobmatchError, OutputError, PostingError
from jobmatch.weights import ROLE_FIT_WEIGHT, WORDING_WEIGHT, percent

if TYPE_CHECKING:
    from jobmatch.models import Posting, Ranking
    from jobmatch.render import ViewFormat
    from jobmatch.render.stream import GuardedOutput

# Set by main() when the process started with file descriptor 1 closed (``>&-``): fd 1 then points at
# /dev/null, so that no file we open lands on it, and writing "standard output" is an OutputError.
_STDOUT_CLOSED = False

FORMAT_NAMES = (
    "table, json, jsonl, csv, tsv, markdown, html"  # the registry's, without importing it for --help
)
EXIT_CODES_HELP = (
    "Exit codes: 0 every file ranked; 1 finished, but some files were skipped; 2 usage error (bad option, "
    "missing or ambiguous posting); 3 no résumé could be read; 4 no candidate at or above --min-score (or "
    "meeting every --must-have); 70 internal error (a bug: please report it); 74 the output could not be "
    "written (disk full, standard output closed, -o FILE not writable)."
)
# -o FILE without --format: the format its name says (shortlist.csv is CSV), else JSON Lines.
FORMAT_BY_SUFFIX = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
    ".html": "html",
    ".htm": "html",
}
MAX_TIMEOUT_S = 3600.0  # an hour for one file is already far past any real résumé


def _version(value: bool) -> None:
    if value:
        from jobmatch import __version__

        sys.stdout.write(f"jobmatch {__version__}\n")
        raise typer.Exit(int(ExitCode.OK))


def closest_option(name: str, command: Command) -> str | None:
    """The one option of ``command`` whose spelling is close to ``name`` (a typo such as ``--fromat``), or
    None. Stricter than click's own guess (difflib's 0.6), which offers ``--verbose`` for ``--bogus``."""
    import difflib

    # Short options ("-x") are one letter: any other letter would look as close, so none is guessed.
    if not name.startswith("--"):
        return None
    known = [
        opt
        for param in command.params
        if isinstance(param, typer.core.TyperOption) and not param.hidden
        for opt in (*param.opts, *param.secondary_opts)
        if opt.startswith("--")
    ]
    found = difflib.get_close_matches(name.lower(), [*known, "--help"], n=1, cutoff=0.75)
    return found[0] if found else None


def _unknown_option(exc: NoSuchOption) -> UsageError:
    """One line for an option the command does not have: which command, the closest real option if one is
    close, and where the list is. Made without a context, so click prints this line alone, no usage block."""
    ctx = exc.ctx
    where = ctx.command_path if ctx is not None else "jobmatch"
    guess = closest_option(exc.option_name, ctx.command) if ctx is not None else None
    hint = f"; did you mean {guess}?" if guess else ""
    error = UsageError(f"{where}: no such option {exc.option_name}{hint} (see '{where} -h')")
    error.exit_code = int(ExitCode.USAGE)
    return error


class _Group(typer.core.TyperGroup):
    """Typer's group, with the one-line message of ``_unknown_option`` for its own options and for those
    of every command below it."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except NoSuchOption as exc:
            raise _unknown_option(exc) from None

    def invoke(self, ctx: Context) -> object:
        try:
            return super().invoke(ctx)
        except NoSuchOption as exc:
            raise _unknown_option(exc) from None


app = typer.Typer(
    name="jobmatch",
    help=(
        "Rank a folder of résumés (PDF, DOCX, TXT, MD) against a job posting, with quoted evidence.\n\n"
        "Example: jobmatch rank resumes --posting requirements/AVON147.txt --top 10\n\n" + EXIT_CODES_HELP
    ),
    no_args_is_help=True,
    cls=_Group,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Rank a folder of résumés (PDF, DOCX, TXT, MD) against a job posting, with quoted evidence."""


DEFAULT_POSTINGS = Path("requirements")
DEFAULT_RESUMES = Path("resumes")

PostingOpt = Annotated[
    Path | None,
    typer.Option(
        "--posting",
        "-p",
        help="Posting file. Default: the only posting in ./requirements/, or the one requirements/DEFAULT "
        "names.",
        dir_okay=False,
    ),
]
ColorOpt = Annotated[
    bool | None, typer.Option("--color/--no-color", help="Colour output. Default: only on a terminal.")
]
KeepDoubtfulOpt = Annotated[
    bool,
    typer.Option(
        "--keep-doubtful",
        help="Rank a file that reads as text but not as a résumé (a README, a cover letter, a job posting), "
        "with a warning, instead of skipping it.",
    ),
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks for internal errors.")]


def _check_timeout(value: float) -> float:
    # Click's range check lets "nan" through (every comparison with it is false) and "inf" or 3e6 would
    # overflow the wait deep in the workers: refuse them here, as the usage errors they are.
    if not math.isfinite(value) or not 0.1 <= value <= MAX_TIMEOUT_S:
        raise typer.BadParameter(f"give a number of seconds from 0.1 to {MAX_TIMEOUT_S:g}, not {value:g}")
    return value


WorkersOpt = Annotated[
    int,
    typer.Option(
        "--workers",
        "-j",
        min=0,
        help="Worker processes. Default 0: one per core; more than twice the cores is capped to that.",
    ),
]
TimeoutOpt = Annotated[
    float,
    typer.Option(
        "--timeout",
        callback=_check_timeout,
        help=f"Seconds allowed to read one file before it is skipped (0.1 to {MAX_TIMEOUT_S:g}).",
    ),
]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="Only the data: no progress bar, no notes on stderr.")
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write the output to FILE instead of standard output.", dir_okay=False
    ),
]
PDF_ENGINES = ("pdfium", "pypdf")  # as jobmatch.documents.PDF_ENGINES, without importing the readers here
PdfEngineOpt = Annotated[
    str | None,
    typer.Option(
        "--pdf-engine",
        metavar="pdfium|pypdf",
        help="What reads PDF text: pdfium (the default; pypdf takes the files it refuses) or pypdf.",
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
BlindOpt = Annotated[
    bool,
    typer.Option(
        "--blind",
        help="Blind review: no names, e-mails, phones, addresses, links or file names in the output; each "
        "candidate shown as cand-XXXXXXXX (from the SHA-256 of the file's bytes). Scores are unchanged.",
    ),
]
BlindSchoolsOpt = Annotated[
    bool,
    typer.Option("--blind-schools", help="--blind, and also school names and graduation years."),
]


def _blind_options(blind: bool, blind_schools: bool) -> object:
    """The redaction asked for (``jobmatch.blind.BlindOptions``), or None for none."""
    if not (blind or blind_schools):
        return None
    from jobmatch.blind import BlindOptions

    return BlindOptions(schools=blind_schools)


def _fail(message: str, code: ExitCode) -> NoReturn:
    from jobmatch.sanitize import clean_display

    sys.stderr.write(f"jobmatch: error: {clean_display(message)}\n")
    raise typer.Exit(int(code))


def _load_posting(path: Path | None, *, use_cache: bool = False) -> Posting:
    """The posting to rank against: a posting file, or an edited ``.toml`` export of one. With
    ``use_cache``, a posting parsed before by the same code is taken from the cache (a posting is no
    personal data; ``--no-cache`` turns it off with the rest)."""
    from jobmatch.posting import find_posting, load_posting

    if path is None:
        if not DEFAULT_POSTINGS.is_dir():
            raise PostingError("no --posting given and no ./requirements/ folder to take one from")
        path = find_posting(DEFAULT_POSTINGS)
    if path.suffix.lower() == ".toml":
        from jobmatch.posting.toml_io import load_posting_toml

        return load_posting_toml(path)
    if not use_cache:
        return load_posting(path)
    from jobmatch.cache import Cache

    memo = Cache()
    try:
        return load_posting(path, memo)
    finally:
        memo.close()


def _check_pdf_engine(pdf_engine: str | None) -> None:
    if pdf_engine is not None and pdf_engine not in PDF_ENGINES:
        _fail(f"unknown PDF engine {pdf_engine!r}; choose one of: {', '.join(PDF_ENGINES)}", ExitCode.USAGE)


def _limits(pdf_engine: str | None) -> object:
    """The reading budgets with the engine asked for; None (the defaults) when none was."""
    if pdf_engine is None:
        return None
    from jobmatch.documents import Limits

    return Limits(pdf_engine=pdf_engine)


def _use_color(color: bool | None, stream: object = None) -> bool:
    """``--color``/``--no-color`` when given; else colour only on a terminal and without ``NO_COLOR``."""
    if color is not None:
        return color
    target = sys.stdout if stream is None else stream
    isatty = getattr(target, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def _stdout() -> TextIO | None:
    return None if _STDOUT_CLOSED else sys.stdout


def _open_output(path: Path | None, *, encoding: str = "utf-8", machine: bool = False) -> GuardedOutput:
    from jobmatch.render.stream import open_output

    return open_output(path, _stdout(), encoding=encoding, machine=machine)


def _note(quiet: bool, message: str) -> None:
    """A line for the person running the command, on stderr; ``--quiet`` silences it."""
    if not quiet:
        from jobmatch.sanitize import clean_display

        sys.stderr.write(f"jobmatch: {clean_display(message)}\n")


def _run(verbose: bool, body: Callable[[], None]) -> None:
    """One error ladder for every command."""
    from jobmatch.render.stream import silence_stdout

    try:
        body()
    except OutputError as exc:
        # Whatever is still buffered for fd 1 would fail again at the interpreter's last flush.
        silence_stdout()
        _fail(exc.message, exc.exit_code)
    except JobmatchError as exc:
        _fail(exc.message, exc.exit_code)
    except BrokenPipeError:
        # `jobmatch rank | head`: the reader went away. Point stdout at /dev/null so the interpreter's
        # final flush does not raise again, and leave quietly.
        silence_stdout()
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


def _capped_workers(workers: int, quiet: bool) -> int:
    """``-j`` as asked, but never more than twice the cores: past that each worker only adds its memory
    (up to the per-worker budget) and nothing goes faster."""
    from jobmatch.workers import default_workers

    cap = 2 * default_workers()
    if workers > cap:
        _note(quiet, f"--workers {workers} is more than this machine can use; using {cap}")
        return cap
    return workers


def _blinded(ranking: Ranking, options: object) -> Ranking:
    """``ranking`` redacted for a blind review (``jobmatch.blind``) when ``options`` asks for one."""
    if options is None:
        return ranking
    from jobmatch.blind import BlindOptions, blind_ranking

    assert isinstance(options, BlindOptions)
    return blind_ranking(ranking, options)


def _posting_sha256(path: str) -> str:
    import hashlib

    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""


@app.command(
    epilog="Examples: jobmatch rank resumes -p requirements/AVON147.txt --top 10 · "
    "jobmatch rank resumes -f csv -o shortlist.csv · jobmatch rank resumes -f json | jq '.candidates[0]'"
)
def rank(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Folders and files of résumés, ranked together. Default: ./resumes/.",
            metavar="FOLDER|FILE",
            show_default=False,
        ),
    ] = None,
    posting: PostingOpt = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=f"{FORMAT_NAMES} (any case). Default: table on a terminal, jsonl in a pipe; with -o, "
            "what the file name says (.csv, .tsv, .json, .jsonl, .md, .txt), else jsonl.",
        ),
    ] = None,
    output: OutputOpt = None,
    top: Annotated[int | None, typer.Option("--top", "-n", min=1, help="Show only the best N.")] = None,
    min_score: Annotated[
        float | None,
        typer.Option(
            "--min-score", min=0, max=100, help="Show only candidates scoring at least this (0-100)."
        ),
    ] = None,
    must_have: Annotated[
        bool,
        typer.Option(
            "--must-have",
            help="Show only candidates who meet every must-have: those marked in an edited TOML posting, "
            "else every required item a résumé can show.",
        ),
    ] = False,
    include: Annotated[
        list[str] | None,
        typer.Option(
            "--include",
            metavar="GLOB",
            help="Only files whose name or path in the folder matches (repeatable).",
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", metavar="GLOB", help="Leave out files that match (repeatable)."),
    ] = None,
    recursive: Annotated[
        bool, typer.Option("--recursive/--no-recursive", help="Read the folders inside each folder too.")
    ] = True,
    skipped_csv: Annotated[
        Path | None,
        typer.Option(
            "--skipped-csv", help="Also write the skipped files and why to this CSV.", dir_okay=False
        ),
    ] = None,
    keep_duplicates: Annotated[
        bool,
        typer.Option(
            "--keep-duplicates",
            help="Rank every file on its own. Default: the same résumé sent twice (another format or "
            "version, found by text similarity) is shown once, the other files listed beside it.",
        ),
    ] = False,
    keep_doubtful: KeepDoubtfulOpt = False,
    workers: WorkersOpt = 0,
    timeout: TimeoutOpt = 20.0,
    no_cache: NoCacheOpt = False,
    as_of: AsOfOpt = "",
    pdf_engine: PdfEngineOpt = None,
    blind: BlindOpt = False,
    blind_schools: BlindSchoolsOpt = False,
    color: ColorOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Rank every résumé in the given folders and files against the posting."""
    paths = inputs or [DEFAULT_RESUMES]
    _check_pdf_engine(pdf_engine)
    outcome: list[int] = []

    def body() -> None:
        import dataclasses

        from jobmatch.ranking import RankOptions, rank_paths
        from jobmatch.render import find_format, progress_reporter, render_skipped_csv
        from jobmatch.render.console import output_width
        from jobmatch.sanitize import clean_display
        from jobmatch.selection import select
        from jobmatch.signals.dates import as_of_label

        stdout = _stdout()
        if output is not None:
            default = FORMAT_BY_SUFFIX.get(output.suffix.lower(), "jsonl")
        else:
            default = "table" if stdout is not None and stdout.isatty() else "jsonl"
        chosen = find_format(fmt if fmt is not None else default)
        parsed = _load_posting(posting, use_cache=not no_cache)
        for path in paths:
            if not os.path.lexists(path):
                raise JobmatchError(f"no such file or folder: {path}")
        try:
            run_as_of = as_of_label(as_of)
        except ValueError as exc:
            raise JobmatchError(f"--as-of: {exc}") from None
        options = RankOptions(
            workers=_capped_workers(workers, quiet),
            timeout_s=timeout,
            use_cache=not no_cache,
            as_of=as_of,
            limits=_limits(pdf_engine),
            keep_doubtful=keep_doubtful,
        )
        ignored: list[str] = []
        out = _open_output(output, encoding=chosen.encoding, machine=chosen.machine)
        bar_color = _use_color(color, sys.stderr)
        with progress_reporter(sys.stderr, enabled=not quiet, color=bar_color) as progress:
            ranking = rank_paths(
                paths,
                parsed,
                options,
                include=include or (),
                exclude=exclude or (),
                recursive=recursive,
                progress=progress,
                ignored=ignored,
            )
        if not keep_duplicates:
            from jobmatch.duplicates import merge

            read = len(ranking.candidates)
            ranking = merge(ranking)
            if len(ranking.candidates) < read:
                _note(
                    quiet,
                    f"{read - len(ranking.candidates)} file(s) of a person already ranked shown once "
                    "(--keep-duplicates ranks each)",
                )
        selected = select(ranking.candidates, min_score=min_score, must_have=must_have)
        shown = dataclasses.replace(
            ranking, candidates=selected, as_of=run_as_of, posting_sha256=_posting_sha256(parsed.path)
        )
        shown = _blinded(shown, _blind_options(blind, blind_schools))
        human = not chosen.machine
        width = output_width(out) if output is None else None
        chosen.render(shown, out, top=top, color=human and _use_color(color, out), width=width)
        out.close_target()
        if skipped_csv is not None:
            skipped_out = _open_output(skipped_csv, encoding="utf-8-sig", machine=True)
            render_skipped_csv(shown, skipped_out)
            skipped_out.close_target()
        if ranking.skipped:
            where = " (see 'skipped' in the output)"
            if chosen.name in ("table", "markdown"):
                where = " (listed under the table)"
            elif chosen.name in ("csv", "tsv"):
                where = f" (listed in {skipped_csv})" if skipped_csv else " (--skipped-csv FILE lists them)"
            _note(quiet, f"{len(ranking.skipped)} file(s) skipped{where}")
        if ignored:
            _note(quiet, f"{len(ignored)} hidden or Office lock file(s) ignored")
        if not ranking.candidates:
            outcome.append(int(ExitCode.NOTHING_READABLE))
            where = ", ".join(str(p) for p in paths)
            sys.stderr.write(f"jobmatch: error: no readable résumé in {clean_display(where)}\n")
        elif not selected:
            outcome.append(int(ExitCode.NONE_QUALIFIED))
            wanted = []
            if min_score is not None:
                wanted.append(f"at or above --min-score {min_score:g}")
            if must_have:
                wanted.append("meeting every must-have")
            asked = " and ".join(wanted)
            _note(quiet, f"no candidate {asked} (of {len(ranking.candidates)} ranked)")
        elif ranking.skipped:
            outcome.append(int(ExitCode.SKIPPED))

    _run(verbose, body)
    if outcome:
        raise typer.Exit(outcome[0])


@app.command(epilog="Example: jobmatch report resumes -p requirements/AVON147.txt -o shortlist.html")
def report(
    folder: Annotated[
        Path, typer.Argument(help="Folder of résumés. Default: ./resumes/.", file_okay=False)
    ] = DEFAULT_RESUMES,
    posting: PostingOpt = None,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The HTML file to write ('-' for stdout).", dir_okay=False),
    ] = Path("shortlist.html"),
    top: Annotated[int | None, typer.Option("--top", "-n", min=1, help="Show only the best N.")] = None,
    keep_duplicates: Annotated[
        bool, typer.Option("--keep-duplicates", help="Show every file on its own, as rank does with it.")
    ] = False,
    keep_doubtful: KeepDoubtfulOpt = False,
    workers: WorkersOpt = 0,
    timeout: TimeoutOpt = 20.0,
    no_cache: NoCacheOpt = False,
    as_of: AsOfOpt = "",
    pdf_engine: PdfEngineOpt = None,
    blind: BlindOpt = False,
    blind_schools: BlindSchoolsOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Write the shortlist as one self-contained HTML page (no network, opens from disk in any browser)."""
    _check_pdf_engine(pdf_engine)
    outcome: list[int] = []

    def body() -> None:
        import dataclasses

        from jobmatch.ranking import RankOptions
        from jobmatch.ranking import rank as rank_folder
        from jobmatch.render import progress_reporter
        from jobmatch.render.html import ReportRun, render_report, report_time
        from jobmatch.signals.dates import as_of_label

        try:
            run = ReportRun(made_at=report_time(os.environ))
        except ValueError as exc:
            raise JobmatchError(str(exc)) from None
        parsed = _load_posting(posting, use_cache=not no_cache)
        if not folder.is_dir():
            raise JobmatchError(f"not a folder: {folder}")
        options = RankOptions(
            workers=workers,
            timeout_s=timeout,
            use_cache=not no_cache,
            as_of=as_of,
            limits=_limits(pdf_engine),
            keep_doubtful=keep_doubtful,
        )
        with progress_reporter(sys.stderr) as progress:
            ranking = rank_folder(folder, parsed, options, folder_arg=str(folder), progress=progress)
        try:
            ranking = dataclasses.replace(ranking, as_of=as_of_label(as_of))  # the page says the run's date
        except ValueError as exc:
            raise JobmatchError(f"--as-of: {exc}") from None
        if not keep_duplicates:
            from jobmatch.duplicates import merge

            ranking = merge(ranking)  # the same person sent twice is one candidate, as in rank
        # The one output path of every command: a file that cannot be written, a full disk or a closed
        # standard output is one line and exit 74, as for rank -o.
        target = None if str(output) == "-" else output
        out = _open_output(target)
        render_report(_blinded(ranking, _blind_options(blind, blind_schools)), out, top=top, run=run)
        out.close_target()
        if target is not None:
            sys.stderr.write(
                f"jobmatch: wrote {output} ({len(ranking.candidates)} candidate(s), "
                f"{len(ranking.skipped)} skipped)\n"
            )
        if not ranking.candidates:
            outcome.append(int(ExitCode.NOTHING_READABLE))
            sys.stderr.write(f"jobmatch: error: no readable résumé in {folder}\n")
        elif ranking.skipped:
            outcome.append(int(ExitCode.SKIPPED))

    _run(verbose, body)
    if outcome:
        raise typer.Exit(outcome[0])


@app.command(epilog="Example: jobmatch explain resumes/kevin-tran.docx --posting requirements/AVON147.txt")
def explain(
    file: Annotated[Path, typer.Argument(help="One résumé file.", dir_okay=False)],
    posting: PostingOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json (any case).")] = "table",
    output: OutputOpt = None,
    timeout: TimeoutOpt = 20.0,
    as_of: AsOfOpt = "",
    pdf_engine: PdfEngineOpt = None,
    blind: BlindOpt = False,
    blind_schools: BlindSchoolsOpt = False,
    color: ColorOpt = None,
    keep_doubtful: KeepDoubtfulOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Why a résumé scored as it did: every requirement with status, score and quoted evidence."""
    fmt = fmt.strip().lower()
    if fmt not in ("table", "json"):
        _fail(f"unknown format {fmt!r}; choose table or json", ExitCode.USAGE)
    _check_pdf_engine(pdf_engine)

    def body() -> None:
        import json

        from jobmatch.ranking import RankOptions, explain_file
        from jobmatch.render import explain_json, render_explain
        from jobmatch.render.console import output_width
        from jobmatch.sanitize import escape_json_text

        parsed = _load_posting(posting)
        result = explain_file(
            file,
            parsed,
            RankOptions(
                timeout_s=timeout,
                use_cache=False,
                as_of=as_of,
                limits=_limits(pdf_engine),
                keep_doubtful=keep_doubtful,
            ),
        )
        options = _blind_options(blind, blind_schools)
        if options is not None:
            from jobmatch.blind import BlindOptions, blind_result, file_id

            assert isinstance(options, BlindOptions)
            result = blind_result(result, file_id(str(file)), options)
        out = _open_output(output, machine=fmt == "json")
        if fmt == "json":
            text = json.dumps(explain_json(result, parsed), ensure_ascii=False, indent=2)
            out.write(escape_json_text(text) + "\n")
        else:
            width = output_width(out) if output is None else None
            render_explain(result, parsed, out, color=_use_color(color, out), width=width)
        out.close_target()

    _run(verbose, body)


@app.command("text", epilog="Example: jobmatch text resumes/kevin-tran.docx")
def show_text(
    file: Annotated[Path, typer.Argument(help="One résumé file.", dir_okay=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json (any case).")] = "table",
    output: OutputOpt = None,
    timeout: TimeoutOpt = 20.0,
    blind: BlindOpt = False,
    blind_schools: BlindSchoolsOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """The cleaned lines of a résumé as jobmatch reads them, with the page and line numbers that explain's
    quotes cite ("p1 L49")."""
    fmt = fmt.strip().lower()
    if fmt not in ("table", "json"):
        _fail(f"unknown format {fmt!r}; choose table or json", ExitCode.USAGE)

    def body() -> None:
        from jobmatch.ranking import RankOptions, read_text
        from jobmatch.render.text import render_text, render_text_json

        document = read_text(file, RankOptions(timeout_s=timeout, use_cache=False))
        options = _blind_options(blind, blind_schools)
        if options is not None:
            from jobmatch.blind import BlindOptions, blind_text, file_id

            assert isinstance(options, BlindOptions)
            document = blind_text(document, file_id(str(file)), options)
        out = _open_output(output, machine=fmt == "json")
        (render_text_json if fmt == "json" else render_text)(document, out)
        out.close_target()

    _run(verbose, body)


@app.command("posting", epilog="Example: jobmatch posting requirements/AVON147.txt --export avon.toml")
def show_posting(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="Posting file (or an edited .toml export). Default: the only one in ./requirements/."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json (any case).")] = "table",
    output: OutputOpt = None,
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
    fmt = fmt.strip().lower()
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
        from jobmatch.render.console import output_width

        out = _open_output(output, machine=fmt == "json")
        if fmt == "json":
            render_posting_json(parsed, out)
        else:
            width = output_width(out) if output is None else None
            render_posting(parsed, out, color=_use_color(color, out), width=width)
        out.close_target()

    _run(verbose, body)


MATCH_SCALE_HELP = (
    "Scores are comparable across postings: each is 0-100 on the same scale, "
    f"{percent(1 - WORDING_WEIGHT)} that posting's requirements and role fit "
    f"({percent(1 - ROLE_FIT_WEIGHT)} the share of its own weighted requirements the résumé meets, "
    f"required 1, preferred 0.5, whatever their number; {percent(ROLE_FIT_WEIGHT)} role fit to its kind "
    f"of work) and {percent(WORDING_WEIGHT)} how much of its wording the résumé shares."
)


def _view_format(view: str, fmt: str | None, output: Path | None) -> ViewFormat:
    """``--format`` of a view command: as asked, else what -o's name says, else table on a terminal and
    JSON Lines (or JSON, for a view without it) in a pipe."""
    from jobmatch.render import find_view_format, view_formats

    if fmt is None:
        known = view_formats(view)
        pipe_default = "jsonl" if "jsonl" in known else "json"
        if output is not None:
            fmt = FORMAT_BY_SUFFIX.get(output.suffix.lower(), pipe_default)
            fmt = fmt if fmt in known else pipe_default
        else:
            stdout = _stdout()
            fmt = "table" if stdout is not None and stdout.isatty() else pipe_default
    return find_view_format(view, fmt)


@app.command(
    "match",
    help="Score every résumé against every posting of a folder (each résumé read once) and show, per "
    "candidate, the best-fitting posting and the whole matrix.\n\n" + MATCH_SCALE_HELP,
    epilog="Examples: jobmatch match resumes requirements/ · "
    "jobmatch match resumes requirements/ -f csv -o matrix.csv",
)
def match_command(
    folder: Annotated[Path, typer.Argument(help="Folder (or file) of résumés.", metavar="FOLDER|FILE")],
    postings: Annotated[
        Path,
        typer.Argument(
            help="Folder of postings (.txt, .md, .docx, .pdf, .html or .toml exports), or one posting.",
            metavar="POSTINGS_FOLDER",
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json, jsonl or csv (any case). Default: table on a terminal, jsonl in a pipe; with "
            "-o, what the file name says.",
        ),
    ] = None,
    output: OutputOpt = None,
    workers: WorkersOpt = 0,
    timeout: TimeoutOpt = 20.0,
    no_cache: NoCacheOpt = False,
    keep_doubtful: KeepDoubtfulOpt = False,
    as_of: AsOfOpt = "",
    pdf_engine: PdfEngineOpt = None,
    blind: BlindOpt = False,
    blind_schools: BlindSchoolsOpt = False,
    color: ColorOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    _check_pdf_engine(pdf_engine)
    outcome: list[int] = []

    def body() -> None:
        from jobmatch.matrix import build_matrix, posting_files
        from jobmatch.ranking import RankOptions, match_paths
        from jobmatch.render import progress_reporter
        from jobmatch.render.console import output_width
        from jobmatch.signals.dates import as_of_label

        chosen = _view_format("match", fmt, output)
        parsed = [_load_posting(path, use_cache=not no_cache) for path in posting_files(postings)]
        if not os.path.lexists(folder):
            raise JobmatchError(f"no such file or folder: {folder}")
        try:
            run_as_of = as_of_label(as_of)
        except ValueError as exc:
            raise JobmatchError(f"--as-of: {exc}") from None
        options = RankOptions(
            workers=_capped_workers(workers, quiet),
            timeout_s=timeout,
            use_cache=not no_cache,
            as_of=as_of,
            keep_doubtful=keep_doubtful,
            limits=_limits(pdf_engine),
        )
        out = _open_output(output, encoding=chosen.encoding, machine=chosen.machine)
        with progress_reporter(
            sys.stderr, enabled=not quiet, color=_use_color(color, sys.stderr)
        ) as progress:
            matching = match_paths([folder], parsed, options, progress=progress)
        blinding = _blind_options(blind, blind_schools)
        rankings = [_blinded(r, blinding) for r in matching.rankings]
        skipped = matching.skipped
        if blinding is not None:
            from jobmatch.blind import file_id
            from jobmatch.models import Skipped

            skipped = tuple(Skipped(file_id(s.file), s.reason) for s in skipped)
        table = build_matrix(rankings, skipped, run_as_of)
        width = output_width(out) if output is None else None
        human = not chosen.machine
        chosen.render(table, out, color=human and _use_color(color, out), width=width)
        out.close_target()
        if matching.skipped:
            _note(quiet, f"{len(matching.skipped)} file(s) skipped")
        if not table.rows:
            outcome.append(int(ExitCode.NOTHING_READABLE))
            sys.stderr.write("jobmatch: error: no readable résumé\n")
        elif matching.skipped:
            outcome.append(int(ExitCode.SKIPPED))

    _run(verbose, body)
    if outcome:
        raise typer.Exit(outcome[0])


@app.command(
    "compare",
    epilog="Example: jobmatch compare resumes/kevin-tran.docx resumes/hannah-kowalski.pdf "
    "-p requirements/AVON147.txt",
)
def compare_command(
    first: Annotated[Path, typer.Argument(help="Résumé A.", dir_okay=False, metavar="A")],
    second: Annotated[Path, typer.Argument(help="Résumé B.", dir_okay=False, metavar="B")],
    posting: PostingOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json (any case).")] = "table",
    output: OutputOpt = None,
    timeout: TimeoutOpt = 20.0,
    no_cache: NoCacheOpt = False,
    as_of: AsOfOpt = "",
    pdf_engine: PdfEngineOpt = None,
    blind: BlindOpt = False,
    blind_schools: BlindSchoolsOpt = False,
    color: ColorOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Why A is above B (or below): requirement by requirement, where the two differ and by how many points
    of the total, both quotes side by side, and which differences decide the order."""
    _check_pdf_engine(pdf_engine)

    def body() -> None:
        from jobmatch.comparison import compare
        from jobmatch.ranking import RankOptions, read_pair
        from jobmatch.render.console import output_width

        chosen = _view_format("compare", fmt, output)
        parsed = _load_posting(posting, use_cache=not no_cache)
        for path in (first, second):
            if not os.path.lexists(path):
                raise JobmatchError(f"no such file: {path}")
        options = RankOptions(
            workers=2, timeout_s=timeout, use_cache=not no_cache, as_of=as_of, limits=_limits(pdf_engine)
        )
        a, b = read_pair(first, second, parsed, options)
        blinding = _blind_options(blind, blind_schools)
        if blinding is not None:
            from jobmatch.blind import BlindOptions, blind_result, file_id

            assert isinstance(blinding, BlindOptions)
            a = blind_result(a, file_id(str(first)), blinding)
            b = blind_result(b, file_id(str(second)), blinding)
        out = _open_output(output, encoding=chosen.encoding, machine=chosen.machine)
        width = output_width(out) if output is None else None
        chosen.render(
            compare(parsed, a, b), out, color=not chosen.machine and _use_color(color, out), width=width
        )
        out.close_target()

    _run(verbose, body)


cache_app = typer.Typer(
    help="The extraction cache in your user cache folder.", no_args_is_help=True, cls=_Group
)
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
        out = _open_output(None)
        out.write(f"{path}\n")
        out.close_target()
        if os.path.lexists(path):
            store = Cache(path)
            store.get("documents", "")  # opens it read-mostly: says whether a run could use it
            store.close()
            if store.problem:
                sys.stderr.write(f"jobmatch: warning: {clean_display(store.problem)}\n")

    _run(False, body)


def _guard_standard_streams() -> None:
    """Before anything opens a file: a closed fd 0, 1 or 2 would be handed to the next file we open (the
    cache, say), and our output or messages would land in it. Each closed one is pointed at /dev/null;
    a closed standard output is remembered, so that writing to it is an error, not silence."""
    global _STDOUT_CLOSED
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                devnull = os.open(os.devnull, os.O_RDWR)
            except OSError:
                continue
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)
            if fd == 1:
                _STDOUT_CLOSED = True
    if sys.stderr is None:
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
    elif hasattr(sys.stderr, "reconfigure"):
        # A message must never fail on a name the terminal's encoding cannot show.
        sys.stderr.reconfigure(errors="backslashreplace")


def main() -> None:
    _guard_standard_streams()
    app()
