"""S3 event sources: an owned bucket, known event types, no overlapping notifications, no
dependency cycle, and no loop through the function's own writes."""

from __future__ import annotations

import difflib
from collections.abc import Callable

from lambdakit.events.s3 import S3_EVENT_TYPES, S3Event, generated_bucket_prefix
from lambdakit.limits import quotas as q
from lambdakit.model import Bucket, Function, Grant
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.chains import writers_of

# Which event types an access can cause: a write creates objects, a delete removes them.
CAUSED_BY = {"write": "s3:ObjectCreated:", "delete": "s3:ObjectRemoved:"}


def check_s3_event(ctx: RuleContext, fn: Function, source: S3Event) -> None:
    bucket = source.bucket
    if bucket.is_existing:
        ctx.report("LK301", source,
                   f"S3 events need a bucket the app owns: the notification is written into "
                   f"the bucket's own resource, and {bucket.id} is an existing bucket",
                   f"declare the bucket in the app (Bucket(id={bucket.id!r}, ...)), or have the "
                   "bucket's owner send its notifications to a Topic or an EventBridge bus and "
                   "subscribe the function to that; " + q.SAM_S3_EVENT, owner=fn)
        return
    _check_event_types(ctx, source)
    _check_filters(ctx, source)
    _check_environment(ctx, fn, source)
    _check_recursion(ctx, fn, source)


def _check_event_types(ctx: RuleContext, source: S3Event) -> None:
    if not source.events:
        ctx.report("LK360", source, "events is empty: the notification would never fire",
                   "leave events unset for s3:ObjectCreated:*, or name the event types")
    for event in source.events:
        if event not in S3_EVENT_TYPES:
            close = difflib.get_close_matches(event, S3_EVENT_TYPES, n=1)
            ctx.report("LK360", source, f"{event!r} is not an S3 event type",
                       (f"did you mean {close[0]!r}? " if close else "")
                       + f"see {q.S3_EVENT_TYPES_DOC}")


def _check_filters(ctx: RuleContext, source: S3Event) -> None:
    longest = q.S3_KEY_MAX_BYTES.value
    for field in ("prefix", "suffix"):
        value = getattr(source, field)
        if value is not None and not 0 < len(value.encode()) <= longest:
            ctx.report("LK360", source,
                       f"{field} must be 1–{longest} bytes, the longest object key "
                       f"(got {len(value.encode())})",
                       f"leave {field} unset to match every key; {q.S3_KEY_MAX_BYTES.source}")


def _check_environment(ctx: RuleContext, fn: Function, source: S3Event) -> None:
    """The bucket is created after the function (S3 checks the invoke permission when the
    notification is written), so the function cannot hold the bucket's name at creation."""
    for name, value in sorted(fn.environment.items()):
        if not isinstance(value, str) and value.target is source.bucket:
            ctx.report("LK362", source,
                       f"{fn.id}'s environment variable {name} names {source.bucket.id}, the "
                       f"bucket that triggers it: the bucket is created after the function, so "
                       "CloudFormation finds a circular dependency",
                       "read the bucket's name from the event (Records[0].s3.bucket.name), or "
                       "give the bucket a name= and pass that name as a plain string",
                       owner=fn)


def _check_recursion(ctx: RuleContext, fn: Function, source: S3Event) -> None:
    if fn.allow_recursive_loop:
        return  # allowed with a reason (LK170 reports one without)
    for writer, grant in writers_of(ctx.app, fn):
        if grant.resource is not source.bucket or not _causes(grant, source):
            continue
        if _disjoint(grant.prefix, source.prefix):
            continue
        via = "" if writer is fn else f" through {writer.id} (which {fn.id} starts)"
        under = f" under {grant.prefix!r}" if grant.prefix else ""
        ctx.report("LK361", source,
                   f"{fn.id} is triggered by {source.bucket.id} and writes to it{under}{via} "
                   f"({grant.describe()} at {grant.origin.display()}): each write can trigger "
                   "it again, in a loop",
                   "write under a prefix the trigger does not match (write(prefix='out/') with "
                   "prefix='in/'), or to another bucket; if the loop is intended, set "
                   "allow_recursive_loop='why it ends'", owner=fn)
        return


