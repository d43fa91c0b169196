"""Owned layers → `AWS::Serverless::LayerVersion` (a function's `Layers`: `surroundings`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from lambdakit.compile.template import Data, Template
from lambdakit.model import Layer
from lambdakit.plan import Plan


def emit_layers(template: Template, plan: Plan, base_dir: Path) -> None:
    """`base_dir`: where the template lives (content paths are written relative to it)."""
    layers = [r for r in plan.app.all_resources() if isinstance(r, Layer) and not r.is_existing]
    for layer in sorted(layers, key=lambda r: r.id):
        template.add_resource(_layer_version(layer, base_dir))


def _layer_version(layer: Layer, base_dir: Path) -> Data:
    content = layer.content_path()
    assert content is not None, "compile only apps that check clean (LK209)"
    props: dict[str, Any] = {
        "ContentUri": Path(os.path.relpath(content, base_dir)).as_posix(),
        # SAM's default too, written out: a new version never deletes the one functions
        # deployed elsewhere may still name.
        "RetentionPolicy": "Delete" if layer.delete_with_stack else "Retain",
    }
    if layer.name is not None:
        props["LayerName"] = layer.name
    if layer.description is not None:
        props["Description"] = layer.description
    if layer.compatible_runtimes:
        props["CompatibleRuntimes"] = sorted(set(layer.compatible_runtimes))
    if layer.compatible_architectures:
        props["CompatibleArchitectures"] = sorted(set(layer.compatible_architectures))
    if layer.license_info is not None:
        props["LicenseInfo"] = layer.license_info
    version = Data(layer.id, {"Type": "AWS::Serverless::LayerVersion", "Properties": props})
    metadata: dict[str, Any] = {}
    if layer.build_method is not None:
        metadata["BuildMethod"] = layer.build_method  # read by `sam build`
    notes: dict[str, Any] = {}
    if layer.delete_with_stack:
        notes["delete_with_stack"] = layer.delete_with_stack
    acknowledged = {code: reason for code, reason in sorted(layer.acknowledge.items())
                    if reason.strip()}
    if acknowledged:
        notes["acknowledged"] = acknowledged
    if notes:
        metadata["lambdakit"] = notes
    if metadata:
        version.data["Metadata"] = metadata
    return version
