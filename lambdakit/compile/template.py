"""The template being compiled, as plain data: resources and outputs under their logical ids.

lambdakit writes its own resources as plain data; troposphere's resource specifications check
what it writes in the tests (tests/test_resource_specs.py), not at synth time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TEMPLATE_FORMAT_VERSION = "2010-09-09"


class Data:
    """A resource (`{"Type": ..., "Properties": ..., "DependsOn": ..., ...}`) or an output
    (`{"Description": ..., "Value": ...}`) under its logical id (`title`). Its dicts and lists
    may be shared with the model: `plain.template_data` copies them."""

    def __init__(self, title: str, data: dict[str, Any]) -> None:
        self.title = title
        self.data = data


class PlainData(Data):
    """`Data` that is plain through and through (dicts, lists, text, numbers, booleans, None)
    and shares no dict or list with another resource or with anything that outlives the
    compile: `template_data` hands it out as it is instead of copying it."""


class Template:
    """Resources and outputs by logical id, each refusing a logical id given twice. (The
    resource and output quotas are lambdakit's LK007 and LK011, checked before compiling.)
    `depends_on`: the plan's `DependsOn` of each resource, written as each is added."""

    def __init__(self, description: str, transform: str,
                 depends_on: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.description = description
        self.version = TEMPLATE_FORMAT_VERSION
        self.transform = transform
        self.resources: dict[str, Data] = {}
        self.outputs: dict[str, Data] = {}
        self._depends_on = depends_on or {}

    def add_resource(self, resource: Data) -> Data:
        awaited = self._depends_on.get(resource.title)
        if awaited:
            resource.data["DependsOn"] = list(awaited)
        return _add(self.resources, resource)

    def add_output(self, output: Data) -> Data:
        return _add(self.outputs, output)


def _add(entries: dict[str, Data], entry: Data) -> Data:
    if entry.title in entries:
        raise ValueError(f'duplicate key "{entry.title}" detected')
    entries[entry.title] = entry
    return entry
