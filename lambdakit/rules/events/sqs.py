"""SQS event sources: batch and window limits, FIFO limits, visibility versus timeout."""

from __future__ import annotations

from lambdakit.events import SqsEvent
from lambdakit.limits import quotas as q
from lambdakit.model import Function
from lambdakit.plan.queues import recommended_visibility, sqs_pollers
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.common import check_filters


def check_sqs_event(ctx: RuleContext, fn: Function, source: SqsEvent) -> None:
    queue = source.queue
    _check_batching(ctx, source)
    concurrency = source.maximum_concurrency
    low, high = q.SQS_MAXIMUM_CONCURRENCY_MIN, q.SQS_MAXIMUM_CONCURRENCY_MAX
    if concurrency is not None and not low.value <= concurrency <= high.value:
        ctx.report("LK314", source,
                   f"maximum_concurrency must be {low.value}–{high.value} (got {concurrency})",
                   f"or leave it unset to let Lambda scale up to the function's concurrency; "
                   f"{high.source}")
    check_filters(ctx, source, source.filters)
    if queue.is_existing or queue.broken:
        return  # its visibility timeout is not ours to know
    window = source.batching_window
    if queue.visibility_timeout is None:
        return  # derived from its consumers (`visibility_timeout`), so always enough
    if fn.timeout > queue.visibility_timeout:
        ctx.report("LK312", source,
                   f"{fn.id} may run {fn.timeout} s, longer than {queue.id}'s visibility "
                   f"timeout of {queue.visibility_timeout} s: Lambda refuses the mapping",
                   f"leave visibility_timeout unset on {queue.id} to have it derived (six times "
                   f"the timeout plus the batching window: {recommended_visibility(fn, window)} s)",
                   owner=fn)
    elif queue.visibility_timeout < recommended_visibility(fn, window):
        ctx.report("LK313", source,
                   f"the visibility timeout of {queue.id} is {queue.visibility_timeout} s, under "
                   f"{q.SQS_VISIBILITY_FACTOR.value} × {fn.id}'s timeout of {fn.timeout} s"
                   f"{f' + the {window} s batching window' if window else ''}: a throttled "
                   "batch becomes visible again and is received twice",
                   f"set visibility_timeout={recommended_visibility(fn, window)} on {queue.id}, "
                   f"or leave it unset to have it derived; {q.SQS_VISIBILITY_FACTOR.source}",
                   owner=fn)


def _check_batching(ctx: RuleContext, source: SqsEvent) -> None:
    fifo = source.queue.fifo
    size, window = source.batch_size, source.batching_window
    most = (q.SQS_FIFO_BATCH_SIZE_MAX if fifo else q.SQS_BATCH_SIZE_MAX).value
    if not 1 <= size <= most:
        kind = "a FIFO queue" if fifo else "a standard queue"
        ctx.report("LK310", source, f"batch_size must be 1–{most} for {kind} (got {size})",
                   f"set batch_size={min(max(size, 1), most)} or less; "
                   f"{q.LAMBDA_SQS_PARAMETERS}")
    window_max = q.BATCHING_WINDOW_MAX_S.value
    if not 0 <= window <= window_max:
        ctx.report("LK311", source,
                   f"batching_window must be 0–{window_max} s (got {window})",
                   q.BATCHING_WINDOW_MAX_S.source)
    elif fifo and window:
        ctx.report("LK311", source,
                   f"{source.queue.id} is a FIFO queue: Lambda supports no batching window "
                   f"for FIFO queues (got batching_window={window})",
                   f"remove batching_window; {q.LAMBDA_SQS_PARAMETERS}")
    elif not fifo and size > q.SQS_UNBATCHED_BATCH_SIZE_MAX.value and window < 1:
        ctx.report("LK311", source,
                   f"batch_size={size} needs a batching window: without one Lambda sends "
                   f"at most {q.SQS_UNBATCHED_BATCH_SIZE_MAX.value} messages per batch",
                   "set batching_window=1 or more (seconds Lambda may wait to fill a batch)")


def check_shared_queues(ctx: RuleContext, functions: list[Function]) -> None:
    """Two mappings on one queue split its messages between the functions at random."""
    readers: dict[int, list[tuple[Function, SqsEvent]]] = {}
    for fn in functions:
        for source in sqs_pollers(fn):
            if source.enabled:
                readers.setdefault(id(source.queue), []).append((fn, source))
    for pairs in readers.values():
        first_fn = pairs[0][0]
        for fn, source in pairs[1:]:
            if fn is first_fn:
                continue  # one function twice on one queue: LK300 or a deliberate split
            ctx.report("LK316", source,
                       f"{source.queue.id} is also read by {first_fn.id}: each message goes "
                       "to only one of them, whichever polls first",
                       "to give every message to both functions, publish to a Topic and "
                       "subscribe a queue per function", owner=fn)


# How rules/events finds this family's checks.
check_source = check_sqs_event
check_family = check_shared_queues
