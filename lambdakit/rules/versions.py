"""Versions and aliases (`alias`), and SnapStart, which applies to published versions only."""

from __future__ import annotations

import re

from lambdakit.limits import quotas as q
from lambdakit.limits.naming import NAME_RULES
from lambdakit.limits.runtimes import RUNTIMES, SNAPSTART_SOURCE
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext

ALIAS_NAME = re.compile(NAME_RULES["alias"].pattern)
ALIAS_SOURCE = "https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html"


def check_versions(ctx: RuleContext, fn: Function) -> None:
    if fn.alias is not None and not ALIAS_NAME.match(fn.alias):
        ctx.report("LK430", fn, f"alias {fn.alias!r} is not an alias name",
                   f"{NAME_RULES['alias'].described}, e.g. alias='live'; see {ALIAS_SOURCE}")
    if not fn.snap_start:
        return
    runtime = RUNTIMES.get(fn.runtime or "")
    if runtime is not None and not runtime.snapstart:
        supported = sorted(name for name, r in RUNTIMES.items() if r.snapstart
                           and not r.container_only and (r.deprecated is None
                                                         or r.deprecated > ctx.today))
        ctx.report("LK431", fn, f"SnapStart does not support the runtime {runtime.name}",
                   f"runtimes with SnapStart: {', '.join(supported)}; see {SNAPSTART_SOURCE}")
    excluded = []
    if fn.provisioned_concurrency is not None:
        excluded.append("provisioned concurrency")
    if fn.file_system is not None:
        excluded.append("an EFS file system")
    most = q.EPHEMERAL_STORAGE_MIN_MB.value
    if fn.ephemeral_storage is not None and fn.ephemeral_storage > most:
        excluded.append(f"ephemeral storage above {most} MB (got {fn.ephemeral_storage})")
    if excluded:
        ctx.report("LK432", fn, f"SnapStart cannot be used with {' or '.join(excluded)}",
                   f"drop snap_start=True, or the {_excluded_setting(fn)} setting; see "
                   f"{SNAPSTART_SOURCE}")
    if fn.alias is None:
        ctx.report("LK433", fn, "snap_start=True takes effect only on published versions, and "
                                "this function publishes none",
                   "set alias='live': each deploy then publishes a version, with its snapshot, "
                   "and the alias (which event sources invoke) points at it")


def _excluded_setting(fn: Function) -> str:
    if fn.provisioned_concurrency is not None:
        return "provisioned_concurrency"
    return "file system" if fn.file_system else "storage"
