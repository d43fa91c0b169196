"""`template_data`: a compiled template as plain data, each value walked once, `PlainData`
handed out uncopied."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lambdakit.cli.loader import load_app
from lambdakit.compile import compile_app
from lambdakit.compile.plain import plain, template_data
from lambdakit.compile.template import Data, PlainData, Template
from lambdakit.plan import plan_app

TESTS = Path(__file__).resolve().parent
APPS = sorted((TESTS / "goldens").glob("*/app.py")) + sorted(
    (TESTS.parent / "examples").glob("*/app.py"))
@pytest.mark.parametrize("app_file", APPS, ids=[p.parent.name for p in APPS])
def test_template_data_is_plain_and_shares_nothing(app_file: Path) -> None:
    """`PlainData` is handed out uncopied: it must be plain, and no dict or list of it may sit
    in two places of the template, or in a later compile's (a caller changing one would change
    the other)."""
    app = load_app(str(app_file))
    # Both kept alive, so that no identity is reused.
    kept = [template_data(compile_app(plan_app(app), app_file.parent).template)
            for _ in range(2)]
    first, second = (_containers(data) for data in kept)
    assert len(set(first)) == len(first)
    assert not set(first) & set(second)


def _containers(value: Any) -> list[int]:
    """The identity of every dict and list in `value`, asserting the rest is plain."""
    if isinstance(value, str | int | float | bool | None):
        return []
    assert type(value) in (dict, list), f"not plain: {value!r}"
    items = value.values() if isinstance(value, dict) else value
    return [id(value), *(found for item in items for found in _containers(item))]


def test_data_is_copied_and_plain_data_is_not() -> None:
    shared = {"Ref": "Jobs"}
    template = Template("d", "AWS::Serverless-2016-10-31")
    template.add_resource(Data("A", {"Type": "AWS::SNS::Topic", "Properties": {"X": shared}}))
    held = {"Type": "AWS::SNS::Topic", "Properties": {}}
    template.add_resource(PlainData("B", held))
    template.add_output(Data("Out", {"Value": shared}))
    data = template_data(template)
    assert data == {"Description": "d", "Outputs": {"Out": {"Value": {"Ref": "Jobs"}}},
                    "AWSTemplateFormatVersion": "2010-09-09",
                    "Transform": "AWS::Serverless-2016-10-31",
                    "Resources": {"A": {"Type": "AWS::SNS::Topic",
                                        "Properties": {"X": {"Ref": "Jobs"}}}, "B": held}}
    assert data["Resources"]["A"]["Properties"]["X"] is not shared
    assert data["Resources"]["B"] is held


def test_a_logical_id_given_twice_is_refused() -> None:
    template = Template("d", "t")
    template.add_resource(Data("A", {"Type": "AWS::SNS::Topic"}))
    with pytest.raises(ValueError, match='duplicate key "A"'):
        template.add_resource(Data("A", {"Type": "AWS::SNS::Topic"}))


def test_anything_but_template_data_is_refused() -> None:
    with pytest.raises(TypeError, match="not template data"):
        plain({"Value": object()})
