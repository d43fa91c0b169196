"""The rules at their edges: each bound accepted on it and refused one past it with its code, and
the messages and hints that tell the user what to write instead.

Written for the mutants `bash scripts/mutation.sh` found alive in lambdakit/rules (a `<=` turned
into `<`, a hint's suggestion changed, an acknowledgement on the function no longer honoured).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import FIXED_DAY

from lambdakit import App, Function, Queue
from lambdakit.errors import Diagnostic
from lambdakit.events import SqsEvent
from lambdakit.limits import quotas as q
from lambdakit.rules import check_app

CODE = str(Path(__file__).resolve().parent / "goldens" / "_code")


def worker(**settings: Any) -> Function:
    return Function(**{"id": "Worker", "handler": "svc.handler.handle", "code": CODE,
                       "runtime": "python3.13", **settings})


def diagnostics(*functions: Function, **app: Any) -> list[Diagnostic]:
    return check_app(App(name="edges", functions=list(functions), **app), today=FIXED_DAY)


def only(found: list[Diagnostic], code: str) -> Diagnostic:
    assert [d.code for d in found] == [code], [d.headline() for d in found]
    return found[0]


RANGES = [
    ("memory", q.MEMORY_MIN_MB, q.MEMORY_MAX_MB, "LK101",
     "Lambda offers no more; split the work, or use a container service"),
    ("timeout", q.TIMEOUT_MIN_S, q.TIMEOUT_MAX_S, "LK104",
     "split longer work into steps with Step Functions, or use a container service"),
    ("ephemeral_storage", q.EPHEMERAL_STORAGE_MIN_MB, q.EPHEMERAL_STORAGE_MAX_MB, "LK105",
     "for more scratch space mount EFS"),
]


@pytest.mark.parametrize(("field", "low", "high", "code", "advice"), RANGES,
                         ids=[r[0] for r in RANGES])
def test_a_range_holds_both_ends_and_refuses_one_past(
        field: str, low: q.Quota, high: q.Quota, code: str, advice: str) -> None:
    assert diagnostics(worker(**{field: low.value})) == []
    assert diagnostics(worker(**{field: high.value})) == []
    below = only(diagnostics(worker(**{field: low.value - 1})), code)
    assert below.message == f"{field} must be ≥ {low.value} {low.unit} (got {low.value - 1})"
    assert below.hint == f"use {low.value}–{high.value} {high.unit}; limits: {low.source}"
    above = only(diagnostics(worker(**{field: high.value + 1})), code)
    assert above.message == f"{field} must be ≤ {high.value} {high.unit} (got {high.value + 1})"
    assert above.hint == (f"use {low.value}–{high.value} {high.unit}; {advice}; "
                          f"limits: {high.source}")


def test_function_name_and_description_lengths() -> None:
    longest = q.FUNCTION_NAME_MAX_CHARS.value
    assert diagnostics(worker(function_name="f" * longest)) == []
    only(diagnostics(worker(function_name="f" * (longest + 1))), "LK130")
    most = q.DESCRIPTION_MAX_CHARS.value
    assert diagnostics(worker(description="d" * most)) == []
    found = only(diagnostics(worker(description="d" * (most + 1))), "LK131")
    assert found.message == f"description must be ≤ {most} characters (got {most + 1})"


@pytest.mark.parametrize(("name", "suggested"), [
    ("Order Worker", "Order-Worker"), ("-a.b-", "a-b"), ("***", "order-worker"),
    ("x" * 70, "x" * 64), ("X y", "X-y")])
def test_a_bad_function_name_gets_a_valid_suggestion(name: str, suggested: str) -> None:
    found = only(diagnostics(worker(function_name=name)), "LK130")
    assert found.hint.startswith(f"e.g. function_name={suggested!r}, or leave it unset")


def test_tags_count_with_the_apps_and_sams_own() -> None:
    room = q.LAMBDA_TAGS_MAX.value - 1  # SAM adds lambda:createdBy
    app_tags = {f"app{n}": "v" for n in range(10)}
    own = {f"fn{n}": "v" for n in range(room - len(app_tags))}
    assert diagnostics(worker(tags=own), tags=app_tags) == []
    found = only(diagnostics(worker(tags={**own, "one": "more"}), tags=app_tags), "LK160")
    assert found.message == (f"{room + 1} tags with the app's, at most {room} fit "
                             f"(AWS allows {q.LAMBDA_TAGS_MAX.value} and SAM adds 1)")
    assert found.hint == "keep only tags used for cost allocation or access control"
    assert found.subject == "Worker"


@pytest.mark.parametrize(("name", "suggested"), [
    ("1BAD", "BAD"), ("Q", "VAR_Q"), ("_9", "VAR"), ("Ab-c", "Ab_c"), ("9x", "VAR_x"),
    ("1ab", "ab"), ("9XY", "XY"), ("X", "VAR_X")])
def test_a_bad_variable_name_gets_a_valid_suggestion(name: str, suggested: str) -> None:
    found = only(diagnostics(worker(environment={name: "v"})), "LK112")
    assert found.hint.startswith(f"rename it, e.g. {suggested!r} ")


def test_the_environment_may_fill_its_budget_exactly() -> None:
    limit = q.ENVIRONMENT_MAX_BYTES.value
    filling = "x" * (limit - len('{"AB":""}'))  # one compact JSON object, as Lambda measures
    assert diagnostics(worker(environment={"AB": filling})) == []
    only(diagnostics(worker(environment={"AB": filling + "x"})), "LK110")


def test_the_largest_variables_are_named_with_references_at_their_largest() -> None:
    queue = Queue(id="Jobs")
    fn = worker(environment={"BIG": "x" * 3000, "MIDDLE": "y" * 1200, "TINY": "z",
                             "JOBS": queue})
    assert len("JOBS") + fn.environment["JOBS"].max_bytes > len("TINY") + 1  # type: ignore[union-attr]
    found = only(diagnostics(fn), "LK110")
    assert found.hint.startswith("largest: BIG, MIDDLE, JOBS; ")


def test_credentials_in_a_url_are_a_literal_secret_under_any_name() -> None:
    only(diagnostics(worker(environment={"DATABASE_URL": "postgres://app:pw@db.internal/app"})),
         "LK113")
    assert diagnostics(worker(environment={"DATABASE_URL": "postgres://db.internal/app"})) == []


def sqs(timeout: int = 10, *, fifo: bool = False, visibility: int | None = None,
        acknowledge: dict[str, str] | None = None, **source: Any) -> list[Diagnostic]:
    queue = Queue(id="Jobs", fifo=fifo, visibility_timeout=visibility)
    return diagnostics(worker(timeout=timeout, events=[SqsEvent(queue=queue, **source)],
                              acknowledge=acknowledge or {}))


def test_sqs_maximum_concurrency_holds_both_ends() -> None:
    low, high = q.SQS_MAXIMUM_CONCURRENCY_MIN.value, q.SQS_MAXIMUM_CONCURRENCY_MAX.value
    assert sqs(maximum_concurrency=low) == []
    assert sqs(maximum_concurrency=high) == []
    only(sqs(maximum_concurrency=low - 1), "LK314")
    only(sqs(maximum_concurrency=high + 1), "LK314")


def test_sqs_batch_size_names_the_kind_of_queue_and_a_size_that_fits() -> None:
    most = q.SQS_BATCH_SIZE_MAX.value
    found = only(sqs(batch_size=0), "LK310")
    assert found.message == f"batch_size must be 1–{most} for a standard queue (got 0)"
    assert found.hint.startswith("set batch_size=1 or less; ")
    fifo_most = q.SQS_FIFO_BATCH_SIZE_MAX.value
    found = only(sqs(fifo=True, batch_size=fifo_most + 1), "LK310")
    assert found.message == (f"batch_size must be 1–{fifo_most} for a FIFO queue "
                             f"(got {fifo_most + 1})")


def test_sqs_batching_window_holds_both_ends() -> None:
    window_max = q.BATCHING_WINDOW_MAX_S.value
    assert sqs(batching_window=window_max) == []
    found = only(sqs(batching_window=window_max + 1), "LK311")
    assert found.message == f"batching_window must be 0–{window_max} s (got {window_max + 1})"
    assert found.hint == q.BATCHING_WINDOW_MAX_S.source
    assert found.subject == "FromJobs"
    found = only(sqs(fifo=True, batching_window=1), "LK311")
    assert found.message == ("Jobs is a FIFO queue: Lambda supports no batching window for "
                             "FIFO queues (got batching_window=1)")
    assert found.hint == f"remove batching_window; {q.LAMBDA_SQS_PARAMETERS}"


def test_a_large_sqs_batch_needs_a_window_of_one_second() -> None:
    large = q.SQS_UNBATCHED_BATCH_SIZE_MAX.value + 1
    only(sqs(batch_size=large, batching_window=0), "LK311")
    assert sqs(batch_size=large, batching_window=1) == []


def test_sqs_visibility_against_the_timeout_and_window() -> None:
    factor = q.SQS_VISIBILITY_FACTOR.value
    # A visibility equal to the timeout is accepted by Lambda; under six times it warns.
    assert [d.code for d in sqs(30, visibility=30)] == ["LK313"]
    only(sqs(30, visibility=29), "LK312")
    assert sqs(30, visibility=factor * 30 + 5, batching_window=5) == []
    found = only(sqs(30, visibility=factor * 30 + 4, batching_window=5), "LK313")
    assert "timeout of 30 s + the 5 s batching window: a throttled" in found.message
    assert found.hint.startswith(f"set visibility_timeout={factor * 30 + 5} on Jobs")
    found = only(sqs(30, visibility=factor * 30 - 1), "LK313")
    assert "timeout of 30 s: a throttled" in found.message
    # The warning is about the source, and the function it belongs to may acknowledge it.
    assert sqs(30, visibility=30, acknowledge={"LK313": "the handler is idempotent"}) == []


def test_an_existing_queues_visibility_is_not_judged() -> None:
    """The stack does not set an existing queue's visibility, whatever the app says it is."""
    queue = Queue.existing(arn="arn:aws:sqs:us-east-1:123456789012:jobs", visibility_timeout=5)
    assert diagnostics(worker(timeout=900, events=[SqsEvent(queue=queue)])) == []


def test_a_derived_visibility_covers_each_consumer() -> None:
    from lambdakit.plan.queues import needed_visibility, visibility_timeout

    factor = q.SQS_VISIBILITY_FACTOR.value
    queue, other = Queue(id="Jobs"), Queue(id="Other")
    slow = worker(id="Slow", timeout=100, events=[SqsEvent(queue=other)])
    fast = worker(id="Fast", timeout=20, events=[SqsEvent(queue=queue, batching_window=7)])
    assert visibility_timeout(queue, needed_visibility([slow, fast])) == factor * 20 + 7
