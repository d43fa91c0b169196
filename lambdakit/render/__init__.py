"""Deterministic YAML or JSON, in CloudFormation's conventional key order."""

from __future__ import annotations

import json
from typing import Any, Literal

from lambdakit.render.cfn_yaml import dump_yaml
from lambdakit.render.order import canonical

Format = Literal["yaml", "json"]

__all__ = ["Format", "canonical", "dump_yaml", "render"]


def render(template: dict[str, Any], fmt: Format = "yaml") -> str:
    """The same template always gives the same text, whatever the hash seed or machine."""
    ordered = canonical(template)
    if fmt == "json":
        return json.dumps(ordered, indent=2, ensure_ascii=False) + "\n"
    return dump_yaml(ordered)
