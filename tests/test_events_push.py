"""Push sources (S3, SNS, EventBridge, schedules): the judgements their goldens cannot show
one by one: when S3 writes are provably disjoint from a trigger, which notifications overlap,
loops through chains of functions, the split of a role whose bucket waits for the function,
and which schedule expressions Scheduler accepts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FIXED_DAY

from lambdakit import App, Bucket, Function, Queue, Topic
from lambdakit.events import S3Event, SnsEvent
from lambdakit.iam.size import DEFERRED_POLICY_NAME, document_chars, inline_policy_chars
from lambdakit.plan.policies import policy_plan
from lambdakit.rules import check_app
from lambdakit.rules.events.s3 import _disjoint
from lambdakit.rules.schedule_expressions import expression_problem

CODE = Path(__file__).resolve().parent / "goldens" / "_code"


# These tests are about the push sources' own checks; failure handling is LK380's business.
NO_FAILURE_DESTINATION = {"LK380": "tests of the push sources' own checks"}


def _function(id: str, **settings: object) -> Function:
    settings.setdefault("acknowledge", NO_FAILURE_DESTINATION)
    return Function(id=id, handler="svc.handler.handle", code=str(CODE),  # type: ignore[arg-type]
                    runtime="python3.13", **settings)


def _codes(*functions: Function) -> list[str]:
    app = App(name="push", functions=list(functions))
    return [d.code for d in check_app(app, FIXED_DAY)]


@pytest.mark.parametrize(("write", "trigger", "disjoint"), [
    (None, "in/", False),            # writes anywhere, the trigger's prefix included
    ("out/", None, False),           # the trigger matches every key
    ("out/", "in/", True),
    ("in/thumbs/", "in/", False),    # writes land under the trigger's prefix
    ("in/", "in/raw/", False),       # writes may land under the trigger's longer prefix
    ("in", "inbox/", False),         # "in" is a prefix of "inbox/": keys such as inbox/x
    ("inbox/", "in/", True),
])
def test_only_prefixes_that_cannot_share_a_key_are_disjoint(
        write: str | None, trigger: str | None, disjoint: bool) -> None:
    assert _disjoint(write, trigger) is disjoint


def test_a_suffix_never_proves_writes_disjoint() -> None:
    photos = Bucket(id="Photos")
    fn = _function("Resize", grants=[photos.write(prefix="out/")],
                   events=[S3Event(bucket=photos, suffix=".png")])
    assert _codes(fn) == ["LK361"]


def test_disjoint_prefixes_do_not_loop() -> None:
    photos = Bucket(id="Photos")
    fn = _function("Resize", grants=[photos.read(prefix="in/"), photos.write(prefix="out/")],
                   events=[S3Event(bucket=photos, prefix="in/")])
    assert _codes(fn) == []


def test_deletes_loop_only_through_removal_events() -> None:
    photos = Bucket(id="Photos")
    created = _function("Cleaner", grants=[photos.delete()],
                        events=[S3Event(bucket=photos)])
    removed = _function("Cleaner", grants=[photos.delete()],
                        events=[S3Event(bucket=photos, events=["s3:ObjectRemoved:*"])])
    assert _codes(created) == []
    assert _codes(removed) == ["LK361"]


def test_a_loop_through_an_invoked_function_is_found_and_named() -> None:
    photos = Bucket(id="Photos")
    writer = _function("Writer", grants=[photos.write()])
    trigger = _function("Trigger", grants=[writer.invoke()], events=[S3Event(bucket=photos)])
    app = App(name="push", functions=[trigger, writer])
    found = [d for d in check_app(app, FIXED_DAY) if d.code == "LK361"]
    assert len(found) == 1 and "through Writer (which Trigger starts)" in found[0].message


def test_a_loop_through_a_queue_another_function_consumes_is_found() -> None:
    from lambdakit.events import SqsEvent

    photos = Bucket(id="Photos")
    work = Queue(id="Work")
    writer = _function("Writer", grants=[photos.write()], events=[SqsEvent(queue=work)])
    trigger = _function("Trigger", grants=[work.send()], events=[S3Event(bucket=photos)])
    assert "LK361" in _codes(trigger, writer)


def test_an_allowed_loop_is_not_reported() -> None:
    photos = Bucket(id="Photos")
    fn = _function("Resize", grants=[photos.write()], events=[S3Event(bucket=photos)],
                   allow_recursive_loop="writes only .done files, which it ignores")
    assert _codes(fn) == []


@pytest.mark.parametrize(("first", "second", "overlap"), [
    ({"prefix": "images/"}, {"suffix": ".png"}, True),
    ({"prefix": "images/"}, {"prefix": "images/2026/"}, True),
    ({"prefix": "images/"}, {"prefix": "videos/"}, False),
    ({"suffix": ".png"}, {"suffix": ".jpg"}, False),
    ({"suffix": ".png"}, {"suffix": "thumb.png"}, True),
    ({"events": ["s3:ObjectCreated:*"]}, {"events": ["s3:ObjectCreated:Put"]}, True),
    ({"events": ["s3:ObjectCreated:*"]}, {"events": ["s3:ObjectRemoved:*"]}, False),
])
def test_overlapping_notifications(first: dict[str, object], second: dict[str, object],
                                   overlap: bool) -> None:
    uploads = Bucket(id="Uploads")
    one = _function("One", events=[S3Event(bucket=uploads, **first)])  # type: ignore[arg-type]
    two = _function("Two", events=[S3Event(bucket=uploads, **second)])  # type: ignore[arg-type]
    assert ("LK363" in _codes(one, two)) is overlap


def test_publishing_to_the_triggering_topic_loops_unless_filtered() -> None:
    alerts = Topic(id="Alerts")
    loop = _function("Echo", grants=[alerts.publish()], events=[SnsEvent(topic=alerts)])
    filtered = _function("Echo", grants=[alerts.publish()],
                         events=[SnsEvent(topic=alerts, filter_policy={"origin": ["outside"]})])
    assert _codes(loop) == ["LK361"]
    assert _codes(filtered) == []


def test_grants_on_the_notifying_bucket_are_attached_after_the_function() -> None:
    uploads = Bucket(id="Uploads")
    other = Bucket(id="Other")
    fn = _function("Indexer", grants=[uploads.read(), other.read()],
                   events=[S3Event(bucket=uploads)])
    plan = policy_plan(fn)
    assert plan is not None and plan.fits
    deferred = {s.sid for s in plan.deferred}
    assert deferred == {"BucketReadUploadsListing", "BucketReadUploadsObjects"}
    assert not deferred & {s.sid for s in plan.inline}
    assert {"BucketReadOtherListing", "BucketReadOtherObjects"} <= {s.sid for s in plan.inline}
    # IAM counts both inline policies against the role's limit, and so does the plan.
    assert plan.all_inline_chars == (inline_policy_chars(plan.inline) + len(DEFERRED_POLICY_NAME)
                                     + document_chars(plan.deferred))
    assert plan.deferred_policy_ids() == ["IndexerTriggerPolicy"]


def test_a_function_without_grants_on_its_bucket_has_no_trigger_policy() -> None:
    uploads = Bucket(id="Uploads")
    plan = policy_plan(_function("Indexer", events=[S3Event(bucket=uploads)]))
    assert plan is not None and plan.deferred == () and plan.deferred_policy_ids() == []


@pytest.mark.parametrize(("expression", "accepted"), [
    ("rate(1 minute)", True), ("rate(1 minutes)", False), ("rate(5 minutes)", True),
    ("rate(5 minute)", False), ("rate(12 hours)", True), ("rate(1 day)", True),
    ("rate(0 minutes)", False), ("rate(2 weeks)", False),
    ("cron(0 8 ? * MON-FRI *)", True), ("cron(0/15 * * * ? *)", True),
    ("cron(0 8 * * * *)", False), ("cron(0 8 ? * ? *)", False), ("cron(0 8 * * MON-FRI)", False),
    ("cron(60 8 ? * * *)", False), ("cron(0 8 L * ? *)", True), ("cron(0 8 ? * 6#3 *)", True),
    ("cron(0 10 15W * ? 2026)", True), ("cron(0 8 1,15 JAN-MAR ? *)", True),
    ("cron(0 8 ? * 8 *)", False), ("cron(0 8 ? * * 1969)", False),
    ("at(2026-12-31T23:00:00)", True), ("at(2026-02-30T00:00:00)", False),
    ("at(2026-12-31 23:00)", False), ("every 5 minutes", False),
])
def test_schedule_expressions(expression: str, accepted: bool) -> None:
    assert (expression_problem(expression) == "") is accepted


def test_time_zones_are_the_same_whatever_zone_database_the_machine_has(tmp_path: Path) -> None:
    """Windows and slim container images have no zone database, other machines their own: the
    names come from the tzdata package. Here the machine's database holds one made-up zone."""
    from importlib.resources import files

    made_up = tmp_path / "Mars" / "Olympus"
    made_up.parent.mkdir()
    made_up.write_bytes(files("tzdata").joinpath("zoneinfo", "UTC").read_bytes())
    code = ("import zoneinfo\n"
            "zoneinfo.ZoneInfo('Mars/Olympus')  # the machine's database has it\n"
            "from lambdakit.rules.schedule_expressions import is_time_zone\n"
            "print(*(is_time_zone(name) for name in ('Europe/Berlin', 'UTC', 'US/Pacific',\n"
            "                                       'Mars/Olympus', 'Europe/Berln', 'CEST')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONTZPATH": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "True", "False", "False", "False"]


