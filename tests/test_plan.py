"""The plan is the template's one description: compile writes exactly the resources and
outputs it holds, and the SAM transform derives exactly the ones it predicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import synth_file

from lambdakit.check.sam import sam_transform
from lambdakit.cli.loader import load_app
from lambdakit.compile import PlanMismatch
from lambdakit.model import Function
from lambdakit.plan import plan_app

ROOT = Path(__file__).resolve().parent.parent
APPS = sorted([*(ROOT / "tests" / "goldens").glob("*/app.py"),
               *(ROOT / "examples").glob("*/app.py")])


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT).parent)


@pytest.fixture(scope="module", params=APPS, ids=_name)
def planned(request: pytest.FixtureRequest) -> tuple:
    path: Path = request.param
    synthesis = synth_file(path)
    return plan_app(load_app(str(path))), synthesis.template


def test_the_template_declares_exactly_the_planned_resources(planned: tuple) -> None:
    plan, template = planned
    declared = {logical_id: resource["Type"]
                for logical_id, resource in template["Resources"].items()}
    assert declared == plan.written
    assert [r for r in plan.resources if r.written and r.logical_id is None] == []


def test_the_template_declares_exactly_the_planned_outputs(planned: tuple) -> None:
    plan, template = planned
    planned_ids = [output.logical_id for output in plan.outputs]
    assert len(planned_ids) == len(set(planned_ids))
    assert set(template.get("Outputs", {})) == set(planned_ids)


def test_the_transform_derives_exactly_the_predicted_resources(planned: tuple) -> None:
    """What the plan predicts of SAM, checked against SAM itself: the stack's count (LK007),
    every id it names (LK003), and the type of every plain CloudFormation resource."""
    plan, template = planned
    deployed = sam_transform(template)["Resources"]
    assert len(deployed) == len(plan.resources)
    # SAM renames a layer version after a hash of its content: `<id><hash>`.
    layers = {i for i, kind in plan.written.items() if kind == "AWS::Serverless::LayerVersion"}
    named = {r.logical_id for r in plan.resources if r.logical_id is not None} - layers
    assert named <= set(deployed), sorted(named - set(deployed))
    for layer in layers:
        assert [i for i in deployed if i.startswith(layer)
                and deployed[i]["Type"] == "AWS::Lambda::LayerVersion"], layer
    for logical_id, kind in plan.written.items():
        if not kind.startswith("AWS::Serverless::"):
            assert deployed[logical_id]["Type"] == kind, logical_id


def test_compile_refuses_a_resource_the_plan_does_not_hold(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard is live: a family that writes what it did not declare fails the synth."""
    written = Function.written_resources
    monkeypatch.setattr(Function, "written_resources",
                        lambda self: [w for w in written(self) if w.type != "AWS::Logs::LogGroup"])
    with pytest.raises(PlanMismatch, match="LogGroup"):
        synth_file(ROOT / "examples" / "quickstart" / "app.py")


def test_the_walk_in_the_architecture_doc_is_what_the_plan_holds() -> None:
    """docs/architecture.md follows this app from the model to its YAML."""
    from lambdakit import App, Function, Queue, Table
    from lambdakit.events import SqsEvent

    inbox = Queue(id="Inbox")
    orders = Table(id="Orders", partition_key="pk")
    worker = Function(id="Worker", handler="app.handle", code="src/", runtime="python3.13",
                      events=[SqsEvent(queue=inbox)], grants=[orders.read_write()])
    plan = plan_app(App(name="orders", functions=[worker]))
    assert [(r.logical_id, r.written) for r in plan.resources] == [
        ("Worker", True), ("WorkerRole", True), ("WorkerLogGroup", True),
        ("WorkerFromInbox", False), ("Inbox", True), ("InboxPolicy", True),
        ("InboxDeadLetter", True), ("Orders", True)]
    assert [output.logical_id for output in plan.outputs] == ["WorkerArn", "WorkerName"]
    policies = plan.policies[id(worker)]
    assert policies is not None and policies.managed == () and not policies.deferred
    assert plan.visibility_timeout(inbox) == 60 == 6 * worker.timeout
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert "`WorkerFromInbox`" in doc and "60 s" in doc
