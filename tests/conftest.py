from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never touch the user's real cache folder."""
    cache_dir = tmp_path_factory.getbasetemp() / "jobmatch-cache"
    monkeypatch.setenv("JOBMATCH_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_dir / "xdg"))


# "Present" ends at the run's as-of date, today by default: tests run on a fixed "today" so that their
# months, years and golden files do not change with the calendar.
TEST_TODAY = date(2025, 6, 15)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    from jobmatch.signals import dates

    monkeypatch.setattr(dates, "today", lambda: TEST_TODAY)


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared, or skip the test when the shared folder is absent (e.g. outside CI)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path
