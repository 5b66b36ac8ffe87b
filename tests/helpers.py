"""Small builders shared by the unit tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from jobmatch.models import Document, Line


def doc(text: str, path: str = "cv.txt") -> Document:
    """A one-page Document from text: one Line per non-empty line, numbered from 1."""
    rows = [row.strip() for row in text.strip().splitlines() if row.strip()]
    return Document(path, "txt", tuple(Line(row, 1, i) for i, row in enumerate(rows, 1)), 1)


def load_script(name: str) -> ModuleType:
    """A file of scripts/ as a module. scripts/ is not a package: load the file under its own name
    (dataclasses need the module in sys.modules)."""
    path = Path(__file__).resolve().parent.parent / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"jobmatch_{name}_script", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
