"""The template being compiled, without troposphere: an app of functions alone never imports
it (importing it is a large part of a one-function synth). Emitters that build troposphere
objects add them here just the same; `plain.template_data` turns both into plain data."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

TEMPLATE_FORMAT_VERSION = "2010-09-09"


class Titled(Protocol):
    """What a resource or an output is to a template: an object with its logical id."""

    title: str


T = TypeVar("T", bound=Titled)


class Data:
    """A resource or an output built as plain data, under its logical id (`title`).

    For what lambdakit builds from constructs it has already checked, troposphere's objects
    would only check the same values again, attribute by attribute. Values inside may still be
    troposphere or awacs objects."""

    def __init__(self, title: str, data: dict[str, Any]) -> None:
        self.title = title
        self.data = data

    def to_dict(self) -> Any:
        """troposphere's encoding of the data (`template_data` must give the same)."""
        from troposphere import encode_to_dict

        return encode_to_dict(self.data)


class PlainData(Data):
    """`Data` that is plain through and through (dicts, lists, text, numbers, booleans, None)
    and shares no dict or list with another resource or with anything that outlives the
    compile: `template_data` hands it out as it is instead of copying it."""


class Template:
    """troposphere's `Template` as the emitters use it: `add_resource`, `add_output`, each
    refusing a logical id given twice, as troposphere does. (Its 500-resource and 200-output
    guards are lambdakit's LK007 and LK011, checked before compiling.)"""

    def __init__(self, description: str, transform: str) -> None:
        self.description = description
        self.version = TEMPLATE_FORMAT_VERSION
        self.transform = transform
        self.resources: dict[str, Any] = {}
        self.outputs: dict[str, Any] = {}
        # troposphere's other sections, which lambdakit does not write
        self.metadata: dict[str, Any] = {}
        self.conditions: dict[str, Any] = {}
        self.mappings: dict[str, Any] = {}
        self.parameters: dict[str, Any] = {}
        self.rules: dict[str, Any] = {}
        self.globals: dict[str, Any] = {}

    def add_resource(self, resource: T) -> T:
        return _add(self.resources, resource)

    def add_output(self, output: T) -> T:
        return _add(self.outputs, output)

    def to_dict(self) -> dict[str, Any]:
        """troposphere's `Template.to_dict()` of the same template (`template_data` must give
        the same, walking each value once)."""
        from troposphere import encode_to_dict

        from lambdakit.compile.plain import sections

        data = {name: encode_to_dict(value) for name, value in sections(self).items() if value}
        data["Resources"] = encode_to_dict(self.resources)
        return data


def _add(entries: dict[str, Any], entry: T) -> T:
    if entry.title in entries:
        raise ValueError(f'duplicate key "{entry.title}" detected')  # troposphere's words
    entries[entry.title] = entry
    return entry
