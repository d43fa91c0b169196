"""Every scanner suppression lambdakit writes is a claim about the resource it sits on: a
checkov skip's comment says why the check does not apply. This test reads every skip in every
golden and every synthesised example and checks the condition it states against that resource,
so no skip claims what the template does not hold (no DLQ needed "because nothing invokes it
asynchronously" while another function may; "lambdakit refuses literal secrets" on a function
holding one). A skip whose check id is not known here fails: each needs its condition."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import cfn_flip
import pytest
from helpers import FIXED_DAY, synth_app, synth_file

from lambdakit import App, Bucket, Function, Queue
from lambdakit.events import MskEvent, S3Event, SelfManagedKafkaEvent
from lambdakit.plan import plan_app
from lambdakit.plan.secrets import holds_secret

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
CODE = TESTS / "goldens" / "_code"

Resources = dict[str, dict[str, Any]]
# check id -> (logical id, resource, comment, all resources) -> the false claim, or None
Condition = Callable[[str, dict[str, Any], str, Resources], "str | None"]

# Sources that invoke asynchronously (Cognito and Alexa invoke synchronously).
PUSH_EVENTS = {"S3", "SNS", "EventBridgeRule", "CloudWatchEvent", "Schedule", "ScheduleV2",
               "CloudWatchLogs", "IoTRule"}
FAILURE_DESTINATION_EVENTS = {"Kinesis", "DynamoDB", "MSK", "SelfManagedKafka"}


def _templates() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted((TESTS / "goldens").glob("*.yaml")):
        yield path.name, cfn_flip.load(path.read_text(encoding="utf-8"))[0]
    for app in sorted((ROOT / "examples").glob("*/app.py")):
        yield f"example-{app.parent.name}", synth_file(app).template


def _props(resource: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = resource.get("Properties", {})
    return properties


def _refers_to(value: Any, logical_id: str) -> bool:
    """Whether a CloudFormation value names `logical_id` (Ref, GetAtt, or inside a Sub)."""
    text = json.dumps(value)
    return (f'"Ref": "{logical_id}"' in text or f'["{logical_id}", "Arn"]' in text
            or f"${{{logical_id}.Arn}}" in text)


def _events(resource: dict[str, Any]) -> dict[str, dict[str, Any]]:
    events: dict[str, dict[str, Any]] = _props(resource).get("Events", {})
    return events


def _public_kafka(resource: dict[str, Any]) -> list[str]:
    """Self-managed Kafka sources whose brokers Lambda reaches outside any VPC."""
    return [name for name, event in _events(resource).items()
            if event["Type"] == "SelfManagedKafka"
            and not any(c["Type"] == "VPC_SUBNET"
                        for c in _props(event).get("SourceAccessConfigurations", []))]


def _acknowledged(resource: dict[str, Any]) -> dict[str, str]:
    acknowledged: dict[str, str] = resource.get("Metadata", {}).get("lambdakit", {}).get(
        "acknowledged", {})
    return acknowledged


def _invokers(logical_id: str, resources: Resources) -> list[str]:
    """Roles and functions of the template that may invoke the function asynchronously."""
    found = []
    for other_id, other in resources.items():
        if other_id == logical_id:
            continue
        if other["Type"] == "AWS::IAM::Role" and "lambda.amazonaws.com" in json.dumps(
                _props(other).get("AssumeRolePolicyDocument")):  # a function's role
            for policy in _props(other).get("Policies", []):
                for statement in policy["PolicyDocument"]["Statement"]:
                    actions = statement["Action"]
                    actions = actions if isinstance(actions, list) else [actions]
                    if ("lambda:InvokeFunction" in actions
                            and _refers_to(statement["Resource"], logical_id)):
                        found.append(other_id)
                        break
        elif other["Type"] == "AWS::Serverless::Function" and _refers_to(
                _props(other).get("EventInvokeConfig", {}), logical_id):
            found.append(other_id)
    return found


def _not_in_vpc(logical_id: str, resource: dict[str, Any], comment: str,
                resources: Resources) -> str | None:
    if "VpcConfig" in _props(resource):
        return "the function is in a VPC"
    public = _public_kafka(resource)
    reason = _acknowledged(resource).get("LK115", "")
    if public and not (reason and reason in comment and all(p in comment for p in public)):
        return f"it polls Kafka brokers outside any VPC: {', '.join(public)}"
    return None


def _no_reserved_concurrency(logical_id: str, resource: dict[str, Any], comment: str,
                             resources: Resources) -> str | None:
    return ("it has reserved concurrency"
            if "ReservedConcurrentExecutions" in _props(resource) else None)


def _no_dead_letter_queue(logical_id: str, resource: dict[str, Any], comment: str,
                          resources: Resources) -> str | None:
    properties = _props(resource)
    if "DeadLetterQueue" in properties:
        return "it has a dead-letter queue"
    on_failure = properties.get("EventInvokeConfig", {}).get("DestinationConfig", {}).get(
        "OnFailure")
    if "go to the on-failure destination" in comment:
        return None if on_failure else "it has no on-failure destination"
    acknowledged = _acknowledged(resource)
    for code in ("LK380", "LK325"):
        if f"acknowledged ({code})" in comment:
            reason = acknowledged.get(code, "")
            return None if reason and reason in comment else f"{code} is not acknowledged"
    pushed = [name for name, event in _events(resource).items() if event["Type"] in PUSH_EVENTS]
    invokers = _invokers(logical_id, resources)
    if pushed or invokers:
        return f"it is invoked asynchronously by {', '.join(pushed + invokers)}"
    if "event source mappings" in comment:
        lost = [name for name, event in _events(resource).items()
                if event["Type"] in FAILURE_DESTINATION_EVENTS
                and "OnFailure" not in _props(event).get("DestinationConfig", {})]
        if lost:
            return f"failed records of {', '.join(lost)} go to no destination"
    return None


def _environment_without_secrets(logical_id: str, resource: dict[str, Any], comment: str,
                                 resources: Resources) -> str | None:
    properties = _props(resource)
    if "KmsKeyArn" in properties:
        return "the environment has a customer key"
    variables = properties.get("Environment", {}).get("Variables", {})
    held = [name for name, value in variables.items()
            if isinstance(value, str) and holds_secret(name, value)]
    return f"secrets in {', '.join(held)}" if held else None


def _deprecated_runtime_acknowledged(logical_id: str, resource: dict[str, Any], comment: str,
                                     resources: Resources) -> str | None:
    reason = _acknowledged(resource).get("LK121", "")
    return None if reason and reason in comment else "LK121 is not acknowledged with this reason"


def _unversioned(logical_id: str, resource: dict[str, Any], comment: str,
                 resources: Resources) -> str | None:
    status = _props(resource).get("VersioningConfiguration", {}).get("Status")
    if status == "Enabled":
        return "the bucket is versioned"
    reason = resource.get("Metadata", {}).get("lambdakit", {}).get("without_versioning", "")
    return None if reason and reason in comment else "no reason from the user"


def _property_absent(*path: str) -> Condition:
    def condition(logical_id: str, resource: dict[str, Any], comment: str,
                  resources: Resources) -> str | None:
        value: Any = _props(resource)
        for key in path:
            if not isinstance(value, dict) or key not in value:
                return None
            value = value[key]
        return None if value in (False, None) else f"{'.'.join(path)} is set"
    return condition




def _public_url(logical_id: str, resource: dict[str, Any], comment: str,
                resources: Resources) -> str | None:
    auth = _props(resource).get("FunctionUrlConfig", {}).get("AuthType")
    return None if auth == "NONE" else f"the function's URL is not public (AuthType {auth})"


def _bucket_sse_s3(logical_id: str, resource: dict[str, Any], comment: str,
                   resources: Resources) -> str | None:
    rules = _props(resource)["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    algorithms = {r["ServerSideEncryptionByDefault"]["SSEAlgorithm"] for r in rules}
    return None if algorithms == {"AES256"} else f"encrypted with {sorted(algorithms)}"


CONDITIONS: dict[str, Condition] = {
    "CKV_AWS_115": _no_reserved_concurrency,
    "CKV_AWS_116": _no_dead_letter_queue,
    "CKV_AWS_117": _not_in_vpc,
    "CKV_AWS_173": _environment_without_secrets,
    "CKV_AWS_363": _deprecated_runtime_acknowledged,
    "CKV_AWS_21": _unversioned,
    "CKV_AWS_18": _property_absent("LoggingConfiguration"),
    # A disaster-recovery choice, stated as one: true wherever there is no replication.
    "CKV_AWS_144": _property_absent("ReplicationConfiguration"),
    "CKV_AWS_145": _bucket_sse_s3,
    "CKV_AWS_119": _property_absent("SSESpecification", "KMSMasterKeyId"),
    "CKV_AWS_149": _property_absent("KmsKeyId"),
    "CKV_AWS_27": _property_absent("KmsMasterKeyId"),
    "CKV_AWS_158": _property_absent("KmsKeyId"),
    "CKV_AWS_120": _property_absent("CacheClusterEnabled"),
    "CKV_AWS_258": _public_url,
    "CKV_AWS_76": _property_absent("AccessLogSetting"),
    "CKV_AWS_73": _property_absent("TracingEnabled"),
    "CKV_AWS_95": _property_absent("AccessLogSettings"),
}


def false_claims(template: dict[str, Any]) -> list[str]:
    resources: Resources = template.get("Resources", {})
    problems = []
    for logical_id, resource in resources.items():
        for skip in resource.get("Metadata", {}).get("checkov", {}).get("skip", []):
            condition = CONDITIONS.get(skip["id"])
            if condition is None:
                problems.append(f"{skip['id']} on {logical_id}: no condition known for it")
                continue
            wrong = condition(logical_id, resource, skip.get("comment", ""), resources)
            if wrong:
                problems.append(f"{skip['id']} on {logical_id}: {wrong}")
    return problems


@pytest.mark.parametrize(("name", "template"), list(_templates()), ids=lambda v: str(v)[:40])
def test_every_suppression_states_what_its_resource_holds(name: str,
                                                          template: dict[str, Any]) -> None:
    assert false_claims(template) == []


# What lambdakit writes where a skip's reason would be false: nothing (the finding stays), or
# the user's acknowledged reason.

def _compiled(*functions: Function) -> dict[str, Any]:
    """The template data of an app compiled without its checks (what compile alone writes)."""
    from lambdakit.compile import compile_app
    from lambdakit.compile.plain import template_data

    app = App(name="claims", functions=list(functions))
    return template_data(compile_app(plan_app(app), TESTS).template)


def _skips(template: dict[str, Any], logical_id: str) -> dict[str, str]:
    skips = template["Resources"][logical_id].get("Metadata", {}).get("checkov", {}).get(
        "skip", [])
    return {skip["id"]: skip["comment"] for skip in skips}


def _function(id: str, **settings: Any) -> Function:
    return Function(id=id, handler="svc.handler.handle", code=str(CODE), runtime="python3.13",
                    **settings)


def test_no_secret_claim_on_a_function_holding_one() -> None:
    held = _function("Held", environment={
        "DB_URL": "{{resolve:secretsmanager:prod/db:SecretString:url}}"})
    clean = _function("Clean", environment={"MODE": "live"})
    template = _compiled(held, clean)
    assert "CKV_AWS_173" not in _skips(template, "Held")
    assert "CKV_AWS_173" in _skips(template, "Clean")
    assert false_claims(template) == []


def test_a_function_another_may_invoke_keeps_its_dead_letter_finding() -> None:
    target = _function("Target")
    caller = _function("Caller", grants=[target.invoke()])
    assert "CKV_AWS_116" not in _skips(_compiled(caller), "Target")
    told = _function("Target", acknowledge={"LK380": "Caller invokes it synchronously"})
    template = _compiled(_function("Caller", grants=[told.invoke()]))
    assert "Caller invokes it synchronously" in _skips(template, "Target")["CKV_AWS_116"]
    assert false_claims(template) == []


def test_the_invokers_of_each_function_are_found_in_one_pass() -> None:
    """Each caller once, in the app's order, a function's own grant on itself left out."""
    from lambdakit.plan import plan_app

    target = _function("Target")
    first = _function("First", grants=[target.invoke(), target.invoke()])
    second = _function("Second", grants=[target.invoke()])
    idle = _function("Idle")
    index = plan_app(App(name="calls", functions=[first, second, idle])).invokers
    assert index == {id(target): ["First", "Second"]}


def test_a_kafka_consumer_without_on_failure_keeps_its_dead_letter_finding() -> None:
    msk = MskEvent(cluster_arn="arn:aws:kafka:us-east-1:123456789012:cluster/c/abc",
                   topic="orders", starting_position="LATEST")
    guarded = MskEvent(cluster_arn="arn:aws:kafka:us-east-1:123456789012:cluster/c/abc",
                       topic="orders", starting_position="LATEST", on_failure=Queue(id="Lost"))
    template = _compiled(_function("Bare", events=[msk]), _function("Guarded", events=[guarded]))
    assert "CKV_AWS_116" not in _skips(template, "Bare")
    assert "CKV_AWS_116" in _skips(template, "Guarded")
    assert false_claims(template) == []


def test_a_public_kafka_broker_keeps_the_vpc_finding_unless_acknowledged() -> None:
    lost = Queue(id="Lost")

    def public() -> SelfManagedKafkaEvent:
        return SelfManagedKafkaEvent(bootstrap_servers=["kafka.example.com:9092"],
                                     topic="feed", starting_position="LATEST", on_failure=lost)
    private = SelfManagedKafkaEvent(bootstrap_servers=["kafka.internal:9092"], topic="feed",
                                    starting_position="LATEST", subnets=["subnet-0123abcd"],
                                    security_groups=["sg-0123abcd"], on_failure=lost)
    told = _function("Told", events=[public()],
                     acknowledge={"LK115": "the vendor offers only a public endpoint"})
    template = _compiled(_function("Public", events=[public()]), told,
                         _function("Private", events=[private]))
    assert "CKV_AWS_117" not in _skips(template, "Public")
    assert "the vendor offers only" in _skips(template, "Told")["CKV_AWS_117"]
    assert "reaches only AWS APIs" in _skips(template, "Private")["CKV_AWS_117"]
    assert false_claims(template) == []


def test_an_acknowledged_deprecated_runtime_reaches_checkov() -> None:
    old = Function(id="Old", handler="svc.handler.handle", code=str(CODE), runtime="python3.9",
                   acknowledge={"LK121": "migration is ticket OPS-7"})
    template = _compiled(old, _function("Current"))
    assert "migration is ticket OPS-7" in _skips(template, "Old")["CKV_AWS_363"]
    assert "CKV_AWS_363" not in _skips(template, "Current")
    assert false_claims(template) == []


def test_an_unversioned_bucket_needs_the_users_reason() -> None:
    from lambdakit.rules import check_app

    bare = Bucket(id="Bare", versioned=False)
    told = Bucket(id="Told", without_versioning="written once, never overwritten")
    writer = _function("Writer", environment={"A": bare, "B": told})
    codes = [d.code for d in check_app(App(name="claims", functions=[writer]), FIXED_DAY)]
    assert codes.count("LK213") == 1
    template = _compiled(writer)
    assert "CKV_AWS_21" not in _skips(template, "Bare")
    assert "written once" in _skips(template, "Told")["CKV_AWS_21"]
    assert "VersioningConfiguration" not in template["Resources"]["Told"]["Properties"]
    assert false_claims(template) == []


def test_the_claims_hold_on_an_app_with_async_sources(tmp_path: Path) -> None:
    uploads = Bucket(id="Uploads")
    fn = _function("OnUpload", events=[S3Event(bucket=uploads)], on_failure=Queue(id="Failed"))
    assert false_claims(synth_app(App(name="claims", functions=[fn]), tmp_path).template) == []
