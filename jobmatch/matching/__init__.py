"""Requirement × résumé facts -> status, score, quoted evidence: one matcher per requirement category.

A matcher is a function ``(requirement, context) -> Answer`` registered for a
:class:`jobmatch.models.Category` with :func:`register`; :func:`matcher_for` picks it. A category with no
matcher of its own falls back to the requirement's own words (``Category.OTHER``). Matchers read the
requirement's parameters (years, level, fields, terms, …) set by ``jobmatch.posting`` and the résumé's
facts (``Signals``: jobs, education, vocabulary mentions); they never print and never read the posting's
other requirements.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from jobmatch.models import Category, Document, Evidence, Requirement, Signals, Status

__all__ = ["Answer", "Context", "Matcher", "matcher_for", "register", "registered"]


@dataclass(frozen=True, slots=True)
class Answer:
    score: float  # 0..1
    evidence: tuple[Evidence, ...]
    explanation: str  # one plain sentence: why this status
    status: Status | None = None  # None = from the score; Status.ASK for what no résumé can show
    method: str = ""  # which mechanism answered ("years of accounts payable", "catalogue: BLS", …)
    summary: str = ""  # a few words on what was found, for the table's key signals ("2.1y accounts payable")


@dataclass(frozen=True, slots=True)
class Context:
    """What a matcher may read about one candidate."""

    document: Document
    signals: Signals
    extra: dict[str, object] = field(default_factory=dict)  # per-candidate memo shared by matchers


Matcher = Callable[[Requirement, Context], Answer]
_REGISTRY: dict[Category, Matcher] = {}


def register(category: Category) -> Callable[[Matcher], Matcher]:
    """Decorator: ``@register(Category.SKILL)`` makes the function the matcher for that category."""

    def add(fn: Matcher) -> Matcher:
        _REGISTRY[category] = fn
        return fn

    return add


def registered() -> dict[Category, Matcher]:
    _load_builtin()
    return dict(_REGISTRY)


def matcher_for(category: Category) -> Matcher | None:
    """The matcher registered for ``category``, or None (the caller falls back to keywords)."""
    _load_builtin()
    return _REGISTRY.get(category)


_loaded = False


def _load_builtin() -> None:
    """Import the built-in matcher modules once (each registers itself)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import importlib
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
