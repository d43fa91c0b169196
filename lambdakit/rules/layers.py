"""Layers: each layer's settings and content, each function's layers, and the package size of a
function with its layers (`package_size`)."""

from __future__ import annotations

from pathlib import Path

from lambdakit.errors import display_path
from lambdakit.limits import quotas as q
from lambdakit.limits.runtimes import RUNTIMES, newer_than_table
from lambdakit.model import Function, Layer
from lambdakit.rules.code import code_kind
from lambdakit.rules.context import RuleContext
from lambdakit.rules.package_size import (
    MB,
    PackageKind,
    Tree,
    measure,
    megabytes,
    package_kind,
)
from lambdakit.rules.public_layers import KnownLayer, known_layer

# `sam build` accepts a runtime name as a layer's BuildMethod, or `makefile`.
OTHER_BUILD_METHODS = ("makefile",)
# What an owned layer's `code` may name besides a directory.
LAYER_ARCHIVES = (".zip",)
CONTRIBUTORS_SHOWN = 3
S3_UPLOAD_HINT = ("`sam deploy` uploads through S3, where only the 250 MB unzipped limit "
                  "applies; the console and direct UpdateFunctionCode/PublishLayerVersion "
                  "uploads refuse it; acknowledge LK405 if this is always deployed through S3")


def check_layers(ctx: RuleContext, functions: list[Function]) -> None:
    for layer in (r for r in ctx.app.all_resources() if isinstance(r, Layer)):
        if layer.is_existing:
            _check_existing(ctx, layer)
        else:
            _check_owned(ctx, layer)
        _check_settings(ctx, layer)
    for fn in functions:
        _check_function_layers(ctx, fn)
        _check_package_size(ctx, fn)


def _check_existing(ctx: RuleContext, layer: Layer) -> None:
    if layer.existing_arn is None:
        ctx.report("LK201", layer, "Layer.existing() takes the layer version's ARN, not a name "
                                   f"(got name={layer.existing_name!r})",
                   "a function names a layer by version: Layer.existing(arn='arn:aws:lambda:"
                   "REGION:ACCOUNT:layer:NAME:VERSION')")
    for field in ("code", "build_method"):
        if getattr(layer, field) is not None:
            ctx.report("LK406", layer, f"{field}= is for a layer the app builds, not an "
                                       "existing one",
                       f"remove {field}=, or declare Layer(id=..., code=...) to build it here")


def _check_owned(ctx: RuleContext, layer: Layer) -> None:
    location = layer.content_path()
    if location is None:
        ctx.report("LK209", layer, "an owned layer needs code=, the directory it is built from",
                   f'Layer(id="{layer.id}", code="layers/deps"), or Layer.existing(arn=...) for '
                   "a published layer")
        return
    kind = package_kind(location, LAYER_ARCHIVES)
    if kind is None:
        ctx.report("LK403", layer, f"layer content {str(layer.code)!r} not found "
                                   f"(looked in {_shown(location)})",
                   "paths are relative to the file that declares the layer; its contents go "
                   "to /opt (python/ for Python packages, nodejs/node_modules/ for Node.js)")
        return
    tree = _tree(ctx, str(layer.code), location, kind)
    _check_zipped(ctx, layer, tree, "layer content")


