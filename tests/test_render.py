"""The YAML lambdakit writes: libyaml's bytes, the same from the pure-Python fallback, in
cfn-flip's dialect (short-form intrinsic functions), loading back through cfn-flip unchanged."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cfn_tools import load_yaml
from helpers import synth_file
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lambdakit.render import canonical, cfn_yaml, dump_yaml, render
from lambdakit.render.order import (
    EVENT_ORDER,
    OUTPUT_ORDER,
    POLICY_ORDER,
    RESOURCE_ORDER,
    STATEMENT_ORDER,
    TEMPLATE_ORDER,
)
from lambdakit.render.pure_emitter import LibyamlEmitter
from lambdakit.synthesis import Synthesis

TESTS = Path(__file__).resolve().parent
APPS = sorted((TESTS / "goldens").glob("*/app.py")) + sorted(
    (TESTS.parent / "examples").glob("*/app.py"))
GOLDEN_OPTIONS = TESTS / "goldens" / "options"

needs_libyaml = pytest.mark.skipif(cfn_yaml.LIBYAML is None,
                                   reason="PyYAML was built without libyaml")


def _plain(value: Any) -> Any:
    """cfn-flip's ODicts as plain dicts (dict equality ignores order: compare keys as lists)."""
    if isinstance(value, dict):
        return [(key, _plain(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _loads_back(data: dict[str, Any], text: str) -> bool:
    return bool(_plain(load_yaml(text)) == _plain(data))


@pytest.fixture(scope="module", params=APPS, ids=[p.parent.name for p in APPS])
def synthesis(request: pytest.FixtureRequest) -> Synthesis:
    return synth_file(request.param)


@pytest.fixture(scope="module")
def template(synthesis: Synthesis) -> dict[str, Any]:
    return canonical(synthesis.template)


def test_templates_are_written_in_canonical_order(synthesis: Synthesis) -> None:
    """The YAML is written from the template as compiled, in `canonical`'s order."""
    assert synthesis.text == dump_yaml(canonical(synthesis.template))


@needs_libyaml
def test_templates_are_the_same_bytes_with_or_without_libyaml(template: dict[str, Any]) -> None:
    assert dump_yaml(template, LibyamlEmitter) == dump_yaml(template, cfn_yaml.LIBYAML)


def test_templates_load_back_through_cfn_flip(template: dict[str, Any]) -> None:
    assert _loads_back(template, dump_yaml(template))


def test_without_libyaml_the_pure_emitter_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {"Queue": {"Fn::GetAtt": ["Orders", "Arn"]}, "Tags": ["a", "b"]}
    monkeypatch.setattr(cfn_yaml, "LIBYAML", None)
    assert dump_yaml(data) == "Queue: !GetAtt Orders.Arn\nTags:\n- a\n- b\n"


def test_the_dialect() -> None:
    """Short forms, cfn-flip's string styles, block sequences at their key's column."""
    template = {
        "Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {
            "Role": {"Fn::GetAtt": ["FnRole", "Arn"]},
            "LogGroup": {"Ref": "FnLogs"},
            "Name": {"Fn::Sub": "${AWS::StackName}-fn"},
            "Layers": [{"Fn::ImportValue": "shared-layer"}],
            "Account": "0123456789",
            "Script": "".join(f"line {n}\n" for n in range(10)),
            "Note": "two\nlines",
            "Flags": [True, None, 7, "yes"],
            "Odd": {"Fn::GetAtt": ["Dotted.Id", "Arn"]},
        }}},
    }
    assert render(template) == """\
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Account: '0123456789'
      Flags:
      - true
      - null
      - 7
      - 'yes'
      Layers:
      - !ImportValue shared-layer
      LogGroup: !Ref FnLogs
      Name: !Sub ${AWS::StackName}-fn
      Note: "two\\nlines"
      Odd:
        Fn::GetAtt:
        - Dotted.Id
        - Arn
      Role: !GetAtt FnRole.Arn
      Script: |
        line 0
        line 1
        line 2
        line 3
        line 4
        line 5
        line 6
        line 7
        line 8
        line 9
"""


def test_the_environment_does_not_change_the_text() -> None:
    """cfn-flip folds lines at `CFN_MAX_COL_WIDTH`; lambdakit never folds them."""
    env = {**os.environ, "CFN_MAX_COL_WIDTH": "40", "SOURCE_DATE_EPOCH": "1795392000"}
    done = subprocess.run([sys.executable, "-m", "lambdakit", "synth", "app.py"],
                          cwd=GOLDEN_OPTIONS, env=env, capture_output=True, check=True)
    assert done.stdout.decode("utf-8") == (
        TESTS / "goldens" / "options.yaml").read_text(encoding="utf-8")


def test_mappings_with_the_same_keys_are_ordered_by_their_place() -> None:
    """The writer remembers each (place, keys) shape's order: the same keys in a resource, in
    a mapping anywhere else, or inserted in another order must not share one."""
    same_keys = {"Metadata": "m", "Type": "t", "Properties": "p"}
    template = {"Metadata": {"Note": dict(same_keys)},
                "Resources": {"A": dict(same_keys), "B": dict(reversed(same_keys.items()))}}
    assert render(template) == """\
Metadata:
  Note:
    Metadata: m
    Properties: p
    Type: t
Resources:
  A:
    Type: t
    Metadata: m
    Properties: p
  B:
    Type: t
    Metadata: m
    Properties: p
"""
    assert dump_yaml({"A": {"y": 1, "x": 2}, "B": {"x": 3, "y": 4}}) == """\
A:
  y: 1
  x: 2
B:
  x: 3
  y: 4
"""


