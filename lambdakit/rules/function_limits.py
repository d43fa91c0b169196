"""Numeric limits of one function: memory, timeout, storage, names, tags, log retention."""

from __future__ import annotations

import re

from lambdakit.limits import quotas as q
from lambdakit.model import Construct, Function
from lambdakit.rules.context import RuleContext

# SAM adds its own `lambda:createdBy` tag to every function, which counts against the limit.
SAM_ADDED_TAGS = 1
TAG_PUNCTUATION = "_.:/=+-@"  # besides letters, digits and spaces (AWS tagging rules)
# The same in one match, for the usual tag: `\w` is what `str.isalnum()` takes, and "_".
TAG_TEXT = re.compile(r"[\w .:/=+@-]*")


def check_limits(ctx: RuleContext, fn: Function) -> None:
    _in_range(ctx, fn, "LK101", "memory", fn.memory,
              low=q.MEMORY_MIN_MB, high=q.MEMORY_MAX_MB,
              hint="Lambda offers no more; split the work, or use a container service")
    _in_range(ctx, fn, "LK104", "timeout", fn.timeout,
              low=q.TIMEOUT_MIN_S, high=q.TIMEOUT_MAX_S,
              hint="split longer work into steps with Step Functions, or use a container service")
    if fn.ephemeral_storage is not None:
        _in_range(ctx, fn, "LK105", "ephemeral_storage", fn.ephemeral_storage,
                  low=q.EPHEMERAL_STORAGE_MIN_MB, high=q.EPHEMERAL_STORAGE_MAX_MB,
                  hint="for more scratch space mount EFS")
    _check_names(ctx, fn)
    _check_tags(ctx, fn)
    _check_logging(ctx, fn)
    if fn.allow_recursive_loop is not None and not fn.allow_recursive_loop.strip():
        ctx.report("LK170", fn, "allow_recursive_loop needs the reason the loop is intended",
                   'allow_recursive_loop="why this function may re-trigger itself"')


def _in_range(ctx: RuleContext, fn: Function, code: str, field: str, value: int, *,
              low: q.Quota, high: q.Quota, hint: str) -> None:
    """`hint` is advice for a value above the range; both sides name the range itself."""
    if low.value <= value <= high.value:
        return
    allowed = f"use {low.value}–{high.value} {high.unit}"
    if value < low.value:
        ctx.report(code, fn, f"{field} must be ≥ {low.value} {low.unit} (got {value})",
                   f"{allowed}; limits: {low.source}")
    else:
        ctx.report(code, fn, f"{field} must be ≤ {high.value} {high.unit} (got {value})",
                   f"{allowed}; {hint}; limits: {high.source}")


def _valid_function_name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")[:q.FUNCTION_NAME_MAX_CHARS.value]
    return cleaned or "order-worker"


def _check_names(ctx: RuleContext, fn: Function) -> None:
    name = fn.function_name
    if name is not None:
        limit = q.FUNCTION_NAME_MAX_CHARS.value
        if not re.fullmatch(q.FUNCTION_NAME_PATTERN, name) or len(name) > limit:
            ctx.report("LK130", fn,
                       f"function_name must be 1–{limit} letters, digits, hyphens or "
                       f"underscores (got {name!r})",
                       f"e.g. function_name={_valid_function_name(name)!r}, or leave it unset "
                       "and let CloudFormation name it, which also lets the stack be deployed "
                       "twice in one account")
    description = fn.description
    limit = q.DESCRIPTION_MAX_CHARS.value
    if description is not None and len(description) > limit:
        ctx.report("LK131", fn,
                   f"description must be ≤ {limit} characters (got {len(description)})",
                   "move long documentation into the code or the README")


def check_tag_entries(ctx: RuleContext, owner: Construct, tags: dict[str, str]) -> None:
    """Tag sizes, and the `aws:` prefix AWS keeps for itself."""
    for key, value in sorted(tags.items()):
        if key.lower().startswith("aws:"):
            ctx.report("LK161", owner, f"tag key {key!r} uses the reserved prefix 'aws:'",
                       "AWS keeps the aws: prefix for its own tags; pick another prefix")
        if not 1 <= len(key) <= q.TAG_KEY_MAX_CHARS.value:
            ctx.report("LK160", owner,
                       f"tag key {key[:40]!r} must be 1–{q.TAG_KEY_MAX_CHARS.value} characters",
                       "shorten the key")
        if not TAG_TEXT.fullmatch(key + value):
            bad = sorted({c for c in key + value if not _tag_char(c)})
            ctx.report("LK160", owner,
                       f"tag {key!r} holds characters AWS does not allow in tags: "
                       f"{''.join(bad)!r}",
                       "tags allow letters, digits, spaces and _ . : / = + - @")
        if len(value) > q.TAG_VALUE_MAX_CHARS.value:
            ctx.report("LK160", owner,
                       f"tag {key!r} value must be ≤ {q.TAG_VALUE_MAX_CHARS.value} characters "
                       f"(got {len(value)})", "shorten the value")


def _tag_char(char: str) -> bool:
    return char.isalnum() or char == " " or char in TAG_PUNCTUATION


def _check_tags(ctx: RuleContext, fn: Function) -> None:
    check_tag_entries(ctx, fn, fn.tags)
    merged = {**ctx.app.tags, **fn.tags}
    limit = q.LAMBDA_TAGS_MAX.value - SAM_ADDED_TAGS
    if len(merged) > limit:
        ctx.report("LK160", fn,
                   f"{len(merged)} tags with the app's, at most {limit} fit (AWS allows "
                   f"{q.LAMBDA_TAGS_MAX.value} and SAM adds {SAM_ADDED_TAGS})",
                   "keep only tags used for cost allocation or access control")


def _check_logging(ctx: RuleContext, fn: Function) -> None:
    days = fn.logging.retention_days
    if days not in q.LOG_RETENTION_ALLOWED_DAYS:
        allowed = ", ".join(str(d) for d in q.LOG_RETENTION_ALLOWED_DAYS)
        nearest = min(q.LOG_RETENTION_ALLOWED_DAYS, key=lambda d: (abs(d - days), d))
        ctx.report("LK150", fn.logging,
                   f"retention_days must be one of CloudWatch Logs' values (got {days})",
                   f"nearest is {nearest}; accepted: {allowed}")
