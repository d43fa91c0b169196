"""Runtime, architecture, handler and code location of one function."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from lambdakit.errors import display_path
from lambdakit.limits import quotas as q
from lambdakit.limits.runtimes import RUNTIMES, SOURCE, Runtime, newer_than_table, version_key
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.package_size import PackageKind, package_kind

# Warn this long before AWS deprecates a runtime, so the upgrade is planned, not forced.
DEPRECATION_NOTICE_DAYS = 90
# Lambda's Python bootstrap imports the module by name with importlib, which accepts file names
# that are not identifiers (`kinesis-consumer-fn.handler`); the function must be an identifier.
PYTHON_HANDLER = re.compile(r"^[A-Za-z_][\w-]*([./][A-Za-z_][\w-]*)*\.[A-Za-z_]\w*$")
NODE_HANDLER = re.compile(r"^[\w./-]+\.[A-Za-z_$][\w$]*$")
NODE_EXTENSIONS = (".js", ".mjs", ".cjs")
HANDLER_PATTERNS = {"python": PYTHON_HANDLER, "nodejs": NODE_HANDLER}
HANDLER_EXAMPLES = {"python": "'app.handler' (module app.py, function handler)",
                    "nodejs": "'index.handler' (file index.mjs, export handler)"}
WHITESPACE = re.compile(r"\s")
# What a .zip function's `code` may name besides a directory.
CODE_ARCHIVES = (".zip", ".jar")


def check_code(ctx: RuleContext, fn: Function) -> None:
    if fn.runtime is None:  # a container image holds its runtime, handler and code (rules.image)
        return
    runtime = RUNTIMES.get(fn.runtime)
    newest = newer_than_table(fn.runtime) if runtime is None else None
    family = runtime.family if runtime else newest.family if newest else ""
    if newest is not None:
        ctx.report("LK124", fn, f"runtime {fn.runtime!r} is newer than lambdakit's runtime table "
                                f"(its newest {newest.family} runtime is {newest.name}): its "
                                "dates and architectures are not checked",
                   f"check that Lambda offers it in your Region ({SOURCE}); upgrade lambdakit "
                   "for a table that lists it, or acknowledge LK124")
    elif runtime is None:
        supported = sorted(name for name, r in RUNTIMES.items()
                           if not (_blocked(r, ctx) or r.container_only
                                   or (r.deprecated and r.deprecated <= ctx.today)))
        ctx.report("LK120", fn, f"unknown runtime {fn.runtime!r}",
                   f"supported now: {', '.join(supported)}")
    else:
        _check_lifecycle(ctx, fn, runtime)
        if fn.architecture not in runtime.architectures:
            ctx.report("LK123", fn,
                       f"runtime {runtime.name} does not run on {fn.architecture}",
                       f"use architecture={runtime.architectures[0]!r} or a newer runtime")
    location = fn.code_path()
    kind = code_kind(ctx, fn)
    if kind is None:
        ctx.report("LK133", fn, f"code location {str(fn.code)!r} not found "
                                f"(looked in {display_path(str(location))})",
                   "code paths are relative to the file that declares the function")
        return
    _check_handler(ctx, fn, family, location if kind == "directory" else None)


def code_kind(ctx: RuleContext, fn: Function) -> PackageKind | None:
    """What `fn.code` names on disk, looked up once per check: this rule and the package size
    rule both need it."""
    kinds: dict[Function, PackageKind | None] = ctx.memo.setdefault("code_kind", {})
    if fn not in kinds:
        kinds[fn] = package_kind(fn.code_path(), CODE_ARCHIVES)
    return kinds[fn]


def _blocked(runtime: Runtime, ctx: RuleContext) -> bool:
    return runtime.block_create is not None and ctx.today >= runtime.block_create


def _check_lifecycle(ctx: RuleContext, fn: Function, runtime: Runtime) -> None:
    if runtime.container_only:
        ctx.report("LK122", fn, f"runtime {runtime.name} exists only as a container base image",
                   _upgrade_hint(runtime, ctx.today))
    elif _blocked(runtime, ctx):
        ctx.report("LK122", fn,
                   f"runtime {runtime.name} cannot be used for new functions since "
                   f"{runtime.block_create}{_update_block(runtime, ctx.today)}",
                   _upgrade_hint(runtime, ctx.today))
    elif runtime.deprecated is not None:
        days_left = (runtime.deprecated - ctx.today).days
        if days_left <= 0:
            ctx.report("LK121", fn, f"runtime {runtime.name} is deprecated since "
                                    f"{runtime.deprecated}{_blocks(runtime)}",
                       _upgrade_hint(runtime, ctx.today))
        elif days_left <= DEPRECATION_NOTICE_DAYS:
            ctx.report("LK121", fn, f"runtime {runtime.name} is deprecated on "
                                    f"{runtime.deprecated}, in {days_left} days"
                                    f"{_blocks(runtime)}",
                       _upgrade_hint(runtime, ctx.today))


def _blocks(runtime: Runtime) -> str:
    """When Lambda stops creating and updating functions with a deprecated runtime: what a
    deprecation warning must say, since that is when deploys start failing."""
    create, update = runtime.block_create, runtime.block_update
    if create is None and update is None:
        return "; AWS has not scheduled when creating or updating its functions is blocked"
    if create == update:
        return f"; creating and updating its functions is blocked from {create}"
    return (f"; creating its functions is blocked from {create or 'a date not yet scheduled'}, "
            f"updating them from {update or 'a date not yet scheduled'}")


def _update_block(runtime: Runtime, today: dt.date) -> str:
    update = runtime.block_update
    if update is None:
        return "; updating its functions is not blocked yet"
    return f"; updating its functions is blocked {'since' if update <= today else 'from'} {update}"


def _upgrade_hint(runtime: Runtime, today: dt.date) -> str:
    """Built only when reported: most functions use a current runtime."""
    successor = _successor(runtime, today)
    upgrade = f"upgrade to {successor}" if successor else "upgrade to a supported runtime"
    return f"{upgrade} ({SOURCE})"


def _successor(runtime: Runtime, today: dt.date) -> str | None:
    """The newest runtime of the same family that is not deprecated today."""
    candidates = [r for r in RUNTIMES.values()
                  if r.family == runtime.family and not r.container_only
                  and (r.deprecated is None or r.deprecated > today)]
    if not candidates:
        return None
    return max(candidates, key=lambda r: version_key(r.name)).name


def _check_handler(ctx: RuleContext, fn: Function, family: str,
                   directory: Path | None) -> None:
    """The handler's syntax for the runtime's `family` ("" when unknown), and its module in
    `directory` (None: the code is an archive)."""
    handler = fn.handler
    pattern = HANDLER_PATTERNS.get(family)
    if (not handler or len(handler) > q.HANDLER_MAX_CHARS.value or WHITESPACE.search(handler)
            or (pattern is not None and not pattern.match(handler))):
        ctx.report("LK132", fn, f"handler {handler!r} is not a valid {family or 'Lambda'} handler",
                   f"expected {HANDLER_EXAMPLES.get(family, 'a non-empty name without spaces')}")
        return
    if directory is not None and family in ("python", "nodejs"):
        module = handler.rsplit(".", 1)[0].replace(".", "/") if family == "python" \
            else handler.rsplit(".", 1)[0]
        candidates = ([f"{module}.py", f"{module}/__init__.py"] if family == "python"
                      else [module + ext for ext in NODE_EXTENSIONS])
        # os.path on strings: a pathlib object per candidate costs more than its stat.
        root = str(directory)
        if not any(os.path.isfile(os.path.join(root, candidate)) for candidate in candidates):
            ctx.report("LK134", fn,
                       f"handler module for {handler!r} not found in {str(fn.code)!r} "
                       f"(looked for {' or '.join(candidates)})",
                       "fix the handler or the code path; acknowledge the warning if a build "
                       "step creates the file")
