"""`lambdakit explain`: what each role allows and which line asked for it, through click's runner
and the Python API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import lambdakit
from lambdakit.cli import cli
from lambdakit.cli.loader import load_app
from lambdakit.errors import LambdakitError
from lambdakit.explanation import ExplainRow, UnknownFunction, explain_app, format_table

HANDLER = "def handle(event, context):\n    return event\n"
APP = """\
from lambdakit import App, Bucket, Function, Statement, Table

orders = Table(id="Orders", partition_key="pk")
uploads = Bucket(id="Uploads")
reader = Function(id="Reader", handler="app.handle", code="src", runtime="python3.13",
                  grants=[orders.read(), uploads.read(prefix="incoming/")])
writer = Function(
    id="Writer", handler="app.handle", code="src", runtime="python3.13",
    tracing="pass_through",
    grants=[orders.write()],
    statements=[Statement(actions=["s3:GetObject"],
                          resources=["arn:aws:s3:::partner-drop/reports/*"],
                          reason="reads reports a partner drops",
                          acknowledge={"LK211": "reviewed"})],
)
app = App(name="shop", functions=[reader, writer])
"""
EXPECTED = """\
FUNCTION  ACTION                       RESOURCE                                          DECLARED   WHY
Reader    dynamodb:BatchGetItem        Orders (table)                                    app.py:6   get, query and scan items on Orders
Reader    dynamodb:ConditionCheckItem  Orders (table)                                    app.py:6   get, query and scan items on Orders
Reader    dynamodb:GetItem             Orders (table)                                    app.py:6   get, query and scan items on Orders
Reader    dynamodb:Query               Orders (table)                                    app.py:6   get, query and scan items on Orders
Reader    dynamodb:Scan                Orders (table)                                    app.py:6   get, query and scan items on Orders
Reader    logs:CreateLogStream         ReaderLogGroup (log group)                        app.py:5   write logs to ReaderLogGroup only
Reader    logs:PutLogEvents            ReaderLogGroup (log group)                        app.py:5   write logs to ReaderLogGroup only
Reader    s3:GetObject                 Uploads/incoming/* (bucket objects)               app.py:6   get and list objects on Uploads under 'incoming/'
Reader    s3:ListBucket                Uploads (bucket) if s3:prefix matches incoming/*  app.py:6   get and list objects on Uploads under 'incoming/'
Reader    xray:PutTelemetryRecords     *                                                 app.py:5   send traces (active tracing); xray:PutTraceSegments and xray:PutTelemetryRecords have no resource type in the IAM service authorization reference, so they can only be granted on '*'
Reader    xray:PutTraceSegments        *                                                 app.py:5   send traces (active tracing); xray:PutTraceSegments and xray:PutTelemetryRecords have no resource type in the IAM service authorization reference, so they can only be granted on '*'
Writer    dynamodb:BatchWriteItem      Orders (table)                                    app.py:10  put, update and delete items on Orders
Writer    dynamodb:ConditionCheckItem  Orders (table)                                    app.py:10  put, update and delete items on Orders
Writer    dynamodb:DeleteItem          Orders (table)                                    app.py:10  put, update and delete items on Orders
Writer    dynamodb:PutItem             Orders (table)                                    app.py:10  put, update and delete items on Orders
Writer    dynamodb:UpdateItem          Orders (table)                                    app.py:10  put, update and delete items on Orders
Writer    logs:CreateLogStream         WriterLogGroup (log group)                        app.py:7   write logs to WriterLogGroup only
Writer    logs:PutLogEvents            WriterLogGroup (log group)                        app.py:7   write logs to WriterLogGroup only
Writer    s3:GetObject                 arn:aws:s3:::partner-drop/reports/*               app.py:11  reads reports a partner drops
Writer    xray:PutTelemetryRecords     *                                                 app.py:7   send traces (pass_through tracing); xray:PutTraceSegments and xray:PutTelemetryRecords have no resource type in the IAM service authorization reference, so they can only be granted on '*'
Writer    xray:PutTraceSegments        *                                                 app.py:7   send traces (pass_through tracing); xray:PutTraceSegments and xray:PutTelemetryRecords have no resource type in the IAM service authorization reference, so they can only be granted on '*'
"""  # noqa: E501
SPLIT_APP = """\
from lambdakit import App, Bucket, Function

buckets = [Bucket(id=f"Bucket{n:02d}") for n in range(1, 41)]
worker = Function(id="Worker", handler="app.handle", code="src", runtime="python3.13",
                  grants=[b.read(prefix=f"in{n}/") for n, b in enumerate(buckets, start=1)])
app = App(name="split", functions=[worker])
"""
TOO_LARGE_APP = """\
from lambdakit import App, Function, Statement

statements = [Statement(actions=["s3:GetObject"],
                        resources=[f"arn:aws:s3:::bucket-{n:02d}-{i:03d}/*" for i in range(120)],
                        reason="partner buckets", acknowledge={"LK211": "reviewed"})
              for n in range(25)]
worker = Function(id="Worker", handler="app.handle", code="src", runtime="python3.13",
                  statements=statements)
app = App(name="toolarge", functions=[worker])
"""
ROW_KEYS = ["function", "action", "resource", "condition", "declared", "purpose", "reason",
            "sid", "policy"]


@pytest.fixture
def app_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory holding the code; the cwd, so rows show `app.py:LINE`."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text(HANDLER)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")  # 2026-11-22, as the other tests
    return tmp_path


def _write(app_dir: Path, source: str = APP) -> str:
    (app_dir / "app.py").write_text(source)
    return "app.py"


def _explain(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["explain", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_table_text(app_dir: Path) -> None:
    code, out, err = _explain(_write(app_dir))
    assert (code, err) == (0, "")
    assert out == EXPECTED
    assert all(line == line.rstrip() for line in out.splitlines())


def test_json_rows(app_dir: Path) -> None:
    code, out, err = _explain(_write(app_dir), "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert isinstance(rows, list) and len(rows) == len(EXPECTED.splitlines()) - 1
    assert all(list(row) == ROW_KEYS for row in rows)
    assert all(isinstance(value, str) for row in rows for value in row.values())
    listing = next(r for r in rows if r["action"] == "s3:ListBucket")
    assert listing == {
        "function": "Reader", "action": "s3:ListBucket", "resource": "Uploads (bucket)",
        "condition": "s3:prefix matches incoming/*", "declared": "app.py:6",
        "purpose": "get and list objects on Uploads under 'incoming/'", "reason": "",
        "sid": "BucketReadUploadsListing", "policy": "execution"}
    xray = [r for r in rows if r["resource"] == "*"]
    assert {r["action"] for r in xray} == {"xray:PutTelemetryRecords", "xray:PutTraceSegments"}
    assert all("no resource type" in r["reason"] for r in xray)
    # The same rows as the table, in the same order.
    table = [line.split()[:2] for line in EXPECTED.splitlines()[1:]]
    assert [[r["function"], r["action"]] for r in rows] == table


def test_one_function(app_dir: Path) -> None:
    code, out, _ = _explain(_write(app_dir), "Writer")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["FUNCTION", "ACTION", "RESOURCE", "DECLARED", "WHY"]
    assert {line.split()[0] for line in lines[1:]} == {"Writer"}
    assert len(lines) - 1 == sum(line.startswith("Writer ") for line in EXPECTED.splitlines())
    code, out, _ = _explain(_write(app_dir), "Reader", "--json")
    assert code == 0 and {row["function"] for row in json.loads(out)} == {"Reader"}


def test_unknown_function_exits_2_with_the_names(app_dir: Path) -> None:
    code, out, err = _explain(_write(app_dir), "Nope")
    assert code == 2 and out == ""
    assert "no function 'Nope' in the app; its functions: Reader, Writer" in err


def test_usage_errors_exit_2(app_dir: Path) -> None:
    assert _explain()[0] == 2
    assert _explain(_write(app_dir), "--yaml")[0] == 2


def test_an_app_with_errors_exits_1_without_rows(app_dir: Path) -> None:
    code, out, err = _explain(_write(app_dir, APP.replace('runtime="python3.13",\n    tracing',
                                                          'runtime="python3.13", timeout=1200,'
                                                          '\n    tracing')))
    assert code == 1 and out == ""
    assert "app.py:7: error LK104 Writer: timeout must be ≤ 900 s (got 1200)" in err
    code, _, err = _explain("missing.py")
    assert code == 1 and "LK005" in err


def test_a_role_too_large_is_still_explained(app_dir: Path) -> None:
    """LK210 is what explain helps fix: rows on stdout, the error on stderr, exit 1."""
    code, out, err = _explain(_write(app_dir, TOO_LARGE_APP), "--json")
    assert code == 1
    assert "error LK210 Worker" in err
    rows = json.loads(out)
    assert len(rows) == 25 * 120 + 4
    assert {r["declared"] for r in rows} == {"app.py:3", "app.py:7"}
    assert rows[-1]["resource"] == "*"


def test_split_roles_name_the_managed_policy(app_dir: Path) -> None:
    code, out, _ = _explain(_write(app_dir, SPLIT_APP), "--json")
    assert code == 0
    policies = {r["sid"]: r["policy"] for r in json.loads(out)}
    assert policies["WriteOwnLogs"] == policies["XRayTracing"] == "execution"
    assert policies["BucketReadBucket01Listing"] == "WorkerPolicy1"
    assert policies["BucketReadBucket40Listing"] == "WorkerPolicy3"
    # The forty object statements are merged into the first: explain names the Sid written.
    objects = {r["resource"] for r in json.loads(out) if r["sid"] == "BucketReadBucket01Objects"}
    assert len(objects) == 40 and "BucketReadBucket30Objects" not in policies


def test_python_api(app_dir: Path) -> None:
    app = load_app(_write(app_dir))
    rows = lambdakit.explain(app)
    assert all(isinstance(row, ExplainRow) for row in rows)
    assert format_table(rows) == EXPECTED
    assert lambdakit.explain(app, "Reader") == [r for r in rows if r.function == "Reader"]
    with pytest.raises(UnknownFunction) as caught:
        lambdakit.explain(app, "Nope")
    assert caught.value.names == ["Reader", "Writer"]
    assert explain_app(app).diagnostics == []


def test_python_api_raises_on_errors(app_dir: Path) -> None:
    app = load_app(_write(app_dir, APP.replace('runtime="python3.13",\n    tracing',
                                               'runtime="python3.13", memory=64,\n    tracing')))
    with pytest.raises(LambdakitError) as caught:
        lambdakit.explain(app)
    assert [d.code for d in caught.value.diagnostics] == ["LK101"]


def test_vpc_permissions_name_imported_ids() -> None:
    """A subnet another stack exports appears by its export name, not as a raw structure."""
    golden = Path(__file__).parent / "goldens" / "surroundings_vpc" / "app.py"
    rows = explain_app(load_app(str(golden)), "Indexer").rows
    created = sorted(row.resource for row in rows if row.action == "ec2:CreateNetworkInterface")
    partition = "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}"
    assert created == [f"{partition}:network-interface/*",
                       f"{partition}:security-group/${{ImportValue network-LambdaSecurityGroup}}",
                       f"{partition}:subnet/${{ImportValue network-PrivateSubnetA}}",
                       f"{partition}:subnet/${{ImportValue network-PrivateSubnetB}}"]


SCHEDULED_APP = """\
from lambdakit import App, Function, Key, Queue
from lambdakit.events import ScheduleEvent

key = Key(id="JobsKey")
missed = Queue(id="Missed", key=key)
nightly = Function(id="Nightly", handler="app.handle", code="src", runtime="python3.13",
                   events=[ScheduleEvent(expression="cron(0 3 * * ? *)",
                                         dead_letter_queue=missed)])
app = App(name="jobs", functions=[nightly], resources=[missed])
"""


def test_the_scheduler_s_role_is_explained_as_the_template_writes_it(app_dir: Path) -> None:
    from helpers import synth_file

    path = app_dir / _write(app_dir, SCHEDULED_APP)
    role = "NightlyOnScheduleRole"
    [policy] = synth_file(path).template["Resources"][role]["Properties"]["Policies"]
    written = {(action, sid) for statement in policy["PolicyDocument"]["Statement"]
               for action in statement["Action"] for sid in [statement["Sid"]]}
    rows = [row for row in lambdakit.explain(load_app(str(path))) if row.function == role]
    assert {(row.action, row.sid) for row in rows} == written
    assert {(row.action, row.resource, row.declared) for row in rows} == {
        ("lambda:InvokeFunction", "Nightly (function)", "app.py:7"),
        ("sqs:SendMessage", "Missed (queue)", "app.py:7"),
        ("kms:Decrypt", "JobsKey (key)", "app.py:7"),
        ("kms:GenerateDataKey", "JobsKey (key)", "app.py:7"),
    }
    assert {row.policy for row in rows} == {"invoke"}