def test_a_schedule_in_a_time_zone_that_does_not_exist_is_lk369() -> None:
    from lambdakit.events import ScheduleEvent

    def codes(zone: str) -> list[str]:
        fn = Function(id="Nightly", handler="svc.handler.handle", code=str(CODE),
                      runtime="python3.13", on_failure=Queue(id="Failed"),
                      events=[ScheduleEvent(expression="cron(0 2 * * ? *)", timezone=zone)])
        return [d.code for d in check_app(App(name="tz", functions=[fn]), FIXED_DAY)]

    assert codes("America/New_York") == []
    assert codes("America/NewYork") == ["LK369"]


def test_an_eventbridge_dead_letter_queue_must_be_usable_by_eventbridge() -> None:
    from lambdakit import Key
    from lambdakit.events import EventBridgeRule

    pattern = {"source": ["my.app"]}
    keyed = Queue(id="Keyed", key=Key(id="QueueKey"))
    fifo = Queue(id="Ordered", name="ordered.fifo", fifo=True)
    plain = Queue(id="Plain")
    assert _codes(_function("A", events=[EventBridgeRule(pattern=pattern,
                                                         dead_letter_queue=keyed)])) == ["LK367"]
    assert _codes(_function("B", events=[EventBridgeRule(pattern=pattern,
                                                         dead_letter_queue=fifo)])) == ["LK367"]
    assert _codes(_function("C", events=[EventBridgeRule(pattern=pattern,
                                                         dead_letter_queue=plain)])) == []


