"""lambdakit writes its resources as plain data; troposphere's resource specifications check them
here instead of at synth time: every resource of every golden and example is accepted by
troposphere's own validation (property names, types, required properties, its validators), and
troposphere writes back exactly what lambdakit wrote. (The property tests check the templates
they generate the same way.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from resource_specs import spec_refusals, troposphere_writes

from lambdakit.cli.loader import load_app
from lambdakit.compile import compile_app
from lambdakit.compile.plain import template_data
from lambdakit.plan import plan_app

TESTS = Path(__file__).resolve().parent
APPS = sorted((TESTS / "goldens").glob("*/app.py")) + sorted(
    (TESTS.parent / "examples").glob("*/app.py"))


@pytest.mark.parametrize("app_file", APPS, ids=[p.parent.name for p in APPS])
def test_troposphere_accepts_every_resource(app_file: Path) -> None:
    template = template_data(compile_app(plan_app(load_app(str(app_file))),
                                         app_file.parent).template)
    assert spec_refusals(template) == []


def test_a_misspelled_property_is_refused() -> None:
    queue = {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 30}}
    assert spec_refusals({"Resources": {"Jobs": queue}}) == []
    queue["Properties"] = {"VisibilityTimout": 30}
    assert spec_refusals({"Resources": {"Jobs": queue}}) == [
        "Jobs: Object type Queue does not have a VisibilityTimout property."]


def test_a_missing_required_property_or_a_wrong_type_is_refused() -> None:
    with pytest.raises(ValueError, match="AssumeRolePolicyDocument required"):
        troposphere_writes("Role", {"Type": "AWS::IAM::Role", "Properties": {}})
    with pytest.raises(TypeError, match="QueueName"):
        troposphere_writes("Jobs", {"Type": "AWS::SQS::Queue",
                                    "Properties": {"QueueName": ["not", "text"]}})


def test_a_type_troposphere_does_not_know_is_reported() -> None:
    assert spec_refusals({"Resources": {"X": {"Type": "AWS::No::Such"}}}) == [
        "X: troposphere does not know AWS::No::Such"]


def test_intrinsics_and_attributes_pass_through_unchanged() -> None:
    topic = {"Type": "AWS::SNS::Subscription", "DependsOn": ["JobsPolicy"],
             "DeletionPolicy": "Retain", "Metadata": {"checkov": {"skip": []}},
             "Properties": {"Protocol": "sqs", "Endpoint": {"Fn::GetAtt": ["Jobs", "Arn"]},
                            "TopicArn": {"Fn::Sub": ["${A}", {"A": {"Ref": "Topic"}}]}}}
    assert troposphere_writes("Sub", topic) == topic