def _check_settings(ctx: RuleContext, layer: Layer) -> None:
    runtimes = layer.compatible_runtimes
    most = q.LAYER_COMPATIBLE_RUNTIMES_MAX
    if len(set(runtimes)) > most.value:
        ctx.report("LK406", layer, f"compatible_runtimes lists {len(set(runtimes))} runtimes, "
                                   f"Lambda takes at most {most.value}",
                   f"keep the runtimes the layer is built and tested for; limits: {most.source}")
    # A release newer than the table is accepted: the function using it is warned (LK124).
    unknown = sorted({r for r in runtimes if r not in RUNTIMES and not newer_than_table(r)})
    if unknown:
        ctx.report("LK406", layer, f"compatible_runtimes: unknown runtime "
                                   f"{', '.join(map(repr, unknown))}",
                   "use Lambda's runtime identifiers, e.g. 'python3.13', 'nodejs22.x'")
    method = layer.build_method
    if method is not None and method not in RUNTIMES and method not in OTHER_BUILD_METHODS:
        ctx.report("LK406", layer, f"build_method {method!r} is neither a runtime nor "
                                   "'makefile'",
                   "e.g. build_method='python3.13' installs requirements.txt with sam build")
    description = layer.description or ""
    if len(description) > q.LAYER_DESCRIPTION_MAX_CHARS.value:
        ctx.report("LK406", layer, f"description has {len(description)} characters, Lambda "
                                   f"takes at most {q.LAYER_DESCRIPTION_MAX_CHARS.value}",
                   "shorten the description")


def _check_function_layers(ctx: RuleContext, fn: Function) -> None:
    most = q.LAYERS_MAX_PER_FUNCTION
    if len(fn.layers) > most.value:
        ctx.report("LK400", fn, f"{len(fn.layers)} layers, a function may have at most "
                                f"{most.value}",
                   f"merge layers, or move dependencies into the function's code or a "
                   f"container image; limits: {most.source}")
    for layer in fn.layers:
        if layer.broken:
            continue
        known = known_layer(layer.existing_arn) if layer.existing_arn else None
        if known is not None:
            _check_known_layer(ctx, fn, layer, known)
            continue
        if (layer.existing_arn and not layer.compatible_architectures
                and fn.architecture == "arm64"):
            ctx.report("LK407", fn, f"layer {layer.id} is given by ARN without its "
                                    "architectures, and the function runs on arm64",
                       "Lambda attaches an x86_64-only layer to an arm64 function anyway, and "
                       "its native code fails to load at the first invoke; look them up (aws "
                       "lambda get-layer-version-by-arn --arn ... shows CompatibleArchitectures) "
                       "and declare them: Layer.existing(arn=..., compatible_architectures="
                       "['arm64']), or set architecture='x86_64' on the function", owner=fn)
        if layer.compatible_runtimes and fn.runtime not in layer.compatible_runtimes:
            ctx.report("LK401", fn, f"layer {layer.id} declares runtimes "
                                    f"{', '.join(sorted(set(layer.compatible_runtimes)))}, "
                                    f"not {fn.runtime}",
                       "Lambda attaches it anyway (the list only filters ListLayers), but code "
                       "built for another runtime may fail to import; rebuild the layer for "
                       f"{fn.runtime} and add it to compatible_runtimes", owner=fn)
        architectures = layer.compatible_architectures
        if architectures and fn.architecture not in architectures:
            ctx.report("LK402", fn, f"layer {layer.id} declares architectures "
                                    f"{', '.join(sorted(set(architectures)))}, not "
                                    f"{fn.architecture}",
                       "native code in the layer will not load; build the layer for "
                       f"{fn.architecture}, or set architecture="
                       f"{sorted(set(architectures))[0]!r} on the function", owner=fn)


def _check_known_layer(ctx: RuleContext, fn: Function, layer: Layer, known: KnownLayer) -> None:
    """A layer AWS publishes under a name that states its architecture (and runtime): a
    mismatch is certain, so an error, and so is a declaration that contradicts the name."""
    declared = set(layer.compatible_architectures)
    if declared and declared != set(known.architectures):
        ctx.report("LK408", layer, f"compatible_architectures says "
                                   f"{', '.join(sorted(declared))}, but {known.publisher} "
                                   f"publishes this layer for {', '.join(known.architectures)}",
                   f"remove compatible_architectures; see {known.source}", owner=fn)
    elif fn.architecture not in known.architectures:
        ctx.report("LK408", fn, f"layer {layer.id} is {known.publisher}'s build for "
                                f"{', '.join(known.architectures)}, not {fn.architecture}",
                   f"use the layer's {fn.architecture} build (it publishes one per "
                   f"architecture), or set architecture={known.architectures[0]!r} on the "
                   f"function; see {known.source}", owner=fn)
    if known.runtimes and fn.runtime not in known.runtimes:
        ctx.report("LK401", fn, f"layer {layer.id} is {known.publisher}'s build for "
                                f"{', '.join(known.runtimes)}, not {fn.runtime}",
                   f"use its build for {fn.runtime}; see {known.source}", owner=fn)


