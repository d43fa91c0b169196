"""EventBridge rules: patterns EventBridge accepts, and target settings within its limits."""

from __future__ import annotations

import difflib
import json
from typing import Any

from lambdakit.events.eventbridge import EventBridgeRule
from lambdakit.limits import quotas as q
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.retries import check_target_retries

# The fields of every event's envelope: a pattern's top level matches these.
ENVELOPE_FIELDS = ("version", "id", "detail-type", "source", "account", "time", "region",
                   "resources", "detail")


def check_eventbridge_rule(ctx: RuleContext, fn: Function, source: EventBridgeRule) -> None:
    check_pattern(ctx, source, source.pattern)
    _check_input(ctx, source)
    check_target_retries(ctx, source, source.retry_attempts, source.max_event_age, "LK367")
    queue = source.dead_letter_queue
    if queue is not None and queue.is_existing:
        ctx.report("LK301", source,
                   f"dead_letter_queue {queue.id} is an existing queue: EventBridge may send to "
                   "it only through a queue policy, which lambdakit writes into queues the app "
                   "owns", f"declare the queue in the app (Queue(id={queue.id!r}))", owner=fn)
    elif queue is not None and queue.fifo:
        ctx.report("LK367", source,
                   f"dead_letter_queue {queue.id} is a FIFO queue: EventBridge's dead-letter "
                   "queues are standard queues", "use a standard Queue; "
                   + q.EVENTBRIDGE_DLQ_DOC, owner=fn)
    elif queue is not None and queue.key is not None:
        ctx.report("LK367", source,
                   f"dead_letter_queue {queue.id} is encrypted with {queue.key.id}, whose key "
                   "policy lets only this account's IAM principals use it: EventBridge could "
                   "not write to the queue",
                   "leave key unset on the dead-letter queue (SQS-managed encryption); "
                   + q.EVENTBRIDGE_DLQ_DOC, owner=fn)


def check_pattern(ctx: RuleContext, source: EventBridgeRule, pattern: dict[str, Any]) -> None:
    where = q.EVENTBRIDGE_PATTERNS_DOC
    if not pattern:
        ctx.report("LK366", source, "pattern is empty: EventBridge requires at least one field",
                   'match on the event\'s source or detail-type, e.g. {"source": ["my.app"]}')
        return
    try:
        text = json.dumps(pattern, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as exc:
        ctx.report("LK366", source, f"pattern is not JSON: {exc}",
                   "use only dicts, lists, strings, numbers, booleans and None")
        return
    for key in pattern:
        if key not in ENVELOPE_FIELDS and key != "$or":
            close = difflib.get_close_matches(key, ENVELOPE_FIELDS, n=1)
            ctx.report("LK366", source,
                       f"pattern field {key!r} is not a field of an event's envelope, so "
                       "nothing would match",
                       (f"did you mean {close[0]!r}? " if close else "")
                       + "put the event's own fields under 'detail'; " + where)
    for path, value in _leaves(pattern):
        if not isinstance(value, list):
            ctx.report("LK366", source,
                       f"pattern value at {path} is {value!r}: EventBridge matches a list of "
                       "values (or a nested object), never a bare value",
                       f"write {path.rsplit('.', 1)[-1]!r}: [{json.dumps(value)}]; {where}")
    longest = q.EVENTBRIDGE_PATTERN_MAX_CHARS
    if len(text) > longest.value:
        ctx.report("LK366", source,
                   f"pattern is {len(text)} characters as JSON, EventBridge takes "
                   f"{longest.value} unless the quota is raised",
                   f"shorten it (prefix or anything-but matches replace long lists); "
                   f"{longest.source}")


def _leaves(pattern: dict[str, Any], path: str = "") -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for key, value in pattern.items():
        where = f"{path}.{key}" if path else key
        if key == "$or" and isinstance(value, list):
            for branch in value:
                if isinstance(branch, dict):
                    found.extend(_leaves(branch, path))
        elif isinstance(value, dict):
            found.extend(_leaves(value, where))
        else:
            found.append((where, value))
    return found


def _check_input(ctx: RuleContext, source: EventBridgeRule) -> None:
    given = [name for name in ("input", "input_path", "input_template")
             if getattr(source, name) is not None]
    if len(given) > 1:
        ctx.report("LK367", source,
                   f"{' and '.join(given)} both shape what the function receives: a target "
                   "takes only one of them", f"keep one; {q.EVENTBRIDGE_TARGET_API}")
    if source.input_paths is not None and source.input_template is None:
        ctx.report("LK367", source, "input_paths without input_template does nothing",
                   "add input_template='...<name>...' using the paths, or remove input_paths")
    limits = ((source.input and json.dumps(source.input, separators=(",", ":")),
               q.EVENTBRIDGE_INPUT_MAX_CHARS, "input"),
              (source.input_path, q.EVENTBRIDGE_INPUT_PATH_MAX_CHARS, "input_path"),
              (source.input_template, q.EVENTBRIDGE_INPUT_MAX_CHARS, "input_template"))
    for value, limit, name in limits:
        if value and len(value) > limit.value:
            ctx.report("LK367", source, f"{name} is {len(value)} characters, EventBridge takes "
                       f"at most {limit.value}", limit.source)
    paths = q.EVENTBRIDGE_INPUT_PATHS_MAX
    if source.input_paths and len(source.input_paths) > paths.value:
        ctx.report("LK367", source, f"input_paths has {len(source.input_paths)} entries, "
                   f"EventBridge takes at most {paths.value}", paths.source)


# How rules/events finds this family's checks.
check_source = check_eventbridge_rule
