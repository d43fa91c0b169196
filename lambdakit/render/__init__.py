"""Deterministic YAML or JSON through cfn-flip, in CloudFormation's conventional key order."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

import yaml
from cfn_flip.yaml_dumper import CONVERTED_SUFFIXES, FN_PREFIX, TAG_MAP, fn_representer
from cfn_flip.yaml_dumper import Dumper as CfnFlipDumper
from cfn_flip.yaml_dumper import string_representer as cfn_string_representer
from cfn_tools._config import config as cfn_config
from yaml.nodes import ScalarNode

Format = Literal["yaml", "json"]

TEMPLATE_ORDER = ("AWSTemplateFormatVersion", "Transform", "Description", "Metadata",
                  "Parameters", "Mappings", "Conditions", "Globals", "Resources", "Outputs")
RESOURCE_ORDER = ("Type", "Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy",
                  "Metadata", "Properties")
POLICY_ORDER = ("Version", "Id", "Statement")
STATEMENT_ORDER = ("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
                   "Resource", "NotResource", "Condition")
OUTPUT_ORDER = ("Description", "Value", "Export", "Condition")
EVENT_ORDER = ("Type", "Properties")  # a SAM function's events read like resources


def render(template: dict[str, Any], fmt: Format = "yaml") -> str:
    """The same template always gives the same text, whatever the hash seed or machine."""
    with _collector_paused():
        ordered = canonical(template)
        if fmt == "json":
            return json.dumps(ordered, indent=2, ensure_ascii=False) + "\n"
        return dump_cfn_yaml(ordered)


def canonical(template: dict[str, Any]) -> dict[str, Any]:
    """Known sections in conventional order; everything else sorted by key.

    Plain dicts keep their insertion order, which is the order written out."""
    result = {}
    for key in _ordered_keys(template, TEMPLATE_ORDER):
        value = template[key]
        if key == "Resources":
            value = {name: _resource(value[name]) for name in sorted(value)}
        elif key == "Outputs":
            value = {name: _ordered(value[name], OUTPUT_ORDER) for name in sorted(value)}
        else:
            value = _sorted(value)
        result[key] = value
    return result


def _resource(resource: dict[str, Any]) -> dict[str, Any]:
    ordered = {key: _sorted(resource[key]) for key in _ordered_keys(resource, RESOURCE_ORDER)}
    events = ordered.get("Properties", {}).get("Events")
    if isinstance(events, dict):
        ordered["Properties"]["Events"] = {
            name: _ordered(event, EVENT_ORDER) if isinstance(event, dict) else event
            for name, event in events.items()}
    return ordered


def _ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    return {key: _sorted(mapping[key]) for key in _ordered_keys(mapping, order)}


def _ordered_keys(mapping: dict[str, Any], order: tuple[str, ...]) -> list[str]:
    known = [key for key in order if key in mapping]
    return known + sorted(key for key in mapping if key not in order)


def _sorted(value: Any) -> Any:
    """Sort mapping keys recursively; policy documents keep IAM's conventional order."""
    if isinstance(value, dict):
        if "Statement" in value and "Version" in value:
            return _ordered(value, POLICY_ORDER)
        if "Effect" in value and ("Action" in value or "NotAction" in value):
            return _ordered(value, STATEMENT_ORDER)
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value


# --------------------------------------------------------------------------- YAML
#
# `cfn_flip.dump_yaml` with its needless work removed; what it writes is unchanged, byte for byte.
# Its ODict wraps every (key, value) pair in a freshly created class on each `items()` (twice
# per mapping, to defeat sorting), and PyYAML's pure-Python emitter analyses every scalar each
# time it meets it. Here mappings are plain insertion-ordered dicts written as they are, and the
# pure functions of a scalar's text (its representation style, its implicit tag, the emitter's
# analysis, the prepared tag) are computed once per distinct text. Everything else, the emitter
# above all, is cfn-flip's and PyYAML's own code.


def _represent_mapping(dumper: _Dumper, value: dict[Any, Any]) -> Any:
    """cfn-flip's `map_representer`: one-key `Ref`/`Condition`/`Fn::*` maps become short-form
    tags; the rest is a block mapping, in the dict's own order."""
    if len(value) == 1:
        key = next(iter(value))
        if key in CONVERTED_SUFFIXES:
            return fn_representer(dumper, key, value[key])
        if key.startswith(FN_PREFIX):
            return fn_representer(dumper, key[4:], value[key])
    # A list of pairs has no `items()`, so PyYAML neither copies nor sorts it.
    return dumper.represent_mapping(TAG_MAP, list(dict.items(value)), flow_style=False)


def _represent_str(dumper: _Dumper, value: str) -> ScalarNode:
    """cfn-flip's string representer, run once per distinct string: its choice of tag and style
    depends on the text alone. Every occurrence still gets its own node (a shared node would
    be written as a YAML alias)."""
    styles: dict[str, tuple[str, str | None]] = dumper.str_styles
    seen = styles.get(value)
    if seen is None:
        node: ScalarNode = cfn_string_representer(dumper, value)
        styles[value] = (node.tag, node.style)
        return node
    return ScalarNode(seen[0], value, style=seen[1])


class _Dumper(CfnFlipDumper):  # type: ignore[misc]
    """cfn-flip's `Dumper` with memoised pure functions; same events, same text."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.str_styles: dict[str, tuple[str, str | None]] = {}
        self._analyses: dict[tuple[type, str], Any] = {}
        self._implicit_tags: dict[tuple[str, Any], str] = {}
        self._prepared_tags: dict[str, str] = {}
        self._prepared_for: dict[str, str] | None = None

    def analyze_scalar(self, scalar: str) -> Any:
        # The emitter only reads the analysis; cfn-flip's override depends on the type too.
        key = (type(scalar), scalar)
        analysis = self._analyses.get(key)
        if analysis is None:
            analysis = self._analyses[key] = super().analyze_scalar(scalar)
        return analysis

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = self._implicit_tags.get(key)
        if tag is None:
            tag = self._implicit_tags[key] = super().resolve(kind, value, implicit)
        return tag

    def prepare_tag(self, tag: str) -> str:
        # Depends on the tag and the document's tag prefixes, which are set before any node.
        if self.tag_prefixes is not self._prepared_for:
            self._prepared_for, self._prepared_tags = self.tag_prefixes, {}
        prepared = self._prepared_tags.get(tag)
        if prepared is None:
            prepared = self._prepared_tags[tag] = super().prepare_tag(tag)
        return prepared



_Dumper.add_representer(dict, _represent_mapping)
_Dumper.add_representer(str, _represent_str)


def dump_cfn_yaml(data: dict[str, Any]) -> str:
    """What `cfn_flip.dump_yaml(data, clean_up=False, long_form=False)` returns for `data`, with
    dicts written in insertion order."""
    return str(yaml.dump(data, Dumper=_Dumper, default_flow_style=False, allow_unicode=True,
                         width=cfn_config.max_col_width, sort_keys=False))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Rendering allocates a copy, a node and an event per value, all alive until the end, so
    the cyclic garbage collector's passes find nothing to free: about a tenth of a YAML render
    at 500 functions. Pause it meanwhile; the text does not depend on it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

