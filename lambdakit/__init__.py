"""lambdakit: typed AWS Lambda applications compiled to secure, validated SAM templates.

    from lambdakit import App, Function, synth
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lambdakit.errors import Diagnostic, LambdakitError
from lambdakit.model import App, Function, Logging, Ref
from lambdakit.synth import synth, synthesize

if TYPE_CHECKING:
    from lambdakit.validate import validate

__all__ = [
    "App",
    "Diagnostic",
    "Function",
    "LambdakitError",
    "Logging",
    "Ref",
    "synth",
    "synthesize",
    "validate",
]


def __getattr__(name: str) -> object:
    # `validate` pulls in aws-sam-translator and cfn-lint: import it only when asked for.
    if name == "validate":
        from lambdakit.validate import validate

        return validate
    raise AttributeError(name)
