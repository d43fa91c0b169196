"""lambdakit: typed AWS Lambda applications compiled to secure, validated SAM templates.

    from lambdakit import App, Function, synth

Every name below is imported on first use (PEP 562), so `import lambdakit.cli` or
`import lambdakit.errors` does not pay for pydantic and the whole pipeline: the command line
can tune the process before the constructs load. `from lambdakit import App` works as usual.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lambdakit.errors import Diagnostic, LambdakitError
    from lambdakit.explanation import ExplainRow, explain
    from lambdakit.model import (
        AllAtOnce,
        App,
        Bucket,
        Canary,
        EfsMount,
        EventBus,
        Function,
        Imported,
        Index,
        Key,
        Layer,
        Linear,
        Logging,
        Parameter,
        ProvisionedConcurrency,
        Queue,
        Ref,
        ScheduledCapacity,
        Secret,
        StateMachine,
        Statement,
        Stream,
        StreamConsumer,
        Table,
        Topic,
        UserPool,
        Vpc,
    )
    from lambdakit.synthesis import synth, synthesize
    from lambdakit.validation import validate

__all__ = [
    "AllAtOnce",
    "App",
    "Bucket",
    "Canary",
    "Diagnostic",
    "EfsMount",
    "EventBus",
    "ExplainRow",
    "Function",
    "Imported",
    "Index",
    "Key",
    "LambdakitError",
    "Layer",
    "Linear",
    "Logging",
    "Parameter",
    "ProvisionedConcurrency",
    "Queue",
    "Ref",
    "ScheduledCapacity",
    "Secret",
    "StateMachine",
    "Statement",
    "Stream",
    "StreamConsumer",
    "Table",
    "Topic",
    "UserPool",
    "Vpc",
    "explain",
    "synth",
    "synthesize",
    "validate",
]

# Where each public name is defined. `validate` pulls in aws-sam-translator and cfn-lint, so it
# in particular must wait until asked for.
_HOME: dict[str, str] = {
    **dict.fromkeys(__all__, "lambdakit.model"),
    "Diagnostic": "lambdakit.errors",
    "LambdakitError": "lambdakit.errors",
    "ExplainRow": "lambdakit.explanation",
    "explain": "lambdakit.explanation",
    "synth": "lambdakit.synthesis",
    "synthesize": "lambdakit.synthesis",
    "validate": "lambdakit.validation",
}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'lambdakit' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME})
