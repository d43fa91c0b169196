"""How a function's code is packaged: a .zip built from `code` (with `handler` and `runtime`),
or a container image (`image_uri`), which holds the code, the runtime and the handler itself.

A function is one or the other; the fields of the other kind are refused, so a template never
carries a `Handler` Lambda would ignore or reject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic_core import PydanticCustomError

if TYPE_CHECKING:
    from lambdakit.model.function import Function

ZIP_FIELDS = ("code", "handler", "runtime")
IMAGE_FIELDS = ("image_command", "image_entry_point", "image_working_directory")
# Lambda: "Functions defined as container images do not support layers"; code signing, runtime
# management and SnapStart are for .zip functions too (an image's runtime is the image's).
NOT_FOR_IMAGES = (*ZIP_FIELDS, "layers", "code_signing_config_arn", "runtime_updates",
                  "runtime_version_arn", "snap_start")


def check_package(fn: Function) -> Function:
    """A pydantic after-validator of `Function`. pydantic runs it again when a function is
    given to another construct (`App(functions=[...])`): a placeholder left by invalid input is
    already reported."""
    if fn.broken:
        return fn
    if fn.image_uri is None:
        missing = [name for name in ZIP_FIELDS if getattr(fn, name) is None]
        if missing:
            fields = ", ".join(map(repr, missing))
            raise PydanticCustomError(
                "LK001", "missing required field{s} {fields}",
                {"s": "s" if len(missing) > 1 else "", "fields": fields,
                 "hint": f"pass {'=..., '.join(missing)}=..., or image_uri=... for a function "
                         "packaged as a container image"})
        given = [name for name in IMAGE_FIELDS if getattr(fn, name) is not None]
        if given:
            raise PydanticCustomError(
                "LK420", "{fields} {verb} only to a container image",
                {"fields": ", ".join(given), "verb": "apply" if len(given) > 1 else "applies",
                 "hint": "set image_uri=... to package the function as an image, or remove "
                         f"{', '.join(given)}"})
        return fn
    given = [name for name in NOT_FOR_IMAGES if getattr(fn, name)]
    if given:
        raise PydanticCustomError(
            "LK420", "{fields} {verb} not apply to a container image: the image holds the "
                     "code, the runtime and the handler",
            {"fields": ", ".join(given), "verb": "do" if len(given) > 1 else "does",
             "hint": f"remove {', '.join(given)}; override the image's CMD with "
                     "image_command=[...] (e.g. ['app.handler']), and put what layers held "
                     "into the image"})
    return fn
