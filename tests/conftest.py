"""Shared fixtures: a fixed day for runtime dates, the regenerate-goldens flag, and the
hypothesis profiles of the property tests."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, Phase, settings

# Runtime deprecation depends on the date; tests judge every app on this one day.
FIXED_DAY = dt.date(2026, 11, 22)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite golden files from the current output (review the diff!)")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


GOLDEN_CHANGES = pytest.StashKey[dict[str, list[str]]]()


@pytest.fixture
def golden_changes(request: pytest.FixtureRequest) -> dict[str, list[str]]:
    """Rewritten goldens and what moved in each (`helpers.template_changes`), printed at the end
    of the run so a reviewer sees which resources changed before reading the diff."""
    return request.config.stash.setdefault(GOLDEN_CHANGES, {})


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter,
                            config: pytest.Config) -> None:
    changes = config.stash.get(GOLDEN_CHANGES, {})
    if changes:
        terminalreporter.section("goldens rewritten")
        for golden, lines in sorted(changes.items()):
            terminalreporter.line(f"{golden}:")
            for line in lines or ["(text only: no resource changed)"]:
                terminalreporter.line(f"  {line}")


# Property tests that synthesise and then run the SAM transform and cfn-lint cost seconds per
# example. `ci` (the default) bounds them so the whole suite stays well under ten minutes;
# `HYPOTHESIS_PROFILE=deep` explores on demand. Cheap tests ask for a multiple of the profile's
# count (`helpers.examples`). No shrinking in `ci`: shrinking a transformed example takes minutes,
# and the failing example is printed as generated.
settings.register_profile(
    "ci", max_examples=4, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate])
settings.register_profile(
    "deep", max_examples=100, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
