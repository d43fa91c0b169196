"""What an app may grant on resources it names: existing names and ARNs checked against each
service's rules, raw statements whose reach needs a reason, and bad input that is a diagnostic
at the user's line, never a traceback, with every other diagnostic of the file still reported."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import diagnostics_of_file

from lambdakit.errors import Diagnostic

HEADER = """\
from lambdakit import *
from lambdakit.model import *
"""
FUNCTION = ('fn = Function(id="Worker", handler="app.handler", code="src/", '
            'runtime="python3.13", memory=1, {fields})\n'
            'app = App(name="trust", functions=[fn]{resources})\n')


def diagnose(tmp_path: Path, setup: str, fields: str, resources: str = "") -> list[Diagnostic]:
    """Diagnostics of an app file: `setup` lines, then one function (with memory=1, an LK101 that
    must be reported beside whatever `setup` gets wrong) holding `fields`."""
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "app.py").write_text("def handler(event, context):\n    return None\n")
    app = tmp_path / "app.py"
    app.write_text(HEADER + textwrap.dedent(setup) + FUNCTION.format(
        fields=fields, resources=f", resources=[{resources}]" if resources else ""))
    return diagnostics_of_file(app)


def at(found: list[Diagnostic], code: str) -> list[int]:
    return [d.origin.line for d in found if d.code == code]


@pytest.mark.parametrize(("setup", "fields", "resources"), [
    ('k = Key.existing(name="k")\n', "grants=[k.decrypt()]", ""),
    ('k = Key.existing(name="k")\nq = Queue(id="Q", key=k)\n', "grants=[q.send()]", "q"),
])
def test_a_kind_iam_names_by_arn_only_by_name_is_lk201_at_its_line(
        tmp_path: Path, setup: str, fields: str, resources: str) -> None:
    found = diagnose(tmp_path, setup, fields, resources)
    assert at(found, "LK201") == [3]
    assert at(found, "LK101")


def test_a_statement_on_a_pool_given_by_name_is_lk212_not_a_crash(tmp_path: Path) -> None:
    found = diagnose(tmp_path, 'p = UserPool.existing(name="members")\n',
                     'statements=[Statement(actions=["cognito-idp:ListUsers"], resources=[p], '
                     'reason="lists members")]')
    assert at(found, "LK212") == [4]
    assert at(found, "LK101")


def test_subscribing_through_a_consumer_named_by_name_is_lk201_at_the_grant(
        tmp_path: Path) -> None:
    found = diagnose(tmp_path, 'c = StreamConsumer.existing(name="fan-out")\n',
                     "grants=[c.subscribe()]")
    assert at(found, "LK201") == [4]
    assert at(found, "LK101")


def test_a_wildcard_statement_without_reason_is_lk212_not_a_crash(tmp_path: Path) -> None:
    found = diagnose(tmp_path, "", 'statements=[Statement(actions=["textract:AnalyzeDocument"], '
                                   'resources=["*"], reason="")]')
    assert at(found, "LK212") == [3]
    assert at(found, "LK101")


def test_a_misspelt_statement_field_keeps_every_other_diagnostic(tmp_path: Path) -> None:
    found = diagnose(tmp_path, 'q = Queue(id="Q", retention=1)\n',
                     'grants=[q.send()], statements=[Statement(action=["sqs:ListQueues"], '
                     'reason="listing")]', "q")
    assert {"unknown field 'action'", "missing required field 'actions'"} <= {
        d.message for d in found if d.code == "LK001"}
    assert at(found, "LK204") == [3]
    assert at(found, "LK101")


@pytest.mark.parametrize(("existing", "access"), [
    ('Table.existing(name="*")', "read_write"),
    ('Table.existing(name="data/secret-prefix")', "read"),
    ('Bucket.existing(name="*")', "read"),
    ('Bucket.existing(name="192.168.5.4")', "read"),
    ('Secret.existing(name="*")', "read"),
    ('Secret.existing(name="data secret")', "read"),
    ('Secret.existing(name="${AWS::StackName}-*")', "read"),
    ('Function.existing(name="*")', "invoke"),
    ('Function.existing(name="${AWS::StackName}-*")', "invoke"),
    ('StateMachine.existing(name="flows/*")', "start"),
    ('Queue.existing(name="jobs-*")', "send"),
    ('Topic.existing(name="*")', "publish"),
    ('Stream.existing(name="*")', "read"),
    ('EventBus.existing(name="bus/*")', "put"),
    ('Parameter.existing(name="/app/*")', "read"),
])
def test_an_existing_name_follows_its_service_s_rule(tmp_path: Path, existing: str,
                                                     access: str) -> None:
    found = diagnose(tmp_path, f"r = {existing}\n", f"grants=[r.{access}()]")
    assert at(found, "LK202") == [3]
    assert at(found, "LK101")


@pytest.mark.parametrize("existing", [
    'Table.existing(name="orders.v2")', 'Secret.existing(name="prod/db/password")',
    'Secret.existing(name="payments/webhook-secret")',
    'Parameter.existing(name="/app/limits")', 'EventBus.existing(name="default")',
    'Function.existing(name="orders_worker-2")', 'StateMachine.existing(name="Order.Flow")',
    'Bucket.existing(name="reports.example-1")',
])
def test_valid_existing_names_pass(tmp_path: Path, existing: str) -> None:
    access = {"Table": "read", "Secret": "read", "Parameter": "read", "EventBus": "put",
              "Function": "invoke", "StateMachine": "start", "Bucket": "read"}
    found = diagnose(tmp_path, f"r = {existing}\n",
                     f"grants=[r.{access[existing.split('.', maxsplit=1)[0]]}()]")
    assert not at(found, "LK202")


def test_an_owned_bus_cannot_be_named_default(tmp_path: Path) -> None:
    found = diagnose(tmp_path, 'b = EventBus(id="Bus", name="default")\n', "grants=[b.put()]",
                     "b")
    assert at(found, "LK202") == [3]


def test_a_parameter_arn_is_refused_with_a_wildcard(tmp_path: Path) -> None:
    found = diagnose(tmp_path, 'p = Parameter.existing(arn="arn:aws:ssm:eu-west-1:123456789012:'
                               'parameter/*")\n', "grants=[p.read()]")
    assert at(found, "LK203") == [3]


@pytest.mark.parametrize(("actions", "resources", "named"), [
    ('["s3:GetObject"]', '["*"]', "s3:GetObject on '*'"),
    ('["s3:Get*"]', '["*"]', "s3:Get* on '*'"),
    ('["dynamodb:*"]', '["*"]', "manages permissions (dynamodb:*)"),
    ('["iam:*"]', '["arn:aws:iam::123456789012:role/app-*"]', "manages permissions (iam:*)"),
    ('["iam:PutRolePolicy"]', '["arn:aws:iam::123456789012:role/x"]', "(iam:PutRolePolicy)"),
    ('["sts:AssumeRole"]', '["arn:aws:iam::123456789012:role/x"]', "(sts:AssumeRole)"),
    ('["*"]', '["*"]', "manages permissions (*)"),
])
def test_a_broad_raw_statement_is_lk214_and_cannot_be_acknowledged(
        tmp_path: Path, actions: str, resources: str, named: str) -> None:
    found = diagnose(tmp_path, "", f"statements=[Statement(actions={actions}, resources="
                                   f'{resources}, reason="legacy", acknowledge={{"LK211": "ok"}})]')
    [broad] = [d for d in found if d.code == "LK214"]
    assert broad.origin.line == 3 and named in broad.message and broad.is_error
    found = diagnose(tmp_path, "", f"statements=[Statement(actions={actions}, resources="
                                   f'{resources}, reason="legacy", acknowledge={{"LK214": "ok"}})]')
    assert at(found, "LK214") == [3] and at(found, "LK004") == [3]


def test_star_on_actions_without_a_resource_type_is_only_the_raw_warning(tmp_path: Path) -> None:
    found = diagnose(tmp_path, "", 'statements=[Statement(actions=["cloudwatch:PutMetricData", '
                                   '"textract:AnalyzeDocument"], reason="no resource type")]')
    assert not at(found, "LK214") and at(found, "LK211") == [3]


BROAD_APP = """\
from lambdakit import App, Function, Statement