def _check_package_size(ctx: RuleContext, fn: Function) -> None:
    if fn.is_image:  # up to 10 GB, in ECR: nothing of it is on this machine
        return
    kind = code_kind(ctx, fn)
    if kind is None:
        return  # LK133 reports it
    code = _tree(ctx, str(fn.code), fn.code_path(), kind)
    _check_zipped(ctx, fn, code, "code")
    trees = [code]
    for layer in fn.layers:
        path = layer.content_path()
        kind = None if layer.broken or path is None else _content_kind(path)
        if path is not None and kind is not None:
            trees.append(_tree(ctx, str(layer.code), path, kind))
    total = sum(tree.unzipped_bytes for tree in trees)
    limit = q.PACKAGE_UNZIPPED_MAX_MB
    if total <= limit.value * MB:
        return
    parts = ", ".join(f"{tree.label.rstrip('/')}: {megabytes(tree.unzipped_bytes)}"
                      for tree in trees)
    contributors: dict[str, int] = {}
    for tree in trees:
        contributors.update(tree.contributors())
    # The few that matter: the largest, and the next ones only from 1 MB up.
    largest = sorted(contributors.items(), key=lambda item: (-item[1], item[0]))
    largest = largest[:1] + [item for item in largest[1:] if item[1] >= MB]
    shown = ", ".join(f"{name} {megabytes(size)}" for name, size in largest[:CONTRIBUTORS_SHOWN])
    unmeasured = sum(1 for layer in fn.layers if layer.is_existing)
    unknown = (f"; {unmeasured} existing layer{'s' if unmeasured > 1 else ''} not counted"
               if unmeasured else "")
    ctx.report("LK404", fn, f"code and layers take {megabytes(total)} unzipped, more than "
                            f"Lambda's {limit.value} MB ({parts}{unknown})",
               f"largest: {shown}; leave out what the runtime provides, move data to S3 or "
               f"EFS, or ship a container image (up to 10 GB); limits: {limit.source}")


def _check_zipped(ctx: RuleContext, construct: Function | Layer, tree: Tree, what: str) -> None:
    limit = q.PACKAGE_ZIPPED_DIRECT_UPLOAD_MAX_MB.value * MB
    if tree.unzipped_bytes > q.PACKAGE_UNZIPPED_MAX_MB.value * MB:
        return  # LK404 says more; zipping it all would only slow the check down
    if ctx.acknowledged("LK405", construct):
        return  # deployed through S3: not worth the slow deflate of every file
    zipped = tree.zipped_size(limit)
    if zipped > limit:
        ctx.report("LK405", construct,
                   f"{what} {tree.label!r} zips to {megabytes(zipped)}, more than the "
                   f"{q.PACKAGE_ZIPPED_DIRECT_UPLOAD_MAX_MB.value} MB Lambda takes in a direct "
                   "upload", S3_UPLOAD_HINT)


def _content_kind(path: Path) -> PackageKind | None:
    """A layer's content as a function's package counts it: a directory, or any file as a zip
    (LK403 reports other content at the layer)."""
    if path.is_dir():
        return "directory"
    return "archive" if path.is_file() else None


def _tree(ctx: RuleContext, label: str, path: Path, kind: PackageKind) -> Tree:
    """Measured once per check, however many functions share the directory."""
    key = f"package_size:{path}"
    tree = ctx.memo.get(key)
    if tree is None:
        tree = ctx.memo[key] = measure(label, path, kind)
    assert isinstance(tree, Tree)
    return tree


def _shown(path: Path) -> str:
    return display_path(str(path))
