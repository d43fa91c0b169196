"""Shared fixtures: a fixed day for runtime dates, and the regenerate-goldens flag."""

from __future__ import annotations

import datetime as dt

import pytest

# Runtime deprecation depends on the date; tests judge every app on this one day.
FIXED_DAY = dt.date(2026, 11, 22)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite golden files from the current output (review the diff!)")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))
