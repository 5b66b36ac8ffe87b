"""jobmatch: rank résumés against a job posting, with quoted evidence for every score.

Library first: everything the CLI does is callable from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "__version__",
    "analyze",
    "compare",
    "load_posting",
    "match_paths",
    "parse_posting",
    "rank",
    "read_document",
]

if TYPE_CHECKING:
    from jobmatch.comparison import compare
    from jobmatch.documents import read_document
    from jobmatch.pipeline import analyze
    from jobmatch.posting import load_posting, parse_posting
    from jobmatch.ranking import match_paths, rank

_LAZY = {
    "rank": "jobmatch.ranking",
    "match_paths": "jobmatch.ranking",
    "compare": "jobmatch.comparison",
    "analyze": "jobmatch.pipeline",
    "read_document": "jobmatch.documents",
    "load_posting": "jobmatch.posting",
    "parse_posting": "jobmatch.posting",
}


def __getattr__(name: str) -> Any:
    # Lazy: `import jobmatch` (and `jobmatch --help`) must not pull in pypdf or docx.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