reaper = Function(id="Reaper", handler="app.handler", code="src/", runtime="python3.13",
                  statements=[Statement(actions=["cloudformation:DeleteStack"], resources=["*"],
                                        reason="deletes stale preview stacks",
                                        broad_access="SEC-142: any preview stack, by tag",
                                        acknowledge={"LK211": "reviewed in SEC-142"})])
app = App(name="reaper", functions=[reaper])
"""


def test_broad_access_with_a_reason_synthesises_and_explain_says_so(tmp_path: Path) -> None:
    from helpers import second_opinion_findings, synth_file, wildcard_statements_without_reason

    from lambdakit.cli.loader import load_app
    from lambdakit.explanation import explain

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text("def handler(event, context):\n    return None\n")
    (tmp_path / "app.py").write_text(BROAD_APP)
    result = synth_file(tmp_path / "app.py")
    assert not result.warnings
    assert not wildcard_statements_without_reason(result.template)
    assert second_opinion_findings(result.template) == []
    [row] = [r for r in explain(load_app(str(tmp_path / "app.py")))  # type: ignore[arg-type]
             if r.action == "cloudformation:DeleteStack"]
    assert row.resource == "*"
    assert row.why == ("deletes stale preview stacks; broad access accepted: SEC-142: any "
                       "preview stack, by tag")


def test_the_shipped_action_lists_are_the_iam_database_s() -> None:
    """`action_reach.json` is what scripts/update_iam_actions.py derives from the installed
    IAM database: a newer database that changes it fails here until the script runs again."""
    import importlib.util
    import json

    from lambdakit.iam import reach

    script = Path(__file__).resolve().parent.parent / "scripts" / "update_iam_actions.py"
    spec = importlib.util.spec_from_file_location("update_iam_actions", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = json.loads((Path(reach.__file__).parent / "action_reach.json").read_text())
    assert shipped == module.action_reach()


@pytest.mark.parametrize(("existing", "access", "problem"), [
    ('Queue.existing(arn="arn:awsfoo:sqs:eu-west-1:123456789012:jobs")', "send",
     "'awsfoo' is no AWS partition"),
    ('Queue.existing(arn="arn:aws:sqs::123456789012:jobs")', "send", "its region is empty"),
    ('Table.existing(arn="arn:aws:dynamodb:eu-west-1::table/orders")', "read",
     "its account is empty"),
    ('Topic.existing(arn="arn:aws:sns:eu-west-1:1234:alerts")', "publish",
     "'1234' is not an AWS account"),
    ('Bucket.existing(arn="arn:aws:s3:eu-west-1::reports")', "read",
     "a bucket ARN has no region"),
])
def test_an_existing_arn_names_a_partition_and_where_the_service_needs_it(
        tmp_path: Path, existing: str, access: str, problem: str) -> None:
    found = diagnose(tmp_path, f"r = {existing}\n", f"grants=[r.{access}()]")
    [wrong] = [d for d in found if d.code == "LK203"]
    assert wrong.origin.line == 3 and problem in wrong.message


PARTITIONED_APP = """\
from lambdakit import App, Bucket, Function, Queue

