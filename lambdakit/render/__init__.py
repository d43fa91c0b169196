"""Deterministic YAML or JSON, in CloudFormation's conventional key order."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from lambdakit.render.cfn_yaml import dump_yaml
from lambdakit.render.order import canonical

Format = Literal["yaml", "json"]

__all__ = ["Format", "canonical", "dump_yaml", "render"]


def render(template: dict[str, Any], fmt: Format = "yaml") -> str:
    """The same template always gives the same text, whatever the hash seed or machine."""
    with _collector_paused():
        ordered = canonical(template)
        if fmt == "json":
            return json.dumps(ordered, indent=2, ensure_ascii=False) + "\n"
        return dump_yaml(ordered)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Rendering allocates a copy of the template and an event per value, all alive until the
    end, so the cyclic garbage collector's passes find nothing to free: about a third of a YAML
    render at 500 functions. Pause it meanwhile; the text does not depend on it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
