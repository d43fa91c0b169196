"""Property-based tests over event sources: any valid configuration synthesises to a template
the SAM transform and cfn-lint accept, and any value at all gives either a template or lambdakit
diagnostics, never another exception."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import (
    examples,
    second_opinion_findings,
    synth_app,
    wildcard_statements_without_reason,
)
from hypothesis import given
from hypothesis import strategies as st
from resource_specs import spec_refusals

from lambdakit import App, Function, LambdakitError, Queue
from lambdakit.events import SqsEvent
from lambdakit.limits import quotas as q

GOLDENS = Path(__file__).resolve().parent / "goldens"
CODE = str(GOLDENS / "_code")
patterns = st.lists(st.fixed_dictionaries({"body": st.fixed_dictionaries(
    {"kind": st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=3)})}),
    max_size=5, unique_by=lambda pattern: json.dumps(pattern, sort_keys=True))


@st.composite
def sqs_apps(draw: st.DrawFn) -> App:
    fifo = draw(st.booleans())
    timeout = draw(st.integers(1, 900))
    if fifo:
        batch, window = draw(st.integers(1, 10)), 0
    else:
        batch = draw(st.integers(1, 10_000))
        window = draw(st.integers(1 if batch > 10 else 0, 300))
    least = 6 * timeout + window
    visibility = draw(st.none() | st.integers(least, 43_200))
    queue = Queue(id="Work", fifo=fifo, visibility_timeout=visibility)
    source = SqsEvent(queue=queue, batch_size=batch, batching_window=window,
                      maximum_concurrency=draw(st.none() | st.integers(2, 1000)),
                      report_batch_item_failures=draw(st.booleans()),
                      filters=draw(patterns), enabled=draw(st.booleans()))
    worker = Function(id="Worker", handler="svc.handler.handle", code=CODE,
                      runtime="python3.13", timeout=timeout, events=[source])
    return App(name="props", functions=[worker])


@examples()
@given(sqs_apps())
def test_any_valid_sqs_source_transforms_and_lints_clean(app: App) -> None:
    result = synth_app(app, base_dir=GOLDENS)
    assert [d.headline() for d in result.warnings] == []
    assert second_opinion_findings(result.template, result.origins) == []
    assert spec_refusals(result.template) == []
    assert wildcard_statements_without_reason(result.template) == []


@examples(50)
@given(batch=st.integers(-5, 20_000), window=st.integers(-5, 400),
       concurrency=st.none() | st.integers(-5, 2000), fifo=st.booleans(),
       visibility=st.none() | st.integers(-5, 50_000), timeout=st.integers(-5, 1000))
def test_any_sqs_values_give_a_template_or_diagnostics(
        batch: int, window: int, concurrency: int | None, fifo: bool, visibility: int | None,
        timeout: int) -> None:
    errors: set[str] = set()
    try:
        queue = Queue(id="Work", fifo=fifo, visibility_timeout=visibility)
        worker = Function(id="Worker", handler="svc.handler.handle", code=CODE,
                          runtime="python3.13", timeout=timeout,
                          events=[SqsEvent(queue=queue, batch_size=batch, batching_window=window,
                                           maximum_concurrency=concurrency)])
        synth_app(App(name="props", functions=[worker]), base_dir=GOLDENS)
    except LambdakitError as exc:
        errors = {d.code for d in exc.diagnostics if d.is_error}
        assert errors
    # The checks whose verdict these values decide alone: each reports its own code, and only
    # when its value is out of range.
    largest_batch = (q.SQS_FIFO_BATCH_SIZE_MAX if fifo else q.SQS_BATCH_SIZE_MAX).value
    assert ("LK310" in errors) == (not 1 <= batch <= largest_batch)
    assert ("LK104" in errors) == (not q.TIMEOUT_MIN_S.value <= timeout <= q.TIMEOUT_MAX_S.value)
