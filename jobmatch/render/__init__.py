"""Output formats. One registry picks the renderer for ``--format``; one module per format.

Only this package (and the CLI) imports rich. Machine formats (json, jsonl, csv) never carry colour codes;
untrusted text reaches rich only as ``rich.text.Text`` after :func:`sanitize.clean_display`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Protocol, TextIO

from jobmatch.models import Ranking
from jobmatch.render.csv import render_csv
from jobmatch.render.data import candidate_to_dict, explain_json, main_gap, ranking_to_dict
from jobmatch.render.explain import render_explain
from jobmatch.render.html import render_html
from jobmatch.render.json import render_json
from jobmatch.render.jsonl import render_jsonl
from jobmatch.render.posting import render_posting
from jobmatch.render.table import render_table

__all__ = [
    "FORMATS",
    "RankingRenderer",
    "candidate_to_dict",
    "explain_json",
    "main_gap",
    "progress_reporter",
    "ranking_to_dict",
    "render_explain",
    "render_posting",
    "render_ranking",
]


class RankingRenderer(Protocol):
    def __call__(
        self, ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None
    ) -> None: ...


RENDERERS: dict[str, RankingRenderer] = {
    "table": render_table,
    "json": render_json,
    "jsonl": render_jsonl,
    "csv": render_csv,
    "html": render_html,
}

FORMATS: tuple[str, ...] = ("table", "json", "jsonl", "csv", "html")


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
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    renderer(ranking, out, top=top, color=color, width=width)


@contextlib.contextmanager
def progress_reporter(stream: TextIO) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on ``stream`` when it is a terminal; None (silent) otherwise."""
    if not (hasattr(stream, "isatty") and stream.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=stream, markup=False, highlight=False, emoji=False)
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
