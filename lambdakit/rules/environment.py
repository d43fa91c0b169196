"""Environment variables: the 4 KB budget, reserved and malformed names, literal secrets."""

from __future__ import annotations

import json
import re

from lambdakit.limits import quotas as q
from lambdakit.model import Function, Ref
from lambdakit.plan.secrets import named_secret, resolved_secret, secret_shape
from lambdakit.rules.context import RuleContext

ENV_VAR_NAME = re.compile(q.ENV_VAR_NAME_PATTERN)
# Compact JSON as Lambda measures it, from one encoder rather than one per function.
_COMPACT_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode

SECRET_HINT = ("keep the value in Secrets Manager or SSM Parameter Store and pass its ARN or "
               "name instead (e.g. DB_PASSWORD_SECRET_ARN), then read it at run time")
RESOLVED_SECRET_HINT = ("pass the secret's ARN instead (e.g. a Secret or Parameter construct, "
                        "or DB_PASSWORD_SECRET_ARN) and read the value at run time")


def check_environment(ctx: RuleContext, fn: Function) -> None:
    env = fn.environment
    for name, value in sorted(env.items()):
        if name in q.RESERVED_ENV_VARS:
            ctx.report("LK111", fn, f"environment variable {name!r} is reserved by Lambda",
                       f"Lambda sets it itself; rename the variable ({q.RESERVED_ENV_VARS_SOURCE})")
        elif not ENV_VAR_NAME.fullmatch(name):
            ctx.report("LK112", fn,
                       f"environment variable name {name!r} must start with a letter and hold "
                       "only letters, digits and underscores, at least 2 characters",
                       f"rename it, e.g. {_valid_env_name(name)!r} "
                       f"(Lambda's pattern is {q.ENV_VAR_NAME_PATTERN})")
        if isinstance(value, str):
            _check_secret(ctx, fn, name, value)
    size = environment_size(env)
    limit = q.ENVIRONMENT_MAX_BYTES.value
    if size > limit:
        largest = sorted(env, key=lambda k: (-_entry_size(k, env[k]), k))[:3]
        ctx.report("LK110", fn,
                   f"environment variables take {size} bytes, Lambda allows {limit} "
                   "(measured as Lambda does: one JSON object, references at their largest)",
                   f"largest: {', '.join(largest)}; move large values to SSM Parameter Store or "
                   "S3 and pass their name")


def _valid_env_name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_]", "_", name).lstrip("_0123456789")
    return cleaned if len(cleaned) >= 2 else f"VAR_{cleaned}".rstrip("_")


def environment_size(env: dict[str, str | Ref]) -> int:
    """Bytes as Lambda measures them: the variables as one compact JSON object, UTF-8
    (its error quotes "String measured: {...}"), references at their largest value."""
    worst = {name: "x" * value.max_bytes if isinstance(value, Ref) else value
             for name, value in env.items()}
    return len(_COMPACT_JSON(worst).encode())


def _entry_size(name: str, value: str | Ref) -> int:
    value_bytes = value.max_bytes if isinstance(value, Ref) else len(value.encode())
    return len(name.encode()) + value_bytes


def _check_secret(ctx: RuleContext, fn: Function, name: str, value: str) -> None:
    service = resolved_secret(value)
    if service:
        ctx.report("LK114", fn,
                   f"environment variable {name!r} resolves a {service} secret at deploy time: "
                   "its plain text lands in the function's configuration, readable by anyone "
                   "who can read the configuration", RESOLVED_SECRET_HINT)
        return
    kind = secret_shape(value)
    if kind or named_secret(name, value):
        what = f"holds {kind}" if kind else "holds a literal secret"
        ctx.report("LK113", fn,
                   f"environment variable {name!r} {what}; anyone who can read the function "
                   "configuration or the template can read it", SECRET_HINT)
