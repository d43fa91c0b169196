"""`template_data` is troposphere's `Template.to_dict()`, walked once: equal, in the same order,
validated the same way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from troposphere import GetAtt, Output, Ref, Sub, Tags, Template, cloudformation, iam, sqs

from lambdakit.cli.loader import load_app
from lambdakit.compile import compile_app
from lambdakit.compile.plain import template_data
from lambdakit.plan import plan_app

TESTS = Path(__file__).resolve().parent
APPS = sorted((TESTS / "goldens").glob("*/app.py")) + sorted(
    (TESTS.parent / "examples").glob("*/app.py"))


def _same(template: Template) -> bool:
    expected, got = template.to_dict(), template_data(template)
    return json.dumps(got) == json.dumps(expected)  # equal values in equal key order


@pytest.mark.parametrize("app_file", APPS, ids=[p.parent.name for p in APPS])
def test_compiled_templates(app_file: Path) -> None:
    assert _same(compile_app(plan_app(load_app(str(app_file))), app_file.parent).template)


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


def test_every_section_and_helper() -> None:
    template = Template(Description="all of it")
    template.set_version()
    template.set_metadata({"Note": Sub("${AWS::Region}")})
    template.add_condition("Always", {"Fn::Equals": ["a", "a"]})
    template.add_mapping("Sizes", {"small": {"Memory": 128}})
    queue = template.add_resource(sqs.Queue("Jobs", Tags=Tags(team="x"), DelaySeconds=5,
                                            Condition="Always"))
    template.add_resource(sqs.Queue("Empty"))
    template.add_resource(iam.Role("Role", AssumeRolePolicyDocument={"Version": "2012-10-17"},
                                   Policies=[iam.Policy(PolicyName="p", PolicyDocument={})],
                                   Metadata=cloudformation.Metadata({"a": Ref(queue)})))
    template.add_output(Output("Url", Value=Ref(queue)))
    template.add_output(Output("Arn", Value=GetAtt(queue, "Arn")))
    assert _same(template)


def test_invalid_objects_fail_as_troposphere_fails() -> None:
    template = Template()
    template.add_resource(iam.Role("Role"))  # AssumeRolePolicyDocument is required
    with pytest.raises(ValueError) as expected:
        template.to_dict()
    with pytest.raises(ValueError) as got:
        template_data(template)
    assert str(got.value) == str(expected.value)
