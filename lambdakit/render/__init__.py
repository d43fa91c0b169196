"""Deterministic YAML or JSON, in CloudFormation's conventional key order."""

from __future__ import annotations

import json
from typing import Any, Literal

from lambdakit.render.cfn_yaml import dump_yaml
from lambdakit.render.order import canonical

Format = Literal["yaml", "json"]

__all__ = ["Format", "canonical", "dump_yaml", "render"]


def render(template: dict[str, Any], fmt: Format = "yaml") -> str:
    """The same template always gives the same text, whatever the hash seed or machine.
    `template` is plain data (dicts, lists, text, numbers, booleans and None), as
    `template_data` gives it; it is not modified."""
    if fmt == "json":
        return json.dumps(canonical(template), indent=2, ensure_ascii=False) + "\n"
    return dump_yaml(template, reorder=True)