jobs = Queue.existing(arn="arn:aws-cn:sqs:cn-north-1:123456789012:jobs")
here = Queue.existing(arn="arn:aws:sqs:eu-west-1:123456789012:here")
partner = Bucket.existing(name="partner-exports", account="111122223333")
worker = Function(id="Worker", handler="app.handler", code="src/", runtime="python3.13",
                  grants=[jobs.send(), here.send(), partner.read(prefix="in/")])
app = App(name="partitions", functions=[worker])
"""


def test_a_foreign_partition_is_kept_and_a_known_bucket_owner_is_pinned(tmp_path: Path) -> None:
    from helpers import second_opinion_findings, synth_file

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text("def handler(event, context):\n    return None\n")
    (tmp_path / "app.py").write_text(PARTITIONED_APP)
    result = synth_file(tmp_path / "app.py")
    [policy] = result.template["Resources"]["WorkerRole"]["Properties"]["Policies"]
    statements = {s["Sid"]: s for s in policy["PolicyDocument"]["Statement"]}
    assert statements["QueueSendJobs"]["Resource"] == [
        "arn:aws-cn:sqs:cn-north-1:123456789012:jobs"]
    assert statements["QueueSendHere"]["Resource"] == [
        {"Fn::Sub": "arn:${AWS::Partition}:sqs:eu-west-1:123456789012:here"}]
    pinned = {"s3:ResourceAccount": ["111122223333"]}
    assert statements["BucketReadPartnerExportsObjects"]["Condition"] == {"StringEquals": pinned}
    assert statements["BucketReadPartnerExportsListing"]["Condition"] == {
        "StringEquals": pinned, "StringLike": {"s3:prefix": ["in/*"]}}
    assert second_opinion_findings(result.template) == []


@pytest.mark.parametrize(("bucket", "message"), [
    ('Bucket.existing(name="partner", account="1111")', "12-digit"),
    ('Bucket(id="Own", account="111122223333")', "existing bucket"),
])
def test_a_bucket_owner_is_an_account_id_of_an_existing_bucket(tmp_path: Path, bucket: str,
                                                                message: str) -> None:
    found = diagnose(tmp_path, f"b = {bucket}\n", "grants=[b.read()]",
                     "b" if "existing" not in bucket else "")
    [wrong] = [d for d in found if d.code == "LK204"]
    assert wrong.origin.line == 3 and message in wrong.message


def test_a_log_group_arn_is_refused_not_resolved_in_the_stack_s_account(tmp_path: Path) -> None:
    found = diagnose(tmp_path, "from lambdakit.events import LogsSubscriptionEvent\n",
                     'events=[LogsSubscriptionEvent(log_group="arn:aws:logs:eu-west-1:'
                     '210987654321:log-group:/aws/lambda/orders:*")]')
    [refused] = [d for d in found if d.code == "LK371"]
    assert "210987654321" in refused.message and "log_group='/aws/lambda/orders'" in refused.hint
    assert at(found, "LK101")


STORAGE_APP = """\
from lambdakit import App, Bucket, Function, Table

