"""Every access level of the catalogue is exercised by a golden template: each (kind, access)
entry is granted by at least one golden app, and every kind is granted both on a resource the
app owns and on an existing one (state machines exist only as existing ones). A new entry in
`CATALOGUE` without a golden that shows its policy fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from lambdakit.cli.loader import load_app
from lambdakit.iam.catalogue import CATALOGUE
from lambdakit.iam.grants import declared_grants, kind_of
from lambdakit.model import App, Function, Resource

GOLDENS = Path(__file__).resolve().parent / "goldens"
APPS = sorted(p / "app.py" for p in GOLDENS.iterdir() if (p / "app.py").is_file())
# Kinds lambdakit never creates: only `X.existing(...)` exists for them (clusters and brokers
# event sources name by ARN among them).
EXISTING_ONLY = {"state_machine", "kafka_cluster", "mq_broker", "docdb_cluster"}
# Not one resource but every one of a type (a poller's network interfaces): neither owned nor
# existing, granted as lambdakit's "owned" form.
BY_TYPE_ONLY = {"poller_network"}


def _granted() -> set[tuple[str, str, bool]]:
    """(kind, access, existing) of every grant in every golden app, the grants a secret or
    parameter in the environment implies included."""
    found: set[tuple[str, str, bool]] = set()
    for path in APPS:
        app = load_app(str(path))
        assert isinstance(app, App)
        for fn in app.all_functions():
            for grant in declared_grants(fn):
                target = grant.resource
                existing = isinstance(target, Resource) and target.is_existing
                assert isinstance(target, Function | Resource)
                found.add((kind_of(target), grant.access, existing))
    return found


@pytest.fixture(scope="module")
def granted() -> set[tuple[str, str, bool]]:
    return _granted()


@pytest.mark.parametrize(("kind", "access"), sorted(CATALOGUE), ids=str)
def test_every_access_level_is_in_a_golden(kind: str, access: str,
                                           granted: set[tuple[str, str, bool]]) -> None:
    assert {(kind, access, False), (kind, access, True)} & granted, (
        f"no golden under tests/goldens/ grants {kind}.{access}(): add it to one")


@pytest.mark.parametrize("kind", sorted({kind for kind, _ in CATALOGUE}))
def test_every_kind_is_granted_owned_and_existing(kind: str,
                                                  granted: set[tuple[str, str, bool]]) -> None:
    forms = {existing for k, _, existing in granted if k == kind}
    expected = ({True} if kind in EXISTING_ONLY else {False} if kind in BY_TYPE_ONLY
                else {False, True})
    assert forms >= expected, f"{kind}: goldens grant it only as " + (
        "an existing resource" if forms == {True} else "an owned resource" if forms else
        "nothing")
