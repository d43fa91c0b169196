"""Property-based tests over resources and grants: any valid combination synthesises to a
template the SAM transform and cfn-lint accept, with a reason for every IAM wildcard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import (
    examples,
    second_opinion_findings,
    synth_app,
    wildcard_statements_without_reason,
)
from hypothesis import given
from hypothesis import strategies as st
from resource_specs import spec_refusals

from lambdakit import (
    App,
    Bucket,
    EventBus,
    Function,
    Index,
    Key,
    LambdakitError,
    Parameter,
    Queue,
    Secret,
    StateMachine,
    Stream,
    Table,
    Topic,
)
from lambdakit.model import Grant, Resource

GOLDENS = Path(__file__).resolve().parent / "goldens"
CODE = str(GOLDENS / "_code")
prefixes = st.none() | st.from_regex(r"[a-z]{1,8}/", fullmatch=True)


@st.composite
def resources(draw: st.DrawFn) -> list[Resource]:
    """A handful of owned and existing resources, some encrypted with a customer key."""
    key = Key(id="DataKey") if draw(st.booleans()) else None
    maybe_key = st.sampled_from([None, key]) if key else st.none()
    found: list[Resource] = [
        Queue(id="Work", fifo=draw(st.booleans()), key=draw(maybe_key),
              visibility_timeout=draw(st.integers(0, 43_200))),
        Topic(id="Alerts", key=draw(maybe_key)),
        Bucket(id="Files", without_versioning=draw(st.sampled_from([None, "rebuilt nightly"])),
               key=draw(maybe_key)),
        Table(id="Items", partition_key="pk", sort_key=draw(st.none() | st.just("sk")),
              stream=draw(st.none() | st.sampled_from(["NEW_IMAGE", "KEYS_ONLY"])),
              indexes=draw(st.sampled_from([[], [Index(name="byOwner", partition_key="owner")]])),
              key=draw(maybe_key)),
        Stream(id="Clicks", shards=draw(st.none() | st.integers(1, 4)), key=draw(maybe_key)),
        EventBus(id="Bus"),
        Secret(id="Token", key=draw(maybe_key)),
        Parameter(id="Settings", value="{}"),
        Queue.existing(arn="arn:aws:sqs:eu-west-1:123456789012:legacy"),
        Table.existing(name="legacy-items"),
        Bucket.existing(name="legacy-files"),
        StateMachine.existing(arn="arn:aws:states:eu-west-1:123456789012:stateMachine:flow",
                              express=draw(st.booleans())),
    ]
    return found


def _grants(resource: Resource, draw: st.DrawFn) -> list[Grant]:
    methods: dict[type, list[str]] = {
        Queue: ["send", "consume"], Topic: ["publish"], Bucket: ["read", "write", "delete"],
        Table: ["read", "write", "read_write"], Stream: ["read", "write"], EventBus: ["put"],
        Secret: ["read"], Parameter: ["read"], StateMachine: ["start"],
    }
    chosen = draw(st.lists(st.sampled_from(methods[type(resource)]), unique=True, max_size=2))
    grants = []
    for name in chosen:
        method = getattr(resource, name)
        grants.append(method(draw(prefixes)) if isinstance(resource, Bucket) else method())
    if isinstance(resource, Table) and (resource.stream or resource.is_existing) and draw(
            st.booleans()):
        grants.append(resource.read_stream())
    return grants


@st.composite
def apps(draw: st.DrawFn) -> App:
    pool = draw(resources())
    used = draw(st.lists(st.sampled_from(pool), unique_by=id, min_size=1, max_size=6))
    grants = [grant for resource in used for grant in _grants(resource, draw)]
    env: dict[str, Any] = {f"R{i}_ID": r for i, r in enumerate(used) if draw(st.booleans())}
    worker = Function(id="Worker", handler="svc.handler.handle", code=CODE,
                      runtime="python3.13", grants=grants, environment=env)
    return App(name="props", functions=[worker])


@examples()
@given(apps())
def test_any_valid_resource_graph_transforms_and_lints_clean(app: App) -> None:
    result = synth_app(app, base_dir=GOLDENS)
    assert [d.headline() for d in result.warnings] == []
    assert second_opinion_findings(result.template, result.origins) == []
    assert spec_refusals(result.template) == []
    assert wildcard_statements_without_reason(result.template) == []


BAD: list[tuple[str, Any]] = [
    ("queue visibility", lambda: Queue(id="Q", visibility_timeout=50_000)),
    ("queue name", lambda: Queue(id="Q", name="has space")),
    ("fifo name", lambda: Queue(id="Q", fifo=True, name="plain")),
    ("table without key", lambda: Table(id="T")),
    ("bucket name", lambda: Bucket(id="B", name="Upper_Case")),
    ("existing both", lambda: Queue.existing(arn="arn:aws:sqs:eu-west-1:123456789012:q",
                                             name="q")),
    ("existing wrong service", lambda: Queue.existing(arn="arn:aws:sns:eu-west-1:1234:q")),
    ("stream shards", lambda: Stream(id="S", shards=0)),
    ("key window", lambda: Key(id="K", pending_window_days=3)),
    ("parameter without value", lambda: Parameter(id="P")),
    ("blank reason", lambda: Bucket(id="B", delete_with_stack=" ")),
    ("mixed redrive", lambda: Queue(id="Q", fifo=True, dead_letter_queue=Queue(id="D"))),
]


@pytest.mark.parametrize(("label", "make"), BAD, ids=[b[0] for b in BAD])
def test_invalid_resources_are_lambdakit_errors(label: str, make: Any) -> None:
    with pytest.raises(LambdakitError) as caught:
        resource = make()
        grant = resource.send() if isinstance(resource, Queue) else None
        worker = Function(id="Worker", handler="svc.handler.handle", code=CODE,
                          runtime="python3.13", grants=[grant] if grant else [],
                          environment={"TARGET": resource})
        synth_app(App(name="bad", functions=[worker]), base_dir=GOLDENS)
    assert any(d.is_error for d in caught.value.diagnostics), label
