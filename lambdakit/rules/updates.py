"""How a .zip function's code and runtime may change: code signing and runtime updates."""

from __future__ import annotations

from lambdakit.limits.arns import CODE_SIGNING_CONFIG_ARN, RUNTIME_VERSION_ARN
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext

RUNTIME_UPDATES_SOURCE = "https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html"


def check_updates(ctx: RuleContext, fn: Function) -> None:
    arn = fn.code_signing_config_arn
    if arn is not None and not CODE_SIGNING_CONFIG_ARN.match(arn):
        ctx.report("LK010", fn, f"code_signing_config_arn {arn!r} is not a code signing "
                                "configuration ARN",
                   "arn:aws:lambda:REGION:ACCOUNT:code-signing-config:csc-... (aws lambda "
                   "list-code-signing-configs)")
    version = fn.runtime_version_arn
    if fn.runtime_updates == "manual" and version is None:
        ctx.report("LK425", fn, "runtime_updates='manual' needs runtime_version_arn, the "
                                "runtime version to stay on",
                   "copy it from the function's INIT_START log line (Runtime Version ARN), or "
                   f"use 'function_update'; see {RUNTIME_UPDATES_SOURCE}")
    elif version is not None and fn.runtime_updates != "manual":
        ctx.report("LK425", fn, "runtime_version_arn applies only with runtime_updates='manual'",
                   "set runtime_updates='manual' to pin that version, or remove "
                   "runtime_version_arn")
    if version is not None and not RUNTIME_VERSION_ARN.match(version):
        ctx.report("LK010", fn, f"runtime_version_arn {version!r} is not a runtime version ARN",
                   "arn:aws:lambda:REGION::runtime:HASH, as the INIT_START log line shows it")
