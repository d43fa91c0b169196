"""Who may act for the app's event sources, and over what: each service that assumes a role or
sends to a resource is held to the resource it acts for (confused deputy), queues and topics
take TLS only, and names the app picks leave room for a second stack of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import second_opinion_findings, synth_app

from lambdakit import App, Canary, Function, Key, Queue, Stream, StreamConsumer, Topic
from lambdakit.check.sam import sam_transform
from lambdakit.events import KinesisEvent, ScheduleEvent, SnsEvent, SqsEvent
from lambdakit.plan import plan_app

CODE = Path(__file__).resolve().parent / "goldens" / "_code"
FAILURES = {"LK380": "tests of who may act for the sources"}


def _function(id: str, **settings: Any) -> Function:
    settings.setdefault("acknowledge", FAILURES)
    return Function(id=id, handler="svc.handler.handle", code=str(CODE), runtime="python3.13",
                    **settings)


def _transformed(*functions: Function, **app: Any) -> dict[str, Any]:
    template = synth_app(App(name="trust", functions=list(functions), **app), CODE).template
    resources: dict[str, Any] = sam_transform(template)["Resources"]
    return resources


def _trust_condition(resources: dict[str, Any], role_id: str) -> dict[str, Any]:
    [statement] = resources[role_id]["Properties"]["AssumeRolePolicyDocument"]["Statement"]
    condition: dict[str, Any] = statement["Condition"]
    return condition


def test_scheduler_assumes_the_role_for_the_default_group_of_this_account_only() -> None:
    resources = _transformed(_function("Poller", events=[ScheduleEvent(expression="rate(1 hour)")]))
    condition = _trust_condition(resources, "PollerOnScheduleRole")
    assert condition["StringEquals"] == {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}
    assert condition["ArnLike"] == {"aws:SourceArn": {"Fn::Sub": (
        "arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:"
        "schedule-group/default")}}


def test_schedules_are_named_by_cloudformation_so_a_second_stack_does_not_collide() -> None:
    resources = _transformed(_function("Poller", events=[ScheduleEvent(expression="rate(1 hour)")]))
    schedule = resources["PollerOnSchedule"]
    assert schedule["Type"] == "AWS::Scheduler::Schedule"
    assert "Name" not in schedule["Properties"]
    assert "GroupName" not in schedule["Properties"]  # the default group, as the trust says


def test_codedeploy_assumes_the_role_for_this_stacks_deployment_groups_only() -> None:
    fn = _function("Api", alias="live", deployment=Canary(percent=10, minutes=5))
    resources = _transformed(fn)
    condition = _trust_condition(resources, fn.deployment_role_id)
    assert condition["ArnLike"] == {"aws:SourceArn": {"Fn::Sub": (
        "arn:${AWS::Partition}:codedeploy:${AWS::Region}:${AWS::AccountId}:"
        "deploymentgroup:${ServerlessDeploymentApplication}/*")}}
    group = resources[f"{fn.id}DeploymentGroup"]["Properties"]
    assert group["ApplicationName"] == {"Ref": "ServerlessDeploymentApplication"}


def _statements(resources: dict[str, Any], policy_id: str) -> dict[str, dict[str, Any]]:
    document = resources[policy_id]["Properties"]["PolicyDocument"]
    return {statement["Sid"]: statement for statement in document["Statement"]}


def test_owned_queues_and_their_dead_letter_queues_take_tls_only() -> None:
    inbox = Queue(id="Inbox")
    resources = _transformed(_function("Worker", events=[SqsEvent(queue=inbox)]))
    policy = resources["InboxPolicy"]
    assert policy["Type"] == "AWS::SQS::QueuePolicy"
    assert policy["Properties"]["Queues"] == [{"Ref": "Inbox"}, {"Ref": "InboxDeadLetter"}]
    deny = _statements(resources, "InboxPolicy")["DenyInsecureTransport"]
    assert (deny["Effect"], deny["Principal"], deny["Action"]) == ("Deny", "*", "sqs:*")
    assert deny["Resource"] == [{"Fn::GetAtt": ["Inbox", "Arn"]},
                                {"Fn::GetAtt": ["InboxDeadLetter", "Arn"]}]
    assert deny["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}


def test_a_queue_services_deliver_to_has_one_policy_for_tls_and_its_senders() -> None:
    orders = Topic(id="Orders")
    resources = _transformed(_function("Archive", events=[SnsEvent(topic=orders,
                                                                   sqs_buffer=True)]))
    queue_policies = [i for i, r in resources.items() if r["Type"] == "AWS::SQS::QueuePolicy"
                      and {"Ref": "FromOrdersBuffer"} in r["Properties"]["Queues"]]
    assert queue_policies == ["FromOrdersBufferPolicy"]
    assert set(_statements(resources, "FromOrdersBufferPolicy")) == {
        "DenyInsecureTransport", "SnsSubscriptions"}


def test_owned_topics_take_publishing_over_tls_only() -> None:
    alerts = Topic(id="Alerts")
    resources = _transformed(_function("Notifier", grants=[alerts.publish()]))
    policy = resources["AlertsPolicy"]
    assert policy["Type"] == "AWS::SNS::TopicPolicy"
    assert policy["Properties"]["Topics"] == [{"Ref": "Alerts"}]
    deny = _statements(resources, "AlertsPolicy")["DenyInsecureTransport"]
    assert (deny["Effect"], deny["Action"], deny["Resource"]) == (
        "Deny", "sns:Publish", [{"Ref": "Alerts"}])


def test_counted_resources_are_the_emitted_ones_with_queue_and_topic_policies() -> None:
    orders, inbox = Topic(id="Orders"), Queue(id="Inbox")
    functions = [_function("Archive", events=[SnsEvent(topic=orders, sqs_buffer=True)]),
                 _function("Worker", events=[SqsEvent(queue=inbox)], grants=[orders.publish()])]
    app = App(name="trust", functions=functions)
    resources = _transformed(*functions)
    assert len(plan_app(app).resources) == len(resources)


def test_a_buffer_queue_keeps_the_topics_customer_key_which_lets_sns_in_for_the_topic() -> None:
    key = Key(id="OrdersKey")
    orders = Topic(id="Orders", key=key)
    fn = _function("Archive", events=[SnsEvent(topic=orders, sqs_buffer=True)])
    synthesis = synth_app(App(name="trust", functions=[fn]), CODE)
    assert synthesis.warnings == []
    assert second_opinion_findings(synthesis.template, synthesis.origins) == []
    resources = synthesis.template["Resources"]
    buffer = resources["FromOrdersBuffer"]["Properties"]
    assert buffer["KmsMasterKeyId"] == {"Fn::GetAtt": ["OrdersKey", "Arn"]}
    assert "SqsManagedSseEnabled" not in buffer
    key_policy = resources["OrdersKey"]["Properties"]["KeyPolicy"]["Statement"]
    [sns] = [statement for statement in key_policy if statement.get("Sid") == "SnsDeliveries"]
    assert sns["Principal"] == {"Service": "sns.amazonaws.com"}
    assert sns["Action"] == ["kms:Decrypt", "kms:GenerateDataKey"]
    # The topic depends on the key, so the key's policy cannot name it: this account's topics.
    assert sns["Condition"] == {"ArnLike": {"aws:SourceArn": {
        "Fn::Sub": "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:*"}}}
    assert "SnsSubscriptions" in _statements(resources, "FromOrdersBufferPolicy")


def test_a_topic_under_an_existing_key_buffers_under_sqs_managed_keys() -> None:
    key = Key.existing(arn="arn:aws:kms:us-east-1:123456789012:key/"
                           "1234abcd-12ab-34cd-56ef-1234567890ab")
    source = SnsEvent(topic=Topic(id="Orders", key=key), sqs_buffer=True)
    buffer = source.buffer()
    assert buffer is not None and buffer.queue.key is None


def test_sns_may_use_a_buffers_key_for_the_topic_only_when_the_key_does_not_encrypt_it() -> None:
    key = Key(id="BufferKey")
    orders = Topic(id="Orders")
    fn = _function("Archive", events=[SnsEvent(topic=orders,
                                               sqs_buffer=Queue(id="Backlog", key=key))])
    synthesis = synth_app(App(name="trust", functions=[fn]), CODE)
    assert second_opinion_findings(synthesis.template, synthesis.origins) == []
    key_policy = synthesis.template["Resources"]["BufferKey"]["Properties"]["KeyPolicy"]
    [sns] = [s for s in key_policy["Statement"] if s.get("Sid") == "SnsDeliveries"]
    assert sns["Condition"] == {"ArnEquals": {"aws:SourceArn": [{"Ref": "Orders"}]}}


def test_a_consumer_of_a_shared_stream_is_named_per_stack() -> None:
    shared = Stream.existing(name="clicks")
    own = Stream(id="Orders")
    functions = [_function("Shared", events=[KinesisEvent(
                     stream=shared, consumer=StreamConsumer(id="SharedFanOut", stream=shared),
                     starting_position="LATEST", on_failure=Queue(id="Failed"))]),
                 _function("Own", events=[KinesisEvent(
                     stream=own, consumer=StreamConsumer(id="OwnFanOut", stream=own),
                     starting_position="LATEST", on_failure=Queue(id="Failed2"))])]
    resources = synth_app(App(name="trust", functions=functions), CODE).template["Resources"]
    assert resources["SharedFanOut"]["Properties"]["ConsumerName"] == {
        "Fn::Sub": "${AWS::StackName}-SharedFanOut"}
    assert resources["OwnFanOut"]["Properties"]["ConsumerName"] == "OwnFanOut"
