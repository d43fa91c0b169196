"""The environment variables of one local invocation: the function's own, then what Lambda
sets, then the caller's overrides."""

from __future__ import annotations

from pathlib import Path

from lambdakit.events._samples import SAMPLE_REGION
from lambdakit.local.context import Identity
from lambdakit.local.placeholders import reference_value
from lambdakit.model import Function


def function_environment(fn: Function) -> dict[str, str]:
    """`fn.environment`, references replaced by the value a deploy would give them (see
    `placeholders`)."""
    return {name: value if isinstance(value, str) else reference_value(value)
            for name, value in sorted(fn.environment.items())}


def lambda_environment(fn: Function, identity: Identity, task_root: Path) -> dict[str, str]:
    """What the Lambda runtime sets for every function (its reserved variables). Credentials
    are left alone: calls to AWS use the caller's own, not the function's role."""
    env = {
        "_HANDLER": fn.handler or "",
        "AWS_EXECUTION_ENV": f"AWS_Lambda_{fn.runtime}",
        "AWS_LAMBDA_FUNCTION_NAME": identity.function_name,
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(identity.memory_mb),
        "AWS_LAMBDA_FUNCTION_VERSION": identity.version,
        "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        "AWS_LAMBDA_LOG_GROUP_NAME": identity.log_group_name,
        "AWS_LAMBDA_LOG_STREAM_NAME": identity.log_stream_name,
        "AWS_REGION": SAMPLE_REGION,
        "AWS_DEFAULT_REGION": SAMPLE_REGION,
        "LAMBDA_TASK_ROOT": str(task_root),
        "TZ": ":UTC",
    }
    # Lambda passes the log settings to the runtime (and to Powertools) when logs are JSON.
    env["AWS_LAMBDA_LOG_FORMAT"] = fn.logging.format
    level = fn.logging.effective_application_level()
    if level is not None:
        env["AWS_LAMBDA_LOG_LEVEL"] = level
    return env


def invocation_environment(fn: Function, identity: Identity, task_root: Path,
                           overrides: dict[str, str] | None = None) -> dict[str, str]:
    return {**function_environment(fn), **lambda_environment(fn, identity, task_root),
            **(overrides or {})}
