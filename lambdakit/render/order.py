"""CloudFormation's conventional key order: known sections first, everything else sorted."""

from __future__ import annotations

from typing import Any

TEMPLATE_ORDER = ("AWSTemplateFormatVersion", "Transform", "Description", "Metadata",
                  "Parameters", "Mappings", "Conditions", "Globals", "Resources", "Outputs")
RESOURCE_ORDER = ("Type", "Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy",
                  "Metadata", "Properties")
POLICY_ORDER = ("Version", "Id", "Statement")
STATEMENT_ORDER = ("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
                   "Resource", "NotResource", "Condition")
OUTPUT_ORDER = ("Description", "Value", "Export", "Condition")
EVENT_ORDER = ("Type", "Properties")  # a SAM function's events read like resources


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
