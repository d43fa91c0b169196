"""What a synth caches (an app's graph, its policy plans, code paths) lives and dies with the
app: nothing keeps an app alive after its synth."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from helpers import synth_app
from pydantic import PrivateAttr

from lambdakit.cli.loader import load_app
from lambdakit.events import ScheduleEvent
from lambdakit.model import App, Construct, Function, Queue
from lambdakit.synthesis import synthesize

QUICKSTART = Path(__file__).resolve().parent.parent / "examples" / "quickstart" / "app.py"


def test_nothing_outlives_the_app() -> None:
    app = load_app(str(QUICKSTART))
    synth_app(app, QUICKSTART.parent)
    gone = [weakref.ref(app), *(weakref.ref(fn) for fn in app.all_functions())]
    del app
    gc.collect()
    assert [ref() for ref in gone] == [None] * len(gone)


def test_the_template_is_planned_once_per_synth(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules (LK003, LK007, LK008), compile and the origins all read one plan."""
    import lambdakit.plan as plan_module

    app = load_app(str(QUICKSTART))
    gather = plan_module.gather_resources
    calls: list[App] = []
    monkeypatch.setattr(plan_module, "gather_resources",
                        lambda app, *rest: calls.append(app) or gather(app, *rest))
    synthesize(app, base_dir=QUICKSTART.parent)
    assert calls == [app]


def test_private_attributes_start_at_their_defaults_in_each_construct() -> None:
    """Constructs fill their private attributes from one dict of defaults, per instance."""
    first, second = (Function(id=f"Worker{n}", handler="app.handler", code="src",
                              runtime="python3.13") for n in (1, 2))
    assert first.__pydantic_private__ is not second.__pydantic_private__
    assert not first.broken and first.origin.line > 0
    assert first.model_copy().__pydantic_private__ == first.__pydantic_private__
    assert first.events is not second.events and first.acknowledge is not second.acknowledge


def test_a_private_attribute_with_a_mutable_default_is_refused() -> None:
    with pytest.raises(TypeError, match="immutable default"):
        class Cached(Construct):  # refused as it is declared
            _seen: list[str] = PrivateAttr(default_factory=list)


def test_a_construct_with_its_own_post_init_is_refused() -> None:
    """Constructs set their private attributes in a post-init of their own: a class's own
    would be dropped, so it is refused where it is defined."""
    with pytest.raises(TypeError, match="defines no model_post_init"):
        class Audited(Construct):  # refused as it is declared
            kind = "audited"

            def model_post_init(self, context: object, /) -> None:
                raise AssertionError("never reached")


def test_a_copy_with_other_fields_answers_from_its_own_fields() -> None:
    """Answers cached from a function's fields are not carried into a copy with other ones."""
    queue = Queue(id="Failures")
    fn = Function(id="Worker", handler="app.handler", code="src", runtime="python3.13",
                  on_failure=queue)
    assert dict(fn.destinations()) == {"OnFailure": queue} and fn.live_events() == ()
    assert fn.code_path().name == "src"
    schedule = ScheduleEvent(expression="rate(1 hour)")
    for copied in (fn.model_copy(update={"on_failure": None, "events": [schedule],
                                         "code": "other"}),
                   fn.model_copy(update={"on_failure": None, "events": [schedule],
                                         "code": "other"}, deep=True)):
        assert dict(copied.destinations()) == {}
        assert [type(source) for source in copied.live_events()] == [ScheduleEvent]
        assert copied.code_path().name == "other"


def test_cached_answers_cannot_be_changed_by_a_caller() -> None:
    """One cached answer goes to every rule, so what a caller is handed is read-only."""
    queue = Queue(id="Failures")
    fn = Function(id="Worker", handler="app.handler", code="src", runtime="python3.13",
                  on_failure=queue)
    with pytest.raises(TypeError):
        fn.destinations()["OnSuccess"] = queue  # type: ignore[index]
    assert dict(fn.destinations()) == {"OnFailure": queue}
    assert isinstance(fn.live_events(), tuple)