def test_equal_keys_of_other_types_keep_their_own_text() -> None:
    """1, 1.0 and True are one key to a dict, but three texts in YAML."""
    assert render({"A": {1: "a"}, "B": {True: "b"}, "C": {1.0: "c"}, "D": {1: "d"}}) == """\
A:
  1: a
B:
  true: b
C:
  1.0: c
D:
  1: d
"""


def test_values_a_template_cannot_hold_are_refused() -> None:
    with pytest.raises(TypeError, match="cannot write a tuple"):
        dump_yaml({"Key": ("a", "b")})


# Text that exercises every choice the two emitters make: indicators, YAML 1.1 keywords, line
# breaks of every kind (literal blocks from ten on), characters libyaml escapes (NEL, beyond the
# BMP, BOM, noncharacters), keys around libyaml's 128-byte simple-key limit.
awkward_piece = st.sampled_from(
    [*"abcXYZ019 :#'\"-_./*!&{}[]|>%@`,?=~$\\\t\r\n", "\n\n", "é", "日本", "\x85", "\u2028",
     "\u2029", "\xa0", "\ufeff", "\ufffe", "\x00", "\x1b", "\x7f", "\U0001f600"])
awkward_text = st.lists(awkward_piece, max_size=30).map("".join) | st.sampled_from(
    ["", "yes", "No", "null", "~", "0123", "1e3", "1:20", "2001-12-14", ".inf", "<<", "=",
     "- x", "? x", ": x", "a: b", "a #b", "---", "...", " lead", "trail ", "x" * 210])
line = st.lists(st.sampled_from([*"ab: #'-", "é", "\t", "  "]), max_size=8).map("".join)
many_lines = st.builds(lambda lines, end: "\n".join(lines) + end,
                       st.lists(line, min_size=10, max_size=14),
                       st.sampled_from(["", "\n", "\n\n", " "]))
text = awkward_text | many_lines
long_key = st.builds(lambda ch, n: ch * n, st.sampled_from(["k", "é", "日"]),
                     st.sampled_from([42, 43, 63, 64, 65, 126, 127, 128, 129]))
keys = text | long_key
numbers = st.integers() | st.floats(allow_nan=False)
# Intrinsic functions as CloudFormation has them, and the forms that keep the long syntax.
function_names = st.sampled_from(["Ref", "Condition", "Fn::Sub", "Fn::GetAtt", "Fn::Join",
                                  "Fn::ImportValue", "Fn::", "Fn::Not Alnum"])
intrinsics = st.builds(
    lambda name, argument: {name: argument}, function_names,
    text | st.lists(text, max_size=3) | st.just(["Dotted.Id", "Arn"])
    | st.dictionaries(keys, text, max_size=2) | numbers | st.none())
scalars = text | numbers | st.booleans() | st.none() | intrinsics
trees = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(keys, inner, max_size=4), max_leaves=20)
templates = st.dictionaries(keys, trees, min_size=1, max_size=4)


@needs_libyaml
@settings(max_examples=400, deadline=None)
@given(templates)
def test_any_template_is_the_same_bytes_with_or_without_libyaml(data: dict[str, Any]) -> None:
    assert dump_yaml(data, LibyamlEmitter) == dump_yaml(data, cfn_yaml.LIBYAML)


@settings(max_examples=200, deadline=None)
@given(templates)
def test_any_template_loads_back_through_cfn_flip(data: dict[str, Any]) -> None:
    assert _loads_back(data, dump_yaml(data))


@pytest.mark.parametrize("value", [1.5, -0.0, 1e300, 1e-07, math.inf, -math.inf])
def test_numbers_load_back(value: float) -> None:
    assert load_yaml(dump_yaml({"N": value}))["N"] == value


# Templates shaped like SAM's, their keys inserted in any order: sections, resources, a function's
# events, outputs, policy documents and statements, and one-key mappings (`Ref`, `Condition`)
# in those places, written as short forms.
names = st.sampled_from(["A", "b", "Z9", "Ref", "Condition", "Fn::Sub"])


def _keyed(known: tuple[str, ...], values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mappings with some of the `known` keys and other names."""
    return st.dictionaries(st.sampled_from(known) | names, values, max_size=5)


iam_keys = (*POLICY_ORDER, *STATEMENT_ORDER)
anywhere = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                        | _keyed(iam_keys, inner), max_leaves=8)
events = st.dictionaries(names, _keyed(EVENT_ORDER, anywhere) | anywhere, max_size=3)
properties = _keyed(("Events", *iam_keys), anywhere | events)
named = st.dictionaries(names, _keyed(RESOURCE_ORDER, anywhere | properties)
                        | _keyed(OUTPUT_ORDER, anywhere) | anywhere, max_size=3)
sam_templates = _keyed(TEMPLATE_ORDER, anywhere | named)


@settings(max_examples=300, deadline=None)
@given(sam_templates)
# A lone resource named `Ref` is written `!Ref`, its keys still in a resource's order.
@example({"Resources": {"Ref": {"Type": "AWS::SNS::Topic", "Condition": "Live"}}})
def test_yaml_is_written_in_canonical_order(data: dict[str, Any]) -> None:
    given_data = _plain(data)
    assert render(data) == dump_yaml(canonical(data))
    assert _plain(data) == given_data
