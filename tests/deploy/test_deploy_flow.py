"""The whole life of an app against moto's server on 127.0.0.1, through the CLI:
bootstrap → deploy → update → no-change deploy → guarded replacement → destroy."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

import pytest
from click.testing import CliRunner, Result

from lambdakit.cli import cli
from lambdakit.deploy import Aws
from lambdakit.deploy.bootstrap import STACK_NAME, find_bucket
from lambdakit.deploy.package import artifact_for

# moto skips the types it does not model (AWS::S3::BucketPolicy): nothing here reads them.
pytestmark = pytest.mark.filterwarnings("ignore:Tried to parse .* not supported by moto")

APP = '''\
from lambdakit import App, Function, Table

table = Table(id="{table}", partition_key="{key}")
worker = Function(id="Worker", handler="worker.handle", code="src", runtime="python3.13",
                  environment={{"TABLE": table}}, grants=[table.{access}()])
app = App(name="shop", functions=[worker])
'''
PYPROJECT = '''\
[tool.lambdakit]
app = "app.py"
tags = {{ team = "payments" }}

[tool.lambdakit.stages.prod]
stack_name = "{stack}"
tags = {{ env = "prod" }}
'''
STACK = "shop-production"


def _write(project: Path, *, table: str = "Orders", access: str = "read",
           body: str = "return event", key: str = "pk") -> None:
    (project / "src").mkdir(exist_ok=True)
    (project / "src" / "worker.py").write_text(f"def handle(event, context):\n    {body}\n")
    (project / "app.py").write_text(APP.format(table=table, access=access, key=key))
    (project / "pyproject.toml").write_text(PYPROJECT.format(stack=STACK))


def _run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def _stack(aws: Aws) -> dict[str, object]:
    return dict(aws.cloudformation.describe_stacks(StackName=STACK)["Stacks"][0])


def _resource_ids(aws: Aws) -> set[str]:
    summaries = aws.cloudformation.list_stack_resources(StackName=STACK)
    return {s["LogicalResourceId"] for s in summaries["StackResourceSummaries"]}


def _pending_change_sets(aws: Aws) -> list[str]:
    """Change sets of the stack not executed (moto keeps executed ones and lists every
    stack's; CloudFormation removes them on execution)."""
    summaries = aws.cloudformation.list_change_sets(StackName=STACK)["Summaries"]
    return [s["ChangeSetName"] for s in summaries
            if s["StackName"] == STACK and s["ExecutionStatus"] != "EXECUTE_COMPLETE"]


def test_bootstrap_creates_the_bucket_once_and_deploy_finds_it(aws: Aws,
                                                               project: Path) -> None:
    result = _run("bootstrap")
    assert result.exit_code == 0, result.output
    bucket = find_bucket(aws)
    assert f"Artifact bucket for us-east-1: {bucket}" in result.output
    rules = aws.s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]
    assert rules["Rules"][0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"

    again = _run("bootstrap")
    assert again.exit_code == 0, again.output
    assert f"No changes: {STACK_NAME} is up to date" in again.output


def test_the_bootstrap_bucket_is_private_versioned_tls_only_and_lints_clean() -> None:
    """moto applies only a bucket's encryption from a template, so the rest is read here."""
    from lambdakit.check.lint import lint
    from lambdakit.deploy.bootstrap import template

    resources = template()["Resources"]
    bucket = resources["ArtifactBucket"]
    assert bucket["DeletionPolicy"] == bucket["UpdateReplacePolicy"] == "Retain"
    props = bucket["Properties"]
    assert props["VersioningConfiguration"] == {"Status": "Enabled"}
    assert set(props["PublicAccessBlockConfiguration"].values()) == {True}
    assert len(props["PublicAccessBlockConfiguration"]) == 4
    lifecycle = {rule["Id"]: rule for rule in props["LifecycleConfiguration"]["Rules"]}
    assert lifecycle["ExpireNoncurrentVersions"]["NoncurrentVersionExpiration"] == {
        "NoncurrentDays": 30}
    assert lifecycle["ExpireTemplates"]["Prefix"] == "templates/"
    statements = resources["ArtifactBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    insecure = [s for s in statements if s["Condition"] == {
        "Bool": {"aws:SecureTransport": "false"}}]
    assert insecure and insecure[0]["Effect"] == "Deny" and insecure[0]["Action"] == "s3:*"
    assert lint(template()) == []


def test_deploy_without_bootstrap_says_how_to_bootstrap(aws: Aws, project: Path) -> None:
    _write(project)
    result = _run("deploy", "--stage", "prod", "--yes")
    assert result.exit_code == 3
    assert "no artifact bucket in us-east-1" in result.output
    assert "hint: run: lambdakit bootstrap --region us-east-1" in result.output
    assert f"  {STACK} was not changed: deploy stopped before its change set" in result.stderr
    assert "Traceback" not in result.output


