"""What moto cannot produce — a rollback, a refused change set, a replacement CloudFormation
announces, a busy stack — played through botocore's Stubber on real clients."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.stub import ANY, Stubber

from lambdakit.deploy.apply import CAPABILITIES, Outcome, Request, Result, apply
from lambdakit.deploy.aws import Aws, DeployError, Interrupted, Poll
from lambdakit.deploy.destroy import destroy

STACK = "shop"
STACK_ID = "arn:aws:cloudformation:us-east-1:123456789012:stack/shop/1"
CHANGE_SET_ID = "arn:aws:cloudformation:us-east-1:123456789012:changeSet/lambdakit-1/1"
WHEN = dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
BODY = {"TemplateBody": '{"Resources": {}}'}
EVENTS_COMMAND = "aws cloudformation describe-stack-events --stack-name shop --region us-east-1"


class Recorder:
    """A console: what deploy says (`lines`), its progress lines (`progress_lines`, stderr in
    the CLI) and the questions it asks, answered with `answer`."""

    def __init__(self, answer: bool = True, *, interactive: bool = False) -> None:
        self.lines: list[str] = []
        self.progress_lines: list[str] = []
        self.questions: list[str] = []
        self.answer = answer
        self.interactive = interactive

    def echo(self, text: str) -> None:
        self.lines.append(text)

    def progress(self, text: str) -> None:
        self.progress_lines.append(text)

    def confirm(self, question: str) -> bool:
        self.questions.append(question)
        return self.answer

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def stubbed() -> Iterator[tuple[Aws, Stubber]]:
    session = boto3.session.Session(aws_access_key_id="stub", aws_secret_access_key="stub",
                                    region_name="us-east-1")
    # The Stubber answers every call before it is sent; the endpoint is never reached.
    cloudformation = session.client("cloudformation", endpoint_url="http://127.0.0.1:9")
    s3 = session.client("s3", endpoint_url="http://127.0.0.1:9")
    with Stubber(cloudformation) as stub:
        yield Aws("us-east-1", cloudformation, s3), stub
        stub.assert_no_pending_responses()


def _stack(status: str) -> dict[str, Any]:
    return {"Stacks": [{"StackName": STACK, "StackId": STACK_ID, "StackStatus": status,
                        "CreationTime": WHEN}]}


def _event(number: int, logical_id: str, resource_type: str, status: str,
           reason: str = "") -> dict[str, Any]:
    event = {"StackId": STACK_ID, "EventId": f"e{number}", "StackName": STACK,
             "LogicalResourceId": logical_id, "ResourceType": resource_type,
             "Timestamp": WHEN, "ResourceStatus": status}
    if reason:
        event["ResourceStatusReason"] = reason
    return event


def _change(action: str, logical_id: str, resource_type: str,
            replacement: str = "") -> dict[str, Any]:
    change: dict[str, Any] = {"Action": action, "LogicalResourceId": logical_id,
                              "ResourceType": resource_type}
    if replacement:
        change["Replacement"] = replacement
    return {"Type": "Resource", "ResourceChange": change}


def _change_set(status: str, changes: list[dict[str, Any]], reason: str = "",
                next_token: str = "") -> dict[str, Any]:
    answer: dict[str, Any] = {"ChangeSetId": CHANGE_SET_ID, "StackId": STACK_ID,
                              "StackName": STACK, "Status": status, "Changes": changes,
                              "ExecutionStatus": "AVAILABLE"}
    if reason:
        answer["StatusReason"] = reason
    if next_token:
        answer["NextToken"] = next_token
    return answer


def _begin(stub: Stubber, status: str | None, kind: str = "UPDATE") -> None:
    if status is None:
        stub.add_client_error("describe_stacks", "ValidationError",
                              f"Stack with id {STACK} does not exist")
    else:
        stub.add_response("describe_stacks", _stack(status), {"StackName": STACK})
    stub.add_response("create_change_set", {"Id": CHANGE_SET_ID, "StackId": STACK_ID},
                      {"StackName": STACK, "ChangeSetName": ANY, "ChangeSetType": kind,
                       "Capabilities": list(CAPABILITIES), "Description": ANY, "Tags": [],
                       "TemplateBody": BODY["TemplateBody"]})


class Clock:
    """Time that passes only when deploy sleeps; `on_sleep` can act at the Nth sleep."""

    def __init__(self, on_sleep: dict[int, Any] | None = None) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.on_sleep = on_sleep or {}

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        action = self.on_sleep.get(len(self.sleeps))
        if action is not None:
            action()

    def clock(self) -> float:
        return self.now


def _deploy(aws: Aws, console: Recorder, allow: frozenset[str] = frozenset(),
            clock: Clock | None = None, interval_s: float = 5) -> Result:
    clock = clock or Clock()
    poll = Poll(interval_s=interval_s, sleep=clock.sleep, clock=clock.clock)
    return apply(aws, Request(STACK, BODY, allow_replace=allow, assume_yes=False), console,
                 poll)


def test_a_failed_update_prints_the_failing_reasons_and_the_final_state(
        stubbed: tuple[Aws, Stubber]) -> None:
    aws, stub = stubbed
    _begin(stub, "UPDATE_COMPLETE")
    stub.add_response("describe_change_set", _change_set("CREATE_PENDING", []))
    stub.add_response("describe_change_set", _change_set("CREATE_COMPLETE", [
        _change("Modify", "Worker", "AWS::Lambda::Function", "False")]))
    stub.add_response("describe_stack_events",
                      {"StackEvents": [_event(1, STACK, "AWS::CloudFormation::Stack",
                                              "UPDATE_COMPLETE")]})
    stub.add_response("execute_change_set", {}, {"ChangeSetName": CHANGE_SET_ID})
    started = [_event(2, STACK, "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS"),
               _event(1, STACK, "AWS::CloudFormation::Stack", "UPDATE_COMPLETE")]
    stub.add_response("describe_stack_events", {"StackEvents": started})
    stub.add_response("describe_stacks", _stack("UPDATE_IN_PROGRESS"))
    failed = [
        _event(6, STACK, "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_COMPLETE"),
        _event(5, "Worker", "AWS::Lambda::Function", "UPDATE_COMPLETE"),
        _event(4, STACK, "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_IN_PROGRESS",
               "The following resource(s) failed to update: [Worker]."),
        _event(3, "Worker", "AWS::Lambda::Function", "UPDATE_FAILED",
               "Resource handler returned message: \"Error occurred while GetObject. "
               "S3 Error Code: AccessDenied\""),
        *started]
    stub.add_response("describe_stack_events", {"StackEvents": failed})
    stub.add_response("describe_stacks", _stack("UPDATE_ROLLBACK_COMPLETE"))
    stub.add_response("describe_stack_events", {"StackEvents": failed})
    console, clock = Recorder(), Clock()

    result = _deploy(aws, console, clock=clock)

    assert result.outcome is Outcome.FAILED and not result.outcome.succeeded
    assert result.status == "UPDATE_ROLLBACK_COMPLETE"
    assert clock.sleeps == [5, 5]  # once for the change set, once for the stack
    assert console.questions == ["Deploy these changes to shop?"]
    report = console.text.split("did not deploy")[1]
    assert ": it is now UPDATE_ROLLBACK_COMPLETE" in report
    assert "Worker (AWS::Lambda::Function) UPDATE_FAILED: Resource handler returned " \
           "message: \"Error occurred while GetObject. S3 Error Code: AccessDenied\"" in report
    assert report.endswith(f"  see more: {EVENTS_COMMAND}")
    assert [line.split()[2] for line in console.progress_lines] == [
        "UPDATE_IN_PROGRESS", "UPDATE_FAILED", "UPDATE_ROLLBACK_IN_PROGRESS",
        "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE"]
    assert console.progress_lines[0].startswith("[0s 0/1] ")
    assert console.progress_lines[-1].startswith("[5s 1/1] ")


def test_a_refused_change_set_is_reported_and_cleaned_up(
        stubbed: tuple[Aws, Stubber]) -> None:
    aws, stub = stubbed
    _begin(stub, None, kind="CREATE")
    reason = "Template format error: Unresolved resource dependencies [Missing]"
    stub.add_response("describe_change_set", _change_set("FAILED", [], reason))
    stub.add_response("delete_change_set", {}, {"ChangeSetName": CHANGE_SET_ID})
    stub.add_response("delete_stack", {}, {"StackName": STACK_ID})
    console = Recorder()

    result = _deploy(aws, console)

    assert result.outcome is Outcome.FAILED
    assert console.lines == [f"CloudFormation refused the change set: {reason}"]


@pytest.mark.parametrize(("resource_type", "replacement", "consequence"), [
    ("AWS::DynamoDB::Table", "True", "would replace it"),
    ("AWS::KMS::Key", "Conditional", "may replace it (it decides only while it runs)"),
    ("AWS::SQS::Queue", "True", "would replace it"),
    ("AWS::Logs::LogGroup", "True", "would replace it"),
    ("AWS::DynamoDB::Table", "", "does not say whether it would replace it"),
])
def test_an_announced_replacement_of_data_is_stopped_unless_allowed(
        stubbed: tuple[Aws, Stubber], resource_type: str, replacement: str,
        consequence: str) -> None:
    aws, stub = stubbed
    changes = [_change("Modify", "Store", resource_type, replacement),
               _change("Modify", "Worker", "AWS::Lambda::Function", "True")]
    _begin(stub, "UPDATE_COMPLETE")
    stub.add_response("describe_change_set", _change_set("CREATE_COMPLETE", changes))
    stub.add_response("delete_change_set", {}, {"ChangeSetName": CHANGE_SET_ID})
    console = Recorder()

    refused = _deploy(aws, console)

    assert refused.outcome is Outcome.REFUSED
    assert console.questions == []
    assert f"  Store ({resource_type}): CloudFormation {consequence}, and what it " \
           "holds with it" in console.text
    assert "Worker (AWS::Lambda::Function): CloudFormation" not in console.text
    assert "deploy again with --allow-replace Store" in console.text
    table = console.text.split("Stopped")[0]
    assert {"True": "yes", "Conditional": "maybe", "": "unknown"}[replacement] in table

    _begin(stub, "UPDATE_COMPLETE")
    stub.add_response("describe_change_set", _change_set("CREATE_COMPLETE", changes))
    stub.add_response("delete_change_set", {}, {"ChangeSetName": CHANGE_SET_ID})
    declined = Recorder(answer=False)
    assert _deploy(aws, declined, allow=frozenset({"Store"})).outcome is Outcome.DECLINED
    assert declined.questions == ["Deploy these changes to shop?"]


def test_modifying_data_in_place_and_replacing_stateless_resources_pass_the_guard(
        stubbed: tuple[Aws, Stubber]) -> None:
    aws, stub = stubbed
    changes = [_change("Modify", "Orders", "AWS::DynamoDB::Table", "False"),
               _change("Remove", "Worker", "AWS::Lambda::Function"),
               _change("Add", "Queue", "AWS::SQS::Queue")]
    _begin(stub, "UPDATE_COMPLETE")
    stub.add_response("describe_change_set", _change_set("CREATE_COMPLETE", changes))
    stub.add_response("delete_change_set", {}, {"ChangeSetName": CHANGE_SET_ID})
    console = Recorder(answer=False)
    assert _deploy(aws, console).outcome is Outcome.DECLINED
    assert "1 to add, 1 to modify, 1 to remove" in console.text


def test_every_page_of_a_long_change_set_is_read(stubbed: tuple[Aws, Stubber]) -> None:
    aws, stub = stubbed
    _begin(stub, "UPDATE_COMPLETE")
    stub.add_response("describe_change_set", _change_set(
        "CREATE_COMPLETE", [_change("Add", "Worker", "AWS::Lambda::Function")],
        next_token="page2"))
    stub.add_response("describe_change_set", _change_set(
        "CREATE_COMPLETE", [_change("Remove", "Orders", "AWS::DynamoDB::Table")]),
        {"ChangeSetName": CHANGE_SET_ID, "NextToken": "page2"})
    stub.add_response("delete_change_set", {}, {"ChangeSetName": CHANGE_SET_ID})
    console = Recorder()
    assert _deploy(aws, console).outcome is Outcome.REFUSED
    assert "Orders (AWS::DynamoDB::Table): CloudFormation would remove it" in console.text


def test_a_busy_stack_is_not_touched(stubbed: tuple[Aws, Stubber]) -> None:
    aws, stub = stubbed
    stub.add_response("describe_stacks", _stack("UPDATE_IN_PROGRESS"), {"StackName": STACK})
    with pytest.raises(DeployError, match="UPDATE_IN_PROGRESS: another operation is running"):
        _deploy(aws, Recorder())


def test_a_stack_whose_creation_failed_is_deleted_then_created_again(
        stubbed: tuple[Aws, Stubber]) -> None:
    aws, stub = stubbed
    stub.add_response("describe_stacks", _stack("ROLLBACK_COMPLETE"), {"StackName": STACK})
    stub.add_response("describe_stack_events", {"StackEvents": []})
    stub.add_response("delete_stack", {}, {"StackName": STACK_ID})
    deleted = [_event(1, STACK, "AWS::CloudFormation::Stack", "DELETE_COMPLETE")]
    stub.add_response("describe_stack_events", {"StackEvents": deleted})
    stub.add_response("describe_stacks", _stack("DELETE_COMPLETE"))
    stub.add_response("describe_stack_events", {"StackEvents": deleted})
    stub.add_response("create_change_set", {"Id": CHANGE_SET_ID, "StackId": STACK_ID},
                      {"StackName": STACK, "ChangeSetName": ANY, "ChangeSetType": "CREATE",
                       "Capabilities": ANY, "Description": ANY, "Tags": [],
                       "TemplateBody": ANY})
    stub.add_response("describe_change_set", _change_set("CREATE_COMPLETE", []))
    stub.add_response("delete_change_set", {}, {"ChangeSetName": CHANGE_SET_ID})
    stub.add_response("delete_stack", {}, {"StackName": STACK_ID})
    console = Recorder(answer=False)
    assert _deploy(aws, console).outcome is Outcome.DECLINED
    assert "shop is ROLLBACK_COMPLETE: its creation failed and it holds nothing" in console.text


def test_a_failed_deletion_reports_why(stubbed: tuple[Aws, Stubber]) -> None:
    aws, stub = stubbed
    stub.add_response("describe_stacks", _stack("UPDATE_COMPLETE"), {"StackName": STACK})
    stub.add_response("list_stack_resources", {"StackResourceSummaries": [
        {"LogicalResourceId": "Uploads", "PhysicalResourceId": "shop-uploads-1",
         "ResourceType": "AWS::S3::Bucket", "LastUpdatedTimestamp": WHEN,
         "ResourceStatus": "CREATE_COMPLETE"}]})
    stub.add_response("get_template", {"TemplateBody": json.dumps({"Resources": {
        "Uploads": {"Type": "AWS::S3::Bucket"}}})},
        {"StackName": STACK_ID, "TemplateStage": "Processed"})
    stub.add_response("describe_stack_events", {"StackEvents": []})
    stub.add_response("delete_stack", {}, {"StackName": STACK_ID})
    failed = [_event(2, STACK, "AWS::CloudFormation::Stack", "DELETE_FAILED",
                     "The following resource(s) failed to delete: [Uploads]."),
              _event(1, "Uploads", "AWS::S3::Bucket", "DELETE_FAILED",
                     "The bucket you tried to delete is not empty")]
    stub.add_response("describe_stack_events", {"StackEvents": failed})
    stub.add_response("describe_stacks", _stack("DELETE_FAILED"))
    stub.add_response("describe_stack_events", {"StackEvents": failed})
    console = Recorder()

    result = destroy(aws, STACK, console, Poll(0), assume_yes=True)

    assert result.outcome is Outcome.FAILED
    assert "shop was not deleted: it is now DELETE_FAILED" in console.text
    assert "Uploads (AWS::S3::Bucket) DELETE_FAILED: The bucket you tried to delete is not " \
           "empty" in console.text


def test_without_list_bucket_a_forbidden_head_counts_as_missing_other_errors_raise() -> None:
    from botocore.exceptions import ClientError

    from lambdakit.deploy.package import object_exists

    s3 = boto3.session.Session(aws_access_key_id="stub", aws_secret_access_key="stub",
                               region_name="us-east-1").client(
        "s3", endpoint_url="http://127.0.0.1:9")
    with Stubber(s3) as stub:
        stub.add_client_error("head_object", "403", "Forbidden", 403)
        stub.add_client_error("head_object", "404", "Not Found", 404)
        stub.add_client_error("head_object", "SlowDown", "Reduce your request rate", 503)
        stub.add_response("head_object", {"ContentLength": 3})
        assert object_exists(s3, "bkt", "artifacts/a.zip") is False
        assert object_exists(s3, "bkt", "artifacts/a.zip") is False
        with pytest.raises(ClientError, match="SlowDown"):
            object_exists(s3, "bkt", "artifacts/a.zip")
        assert object_exists(s3, "bkt", "artifacts/a.zip") is True


def test_an_interrupted_confirmation_leaves_no_change_set(
        stubbed: tuple[Aws, Stubber]) -> None:
    aws, stub = stubbed
    _begin(stub, None, kind="CREATE")
    stub.add_response("describe_change_set", _change_set(
        "CREATE_COMPLETE", [_change("Add", "Worker", "AWS::Lambda::Function")]))
    stub.add_response("delete_change_set", {}, {"ChangeSetName": CHANGE_SET_ID})
    stub.add_response("delete_stack", {}, {"StackName": STACK_ID})

    class CtrlC(Recorder):
        def confirm(self, question: str) -> bool:
            raise KeyboardInterrupt

    with pytest.raises(Interrupted) as raised:
        _deploy(aws, CtrlC())
    assert raised.value.message == ("interrupted: nothing was deployed to shop; the change set "
                                    "was deleted")


@pytest.mark.parametrize(("status", "hint"), [
    ("UPDATE_ROLLBACK_FAILED", "aws cloudformation continue-update-rollback --stack-name shop"),
    ("DELETE_FAILED", "then lambdakit destroy"),
])
def test_a_stuck_stack_is_named_with_the_way_out(stubbed: tuple[Aws, Stubber], status: str,
                                                 hint: str) -> None:
    aws, stub = stubbed
    stub.add_response("describe_stacks", _stack(status), {"StackName": STACK})
    with pytest.raises(DeployError) as raised:
        _deploy(aws, Recorder())
    assert raised.value.message == f"shop is {status}: CloudFormation takes no change set now"
    assert hint in raised.value.hint


def _update_until_executed(stub: Stubber, changes: list[dict[str, Any]]) -> None:
    """An update of `shop` up to the execution of its change set (the stack's last event
    before it: e1)."""
    _begin(stub, "UPDATE_COMPLETE")
    stub.add_response("describe_change_set", _change_set("CREATE_COMPLETE", changes))
    stub.add_response("describe_stack_events",
                      {"StackEvents": [_event(1, STACK, "AWS::CloudFormation::Stack",
                                              "UPDATE_COMPLETE")]})
    stub.add_response("execute_change_set", {}, {"ChangeSetName": CHANGE_SET_ID})


def test_progress_shows_elapsed_time_resources_done_and_a_line_while_nothing_happens(
        stubbed: tuple[Aws, Stubber]) -> None:
    aws, stub = stubbed
    _update_until_executed(stub, [_change("Modify", "Worker", "AWS::Lambda::Function", "False"),
                                  _change("Modify", "Queue", "AWS::SQS::Queue", "False")])
    started = [_event(4, "Queue", "AWS::SQS::Queue", "UPDATE_IN_PROGRESS"),
               _event(3, "Worker", "AWS::Lambda::Function", "UPDATE_IN_PROGRESS"),
               _event(2, STACK, "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS"),
               _event(1, STACK, "AWS::CloudFormation::Stack", "UPDATE_COMPLETE")]
    for _ in range(4):  # at 0, 10, 20 and 30 s: nothing new after the start
        stub.add_response("describe_stack_events", {"StackEvents": started})
        stub.add_response("describe_stacks", _stack("UPDATE_IN_PROGRESS"))
    done = [_event(7, STACK, "AWS::CloudFormation::Stack", "UPDATE_COMPLETE"),
            _event(6, "Queue", "AWS::SQS::Queue", "UPDATE_COMPLETE"),
            _event(5, "Worker", "AWS::Lambda::Function", "UPDATE_COMPLETE"), *started]
    stub.add_response("describe_stack_events", {"StackEvents": done})
    stub.add_response("describe_stacks", _stack("UPDATE_COMPLETE"))
    stub.add_response("describe_stack_events", {"StackEvents": done})
    stub.add_response("describe_stacks", _stack("UPDATE_COMPLETE"))  # its outputs
    console = Recorder()

    result = _deploy(aws, console, interval_s=10)

    assert result.outcome is Outcome.DEPLOYED
    assert [" ".join(line.split()) for line in console.progress_lines] == [
        "[0s 0/2] UPDATE_IN_PROGRESS shop (AWS::CloudFormation::Stack)",
        "[0s 0/2] UPDATE_IN_PROGRESS Worker (AWS::Lambda::Function)",
        "[0s 0/2] UPDATE_IN_PROGRESS Queue (AWS::SQS::Queue)",
        "[30s 0/2] still UPDATE_IN_PROGRESS; in progress: Queue, Worker",
        "[40s 1/2] UPDATE_COMPLETE Worker (AWS::Lambda::Function)",
        "[40s 2/2] UPDATE_COMPLETE Queue (AWS::SQS::Queue)",
        "[40s 2/2] UPDATE_COMPLETE shop (AWS::CloudFormation::Stack)",
    ]
    assert not any(line.startswith("[") for line in console.lines)  # stdout: no progress


@pytest.mark.parametrize("interactive", [False, True])
def test_ctrl_c_while_cloudformation_works_says_it_carries_on_and_how_to_follow_or_cancel(
        stubbed: tuple[Aws, Stubber], interactive: bool) -> None:
    aws, stub = stubbed
    _update_until_executed(stub, [_change("Modify", "Worker", "AWS::Lambda::Function",
                                          "False")])
    started = [_event(2, STACK, "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS"),
               _event(1, STACK, "AWS::CloudFormation::Stack", "UPDATE_COMPLETE")]
    stub.add_response("describe_stack_events", {"StackEvents": started})
    stub.add_response("describe_stacks", _stack("UPDATE_IN_PROGRESS"))
    stub.add_response("describe_stacks", _stack("UPDATE_IN_PROGRESS"), {"StackName": STACK_ID})
    if interactive:
        stub.add_response("cancel_update_stack", {}, {"StackName": STACK_ID})
    console = Recorder(interactive=interactive)

    def ctrl_c() -> None:
        raise KeyboardInterrupt

    with pytest.raises(Interrupted) as raised:
        _deploy(aws, console, clock=Clock(on_sleep={1: ctrl_c}))

    assert raised.value.message == (
        "interrupted: lambdakit stopped following shop, which is UPDATE_IN_PROGRESS; "
        "CloudFormation carries on without lambdakit")
    follow = f"to follow it: {EVENTS_COMMAND}"
    if interactive:
        assert console.questions[-1] == "Cancel the update of shop? CloudFormation rolls it back"
        assert raised.value.__notes__ == [
            "cancelled: CloudFormation rolls shop back to its previous state "
            "(UPDATE_ROLLBACK_IN_PROGRESS, then UPDATE_ROLLBACK_COMPLETE)", follow]
    else:
        assert console.questions == ["Deploy these changes to shop?"]
        assert raised.value.__notes__ == [
            "to cancel the update: aws cloudformation cancel-update-stack --stack-name shop "
            "--region us-east-1", follow]


def test_a_lost_endpoint_says_what_is_known_of_the_stack_and_how_to_check() -> None:
    from botocore.config import Config
    from botocore.exceptions import EndpointConnectionError

    session = boto3.session.Session(aws_access_key_id="stub", aws_secret_access_key="stub",
                                    region_name="us-east-1")
    once = Config(retries={"total_max_attempts": 1})
    # Port 9 (discard) on this machine: once the Stubber stops answering, nobody does.
    cloudformation = session.client("cloudformation", endpoint_url="http://127.0.0.1:9",
                                    config=once)
    aws = Aws("us-east-1", cloudformation, session.client("s3", config=once))
    stub = Stubber(cloudformation)
    stub.activate()
    _update_until_executed(stub, [_change("Modify", "Worker", "AWS::Lambda::Function",
                                          "False")])
    stub.add_response("describe_stack_events", {"StackEvents": [
        _event(2, STACK, "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS"),
        _event(1, STACK, "AWS::CloudFormation::Stack", "UPDATE_COMPLETE")]})
    stub.add_response("describe_stacks", _stack("UPDATE_IN_PROGRESS"))

    with pytest.raises(EndpointConnectionError) as raised:
        _deploy(aws, Recorder(), clock=Clock(on_sleep={1: stub.deactivate}))

    assert raised.value.__notes__ == [
        "shop was UPDATE_IN_PROGRESS when lambdakit last read it (5s into the operation, 0 of "
        "1 resources done); CloudFormation carries on without lambdakit",
        f"see more: {EVENTS_COMMAND}"]


@pytest.mark.parametrize("failing", ["create_change_set", "describe_change_set"])
def test_a_failure_before_execution_says_the_stack_was_not_changed(
        stubbed: tuple[Aws, Stubber], failing: str) -> None:
    from botocore.exceptions import ClientError

    aws, stub = stubbed
    if failing == "create_change_set":
        stub.add_response("describe_stacks", _stack("UPDATE_COMPLETE"), {"StackName": STACK})
        stub.add_client_error("create_change_set", "AccessDenied", "not authorized")
    else:
        _begin(stub, "UPDATE_COMPLETE")
        stub.add_client_error("describe_change_set", "Throttling", "Rate exceeded")
        stub.add_response("delete_change_set", {}, {"ChangeSetName": CHANGE_SET_ID})

    with pytest.raises(ClientError) as raised:
        _deploy(aws, Recorder())

    assert raised.value.__notes__ == [
        "shop was not changed: it is still UPDATE_COMPLETE",
        f"see more: {EVENTS_COMMAND}"]


def test_ctrl_c_during_a_deletion_says_it_carries_on_and_offers_nothing_to_cancel(
        stubbed: tuple[Aws, Stubber]) -> None:
    aws, stub = stubbed
    stub.add_response("describe_stacks", _stack("UPDATE_COMPLETE"), {"StackName": STACK})
    stub.add_response("list_stack_resources", {"StackResourceSummaries": []})
    stub.add_response("get_template", {"TemplateBody": '{"Resources": {}}'})
    stub.add_response("describe_stack_events", {"StackEvents": []})
    stub.add_response("delete_stack", {}, {"StackName": STACK_ID})
    stub.add_response("describe_stack_events", {"StackEvents": []})
    stub.add_response("describe_stacks", _stack("DELETE_IN_PROGRESS"))
    stub.add_client_error("describe_stacks", "Throttling", "Rate exceeded")  # after Ctrl-C
    console = Recorder(interactive=True)

    def ctrl_c() -> None:
        raise KeyboardInterrupt

    clock = Clock(on_sleep={1: ctrl_c})
    with pytest.raises(Interrupted) as raised:
        destroy(aws, STACK, console, Poll(sleep=clock.sleep, clock=clock.clock),
                assume_yes=True)

    assert raised.value.message == (
        "interrupted: lambdakit stopped following shop, which is DELETE_IN_PROGRESS; "
        "CloudFormation carries on without lambdakit")
    assert raised.value.__notes__ == [f"to follow it: {EVENTS_COMMAND}"]
    assert console.questions == []
