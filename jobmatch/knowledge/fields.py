"""Loader for ``degree_fields.toml``: fields of study grouped in families, and which families count as
"a related field" of which. Parsing only; placing a degree's field in a family is ``jobmatch.matching``'s."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["FieldFamily", "generic_field_words", "load_degree_fields", "parse_degree_fields"]


@dataclass(frozen=True, slots=True)
class FieldFamily:
    id: str
    name: str
    fields: tuple[str, ...]
    related: tuple[str, ...]
    qualifying: bool = False  # the field is the qualification (nursing, culinary arts, law): see the TOML
    adjacent: tuple[str, ...] = ()  # families whose degrees are partly the field, never "a related field"


def parse_degree_fields(text: str) -> dict[str, FieldFamily]:
    data = tomllib.loads(text)
    out: dict[str, FieldFamily] = {}
    for fid, raw in dict(data.get("families", {})).items():
        out[fid] = FieldFamily(
            id=fid,
            name=str(raw.get("name", fid)),
            fields=tuple(str(f).strip() for f in raw.get("fields", []) if str(f).strip()),
            related=tuple(str(f).strip() for f in raw.get("related", []) if str(f).strip()),
            qualifying=raw.get("qualifying", False) is True,
            adjacent=tuple(str(f).strip() for f in raw.get("adjacent", []) if str(f).strip()),
        )
    for family in out.values():
        unknown = [r for r in (*family.related, *family.adjacent) if r not in out]
        if unknown:
            raise ValueError(f"degree field family {family.id}: unknown related families {unknown}")
    return out


def _text() -> str:
    return resources.files("jobmatch.knowledge").joinpath("degree_fields.toml").read_text(encoding="utf-8")


@cache
def load_degree_fields() -> dict[str, FieldFamily]:
    """The bundled field taxonomy (``jobmatch/knowledge/degree_fields.toml``)."""
    return parse_degree_fields(_text())


@cache
def generic_field_words() -> frozenset[str]:
    """Phrases that name their family only when nothing more specific is named beside them (the TOML's
    ``generic``): "Education Administration" is education, "Administration" alone is business."""
    raw = tomllib.loads(_text()).get("generic", [])
    return frozenset(str(w).strip().casefold() for w in raw if str(w).strip())