def test_a_buffered_subscription_is_polled_from_its_queue() -> None:
    orders = Topic(id="Orders")
    source = SnsEvent(topic=orders, sqs_buffer=True)
    fn = _function("Invoicing", timeout=20, events=[source])
    buffer = source.buffer()
    assert buffer is not None and buffer.queue.id == "FromOrdersBuffer"
    assert source.sam_event_type() == "SQS" and source.invocation_mode() == "poll"
    binding = source.bind(fn)
    assert [g.access for g in binding.grants] == ["consume"]
    assert binding.grants[0].resource is buffer.queue
    assert _codes(fn) == []


@pytest.mark.parametrize(("topic_fifo", "queue"), [
    (False, {"id": "Existing", "existing": True}),
    (False, {"id": "Keyed", "key": True}),
    (False, {"id": "Ordered", "name": "ordered.fifo", "fifo": True}),
    (True, {"id": "Plain"}),
])
def test_a_buffer_queue_the_topic_cannot_write_to(topic_fifo: bool,
                                                  queue: dict[str, object]) -> None:
    from lambdakit import Key

    topic = Topic(id="Ledger", name="ledger.fifo", fifo=True) if topic_fifo else Topic(id="T")
    settings = dict(queue)
    if settings.pop("existing", False):
        buffer = Queue.existing(arn="arn:aws:sqs:us-east-1:111122223333:existing")
    else:
        if settings.pop("key", False):  # an owned key's policy lambdakit extends: no problem
            settings["key"] = Key.existing(arn="arn:aws:kms:us-east-1:111122223333:key/"
                                               "1234abcd-12ab-34cd-56ef-1234567890ab")
        buffer = Queue(**settings)  # type: ignore[arg-type]
    fn = _function("Worker", events=[SnsEvent(topic=topic, sqs_buffer=buffer)])
    assert _codes(fn) == ["LK364"]


def test_a_function_slower_than_its_buffer_queue_allows_is_reported() -> None:
    backlog = Queue(id="Backlog", visibility_timeout=30)
    fn = _function("Slow", timeout=60,
                   events=[SnsEvent(topic=Topic(id="T"), sqs_buffer=backlog)])
    assert _codes(fn) == ["LK312"]
