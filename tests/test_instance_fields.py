"""`Instance[X]` fields (lambdakit/model/instance.py): an isinstance check, and nothing more built.

A field typed with pydantic's `InstanceOf[X]` builds X's whole schema too; a Function names
every resource it can deliver to, so its first validation built the schema of each of them."""

from __future__ import annotations

import pytest

from lambdakit import Function, Layer, Queue
from lambdakit.errors import LambdakitError
from lambdakit.model import Bucket, EventBus, Topic


def _models_in(schema: object) -> set[str]:
    """The model classes a core schema validates field by field (its nested model schemas)."""
    found: set[str] = set()
    if isinstance(schema, dict):
        if schema.get("type") == "model":
            found.add(schema["cls"].__name__)
        for value in schema.values():
            found |= _models_in(value)
    elif isinstance(schema, list | tuple):
        for value in schema:
            found |= _models_in(value)
    return found


def test_a_function_s_validator_holds_no_schema_of_what_it_takes_as_an_object() -> None:
    Function(id="Worker", handler="app.handler", code="src", runtime="python3.13")
    # Nested models a Function validates from dicts, and nothing it only holds as an object:
    # with pydantic's InstanceOf this also held Queue, Topic, Key, Bucket, Layer, Vpc, ...
    assert _models_in(Function.__pydantic_core_schema__) == {"Function", "Logging", "Statement"}


def test_an_instance_field_takes_the_object_itself_and_subclasses() -> None:
    queue = Queue(id="Failures")
    fn = Function(id="Worker", handler="app.handler", code="src", runtime="python3.13",
                  on_failure=queue, on_success=Topic(id="Done"))
    assert fn.on_failure is queue

    class SpecialLayer(Layer):
        kind = "special_layer"

    layer = SpecialLayer(id="Deps", code="src")
    assert Function(id="Worker", handler="app.handler", code="src", runtime="python3.13",
                    layers=[layer]).layers == [layer]


@pytest.mark.parametrize("given", [1, "arn:aws:lambda:us-east-1:123456789012:layer:x:1",
                                   {"id": "Deps", "code": "src"}])
def test_anything_else_is_refused_at_the_user_s_line(given: object) -> None:
    with pytest.raises(LambdakitError) as caught:
        Function(id="Worker", handler="app.handler", code="src", runtime="python3.13",
                 layers=[given])
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "LK001"
    assert diagnostic.message.startswith("layers.0: input should be an instance of Layer")
    assert diagnostic.origin.file == __file__


def test_a_destination_of_each_kind_is_accepted_as_it_is() -> None:
    following = Function(id="Next", handler="app.handler", code="src", runtime="python3.13")
    for target in (Queue(id="Q"), Topic(id="T"), EventBus(id="B"), Bucket(id="Archive"),
                   following):  # a Function names itself in its own field's type
        fn = Function(id="Worker", handler="app.handler", code="src", runtime="python3.13",
                      on_failure=target)
        assert fn.on_failure is target
