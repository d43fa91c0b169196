"""lambdakit's runtime table held against two public sources that AWS tooling ships, so that
neither drifts silently: botocore's Lambda model (the API's `Runtime` enum: what CreateFunction
takes) and cfn-lint's runtime lifecycle data (deprecation and block dates). Both are read here,
in the tests; lambdakit itself never imports them."""

from __future__ import annotations

import datetime as dt
import json
from importlib.util import find_spec
from pathlib import Path

import botocore.loaders
import pytest
from helpers import FIXED_DAY

from lambdakit import App, Function, Layer
from lambdakit.limits.runtimes import (
    NOT_RUNTIMES,
    RUNTIMES,
    UPCOMING_RUNTIMES,
    newer_than_table,
)
from lambdakit.rules import check_app

CODE = str(Path(__file__).resolve().parent / "goldens" / "_code")


def _botocore_runtimes() -> set[str]:
    model = botocore.loaders.Loader().load_service_model("lambda", "service-2")
    return set(model["shapes"]["Runtime"]["enum"])


def _cfn_lint_lifecycle() -> dict[str, dict[str, str | None]]:
    spec = find_spec("cfnlint")
    assert spec is not None and spec.origin is not None
    path = Path(spec.origin).parent / "data" / "AdditionalSpecs" / "LmbdRuntimeLifecycle.json"
    data: dict[str, dict[str, str | None]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def test_every_runtime_the_api_takes_is_in_the_table_or_upcoming() -> None:
    enum = _botocore_runtimes()
    missing = enum - set(RUNTIMES) - set(UPCOMING_RUNTIMES) - set(NOT_RUNTIMES)
    assert missing == set(), "add these to RUNTIMES (or UPCOMING_RUNTIMES) with their dates"
    # An upcoming runtime leaves the list once the table has its row.
    assert set(UPCOMING_RUNTIMES) & set(RUNTIMES) == set()
    assert set(UPCOMING_RUNTIMES) <= enum
    # Every .zip runtime of the table is one the API takes (container-only ones are not).
    assert {n for n, r in RUNTIMES.items() if not r.container_only} - enum == set()


def test_upcoming_runtimes_are_newer_releases_of_a_known_family() -> None:
    for name in UPCOMING_RUNTIMES:
        newest = newer_than_table(name)
        assert newest is not None, name
        assert name.startswith(newest.family)
    assert newer_than_table("custom") is None


def test_dates_agree_with_cfn_lint() -> None:
    lifecycle = _cfn_lint_lifecycle()
    for name, dates in lifecycle.items():
        assert name in RUNTIMES, f"cfn-lint knows {name}, lambdakit does not"
        runtime = RUNTIMES[name]
        assert (runtime.deprecated, runtime.block_create, runtime.block_update) == (
            _date(dates["deprecated"]), _date(dates["create-block"]),
            _date(dates["update-block"])), name
    # Every dated runtime of lambdakit's is in cfn-lint's data, but the two container-only
    # ones the runtimes page lists without block dates.
    dated = {n for n, r in RUNTIMES.items() if r.deprecated or r.block_create or r.block_update}
    assert dated - set(lifecycle) == {"dotnet5.0", "dotnet7"}


def _function(runtime: str, **settings: object) -> Function:
    return Function(id="Worker", handler="svc.handler.handle", code=CODE,  # type: ignore[arg-type]
                    runtime=runtime, **settings)


@pytest.mark.parametrize("runtime", UPCOMING_RUNTIMES)
def test_a_runtime_newer_than_the_table_is_a_warning(runtime: str) -> None:
    handler = "svc.handler.handle" if runtime.startswith("python") else "index.handle"
    fn = Function(id="Worker", handler=handler, code=CODE, runtime=runtime)
    found = check_app(App(name="new", functions=[fn]), FIXED_DAY)
    assert [(d.code, d.is_error) for d in found if d.code != "LK134"] == [("LK124", False)]
    acknowledged = fn.model_copy(update={"acknowledge": {"LK124": "GA in our Region"}})
    assert [d.code for d in check_app(App(name="new", functions=[acknowledged]), FIXED_DAY)
            if d.code != "LK134"] == []


@pytest.mark.parametrize("runtime", ["python313", "python3.1", "pyhton3.13", "nodejs22", "custom"])
def test_other_unknown_runtimes_stay_errors(runtime: str) -> None:
    [diagnostic] = check_app(App(name="bad", functions=[_function(runtime)]), FIXED_DAY)
    assert diagnostic.code == "LK120" and diagnostic.is_error


def test_a_layer_may_declare_a_runtime_newer_than_the_table() -> None:
    layer = Layer(id="Deps", code=CODE, compatible_runtimes=["python3.14", "python3.15"])
    fn = _function("python3.15", layers=[layer])
    assert [d.code for d in check_app(App(name="new", functions=[fn]), FIXED_DAY)] == ["LK124"]
    typo = Layer(id="Deps", code=CODE, compatible_runtimes=["python3.1"])
    codes = [d.code for d in check_app(App(name="new", functions=[_function(
        "python3.13", layers=[typo])]), FIXED_DAY)]
    assert "LK406" in codes


def test_deprecation_warnings_name_the_block_dates() -> None:
    [diagnostic] = check_app(App(name="old", functions=[_function("python3.10")]), FIXED_DAY)
    assert diagnostic.code == "LK121"
    assert diagnostic.message == ("runtime python3.10 is deprecated since 2026-10-31; creating "
                                  "its functions is blocked from 2027-02-01, updating them from "
                                  "2027-03-03")
    soon = dt.date(2027, 3, 1)  # 30 days before ruby3.3's deprecation on 2027-03-31
    [notice] = check_app(App(name="old", functions=[Function(
        id="Worker", handler="app.handle", code=CODE, runtime="ruby3.3")]), soon)
    assert notice.message == ("runtime ruby3.3 is deprecated on 2027-03-31, in 30 days; "
                              "creating its functions is blocked from 2027-04-30, updating "
                              "them from 2027-05-31")