events = Table(id="Events", partition_key="pk")
kept = Bucket(id="Kept")
scratch = Bucket(id="Scratch", without_versioning="scratch space, rebuilt on demand")
partner = Bucket.existing(name="partner-drop")
worker = Function(id="Worker", handler="app.handler", code="src/", runtime="python3.13",
                  grants=[events.put(), kept.delete(), scratch.delete(), partner.delete()])
app = App(name="storage", functions=[worker], resources=[events, kept, scratch])
"""


def test_put_cannot_return_the_item_it_replaces_and_delete_says_what_it_does(
        tmp_path: Path) -> None:
    from helpers import second_opinion_findings, synth_file

    from lambdakit.cli.loader import load_app
    from lambdakit.explanation import explain

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text("def handler(event, context):\n    return None\n")
    (tmp_path / "app.py").write_text(STORAGE_APP)
    template = synth_file(tmp_path / "app.py").template
    [policy] = template["Resources"]["WorkerRole"]["Properties"]["Policies"]
    [put] = [s for s in policy["PolicyDocument"]["Statement"] if s["Sid"] == "TablePutEvents"]
    assert put["Action"] == ["dynamodb:PutItem"]
    assert put["Condition"] == {"StringEqualsIfExists": {"dynamodb:ReturnValues": ["NONE"]}}
    assert second_opinion_findings(template) == []
    rows = explain(load_app(str(tmp_path / "app.py")))  # type: ignore[arg-type]
    why = {row.resource.split(" ")[0]: row.why for row in rows
           if row.action == "s3:DeleteObject"}
    assert why["Kept/*"].startswith("delete objects (the bucket is versioned: a delete marker")
    assert why["Scratch/*"].startswith("delete objects for good (the bucket is not versioned)")
    assert why["partner-drop/*"].startswith("delete objects (for good, unless the bucket is "
                                            "versioned")
    [put_row] = [row for row in rows if row.action == "dynamodb:PutItem"]
    assert "replacing any with the same key" in put_row.why
    assert put_row.condition == "dynamodb:ReturnValues StringEqualsIfExists NONE"