def test_full_life_of_an_app(aws: Aws, project: Path) -> None:
    assert _run("bootstrap").exit_code == 0
    bucket = find_bucket(aws)
    _write(project)
    unborn = _run("diff", "--stage", "prod")
    assert unborn.exit_code == 1
    assert "  + Orders (AWS::DynamoDB::Table)" in unborn.output

    # first deploy: a new stack, reviewed as a table, tagged from pyproject.toml
    first = _run("deploy", "--stage", "prod", "--yes")
    assert first.exit_code == 0, first.output
    assert f"Deploying stack {STACK} in us-east-1" in first.output
    assert "Packaged 1 artifact into" in first.output and "1 uploaded, 0 already" in first.output
    assert f"Change set for {STACK} (new stack)" in first.output
    lines = first.output.splitlines()
    assert any(line.split()[:4] == ["+", "Add", "Orders", "AWS::DynamoDB::Table"]
               for line in lines)
    assert any(line.split()[:4] == ["+", "Add", "WorkerRole", "AWS::IAM::Role"]
               and line.rstrip().endswith("IAM") for line in lines)
    assert "Outputs" in first.output and "WorkerArn" in first.output
    stack = _stack(aws)
    assert stack["StackStatus"] == "CREATE_COMPLETE"
    assert {(t["Key"], t["Value"]) for t in stack["Tags"]} == {("team", "payments"),
                                                               ("env", "prod")}
    key = artifact_for(project / "src").key
    aws.s3.head_object(Bucket=bucket, Key=key)
    assert {"Orders", "Worker", "WorkerRole", "WorkerLogGroup"} <= _resource_ids(aws)

    assert _run("diff", "--stage", "prod").exit_code == 0

    # changed code: a new key, the function modified, nothing else
    _write(project, body="return {'ok': True}")
    changed = _run("diff", "--stage", "prod")
    assert changed.exit_code == 1
    assert "~ Worker (AWS::Serverless::Function)" in changed.output
    assert f"Properties.CodeUri: s3://{bucket}/{key} → s3://{bucket}/artifacts/" in changed.output
    update = _run("deploy", "--stage", "prod", "--yes")
    assert update.exit_code == 0, update.output
    assert "1 uploaded, 0 already there" in update.output
    assert any(line.split()[:4] == ["~", "Modify", "Worker", "AWS::Lambda::Function"]
               for line in update.output.splitlines())
    assert "Orders" not in update.output.split("Change set for")[1].split("Outputs")[0]
    new_key = artifact_for(project / "src").key
    assert new_key != key
    code = aws.cloudformation.get_template(StackName=STACK)["TemplateBody"]
    assert code["Resources"]["Worker"]["Properties"]["CodeUri"] == f"s3://{bucket}/{new_key}"

    # nothing changed: said, exit 0, no change set left behind
    same = _run("deploy", "--stage", "prod", "--yes")
    assert same.exit_code == 0, same.output
    assert "0 uploaded, 1 already there" in same.output
    assert f"No changes: {STACK} is up to date" in same.output
    assert _pending_change_sets(aws) == []

    # a new grant shows up in the diff as an IAM statement
    _write(project, body="return {'ok': True}", access="read_write")
    granted = _run("diff", "--stage", "prod")
    assert granted.exit_code == 1
    assert "IAM statements" in granted.output
    assert "dynamodb:PutItem" in granted.output
    assert _run("deploy", "--stage", "prod", "--yes").exit_code == 0

    # renaming the table would drop the old one: stopped before execution
    _write(project, table="OrderRecords", body="return {'ok': True}", access="read_write")
    refused = _run("deploy", "--stage", "prod", "--yes")
    assert refused.exit_code == 3, refused.output
    assert "Stopped before any change: this change set would lose data" in refused.output
    assert "Orders (AWS::DynamoDB::Table): CloudFormation would remove it" in refused.output
    assert "--allow-replace Orders" in refused.output
    assert "Orders" in _resource_ids(aws) and "OrderRecords" not in _resource_ids(aws)
    assert _pending_change_sets(aws) == []

    typo = _run("deploy", "--stage", "prod", "--yes", "--allow-replace", "Order")
    assert typo.exit_code == 3
    assert "warning: --allow-replace Order: no change removes or replaces Order" in typo.output

    allowed = _run("deploy", "--stage", "prod", "--yes", "--allow-replace", "Orders")
    assert allowed.exit_code == 0, allowed.output
    assert "OrderRecords" in _resource_ids(aws) and "Orders" not in _resource_ids(aws)

    # destroy: asked first, then the stack goes and the retained table is listed
    kept = _run("destroy", "--stage", "prod", input="n\n")
    assert kept.exit_code == 3
    assert "Not deleted" in kept.output
    gone = _run("destroy", "--stage", "prod", input="y\n")
    assert gone.exit_code == 0, gone.output
    assert f"Deleted {STACK}" in gone.output
    assert "Retained (DeletionPolicy Retain)" in gone.output
    assert "OrderRecords (AWS::DynamoDB::Table): " in gone.output
    stacks = aws.cloudformation.describe_stacks()["Stacks"]
    assert STACK not in {s["StackName"] for s in stacks}
    again = _run("destroy", "--stage", "prod", "--yes")
    assert again.exit_code == 0
    assert "does not exist in us-east-1: nothing to destroy" in again.output


