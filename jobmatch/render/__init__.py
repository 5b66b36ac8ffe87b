"""Output formats. One registry picks the renderer for ``--format``; one module per format.

Only this package (and the CLI) imports rich. Machine formats (json, jsonl, csv, tsv) never carry colour
codes; untrusted text reaches rich only as ``rich.text.Text`` after :func:`sanitize.clean_display`.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from jobmatch.errors import UsageError
from jobmatch.models import Ranking

if TYPE_CHECKING:
    from jobmatch.render.csv import render_skipped_csv
    from jobmatch.render.data import candidate_to_dict, explain_json, main_gap, ranking_to_dict
    from jobmatch.render.explain import render_explain
    from jobmatch.render.posting import render_posting

# The renderers are imported when one is used, not with the package: rich's tables, Jinja2 and the
# comparison's scoring are a tenth of a second of imports that a run writing CSV, or one failing on its
# arguments, does not need.
_LAZY = {
    "candidate_to_dict": "data",
    "explain_json": "data",
    "main_gap": "data",
    "ranking_to_dict": "data",
    "render_explain": "explain",
    "render_posting": "posting",
    "render_skipped_csv": "csv",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def _lazy(module: str, name: str) -> Any:
    """The function ``name`` of ``jobmatch.render.<module>``, imported on its first call."""

    def render(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)(*args, **kwargs)

    render.__name__ = render.__qualname__ = name
    return render


__all__ = [
    "FORMATS",
    "OutputFormat",
    "RankingRenderer",
    "ViewFormat",
    "ViewRenderer",
    "candidate_to_dict",
    "explain_json",
    "find_format",
    "find_view_format",
    "main_gap",
    "progress_reporter",
    "ranking_to_dict",
    "register_format",
    "register_view_format",
    "render_explain",
    "render_posting",
    "render_ranking",
    "render_skipped_csv",
    "view_formats",
]


class RankingRenderer(Protocol):
    def __call__(
        self, ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None
    ) -> None: ...


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """One ``--format``: its renderer, whether it is for programs (never coloured, always UTF-8, never
    wrapped to a terminal) and the encoding its bytes are written in."""

    name: str
    render: RankingRenderer
    machine: bool
    encoding: str = "utf-8"
    description: str = ""


_REGISTRY: dict[str, OutputFormat] = {}


def register_format(fmt: OutputFormat) -> None:
    """Add a format; a new format is a new module and one call here, not an edit to the CLI."""
    _REGISTRY[fmt.name.lower()] = fmt


register_format(
    OutputFormat(
        "table", _lazy("table", "render_table"), machine=False, description="for people at a terminal"
    )
)
register_format(OutputFormat("json", _lazy("json", "render_json"), machine=True, description="one document"))
register_format(
    OutputFormat("jsonl", _lazy("jsonl", "render_jsonl"), machine=True, description="one object per line")
)
# Excel on Windows reads a CSV without a byte-order mark as the local code page and garbles "Estée".
register_format(
    OutputFormat("csv", _lazy("csv", "render_csv"), machine=True, encoding="utf-8-sig", description="sheets")
)
register_format(
    OutputFormat("tsv", _lazy("csv", "render_tsv"), machine=True, description="cut, awk, paste into a sheet")
)
register_format(
    OutputFormat(
        "markdown", _lazy("markdown", "render_markdown"), machine=False, description="e-mail, tickets"
    )
)
# One self-contained page for a browser (jobmatch report adds the time of the run).
register_format(
    OutputFormat("html", _lazy("html", "render_html"), machine=False, description="a page for a browser")
)

FORMATS: tuple[str, ...] = tuple(_REGISTRY)


class ViewRenderer(Protocol):
    def __call__(self, view: Any, out: TextIO, /, *, color: bool, width: int | None) -> None: ...


@dataclass(frozen=True, slots=True)
class ViewFormat:
    """A ``--format`` of a command that shows something other than one ranking (``match``, ``compare``)."""

    name: str
    render: ViewRenderer
    machine: bool
    encoding: str = "utf-8"


_VIEW_REGISTRY: dict[str, dict[str, ViewFormat]] = {}


def register_view_format(view: str, fmt: ViewFormat) -> None:
    """Add a format of ``view`` ("match", "compare"): one module and one call here, as for rankings."""
    _VIEW_REGISTRY.setdefault(view, {})[fmt.name.lower()] = fmt


def view_formats(view: str) -> tuple[str, ...]:
    return tuple(_VIEW_REGISTRY.get(view, {}))


def find_view_format(view: str, name: str) -> ViewFormat:
    """The format ``name`` (any case) of ``view``; :class:`UsageError` when it has none by that name."""
    formats = _VIEW_REGISTRY.get(view, {})
    try:
        return formats[name.strip().lower()]
    except KeyError:
        raise UsageError(f"unknown format {name!r}; choose one of: {', '.join(formats)}") from None


register_view_format("match", ViewFormat("table", _lazy("match", "render_match_table"), machine=False))
register_view_format("match", ViewFormat("json", _lazy("match", "render_match_json"), machine=True))
register_view_format("match", ViewFormat("jsonl", _lazy("match", "render_match_jsonl"), machine=True))
register_view_format(
    "match", ViewFormat("csv", _lazy("match", "render_match_csv"), machine=True, encoding="utf-8-sig")
)
register_view_format("compare", ViewFormat("table", _lazy("compare", "render_compare_table"), machine=False))
register_view_format("compare", ViewFormat("json", _lazy("compare", "render_compare_json"), machine=True))


def find_format(name: str) -> OutputFormat:
    """The format called ``name``, in any case (``JSON``, ``Csv``); :class:`UsageError` when there is none."""
    try:
        return _REGISTRY[name.strip().lower()]
    except KeyError:
        raise UsageError(f"unknown format {name!r}; choose one of: {', '.join(_REGISTRY)}") from None


def render_ranking(
    ranking: Ranking,
    fmt: str,
    out: TextIO,
    *,
    top: int | None = None,
    color: bool = False,
    width: int | None = None,
) -> None:
    """Write ``ranking`` to ``out`` in format ``fmt`` (one of :data:`FORMATS`); ``top`` limits candidates."""
    chosen = find_format(fmt)
    chosen.render(ranking, out, top=top, color=color and not chosen.machine, width=width)


@contextlib.contextmanager
def progress_reporter(
    stream: TextIO, *, enabled: bool = True, color: bool = True
) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on ``stream`` when it is a terminal; None (silent) otherwise or when not
    ``enabled`` (``--quiet``). Without ``color`` (``--no-color``, ``NO_COLOR``) the bar has no colour."""
    if not enabled or not (hasattr(stream, "isatty") and stream.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(
        file=stream, markup=False, highlight=False, emoji=False, color_system="auto" if color else None
    )
    with Progress(
        TextColumn("reading"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("reading", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
