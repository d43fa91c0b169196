"""A template as plain data, ready to render: each value walked once, `PlainData` not at all
(it is plain already, and built for this template alone)."""

from __future__ import annotations

from typing import Any

from lambdakit.compile.template import Data, PlainData, Template

_SCALARS = (str, int, float, bool, type(None))


def tag_list(tags: dict[str, str]) -> list[dict[str, str]]:
    """CloudFormation's list of `Key`/`Value` pairs, sorted by key."""
    return [{"Key": key, "Value": value} for key, value in sorted(tags.items())]


def sections(template: Template) -> dict[str, Any]:
    """A template's sections but `Resources` (empty ones are left out)."""
    return {
        "Description": template.description,
        "Outputs": template.outputs,
        "AWSTemplateFormatVersion": template.version,
        "Transform": template.transform,
    }


def template_data(template: Template) -> dict[str, Any]:
    data = {name: plain(value) for name, value in sections(template).items() if value}
    data["Resources"] = plain(template.resources)
    return data


def plain(value: Any) -> Any:
    """`value` with every `Data` replaced by what it holds, dicts and lists copied."""
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
    raise TypeError(f"not template data: {value!r}")
