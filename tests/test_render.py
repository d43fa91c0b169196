"""The YAML lambdakit writes is, byte for byte, what cfn-flip's own dumper writes for the same
data: lambdakit's dumper only skips cfn-flip's needless work (memoising pure functions), it
does not emit YAML of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cfn_flip
import pytest
from cfn_tools.odict import ODict
from helpers import synth_file
from hypothesis import given, settings
from hypothesis import strategies as st

from lambdakit.render import canonical, dump_cfn_yaml

TESTS = Path(__file__).resolve().parent
APPS = sorted((TESTS / "goldens").glob("*/app.py")) + sorted(
    (TESTS.parent / "examples").glob("*/app.py"))


def _odict(value: Any) -> Any:
    """cfn-flip's dumper expects its ODict for ordered mappings."""
    if isinstance(value, dict):
        return ODict([(key, _odict(item)) for key, item in value.items()])
    if isinstance(value, list):
        return [_odict(item) for item in value]
    return value


def _cfn_flip(data: dict[str, Any]) -> str:
    return str(cfn_flip.dump_yaml(_odict(data), clean_up=False, long_form=False))


@pytest.mark.parametrize("app_file", APPS, ids=[p.parent.name for p in APPS])
def test_templates_render_as_cfn_flip_renders_them(app_file: Path) -> None:
    data = canonical(synth_file(app_file).template)
    assert dump_cfn_yaml(data) == _cfn_flip(data)


awkward_text = st.text(
    alphabet=st.sampled_from([*"abcXYZ019 :#'\"-_./*!&{}[]\n\t", "é", "\u2028"]),
    max_size=60,
) | st.sampled_from(["", "yes", "No", "null", "0123", "1e3", "~", "- x", "a: b", "x" * 210])
# Intrinsic functions, as CloudFormation has them: string arguments, GetAtt a pair.
intrinsics = st.builds(lambda name, text: {name: text},
                       st.sampled_from(["Ref", "Fn::Sub", "Condition", "Fn::ImportValue"]),
                       awkward_text) | st.builds(lambda a, b: {"Fn::GetAtt": [a, b]},
                                                 awkward_text, awkward_text)
scalars = awkward_text | st.integers() | st.booleans() | st.none() | intrinsics
keys = st.text(alphabet="abcXYZ019:_-.", min_size=1, max_size=20).filter(
    lambda k: k not in ("Ref", "Condition") and not k.startswith("Fn::")) | st.just("k" * 130)
trees = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(keys, inner, max_size=4), max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, trees, min_size=1, max_size=5))
def test_any_data_renders_as_cfn_flip_renders_it(data: dict[str, Any]) -> None:
    assert dump_cfn_yaml(data) == _cfn_flip(data)