def test_a_change_whose_replacement_cloudformation_leaves_unsaid_is_stopped(
        aws: Aws, project: Path) -> None:
    """moto, like CloudFormation for some changes, does not say whether a modified resource is
    replaced: for a table, unknown counts as replaced."""
    assert _run("bootstrap").exit_code == 0
    _write(project)
    assert _run("deploy", "--stage", "prod", "--yes").exit_code == 0
    _write(project, key="order_id")
    shown = _run("diff", "--stage", "prod")
    assert "Properties.PartitionKey" in shown.output or "KeySchema" in shown.output, shown.output

    refused = _run("deploy", "--stage", "prod", "--yes")
    assert refused.exit_code == 3, refused.output
    assert "Orders (AWS::DynamoDB::Table): CloudFormation does not say whether it would " \
           "replace it" in refused.output
    assert "--allow-replace Orders" in refused.output
    assert any(line.split()[:5] == ["~", "Modify", "Orders", "AWS::DynamoDB::Table", "unknown"]
               for line in refused.output.splitlines())
    assert _pending_change_sets(aws) == []

    allowed = _run("deploy", "--stage", "prod", "--yes", "--allow-replace", "Orders")
    assert allowed.exit_code == 0, allowed.output


def test_bootstrap_on_an_endpoint_that_gives_no_outputs_finds_its_bucket(
        aws: Aws, project: Path, plain_change_sets: None) -> None:
    """A plain local endpoint (moto without the harness's outputs) creates the stack but
    leaves it without outputs: the bucket is the stack's own resource."""
    result = _run("bootstrap")
    assert result.exit_code == 0, result.output
    assert aws.cloudformation.describe_stacks(StackName=STACK_NAME)["Stacks"][0].get(
        "Outputs") is None
    bucket = find_bucket(aws)
    assert f"Artifact bucket for us-east-1: {bucket}" in result.output
    aws.s3.head_bucket(Bucket=bucket)
    assert "lambdakit bootstrap" not in result.output


def test_declining_the_change_set_leaves_no_stack(aws: Aws, project: Path) -> None:
    assert _run("bootstrap").exit_code == 0
    _write(project)
    declined = _run("deploy", "--stage", "prod", input="n\n")
    assert declined.exit_code == 3
    assert f"Deploy these changes to {STACK}? [y/N]" in declined.output
    assert "Not deployed; the change set was deleted" in declined.output
    assert STACK not in {s["StackName"] for s in
                         aws.cloudformation.describe_stacks()["Stacks"]}
    accepted = _run("deploy", "--stage", "prod", input="y\n")
    assert accepted.exit_code == 0, accepted.output


