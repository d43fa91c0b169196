"""A user's text stays text: `${...}` in it is never evaluated, and a user's `{"Ref": ...}`
never becomes an intrinsic function. CloudFormation syntax comes only from typed values."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXED_DAY, second_opinion_findings, synth_app

from lambdakit import App, Function, Queue
from lambdakit.events import EventBridgeRule
from lambdakit.plan import plan_app
from lambdakit.rules import check_app

CODE = Path(__file__).resolve().parent / "goldens" / "_code"
FAILED = Queue(id="Failed")


def _function(**settings: Any) -> Function:
    return Function(id="Worker", handler="svc.handler.handle", code=str(CODE),
                    runtime="python3.13", on_failure=FAILED, **settings)


def _substituted(value: Any) -> str:
    """What CloudFormation makes of a string or a `Fn::Sub`/`Fn::Join` of text: `${!` is a
    literal `${`, pseudo parameters are filled in (the partition as `aws`)."""
    if isinstance(value, str):
        return value
    if "Fn::Join" in value:
        separator, parts = value["Fn::Join"]
        return separator.join(_substituted(part) for part in parts)
    text = value["Fn::Sub"]
    assert isinstance(text, str)
    filled = re.sub(r"\$\{(?!!)([^}]*)\}",
                    lambda m: {"AWS::Partition": "aws"}.get(m[1], f"<{m[1]}>"), text)
    return filled.replace("${!", "${")


def test_an_arn_in_the_environment_is_not_substituted(tmp_path: Path) -> None:
    arn = "arn:aws:sns:eu-west-1:123456789012:${AWS::StackName}-alerts"
    result = synth_app(App(name="literal", functions=[_function(environment={"TOPIC": arn})]),
                       tmp_path)
    value = result.template["Resources"]["Worker"]["Properties"]["Environment"]["Variables"][
        "TOPIC"]
    assert _substituted(value) == arn
    assert second_opinion_findings(result.template) == []


def test_an_existing_name_is_not_substituted() -> None:
    """No service's name holds `${`, so the checks refuse it (LK202) and say why (LK012); and
    compile alone, as a second line, still writes it as text, never as a substitution."""
    from lambdakit.compile import compile_app
    from lambdakit.compile.plain import template_data

    inbox = Queue.existing(name="${AWS::StackName}-inbox")
    app = App(name="literal", functions=[_function(grants=[inbox.send()])])
    codes = {d.code for d in check_app(app, FIXED_DAY)}
    assert {"LK202", "LK012"} <= codes
    template = template_data(compile_app(plan_app(app), CODE.parent).template)
    statements = template["Resources"]["WorkerRole"]["Properties"]["Policies"][0][
        "PolicyDocument"]["Statement"]
    resources = [_substituted(r) for s in statements for r in
                 (s["Resource"] if isinstance(s["Resource"], list) else [s["Resource"]])
                 if "inbox" in json.dumps(r)]
    assert resources == ["arn:aws:sqs:<AWS::Region>:<AWS::AccountId>:${AWS::StackName}-inbox"]


def test_a_pattern_keyed_ref_stays_a_pattern(tmp_path: Path) -> None:
    pattern = {"source": ["my.app"], "detail": {"Ref": ["INV-1"], "Fn::Sub": {"Ref": ["x"]}}}
    fn = _function(events=[EventBridgeRule(pattern=pattern)])
    result = synth_app(App(name="literal", functions=[fn]), tmp_path)
    written = result.template["Resources"]["Worker"]["Properties"]["Events"]["OnDefaultBus"][
        "Properties"]["Pattern"]
    assert json.loads(_substituted(written)) == pattern
    pattern_text = result.text.split("Pattern:")[1].split("\n")[:3]
    assert not any("!Ref" in line or "!Sub" in line for line in pattern_text), pattern_text
    assert second_opinion_findings(result.template) == []


def test_checkov_reads_a_template_with_a_pattern_keyed_ref(tmp_path: Path) -> None:
    """A `!Ref` with a list made checkov skip the whole file as unparsable."""
    checkov = os.environ.get("LAMBDAKIT_CHECKOV")
    if not checkov:
        pytest.skip("LAMBDAKIT_CHECKOV is not set (see tests/test_checkov.py)")
    fn = _function(events=[EventBridgeRule(pattern={"detail": {"Ref": ["INV-1"]}})])
    path = tmp_path / "template.yaml"
    path.write_text(synth_app(App(name="literal", functions=[fn]), tmp_path).text)
    run = subprocess.run([checkov, "-f", str(path), "--framework", "cloudformation", "-o",
                          "json", "--skip-download"], capture_output=True, text=True,
                         timeout=300)
    summary = json.loads(run.stdout)["summary"]
    assert (summary["parsing_errors"], summary["failed"]) == (0, 0)
    assert summary["resource_count"] > 0


def test_an_ordinary_pattern_stays_an_object(tmp_path: Path) -> None:
    pattern = {"source": ["my.app"], "detail": {"Ref": ["INV-1"], "state": ["open"]}}
    fn = _function(events=[EventBridgeRule(pattern=pattern)])
    result = synth_app(App(name="literal", functions=[fn]), tmp_path)
    assert result.template["Resources"]["Worker"]["Properties"]["Events"]["OnDefaultBus"][
        "Properties"]["Pattern"] == pattern


def test_stack_syntax_in_a_description_is_reported_at_the_users_line(tmp_path: Path) -> None:
    fn = _function(description="worker of ${AWS::StackName}")
    line = fn.origin.line
    found = [d for d in check_app(App(name="literal", functions=[fn]), FIXED_DAY)
             if d.code == "LK012"]
    assert [(d.origin.line, d.is_error) for d in found] == [(line, False)]
    assert "'${AWS::StackName}'" in found[0].message
    result = synth_app(App(name="literal", functions=[fn]), tmp_path)
    assert result.template["Resources"]["Worker"]["Properties"]["Description"] == \
        "worker of ${AWS::StackName}"


def test_plain_text_is_not_reported() -> None:
    fn = _function(description="worker of orders: $5 per {unit}")
    app = App(name="literal", functions=[fn], description="orders")
    assert [d for d in check_app(app, FIXED_DAY) if d.code == "LK012"] == []
