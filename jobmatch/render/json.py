"""``--format json``: the whole ranking as one indented JSON document, written one candidate at a time.

The output is byte for byte what ``json.dumps(ranking_to_dict(...), indent=2)`` gives, but no more than
one candidate's data exists at once, so memory does not grow with the folder while writing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import Any, TextIO

from jobmatch.models import Ranking
from jobmatch.render.data import (
    candidate_to_dict,
    posting_to_dict,
    run_to_dict,
    select_top,
    skipped_to_dict,
    sorted_skipped,
)
from jobmatch.sanitize import escape_json_text

INDENT = 2


def _dumps(value: Any, level: int) -> str:
    """``value`` as it appears nested ``level`` deep inside an indent-2 document."""
    parts: list[str] = []
    try:
        _encode(value, "\n" + " " * (INDENT * level), parts)
        text = "".join(parts)
    except _Unusual:  # a type the fast path does not know: the standard library's encoder decides
        text = json.dumps(value, ensure_ascii=False, indent=INDENT, allow_nan=False)
        text = text.replace("\n", "\n" + " " * (INDENT * level))
    return escape_json_text(text)


class _Unusual(Exception):
    """A value :func:`_encode` leaves to :func:`json.dumps`."""


_STEP = " " * INDENT


def _encode(value: Any, newline: str, out: list[str]) -> None:
    """``value`` appended to ``out`` exactly as ``json.dumps(value, ensure_ascii=False, indent=2,
    allow_nan=False)`` writes it, ``newline`` being the line break and indent of the enclosing level.

    The standard library indents in its pure-Python encoder (its C encoder only writes compact JSON),
    a generator call per value: on a warm re-rank, writing a few hundred candidates cost as much as
    reading them from the cache. Here strings go through the C string encoder and the rest is a loop."""
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + _STEP
        separator = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            out.append(separator)
            out.append(encode_basestring(key))
            out.append(": ")
            _encode(item, inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + _STEP
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _encode(item, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        if not math.isfinite(value):
            raise ValueError("Out of range float values are not JSON compliant")
        out.append(float.__repr__(value))
    else:
        raise _Unusual


def _write_list(out: TextIO, key: str, items: Iterable[Any], last: bool) -> None:
    pad = " " * INDENT
    out.write(f'{pad}"{key}": [')
    first = True
    for item in items:
        out.write(("\n" if first else ",\n") + pad * 2 + _dumps(item, 2))
        first = False
    out.write(("]" if first else "\n" + pad + "]") + ("\n" if last else ",\n"))


def render_json(ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None) -> None:
    del color, width  # machine formats never carry colour or wrap
    pad = " " * INDENT
    out.write("{\n")
    for key, value in run_to_dict(ranking).items():
        out.write(f"{pad}{_dumps(key, 1)}: {_dumps(value, 1)},\n")
    posting = posting_to_dict(ranking.posting, ranking.posting_sha256)
    out.write(f'{pad}"posting": {_dumps(posting, 1)},\n')
    out.write(f'{pad}"total_candidates": {len(ranking.candidates)},\n')
    _write_list(out, "candidates", (candidate_to_dict(c) for c in select_top(ranking.candidates, top)), False)
    _write_list(out, "skipped", (skipped_to_dict(s) for s in sorted_skipped(ranking.skipped)), True)
    out.write("}\n")
