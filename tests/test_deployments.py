"""Gradual deployments: the checks, CodeDeploy's least-privilege role, the rollback alarm, the
hooks, and what the SAM transform makes of them (surroundings_deployments golden)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import FIXED_DAY, synth_app, synth_file

from lambdakit import AllAtOnce, App, Canary, Function, Key, LambdakitError, Linear, Topic
from lambdakit.check.sam import sam_transform
from lambdakit.cli.loader import load_app
from lambdakit.events import PostTrafficHook, PreTrafficHook
from lambdakit.model import TrafficShift
from lambdakit.model.deployment import DEPLOYMENT_EVENTS
from lambdakit.plan import plan_app
from lambdakit.rules import check_app

GOLDEN = Path(__file__).resolve().parent / "goldens" / "surroundings_deployments" / "app.py"
CODE = str(GOLDEN.parent.parent / "_code")


def _fn(id: str = "Checkout", **settings: Any) -> Function:
    return Function(id=id, handler="svc.handler.handle", code=CODE,  # type: ignore[arg-type]
                    runtime="python3.13", **settings)


def _codes(*functions: Function) -> list[str]:
    return [d.code for d in check_app(App(name="dep", functions=list(functions)), FIXED_DAY)]


@pytest.fixture(scope="module")
def transformed() -> dict[str, Any]:
    return sam_transform(synth_file(GOLDEN).template)


# --------------------------------------------------------------------------- checks

@pytest.mark.parametrize("deployment", [
    Canary(percent=10, minutes=5), Canary(percent=1, minutes=2880), Canary(percent=99, minutes=1),
    Linear(percent=10, every_minutes=1), Linear(percent=1, every_minutes=29),  # 99 × 29 = 2871
    Linear(percent=50, every_minutes=2880), AllAtOnce(),
])
def test_shapes_codedeploy_runs_are_clean(deployment: TrafficShift) -> None:
    assert _codes(_fn(alias="live", deployment=deployment)) == []


@pytest.mark.parametrize("deployment", [
    Canary(percent=0, minutes=5), Canary(percent=100, minutes=5), Canary(percent=10, minutes=0),
    Canary(percent=10, minutes=2881), Linear(percent=10, every_minutes=0),
    Linear(percent=1, every_minutes=30),  # 99 shifts after the first, 2,970 minutes
    Linear(percent=34, every_minutes=1441),  # 3 steps: 2 waits, 2,882 minutes
])
def test_shapes_codedeploy_refuses(deployment: TrafficShift) -> None:
    assert _codes(_fn(alias="live", deployment=deployment)) == ["LK441"]


def test_a_deployment_needs_an_alias() -> None:
    assert _codes(_fn(deployment=Canary(percent=10, minutes=5))) == ["LK440"]


def test_at_most_ten_rollback_alarms_with_lambdakits_own() -> None:
    nine = [f"alarm-{n}" for n in range(9)]
    assert _codes(_fn(alias="live", deployment=AllAtOnce(alarms=nine))) == []
    assert _codes(_fn(alias="live", deployment=AllAtOnce(alarms=[*nine, "x"]))) == ["LK444"]
    assert _codes(_fn(alias="live", deployment=AllAtOnce(alarms=[*nine, "x"],
                                                         error_alarm=False))) == []
    assert _codes(_fn(alias="live", deployment=AllAtOnce(alarms=["a" * 256]))) == ["LK444"]
    assert _codes(_fn(alias="live", deployment=AllAtOnce(alarms=["a\nb"]))) == ["LK444"]
    assert _codes(_fn(alias="live", deployment=AllAtOnce(alarms=["${Checkout}"]))) == []


def test_no_rollback_alarm_is_a_warning_that_can_be_acknowledged() -> None:
    bare = AllAtOnce(error_alarm=False)
    assert _codes(_fn(alias="live", deployment=bare)) == ["LK445"]
    assert _codes(_fn(alias="live", deployment=AllAtOnce(error_alarm=False),
                      acknowledge={"LK445": "the hook replays production traffic"})) == []
    assert _codes(_fn(alias="live", deployment=AllAtOnce(error_alarm=False, alarms=["a"]))) == []


def test_hooks_need_a_deployment_and_one_per_lifecycle_event() -> None:
    plain = _fn(alias="live")
    assert _codes(plain, _fn("Hook", events=[PreTrafficHook(function=plain)])) == ["LK442"]
    deployed = _fn(alias="live", deployment=Canary(percent=10, minutes=5))
    first = _fn("First", events=[PreTrafficHook(function=deployed)])
    second = _fn("Second", events=[PreTrafficHook(function=deployed)])
    after = _fn("After", events=[PostTrafficHook(function=deployed)])
    assert _codes(deployed, first, after) == []
    assert _codes(deployed, first, second, after) == ["LK443"]


def test_the_new_version_is_referenced_only_where_versions_are_published() -> None:
    unversioned, versioned = _fn(), _fn(alias="live")
    hook = _fn("Hook", environment={"CHECKOUT_VERSION": unversioned.version})
    assert _codes(unversioned, hook) == ["LK446"]
    assert _codes(versioned, _fn("Hook", environment={"CHECKOUT_VERSION": versioned.version})) == []


def test_custom_shapes_are_counted_against_the_account_quota() -> None:
    functions = [_fn(f"F{n}", alias="live", deployment=Canary(percent=n + 1, minutes=7))
                 for n in range(51)]
    assert _codes(*functions) == ["LK441"]


# --------------------------------------------------------------------------- the template

def test_codedeploy_role_is_the_functions_own_and_least_privilege(
        transformed: dict[str, Any]) -> None:
    resources = transformed["Resources"]
    assert "CodeDeployServiceRole" not in resources  # SAM's, with AWSCodeDeployRoleForLambda
    role = resources["CheckoutDeploymentRole"]["Properties"]
    trust = role["AssumeRolePolicyDocument"]["Statement"]
    assert [s["Principal"] for s in trust] == [{"Service": "codedeploy.amazonaws.com"}]
    assert trust[0]["Condition"] == {
        "StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}},
        "ArnLike": {"aws:SourceArn": {"Fn::Sub": (
            "arn:${AWS::Partition}:codedeploy:${AWS::Region}:${AWS::AccountId}:"
            "deploymentgroup:${ServerlessDeploymentApplication}/*")}}}
    assert "ManagedPolicyArns" not in role
    statements = {s["Sid"]: (s["Action"], s["Resource"])
                  for s in role["Policies"][0]["PolicyDocument"]["Statement"]}
    assert statements == {
        "InvokeHooks": (["lambda:InvokeFunction"], [{"Fn::GetAtt": ["EndToEnd", "Arn"]},
                                                    {"Fn::GetAtt": ["SmokeTest", "Arn"]}]),
        "ReadProvisionedConcurrency": (["lambda:GetProvisionedConcurrencyConfig"],
                                       [{"Fn::Sub": "${Checkout.Arn}:live"}]),
        "ReadRollbackAlarms": (["cloudwatch:DescribeAlarms"],
                               [{"Fn::GetAtt": ["CheckoutDeploymentAlarm", "Arn"]}]),
        "ShiftAlias": (["lambda:GetAlias", "lambda:UpdateAlias"],
                       [{"Fn::GetAtt": ["Checkout", "Arn"]}]),
        # The one topic Checkout's deployments notify.
        "TopicPublishReleases": (["sns:Publish"], [{"Ref": "Releases"}]),
    }


def test_named_alarms_are_read_by_arn_and_listed_by_name(transformed: dict[str, Any]) -> None:
    resources = transformed["Resources"]
    role = resources["SearchDeploymentRole"]["Properties"]["Policies"][0]["PolicyDocument"]
    alarms = next(s for s in role["Statement"] if s["Sid"] == "ReadRollbackAlarms")
    prefix = ["arn:", {"Ref": "AWS::Partition"}, ":cloudwatch:", {"Ref": "AWS::Region"}, ":",
              {"Ref": "AWS::AccountId"}, ":alarm:"]
    assert alarms["Resource"] == [{"Fn::GetAtt": ["SearchDeploymentAlarm", "Arn"]},
                                  {"Fn::Join": ["", [*prefix, "search-5xx"]]},
                                  {"Fn::Join": ["", [*prefix, "search-latency-p99"]]}]
    group = resources["SearchDeploymentGroup"]["Properties"]
    assert group["AlarmConfiguration"] == {"Enabled": True, "Alarms": [
        {"Name": {"Ref": "SearchDeploymentAlarm"}}, {"Name": "search-latency-p99"},
        {"Name": "search-5xx"}]}
    assert group["ServiceRoleArn"] == {"Fn::GetAtt": ["SearchDeploymentRole", "Arn"]}
    assert group["DeploymentConfigName"] == {"Ref": "DeploymentConfigLinear20PercentEvery4Minutes"}
    assert "AlarmConfiguration" not in resources["RankingDeploymentGroup"]["Properties"]


def test_the_error_alarm_watches_the_new_version_only(transformed: dict[str, Any]) -> None:
    alarm = transformed["Resources"]["CheckoutDeploymentAlarm"]["Properties"]
    version = next(i for i, r in transformed["Resources"].items()
                   if r["Type"] == "AWS::Lambda::Version" and i.startswith("CheckoutVersion"))
    assert alarm["Dimensions"] == [
        {"Name": "FunctionName", "Value": {"Ref": "Checkout"}},
        {"Name": "Resource", "Value": {"Fn::Sub": "${Checkout}:live"}},
        {"Name": "ExecutedVersion", "Value": {"Fn::GetAtt": [version, "Version"]}},
    ]
    assert (alarm["MetricName"], alarm["Threshold"], alarm["TreatMissingData"]) == (
        "Errors", 0, "notBreaching")


def test_hooks_run_at_their_lifecycle_events(transformed: dict[str, Any]) -> None:
    resources = transformed["Resources"]
    update = resources["CheckoutAliaslive"]["UpdatePolicy"]["CodeDeployLambdaAliasUpdate"]
    assert update["BeforeAllowTrafficHook"] == {"Ref": "SmokeTest"}
    assert update["AfterAllowTrafficHook"] == {"Ref": "EndToEnd"}
    assert update["DeploymentGroupName"] == {"Ref": "CheckoutDeploymentGroup"}
    ranking = resources["RankingAliasprod"]["UpdatePolicy"]["CodeDeployLambdaAliasUpdate"]
    assert ranking["BeforeAllowTrafficHook"] == {"Ref": "SmokeTest"}
    assert "AfterAllowTrafficHook" not in ranking


def test_only_hooks_may_report_and_only_to_this_stacks_application(
        transformed: dict[str, Any]) -> None:
    reporters = {}
    for logical_id, resource in transformed["Resources"].items():
        if resource["Type"] != "AWS::IAM::Role":
            continue
        for policy in resource["Properties"].get("Policies", []):
            for statement in policy["PolicyDocument"]["Statement"]:
                if "codedeploy:PutLifecycleEventHookExecutionStatus" in statement["Action"]:
                    reporters[logical_id] = statement["Resource"]
    groups = ("arn:${AWS::Partition}:codedeploy:${AWS::Region}:${AWS::AccountId}:"
              "deploymentgroup:${ServerlessDeploymentApplication}/*")
    assert reporters == {"SmokeTestRole": [{"Fn::Sub": groups}],
                         "EndToEndRole": [{"Fn::Sub": groups}]}


def test_hooks_get_the_new_versions_they_check(transformed: dict[str, Any]) -> None:
    variables = transformed["Resources"]["SmokeTest"]["Properties"]["Environment"]["Variables"]
    assert variables["CHECKOUT_VERSION"]["Ref"].startswith("CheckoutVersion")
    assert variables["RANKING_VERSION"]["Ref"].startswith("RankingVersion")


def test_alias_arns_are_outputs(transformed: dict[str, Any]) -> None:
    outputs = transformed["Outputs"]
    assert outputs["CheckoutAliasArn"]["Value"] == {"Ref": "CheckoutAliaslive"}
    assert outputs["RankingAliasArn"]["Value"] == {"Ref": "RankingAliasprod"}
    assert "SmokeTestAliasArn" not in outputs


def test_the_stack_count_is_what_the_transform_deploys(transformed: dict[str, Any]) -> None:
    app = load_app(str(GOLDEN))
    assert len(plan_app(app).resources) == len(transformed["Resources"])


def test_one_configuration_per_custom_shape() -> None:
    shape = {"percent": 20, "every_minutes": 4}
    first = _fn("First", alias="live", deployment=Linear(**shape))
    second = _fn("Second", alias="live", deployment=Linear(**shape))
    third = _fn("Third", alias="live", deployment=Canary(percent=10, minutes=5))
    from helpers import synth_app

    template = synth_app(App(name="dep", functions=[first, second, third]), GOLDEN.parent)
    configs = [i for i, r in template.template["Resources"].items()
               if r["Type"] == "AWS::CodeDeploy::DeploymentConfig"]
    assert configs == ["DeploymentConfigLinear20PercentEvery4Minutes"]


def test_a_hooks_sample_event_is_what_codedeploy_sends() -> None:
    """The AppSpec hooks reference: the event carries the two ids the hook reports with."""
    deployed = _fn(alias="live", deployment=AllAtOnce())
    hook = _fn("Hook", events=[PostTrafficHook(function=deployed)])
    event = hook.events[0].sample_event(hook)
    assert sorted(event) == ["DeploymentId", "LifecycleEventHookExecutionId"]
    assert event["DeploymentId"].startswith("d-") and len(event["DeploymentId"]) == 11
    assert event == hook.events[0].sample_event(hook)


# CloudFormation gives these types no Tags property.
UNTAGGABLE = {"AWS::Lambda::Alias", "AWS::Lambda::Version", "AWS::CodeDeploy::DeploymentConfig",
              "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy"}


def test_the_apps_tags_reach_what_sam_generates(transformed: dict[str, Any]) -> None:
    """`PropagateTags`: the deployment group and CodeDeploy application too."""
    for logical_id, resource in transformed["Resources"].items():
        if resource["Type"] in UNTAGGABLE:
            continue
        tags = resource["Properties"]["Tags"]
        pairs = tags.items() if isinstance(tags, dict) else ((t["Key"], t["Value"]) for t in tags)
        assert ("team", "storefront") in set(pairs), logical_id


def test_explain_shows_codedeploys_role_beside_the_functions() -> None:
    from lambdakit import explain

    rows = [(r.action, r.resource, r.declared.rsplit(":", 1)[1])
            for r in explain(load_app(str(GOLDEN)), "Ranking")
            if r.function == "RankingDeploymentRole"]
    assert rows == [("lambda:GetAlias", "Ranking (function)", "25"),
                    ("lambda:GetProvisionedConcurrencyConfig", "Ranking:prod (alias)", "25"),
                    ("lambda:InvokeFunction", "SmokeTest (hook function)", "25"),
                    ("lambda:UpdateAlias", "Ranking (function)", "25")]


# ----------------------------------------------------------------- deployment notifications

def test_codedeploy_tells_the_topic_of_the_events_asked_for(transformed: dict[str, Any]) -> None:
    resources = transformed["Resources"]
    [group_id] = [logical_id for logical_id, resource in resources.items()
                  if resource["Type"] == "AWS::CodeDeploy::DeploymentGroup"
                  and resource["Properties"].get("TriggerConfigurations")]
    assert resources[group_id]["Properties"]["TriggerConfigurations"] == [{
        "TriggerName": "deployments", "TriggerTargetArn": {"Ref": "Releases"},
        "TriggerEvents": ["DeploymentSuccess", "DeploymentFailure", "DeploymentRollback"]}]
    assert resources["Releases"]["Type"] == "AWS::SNS::Topic"  # pulled into the app


def _notified(topic: Topic, **settings: Any) -> dict[str, Any]:
    fn = _fn(alias="live", deployment=Canary(percent=10, minutes=5, notify=topic, **settings))
    template = synth_app(App(name="dep", functions=[fn]), base_dir=GOLDEN.parent.parent).template
    return template["Resources"]  # type: ignore[no-any-return]


def test_every_deployment_event_by_default_each_once() -> None:
    resources = _notified(Topic(id="Releases"))
    [trigger] = resources["Checkout"]["Properties"]["DeploymentPreference"][
        "TriggerConfigurations"]
    assert trigger["TriggerEvents"] == list(DEPLOYMENT_EVENTS)
    again = _notified(Topic(id="Releases"), notify_on=["DeploymentFailure", "DeploymentFailure"])
    [trigger] = again["Checkout"]["Properties"]["DeploymentPreference"]["TriggerConfigurations"]
    assert trigger["TriggerEvents"] == ["DeploymentFailure"]


def test_a_topic_under_a_customer_key_may_be_published_to_with_that_key() -> None:
    resources = _notified(Topic(id="Releases", key=Key(id="ReleasesKey")))
    statements = resources["CheckoutDeploymentRole"]["Properties"]["Policies"][0][
        "PolicyDocument"]["Statement"]
    kms = [s for s in statements if any(a.startswith("kms:") for a in s["Action"])]
    assert [s["Resource"] for s in kms] == [[{"Fn::GetAtt": ["ReleasesKey", "Arn"]}]]
    assert "CheckoutDeploymentRole" in resources and "ReleasesKey" in resources


def test_an_existing_topic_is_notified_by_its_arn() -> None:
    arn = "arn:aws:sns:eu-west-1:123456789012:releases"
    resources = _notified(Topic.existing(arn=arn))
    [trigger] = resources["Checkout"]["Properties"]["DeploymentPreference"][
        "TriggerConfigurations"]
    assert trigger["TriggerTargetArn"] == {
        "Fn::Sub": "arn:${AWS::Partition}:sns:eu-west-1:123456789012:releases"}


def test_a_fifo_topic_or_no_event_is_lk447() -> None:
    fifo = Topic(id="Releases", fifo=True)
    assert _codes(_fn(alias="live", deployment=Canary(percent=10, minutes=5, notify=fifo))) == [
        "LK447"]
    assert _codes(_fn(alias="live", deployment=Canary(
        percent=10, minutes=5, notify=Topic(id="Releases"), notify_on=[]))) == ["LK447"]
    assert _codes(_fn(alias="live", deployment=Canary(
        percent=10, minutes=5, notify_on=["DeploymentFailure"]))) == ["LK447"]


def test_an_event_codedeploy_does_not_send_for_lambda_is_refused() -> None:
    with pytest.raises(LambdakitError) as caught:
        Canary(percent=10, minutes=5, notify=Topic(id="Releases"),
               notify_on=["InstanceFailure"])  # type: ignore[list-item]
    assert [d.code for d in caught.value.diagnostics] == ["LK001"]


def test_explain_names_the_notified_topic_and_its_key() -> None:
    from lambdakit import explain

    rows = {(r.action, r.resource) for r in explain(load_app(str(GOLDEN)), "Checkout")
            if r.function == "CheckoutDeploymentRole"}
    assert ("sns:Publish", "Releases (topic)") in rows
    topic = Topic(id="Releases", key=Key(id="ReleasesKey"))
    fn = _fn(alias="live", deployment=Canary(percent=10, minutes=5, notify=topic))
    rows = {(r.action, r.resource) for r in explain(App(name="dep", functions=[fn]))
            if r.function == "CheckoutDeploymentRole"}
    assert {resource for action, resource in rows if action.startswith("kms:")} == {
        "ReleasesKey (key)"}
