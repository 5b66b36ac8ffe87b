"""``--format json``: the whole ranking as one indented JSON document."""

from __future__ import annotations

import json
from typing import TextIO

from jobmatch.models import Ranking
from jobmatch.render.data import ranking_to_dict


def render_json(ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None) -> None:
    del color, width  # machine formats never carry colour or wrap
    out.write(json.dumps(ranking_to_dict(ranking, top), ensure_ascii=False, indent=2, allow_nan=False))
    out.write("\n")
