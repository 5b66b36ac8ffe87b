"""Vocabularies of named things (skills and tools, credentials, languages, industries, soft skills), read
from the TOML files of this package.

A file is one table per concept, keyed by its canonical name, plus a top-level ``about`` string saying where
the entries come from::

    about = "curated by jobmatch from …"

    ["Microsoft Excel"]
    aliases = ["excel", "ms excel"]            # phrases, matched by word stems, any case
    exact = ["cosmetics"]                      # phrases matched word for word (any case, no stemming):
                                               # "cosmetics" the industry, not "cosmetic repairs"
    abbreviations = ["XLS"]                    # matched in capitals only
    ambiguous = ["sheets"]                     # ordinary words: count only with context (below)
    context = ["google"]                       # words on the same line that make ``ambiguous`` count
    exclude = ["excel in", "excel at"]         # phrases that veto an overlapping hit
    on_a_line_with = ["worked", "shifts"]      # a hit counts only on a line that also says one of these
    members = ["pivot tables", "VLOOKUP"]      # named things whose use shows this one (a family, a suite)
    member_credit = 1.0                        # score for one member found (a suite: 0.7; two members: 1)
    related = true                             # members count as related (partial) for one another
    kind = "tool"                              # free text for explanations: tool, family, suite, …

Every key but the table name is optional. A table whose name starts with "_" is settings, not a concept
(read it with ``read_toml``). A member that has no table of its own is matched by its name.
Extra keys are kept in ``Concept.extra`` for the matcher that needs them (``levels``, ``said``, …).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Concept", "Vocabulary", "load_vocabulary", "read_toml"]


@cache
def read_toml(name: str) -> dict[str, Any]:
    text = resources.files("jobmatch.knowledge").joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str))
    return ()


@dataclass(frozen=True, slots=True)
class Concept:
    name: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    member_credit: float = 1.0
    related: bool = False
    kind: str = ""
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias matched by stems (the phrases that show the concept by themselves). The
        name is left out when it is listed as ambiguous ("Benefit", "Origins") or word for word."""
        guarded = {a.lower() for a in (*self.ambiguous, *self.exact, *self.abbreviations)}
        name = () if self.name.lower() in guarded else (self.name,)
        return tuple(dict.fromkeys((*name, *self.aliases)))


_KNOWN = {
    "aliases",
    "abbreviations",
    "ambiguous",
    "context",
    "exclude",
    "members",
    "member_credit",
    "related",
    "kind",
}


def _concept(name: str, table: dict[str, Any]) -> Concept:
    credit = table.get("member_credit", 1.0)
    return Concept(
        name=name,
        aliases=_strings(table.get("aliases")),
        abbreviations=_strings(table.get("abbreviations")),
        exact=_strings(table.get("exact")),
        ambiguous=_strings(table.get("ambiguous")),
        context=_strings(table.get("context")),
        exclude=_strings(table.get("exclude")),
        members=_strings(table.get("members")),
        member_credit=float(credit) if isinstance(credit, (int, float)) else 1.0,
        related=bool(table.get("related", False)),
        kind=str(table.get("kind", "")),
        extra={k: _strings(v) for k, v in table.items() if k not in _KNOWN},
    )


@dataclass(frozen=True, slots=True)
class Vocabulary:
    name: str
    about: str
    concepts: tuple[Concept, ...]

    def get(self, name: str) -> Concept | None:
        return _by_name(self.name).get(name.lower())

    def families_of(self, name: str) -> tuple[Concept, ...]:
        """The concepts that list ``name`` among their members."""
        return _families(self.name).get(name.lower(), ())


# Keyed by the vocabulary's name: hashing a whole vocabulary on every lookup was most of the matching time.
@cache
def _by_name(vocab: str) -> dict[str, Concept]:
    return {c.name.lower(): c for c in load_vocabulary(vocab).concepts}


@cache
def _families(vocab: str) -> dict[str, tuple[Concept, ...]]:
    out: dict[str, list[Concept]] = {}
    for c in load_vocabulary(vocab).concepts:
        for m in c.members:
            out.setdefault(m.lower(), []).append(c)
    return {k: tuple(v) for k, v in out.items()}


@cache
def load_vocabulary(name: str) -> Vocabulary:
    """A vocabulary file of this package (``skills``, ``credentials``, ``languages``, …), parsed once."""
    data = read_toml(name)
    concepts = tuple(_concept(k, v) for k, v in data.items() if isinstance(v, dict) and not k.startswith("_"))
    return Vocabulary(name, str(data.get("about", "")), concepts)
