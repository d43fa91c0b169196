"""lambdakit: typed AWS Lambda applications compiled to secure, validated SAM templates.

    from lambdakit import App, Function, synth
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lambdakit.errors import Diagnostic, LambdakitError
from lambdakit.explain import ExplainRow, explain
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
from lambdakit.synth import synth, synthesize

if TYPE_CHECKING:
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


def __getattr__(name: str) -> object:
    # `validate` pulls in aws-sam-translator and cfn-lint: import it only when asked for.
    if name == "validate":
        from lambdakit.validation import validate

        return validate
    raise AttributeError(name)
