"""Run a function's handler on this machine, without Docker: `lambdakit invoke` and
`lambdakit event`.

Only Python handlers run, in this process, with the function's code directory, environment and
a Lambda-like context; references to other resources are replaced by placeholders. IAM, VPC,
layers and the concurrency of a real execution environment are not emulated. Imports the model
(and the sample-event stand-ins of `lambdakit.events`), never the compiler or AWS SDKs.
"""

from lambdakit.local.choose import LocalUsageError, find_function, find_source, sample_event
from lambdakit.local.context import Identity, LambdaContext
from lambdakit.local.runner import Invocation, NotRunnable, invoke_locally

__all__ = [
    "Identity",
    "Invocation",
    "LambdaContext",
    "LocalUsageError",
    "NotRunnable",
    "find_function",
    "find_source",
    "invoke_locally",
    "sample_event",
]
