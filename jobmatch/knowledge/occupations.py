"""Loader for ``occupations.toml``: occupation families, occupations with their alternative titles and
duty phrases, and the seniority ladder of title words. Parsing only; matching lives in
``jobmatch.matching``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Family", "Occupation", "Occupations", "load_occupations"]


@dataclass(frozen=True, slots=True)
class Family:
    id: str
    name: str
    names: tuple[str, ...]  # how postings name the family's work ("accounts payable", "customer service")
    related: tuple[str, ...]  # adjacent families: partial credit
    signal: str = ""  # Signals attribute with a tuned RoleSignal for this family, if any
    adjacent_signal: str = ""  # Signals attribute (TermSignal) showing adjacent client-facing work
    adjacent_years: str = ""  # Signals attribute (float) with years of adjacent work
    licensed: bool = False  # the work needs a licence: another occupation's job does not do it
    does: tuple[str, ...] = ()  # related families whose work this family's jobs do as part of their own


@dataclass(frozen=True, slots=True)
class Occupation:
    id: str
    title: str
    onet: str
    family: str
    level: int  # seniority rung (see Occupations.seniority)
    titles: tuple[str, ...]
    duties: tuple[str, ...]
    # titles other fields use too ("mechanic", "service technician"): the occupation's only with one of its
    # duties in the job's own lines (``title_needs_its_duties``)
    confirm: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Occupations:
    families: dict[str, Family]
    occupations: dict[str, Occupation]
    seniority: tuple[tuple[int, str], ...]  # (rung, title phrase)
    shared_tasks: frozenset[str] = frozenset()  # duty phrases many kinds of job do (lower case)
    # a title word and its short forms on résumés ("technician": "tech"): each title is also known by them
    short_forms: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def of_family(self, family: str) -> tuple[Occupation, ...]:
        return tuple(o for o in self.occupations.values() if o.family == family)


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


def parse_occupations(text: str) -> Occupations:
    """Parse the TOML text of an occupations file (the bundled one or a user's)."""
    data = tomllib.loads(text)
    families: dict[str, Family] = {}
    for fid, raw in dict(data.get("families", {})).items():
        families[fid] = Family(
            id=fid,
            name=str(raw.get("name", fid)),
            names=_strings(raw.get("names")),
            related=_strings(raw.get("related")),
            signal=str(raw.get("signal", "")),
            adjacent_signal=str(raw.get("adjacent_signal", "")),
            adjacent_years=str(raw.get("adjacent_years", "")),
            licensed=raw.get("licensed", False) is True,
            does=_strings(raw.get("does")),
        )
    occupations: dict[str, Occupation] = {}
    for oid, raw in dict(data.get("occupations", {})).items():
        family = str(raw.get("family", ""))
        if family not in families:
            raise ValueError(f"occupation {oid}: unknown family {family!r}")
        occupations[oid] = Occupation(
            id=oid,
            title=str(raw.get("title", oid)),
            onet=str(raw.get("onet", "")),
            family=family,
            level=int(raw.get("level", 1)),
            titles=_strings(raw.get("titles")),
            duties=_strings(raw.get("duties")),
            confirm=tuple(t.lower() for t in _strings(raw.get("confirm"))),
        )
    ladder = tuple(
        (int(rung), phrase)
        for rung, phrases in sorted(dict(data.get("seniority", {})).items())
        for phrase in _strings(phrases)
    )
    shared = frozenset(p.lower() for p in _strings(dict(data.get("shared_tasks", {})).get("phrases")))
    short = tuple(
        (word.lower(), tuple(f.lower() for f in _strings(forms)))
        for word, forms in sorted(dict(data.get("short_forms", {})).items())
    )
    return Occupations(families, occupations, ladder, shared, short)


@cache
def load_occupations() -> Occupations:
    """The bundled occupations vocabulary (``jobmatch/knowledge/occupations.toml``)."""
    text = resources.files("jobmatch.knowledge").joinpath("occupations.toml").read_text(encoding="utf-8")
    return parse_occupations(text)
