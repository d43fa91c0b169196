"""A template as plain data: troposphere's `Template.to_dict()`, walking each value once.

troposphere's `encode_to_dict` encodes an object by encoding what the object's `to_dict` already
encoded, so a value nested n objects deep is walked n + 1 times, a large part of a big app's
synth. Here each value is walked once; objects are still validated by troposphere, and any
class that defines its own `to_dict` is still encoded by troposphere. `PlainData` is plain
already, and built for this template alone: it is not walked at all.
"""

from __future__ import annotations

from typing import Any

from lambdakit.compile.template import Data, PlainData

_SCALARS = (str, int, float, bool, type(None))


def tag_list(tags: dict[str, str]) -> list[dict[str, str]]:
    """`Tags(**tags)`: CloudFormation's list of `Key`/`Value` pairs, sorted by key."""
    return [{"Key": key, "Value": value} for key, value in sorted(tags.items())]


def sections(template: Any) -> dict[str, Any]:
    """A template's sections but `Resources`, in `Template.to_dict()`'s order. `template`:
    lambdakit's `compile.template.Template`, or troposphere's."""
    return {
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


def template_data(template: Any) -> dict[str, Any]:
    """What `template.to_dict()` returns: equal, in the same key order."""
    data = {name: plain(value) for name, value in sections(template).items() if value}
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
    if kind is PlainData:
        return value.data
    if kind is Data:
        return plain(value.data)
    # Looked up on the class: awacs objects answer unknown attributes by raising, slowly.
    to_dict = getattr(kind, "to_dict", None)
    if to_dict is None and hasattr(kind, "JSONrepr"):  # awacs documents, statements, actions
        return plain(value.JSONrepr())
    return _troposphere(value, to_dict)


def _troposphere(value: Any, to_dict: Any) -> Any:
    # Imported here: only a value troposphere made can get this far, so it is loaded already.
    from troposphere import AWSHelperFn, BaseAWSObject, Tags, encode_to_dict

    if to_dict is BaseAWSObject.to_dict:
        return _aws_object(value)
    if to_dict is Tags.to_dict:
        return [plain(tag) for tag in value.tags]
    if to_dict is AWSHelperFn.to_dict:
        return plain(value.data)
    return encode_to_dict(value)


def _aws_object(value: Any) -> Any:
    """`BaseAWSObject.to_dict()`, without encoding its result a second time."""
    if value.do_validation:
        value._validate_props()
        value.validate()
    if value.properties:
        return plain(value.resource)
    if hasattr(value, "resource_type"):
        return {key: plain(item) for key, item in value.resource.items() if key != "Properties"}
    return {}