def test_a_template_over_51200_bytes_is_passed_by_url(aws: Aws, project: Path) -> None:
    from lambdakit.deploy.apply import Request, apply, template_source
    from lambdakit.deploy.aws import Poll

    assert _run("bootstrap").exit_code == 0
    bucket = find_bucket(aws)
    template = {"Description": "large", "Metadata": {"Padding": "x" * 60_000},
                "Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
    body = json.dumps(template)
    source = template_source(aws, bucket, body)
    assert list(source) == ["TemplateURL"]
    assert source["TemplateURL"].startswith(f"https://{bucket}.s3.us-east-1.amazonaws.com/"
                                            "templates/")
    messages: list[str] = []

    class Console:
        interactive = False

        def echo(self, text: str) -> None:
            messages.append(text)

        def progress(self, text: str) -> None:
            messages.append(text)

        def confirm(self, question: str) -> bool:
            raise AssertionError("--yes was given")

    result = apply(aws, Request("large", source, assume_yes=True), Console(), Poll(0))
    assert result.status == "CREATE_COMPLETE", messages
    assert "Queue" in {s["LogicalResourceId"] for s in aws.cloudformation.list_stack_resources(
        StackName="large")["StackResourceSummaries"]}
    assert template_source(aws, bucket, json.dumps({"Resources": {}})) == {
        "TemplateBody": '{"Resources": {}}'}


def test_synth_errors_stop_the_deploy_with_synth_diagnostics(aws: Aws, project: Path) -> None:
    _write(project)
    app = project / "app.py"
    app.write_text(app.read_text().replace('runtime="python3.13"',
                                           'runtime="python3.13", timeout=1200'))
    result = _run("deploy", "--stage", "prod", "--yes")
    assert result.exit_code == 1
    assert "error LK104 Worker: timeout must be ≤ 900 s (got 1200)" in result.output
    assert "Packaged" not in result.output


def test_deploy_as_a_real_process(aws: Aws, project: Path) -> None:
    """The installed entry point, in its own process, over HTTP to the same endpoint."""
    _write(project)
    command = [sys.executable, "-m", "lambdakit"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for args in (["bootstrap"], ["deploy", "--stage", "prod", "--yes"]):
        done = subprocess.run([*command, *args], capture_output=True, text=True, env=env,
                              cwd=project, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
    assert "Outputs" in done.stdout
    assert _stack(aws)["StackStatus"] == "CREATE_COMPLETE"


def test_missing_credentials_say_where_credentials_come_from(
        aws: Aws, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    result = _run("bootstrap")
    assert result.exit_code == 3
    assert "error: Unable to locate credentials" in result.stderr
    hint = result.stderr.split("hint: ")[1]
    assert "AWS_PROFILE" in hint and "aws configure" in hint
    assert "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" in hint


def _read_until(stream: IO[str], marker: str, timeout_s: float = 60) -> list[str]:
    """The lines of `stream` up to the first holding `marker`, as they come."""
    lines: list[str] = []

    def read() -> None:
        for line in stream:
            lines.append(line)
            if marker in line:
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout_s)
    assert lines and marker in lines[-1], f"no {marker!r} in:\n{''.join(lines)}"
    return lines


class _CtrlC(io.RawIOBase):
    """Standard input on which the user presses Ctrl-C."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if not len(buffer):  # a probe of what the stream reads, not a read
            return 0
        raise KeyboardInterrupt


def test_ctrl_c_at_the_question_exits_130_and_leaves_nothing(aws: Aws, project: Path) -> None:
    assert _run("bootstrap").exit_code == 0
    _write(project)
    result = CliRunner().invoke(cli, ["deploy", "--stage", "prod"], input=_CtrlC())
    assert result.exit_code == 130, result.output
    assert (f"interrupted: nothing was deployed to {STACK}; the change set was deleted"
            in result.stderr)
    assert "Aborted!" not in result.output
    assert STACK not in {s["StackName"] for s in
                         aws.cloudformation.describe_stacks()["Stacks"]}

    unanswered = _run("deploy", "--stage", "prod", input="")  # end of input: no
    assert unanswered.exit_code == 3
    assert "Not deployed; the change set was deleted" in unanswered.output


def test_ctrl_c_during_an_update_of_a_real_process_says_cloudformation_carries_on(
        aws: Aws, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGINT, as the terminal sends it, to the installed entry point while CloudFormation
    (moto, made to keep the update in progress) works on the stack."""
    from moto.cloudformation.models import CloudFormationBackend

    assert _run("bootstrap").exit_code == 0
    _write(project)
    assert _run("deploy", "--stage", "prod", "--yes").exit_code == 0
    execute = CloudFormationBackend.execute_change_set

    def execute_and_keep_working(backend: CloudFormationBackend, change_set_name: str,
                                 stack_name: str | None = None) -> None:
        execute(backend, change_set_name, stack_name)
        stack = next(s for s in backend.stacks.values() if s.name == STACK)
        stack.events.pop()  # the update's UPDATE_COMPLETE: it has not finished
        stack.status = "UPDATE_IN_PROGRESS"

    monkeypatch.setattr(CloudFormationBackend, "execute_change_set", execute_and_keep_working)
    _write(project, body="return {'ok': True}")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    process = subprocess.Popen([sys.executable, "-m", "lambdakit", "deploy", "--stage", "prod",
                                "--yes"], cwd=project, env=env, text=True,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stderr is not None
    try:
        progress = _read_until(process.stderr, f"UPDATE_IN_PROGRESS           {STACK}")
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:  # a failed test leaves no deploy polling behind
            process.kill()
            process.communicate()

    assert process.returncode == 130, "".join(progress) + stderr
    assert progress[-1].startswith("[0s 0/")
    assert stderr.splitlines() == [
        f"interrupted: lambdakit stopped following {STACK}, which is UPDATE_IN_PROGRESS; "
        "CloudFormation carries on without lambdakit",
        f"  to cancel the update: aws cloudformation cancel-update-stack --stack-name {STACK} "
        "--region us-east-1",
        f"  to follow it: aws cloudformation describe-stack-events --stack-name {STACK} "
        "--region us-east-1"]
    assert "Aborted!" not in stdout + stderr
    assert _stack(aws)["StackStatus"] == "UPDATE_IN_PROGRESS"
