"""CloudFormation's conventional key order: known sections first, everything else sorted.

A mapping's order depends on where it sits (a template's sections, a resource, a function's
events, an output: its `Place`) and, anywhere else, on what it holds (IAM policy documents and
statements keep IAM's order). `canonical` copies a template in that order; the YAML writer walks
the template in the same order without copying it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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


@dataclass(frozen=True, slots=True, eq=False)
class Place:
    """Where a mapping sits in a template: the order of its keys, and where its values sit.
    Each place is one position in the template: places compare (and hash) by identity.
    A value whose place is None sits anywhere else: see `ordered_keys`."""

    known: tuple[str, ...] | None  # these keys first, the rest sorted; None: as anywhere else
    children: Mapping[str, Place] = field(default_factory=dict)  # the places of some values
    every: Place | None = None  # the place of every value, whatever its key

    def ordered_keys(self, mapping: dict[Any, Any]) -> list[Any]:
        if self.known is None:
            return ordered_keys(mapping)
        return _known_first(mapping, self.known)

    def child(self, key: Any) -> Place | None:
        """The place of the value at `key`."""
        return self.every or self.children.get(key)


EVENT = Place(EVENT_ORDER)
EVENTS = Place(None, every=EVENT)
PROPERTIES = Place(None, children={"Events": EVENTS})
RESOURCE = Place(RESOURCE_ORDER, children={"Properties": PROPERTIES})
OUTPUT = Place(OUTPUT_ORDER)
TEMPLATE = Place(TEMPLATE_ORDER, children={"Resources": Place((), every=RESOURCE),
                                           "Outputs": Place((), every=OUTPUT)})


def canonical(template: dict[str, Any]) -> dict[str, Any]:
    """Known sections in conventional order; everything else sorted by key.

    Plain dicts keep their insertion order, which is the order written out."""
    result: dict[str, Any] = _arranged(template, TEMPLATE)
    return result


def ordered_keys(mapping: dict[Any, Any]) -> list[Any]:
    """The order of a mapping's keys outside the known places: sorted, but policy documents
    and statements keep IAM's conventional order."""
    if "Statement" in mapping and "Version" in mapping:
        return _known_first(mapping, POLICY_ORDER)
    if "Effect" in mapping and ("Action" in mapping or "NotAction" in mapping):
        return _known_first(mapping, STATEMENT_ORDER)
    return sorted(mapping)


def _arranged(value: Any, place: Place | None) -> Any:
    if place is None or not isinstance(value, dict):
        return _arranged_anywhere(value)
    return {key: _arranged(value[key], place.child(key)) for key in place.ordered_keys(value)}


def _arranged_anywhere(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _arranged_anywhere(value[key]) for key in ordered_keys(value)}
    if isinstance(value, list):
        return [_arranged_anywhere(item) for item in value]
    return value


def _known_first(mapping: dict[Any, Any], known: tuple[str, ...]) -> list[Any]:
    return [key for key in known if key in mapping] + sorted(
        key for key in mapping if key not in known)