def _causes(grant: Grant, source: S3Event) -> bool:
    cause = CAUSED_BY.get(grant.access)
    return cause is not None and any(e.startswith(cause) for e in source.events)


def _disjoint(write_prefix: str | None, trigger_prefix: str | None) -> bool:
    """Whether no key the grant may write can match the trigger. Only prefixes can prove it:
    a grant writes `prefix*`, any suffix, so a trigger's suffix never excludes its writes."""
    if not write_prefix or not trigger_prefix:
        return False
    return not (write_prefix.startswith(trigger_prefix) or trigger_prefix.startswith(write_prefix))


def check_overlapping_notifications(ctx: RuleContext, functions: list[Function]) -> None:
    """S3 refuses a notification configuration whose rules overlap for one event type."""
    seen: dict[int, list[S3Event]] = {}
    for fn in functions:
        for source in fn.live_events():
            if not isinstance(source, S3Event) or source.bucket.is_existing:
                continue
            earlier = seen.setdefault(id(source.bucket), [])
            clash = next((other for other in earlier if _overlap(other, source)), None)
            if clash is not None:
                ctx.report("LK363", source,
                           f"this notification of {source.bucket.id} overlaps the one at "
                           f"{clash.origin.display()}: S3 refuses overlapping configurations "
                           "for the same event type",
                           "give them prefixes or suffixes that cannot match the same key, or "
                           "notify one function that fans out (a Topic); "
                           + q.S3_NOTIFICATION_OVERLAP_DOC, owner=fn)
            earlier.append(source)


def _overlap(a: S3Event, b: S3Event) -> bool:
    return (_types_overlap(a.events, b.events)
            and _affixes_overlap(a.prefix, b.prefix, str.startswith)
            and _affixes_overlap(a.suffix, b.suffix, str.endswith))


def _types_overlap(first: list[str], second: list[str]) -> bool:
    def covers(x: str, y: str) -> bool:
        return x == y or (x.endswith("*") and y.startswith(x[:-1]))

    return any(covers(x, y) or covers(y, x) for x in first for y in second)


def _affixes_overlap(a: str | None, b: str | None, extends: Callable[[str, str], bool]) -> bool:
    """Whether some key can carry both: always when either is unset, else when one extends
    the other (`images/` and `images/2026/`; `.png` and `thumb.png`)."""
    if not a or not b:
        return True
    return extends(a, b) or extends(b, a)


def check_generated_bucket_names(ctx: RuleContext, functions: list[Function]) -> None:
    """An unnamed bucket that notifies functions is named `<prefix>-<stack UUID>` from its id:
    two ids with one prefix (the same first 26 characters, ignoring case) would share a name,
    and S3 would refuse the second bucket."""
    first_of: dict[str, Bucket] = {}
    reported: set[int] = set()
    for fn in functions:
        for source in fn.live_events():
            bucket = source.bucket if isinstance(source, S3Event) else None
            if bucket is None or bucket.is_existing or bucket.name or id(bucket) in reported:
                continue
            prefix = generated_bucket_prefix(bucket)
            first = first_of.setdefault(prefix, bucket)
            if first is not bucket:
                reported.add(id(bucket))
                ctx.report("LK202", bucket,
                           f"{bucket.id} would be named '{prefix}-<stack UUID>', as "
                           f"{first.id} (at {first.origin.display()}) is: a bucket that "
                           "notifies functions is named from its id before it exists",
                           "give one of them a name=, or an id whose first 26 characters "
                           "differ from the other's in more than case")


def check_buckets(ctx: RuleContext, functions: list[Function]) -> None:
    """Across the app's S3 sources: notifications that overlap, generated names that clash."""
    check_overlapping_notifications(ctx, functions)
    check_generated_bucket_names(ctx, functions)


# How rules/events finds this family's checks.
check_source = check_s3_event
check_family = check_buckets
