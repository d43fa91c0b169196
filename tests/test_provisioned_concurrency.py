"""Provisioned concurrency: on an alias, within the reserved concurrency, never with SnapStart."""

from __future__ import annotations

from pathlib import Path

from helpers import FIXED_DAY

from lambdakit import App, Function
from lambdakit.rules import check_app

CODE = str(Path(__file__).resolve().parent / "goldens" / "_code")


def _codes(**settings: object) -> list[str]:
    fn = Function(id="Checkout", handler="svc.handler.handle", code=CODE,  # type: ignore[arg-type]
                  runtime="python3.13", **settings)
    return [d.code for d in check_app(App(name="pc", functions=[fn]), FIXED_DAY)]


def test_on_an_alias_within_the_reserved_concurrency_is_clean() -> None:
    assert _codes(alias="live", provisioned_concurrency=10, reserved_concurrency=10) == []
    assert _codes(alias="live", provisioned_concurrency=1) == []


def test_at_least_one_environment() -> None:
    assert _codes(alias="live", provisioned_concurrency=0) == ["LK435"]


def test_not_with_snapstart() -> None:
    assert _codes(alias="live", provisioned_concurrency=2, snap_start=True) == ["LK432"]
