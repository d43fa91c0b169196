"""A troposphere `Template` as plain data: `Template.to_dict()`, walking each value once.

troposphere's `encode_to_dict` encodes an object by encoding what the object's `to_dict` already
encoded, so a value nested n objects deep is walked n + 1 times: about a fifth of a synth at 500
functions. Here each value is walked once; objects are still validated by troposphere, and any
class that defines its own `to_dict` is still encoded by troposphere.
"""

from __future__ import annotations

from typing import Any

from troposphere import AWSHelperFn, BaseAWSObject, Tags, Template, encode_to_dict

_SCALARS = (str, int, float, bool, type(None))


class Data(AWSHelperFn):  # type: ignore[misc]
    """A resource or an output built as plain data, added to a `Template` under `title` (which
    still refuses a duplicate id and counts it towards the template's limits).

    For what lambdakit builds from constructs it has already checked, troposphere's objects
    would only check the same values again, attribute by attribute: about a third of the
    compile of a function. Values inside may still be troposphere or awacs objects."""

    def __init__(self, title: str, data: dict[str, Any]) -> None:
        self.title = title
        self.data = data


def tag_list(tags: dict[str, str]) -> list[dict[str, str]]:
    """`Tags(**tags)`: CloudFormation's list of `Key`/`Value` pairs, sorted by key."""
    return [{"Key": key, "Value": value} for key, value in sorted(tags.items())]


def template_data(template: Template) -> dict[str, Any]:
    """What `template.to_dict()` returns: equal, in the same key order."""
    sections = {
        "Description": template.description,
        "Metadata": template.metadata,
        "Conditions": template.conditions,
        "Mappings": template.mappings,
        "Outputs": template.outputs,
        "Parameters": template.parameters,
        "AWSTemplateFormatVersion": template.version,
        "Transform": template.transform,
        "Rules": template.rules,
        "Globals": template.globals,
    }
    data = {name: plain(value) for name, value in sections.items() if value}
    data["Resources"] = plain(template.resources)
    return data


def plain(value: Any) -> Any:
    """`troposphere.encode_to_dict(value)`."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is dict:
        return {key: plain(item) for key, item in value.items()}
    if kind is list or kind is tuple:
        return [plain(item) for item in value]
    # Looked up on the class: awacs objects answer unknown attributes by raising, slowly.
    to_dict = getattr(kind, "to_dict", None)
    if to_dict is BaseAWSObject.to_dict:
        return _aws_object(value)
    if to_dict is Tags.to_dict:
        return [plain(tag) for tag in value.tags]
    if to_dict is AWSHelperFn.to_dict:
        return plain(value.data)
    if to_dict is None and hasattr(kind, "JSONrepr"):  # awacs documents, statements, actions
        return plain(value.JSONrepr())
    return encode_to_dict(value)


def _aws_object(value: BaseAWSObject) -> Any:
    """`BaseAWSObject.to_dict()`, without encoding its result a second time."""
    if value.do_validation:
        value._validate_props()
        value.validate()
    if value.properties:
        return plain(value.resource)
    if hasattr(value, "resource_type"):
        return {key: plain(item) for key, item in value.resource.items() if key != "Properties"}
    return {}
