"""`lambdakit event` and `lambdakit invoke`: handlers written here, run in-process through click's
runner, and once as a real subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from lambdakit.cli import cli
from lambdakit.local import invoke_locally

RUNTIME = "python3.13"


def _project(tmp_path: Path, handler: str, *, functions: str = "", code: str = "src",
             settings: str = "") -> Path:
    """An app with function `Fn` (handler `svc.handler.handle` in `code`) and a queue `Inbox`;
    `functions` adds `name = Function(...)` lines before it (each goes into the app)."""
    package = tmp_path / code / "svc"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text("")
    (package / "handler.py").write_text(textwrap.dedent(handler))
    app = tmp_path / "app.py"
    extra = [line.split("=", 1)[0].strip() for line in functions.splitlines()
             if "= Function(" in line]
    app.write_text(
        "from lambdakit import App, Function, Queue, Table\n"
        "from lambdakit.events import SqsEvent\n"
        'inbox = Queue(id="Inbox")\n'
        'orders = Table(id="Orders", partition_key="pk")\n'
        f"{functions}\n"
        f'fn = Function(id="Fn", handler="svc.handler.handle", code="{code}", '
        f'runtime="{RUNTIME}"{settings})\n'
        f'app = App(name="local", functions=[fn, {", ".join(extra)}])\n')
    return app


def _generated_suffix(logical_id: str) -> str:
    """The 12 characters CloudFormation would append, fixed per logical id in sample values."""
    return hashlib.sha256(logical_id.encode()).hexdigest()[:12].upper()


def _uuid(seed: str) -> str:
    digest = hashlib.sha256(seed.encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, ["invoke", *args])


def _json(result: Result) -> Any:
    return json.loads(result.stdout)


ECHO_ENVIRONMENT = """\
    import os

    def handle(event, context):
        return {name: os.environ.get(name) for name in event["names"]}
    """


def test_environment_is_the_functions_during_the_call_and_restored_after(
        tmp_path: Path) -> None:
    app = _project(tmp_path, ECHO_ENVIRONMENT, settings=(
        ', environment={"MODE": "test", "ORDERS": orders, "INBOX": inbox, '
        '"BILLING": Function.existing(name="billing"), "RECEIPTS": receipts.name}'),
        functions='receipts = Function(id="Receipts", handler="svc.handler.handle", '
                  f'code="src", runtime="{RUNTIME}")')
    names = ["MODE", "ORDERS", "INBOX", "BILLING", "RECEIPTS", "AWS_LAMBDA_FUNCTION_NAME",
             "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_REGION",
             "AWS_DEFAULT_REGION", "AWS_LAMBDA_LOG_GROUP_NAME", "LAMBDA_TASK_ROOT", "_HANDLER",
             "AWS_EXECUTION_ENV", "TZ"]
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"names": names}))
    before = dict(os.environ)
    result = _invoke(str(app), "Fn", "--event", str(event), "--env", "MODE=override")
    assert result.exit_code == 0, result.output
    assert dict(os.environ) == before
    assert _json(result) == {
        "MODE": "override",  # --env is set last
        # Owned resources: the name CloudFormation would generate (a queue: its URL).
        "ORDERS": "lambdakit-app-Orders-" + _generated_suffix("Orders"),
        "INBOX": "https://sqs.us-east-1.amazonaws.com/123456789012/lambdakit-app-Inbox-"
                 + _generated_suffix("Inbox"),
        "BILLING": "arn:aws:lambda:us-east-1:123456789012:function:billing",
        "RECEIPTS": "lambdakit-app-Receipts-" + _generated_suffix("Receipts"),
        "AWS_LAMBDA_FUNCTION_NAME": "lambdakit-app-Fn-" + _generated_suffix("Fn"),
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_REGION": "us-east-1",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/lambdakit-app/Fn",
        "LAMBDA_TASK_ROOT": str(tmp_path / "src"),
        "_HANDLER": "svc.handler.handle",
        "AWS_EXECUTION_ENV": f"AWS_Lambda_{RUNTIME}",
        "TZ": ":UTC",
    }


CONTEXT = """\
    import os
    import time

    def handle(event, context):
        first = context.get_remaining_time_in_millis()
        time.sleep(0.05)
        second = context.get_remaining_time_in_millis()
        return {
            "request_id": context.aws_request_id,
            "function_name": context.function_name,
            "function_version": context.function_version,
            "invoked_function_arn": context.invoked_function_arn,
            "memory_limit_in_mb": context.memory_limit_in_mb,
            "log_group_name": context.log_group_name,
            "log_stream_name": context.log_stream_name,
            "remaining": [first, second],
            "cwd": os.getcwd(),
        }
    """


def test_context_is_lambdas_and_the_remaining_time_counts_down(tmp_path: Path) -> None:
    app = _project(tmp_path, CONTEXT, settings=', memory=1024, timeout=20, '
                                               'function_name="orders-worker"')
    first = _json(_invoke(str(app), "Fn"))
    assert first["request_id"] == _json(_invoke(str(app), "Fn"))["request_id"]  # deterministic
    assert first["function_name"] == "orders-worker"
    assert first["function_version"] == "$LATEST"
    assert first["invoked_function_arn"] == ("arn:aws:lambda:us-east-1:123456789012:function:"
                                             "orders-worker")
    assert first["memory_limit_in_mb"] == "1024"  # a string, as the Python runtime gives it
    assert first["log_group_name"] == "/aws/lambda/orders-worker"
    assert "/[$LATEST]" in first["log_stream_name"]
    assert first["cwd"] == str(tmp_path / "src")
    start, later = first["remaining"]
    assert 19_000 < start <= 20_000
    assert later <= start - 50
    told = _json(_invoke(str(app), "Fn", "--request-id", "req-1"))
    assert told["request_id"] == "req-1"


def test_a_raising_handler_prints_lambdas_error_payload_and_exits_1(tmp_path: Path) -> None:
    app = _project(tmp_path, """\
        def price(order):
            raise ValueError(f"order {order['id']} has no items")

        def handle(event, context):
            print("pricing")
            return price(event)
        """)
    event = tmp_path / "e.json"
    event.write_text('{"id": "o-1"}')
    result = _invoke(str(app), "Fn", "--event", str(event))
    assert result.exit_code == 1
    error = _json(result)
    assert error["errorType"] == "ValueError"
    assert error["errorMessage"] == "order o-1 has no items"
    assert error["requestId"]
    handler_file = str(tmp_path / "src" / "svc" / "handler.py")
    assert [line.split(",")[0] for line in error["stackTrace"]] == [f'  File "{handler_file}"'] * 2
    assert "in handle" in error["stackTrace"][0] and "in price" in error["stackTrace"][1]
    assert "Traceback" not in result.output and "lambdakit" not in "".join(error["stackTrace"])
    assert result.stderr.startswith("pricing\n")  # the handler's prints are its logs


@pytest.mark.parametrize(("handler", "error_type", "message"), [
    ("import missing_dependency\ndef handle(e, c):\n    return 1\n", "Runtime.ImportModuleError",
     "Unable to import module 'svc.handler': No module named 'missing_dependency'"),
    ("def other(e, c):\n    return 1\n", "Runtime.HandlerNotFound",
     "Handler 'handle' missing on module 'svc.handler'"),
    ("def handle(e, c):\n    return {1, 2}\n", "Runtime.MarshalError",
     "Unable to marshal response: Object of type set is not JSON serializable"),
    ("import sys\ndef handle(e, c):\n    sys.exit(3)\n", "Runtime.ExitError",
     "Error: Runtime exited with error: exit status 3"),
    ("def handle(e, c)\n    return 1\n", "Runtime.UserCodeSyntaxError",
     "Syntax error in module 'svc.handler': expected ':'"),
])
def test_runtime_errors_are_reported_as_lambda_reports_them(
        tmp_path: Path, handler: str, error_type: str, message: str) -> None:
    result = _invoke(str(_project(tmp_path, handler)), "Fn")
    assert result.exit_code == 1, result.output
    error = _json(result)
    assert error["errorType"] == error_type
    assert message in error["errorMessage"]


def test_a_handler_past_its_timeout_is_stopped_and_reported(tmp_path: Path) -> None:
    app = _project(tmp_path, """\
        import time

        def handle(event, context):
            try:
                time.sleep(5)
            except Exception:
                return "swallowed"
            return "finished"
        """, settings=", timeout=1")
    result = _invoke(str(app), "Fn")
    assert result.exit_code == 1
    error = _json(result)
    assert error["errorType"] == "Sandbox.Timedout"
    assert "Task timed out after 1.0" in error["errorMessage"]
    assert "stopped at the timeout (1 s)" in result.stderr


def test_two_functions_with_the_same_module_name_never_share_it(tmp_path: Path) -> None:
    for code, answer in (("a", "from a"), ("b", "from b")):
        package = tmp_path / code / "svc"
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "helpers.py").write_text(f"ANSWER = {answer!r}\n")
        (package / "handler.py").write_text(
            "from svc.helpers import ANSWER\n\ndef handle(event, context):\n    return ANSWER\n")
    app = tmp_path / "app.py"
    app.write_text(
        "from lambdakit import App, Function\n"
        f'a = Function(id="A", handler="svc.handler.handle", code="a", runtime="{RUNTIME}")\n'
        f'b = Function(id="B", handler="svc.handler.handle", code="b", runtime="{RUNTIME}")\n'
        'app = App(name="two", functions=[a, b])\n')
    path_before = list(sys.path)
    assert _json(_invoke(str(app), "A")) == "from a"
    assert _json(_invoke(str(app), "B")) == "from b"
    assert _json(_invoke(str(app), "A")) == "from a"
    assert sys.path == path_before
    assert not [name for name in sys.modules if name == "svc" or name.startswith("svc.")]


def test_a_cached_module_of_the_caller_is_set_aside_and_given_back(tmp_path: Path) -> None:
    app = _project(tmp_path, "def handle(event, context):\n    return __name__\n")
    import types

    mine = types.ModuleType("svc")
    sys.modules["svc"] = mine
    try:
        assert _json(_invoke(str(app), "Fn")) == "svc.handler"
        assert sys.modules["svc"] is mine
        assert "svc.handler" not in sys.modules
    finally:
        del sys.modules["svc"]


SQS_BATCH = """\
    import json

    def failed_ids(event):
        return [record["messageId"] for record in event["Records"]
                if json.loads(record["body"]).get("example") == "message"]

    def handle(event, context):
        return {"batchItemFailures": [{"itemIdentifier": message_id}
                                      for message_id in failed_ids(event)]}
    """


def test_invoke_sample_gives_an_sqs_handler_the_sample_batch(tmp_path: Path) -> None:
    app = _project(tmp_path, SQS_BATCH, settings=", events=[SqsEvent(queue=inbox)]")
    sample = json.loads(CliRunner().invoke(cli, ["event", str(app), "Fn"]).stdout)
    result = _invoke(str(app), "Fn", "--sample")
    assert result.exit_code == 0, result.output
    message_id = sample["Records"][0]["messageId"]
    assert _json(result) == {"batchItemFailures": [{"itemIdentifier": message_id}]}


def test_event_prints_sorted_deterministic_json(tmp_path: Path) -> None:
    app = _project(tmp_path, SQS_BATCH, settings=", events=[SqsEvent(queue=inbox)]")
    first = CliRunner().invoke(cli, ["event", str(app), "Fn"])
    assert first.exit_code == 0, first.output
    assert first.stdout == CliRunner().invoke(cli, ["event", str(app), "Fn"]).stdout
    assert first.stdout.startswith('{\n  "Records": [\n    {\n      "attributes": {\n')
    record = json.loads(first.stdout)["Records"][0]
    assert list(record) == sorted(record)
    assert record["eventSourceARN"].endswith(":lambdakit-app-Inbox-" + _generated_suffix("Inbox"))
    seeded = [subprocess.run([sys.executable, "-m", "lambdakit", "event", str(app), "Fn"],
                             capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}).stdout
              for seed in ("1", "2")]
    assert seeded == [first.stdout, first.stdout]


def test_source_selection_errors_exit_2(tmp_path: Path) -> None:
    app = _project(tmp_path, SQS_BATCH, settings=(
        ', events=[SqsEvent(queue=inbox), SqsEvent(queue=Queue(id="Retries"), name="Retry")]'),
        functions='plain = Function(id="Plain", handler="svc.handler.handle", code="src", '
                  f'runtime="{RUNTIME}")')
    several = CliRunner().invoke(cli, ["event", str(app), "Fn"])
    assert several.exit_code == 2
    assert "Fn has 2 event sources; choose one with --source NAME: FromInbox, Retry" \
        in several.stderr
    chosen = CliRunner().invoke(cli, ["event", str(app), "Fn", "--source", "Retry"])
    assert ":lambdakit-app-Retries-" in json.loads(chosen.stdout)["Records"][0]["eventSourceARN"]
    unknown = CliRunner().invoke(cli, ["event", str(app), "Fn", "--source", "Retyr"])
    assert unknown.exit_code == 2
    assert "Fn has no event source 'Retyr'; did you mean 'Retry'? (its sources: FromInbox, " \
           "Retry)" in unknown.stderr
    none = CliRunner().invoke(cli, ["event", str(app), "Plain"])
    assert none.exit_code == 2 and "Plain has no event source" in none.stderr
    function = CliRunner().invoke(cli, ["event", str(app), "Plian"])
    assert function.exit_code == 2
    assert "the app has no function 'Plian'; did you mean 'Plain'? (its functions: Fn, Plain)" \
        in function.stderr
    sample_needs_choice = _invoke(str(app), "Fn", "--sample")
    assert sample_needs_choice.exit_code == 2 and "--source NAME" in sample_needs_choice.stderr


def test_a_source_without_a_sample_event_says_so(tmp_path: Path) -> None:
    app = _project(tmp_path, ECHO_ENVIRONMENT, settings=", events=[Webhook()]", functions=(
        "from lambdakit.model import Binding, EventSource\n"
        "class Webhook(EventSource):\n"
        "    def default_name(self):\n"
        "        return 'Webhook'\n"
        "    def bind(self, fn):\n"
        "        return Binding()\n"))
    result = CliRunner().invoke(cli, ["event", str(app), "Fn"])
    assert result.exit_code == 2
    assert "Webhook has no sample event yet: pass one with --event FILE" in result.stderr


def test_invoke_usage_errors_exit_2(tmp_path: Path) -> None:
    app = _project(tmp_path, ECHO_ENVIRONMENT)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{not json")
    for args, message in (
        (["--event", str(bad_json)], "is not JSON"),
        (["--event", str(tmp_path / "missing.json")], "cannot read"),
        (["--event", str(bad_json), "--sample"], "either --event FILE or --sample"),
        (["--source", "FromInbox"], "add --sample"),
        (["--env", "NOEQUALS"], "expected NAME=VALUE"),
    ):
        result = _invoke(str(app), "Fn", *args)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.stderr
        assert "Traceback" not in result.output


def test_references_become_the_values_a_deploy_would_give(tmp_path: Path) -> None:
    from lambdakit.local.environment import function_environment
    from lambdakit.model import Bucket, Function, Key, Parameter, Queue, Secret, Topic

    fn = Function(id="Fn", handler="svc.handler.handle", code=tmp_path, runtime=RUNTIME,
                  environment={
                      "BUCKET": Bucket(id="Uploads", name="my-uploads"),
                      "TOPIC": Topic(id="Events"),
                      "SECRET": Secret(id="Token"),
                      "KEY": Key(id="DataKey"),
                      "PARAMETER": Parameter.existing(name="/app/flag"),
                      "FIFO": Queue(id="Jobs", fifo=True),
                      "LEGACY": Queue.existing(arn="arn:aws:sqs:eu-west-1:210987654321:legacy"),
                  })
    prefix = "arn:aws:{}:us-east-1:123456789012:"
    assert function_environment(fn) == {
        "BUCKET": "my-uploads",
        "TOPIC": prefix.format("sns") + "lambdakit-app-Events-" + _generated_suffix("Events"),
        "SECRET": prefix.format("secretsmanager") + "secret:lambdakit-app-Token-"
                  + _generated_suffix("Token") + "-" + _generated_suffix("Token")[:6].lower(),
        "KEY": prefix.format("kms") + "key/" + _uuid("DataKey"),
        "PARAMETER": "/app/flag",
        "FIFO": "https://sqs.us-east-1.amazonaws.com/123456789012/lambdakit-app-Jobs-"
                + _generated_suffix("Jobs") + ".fifo",
        # An existing queue's URL comes from its known ARN: its own region and account.
        "LEGACY": "https://sqs.eu-west-1.amazonaws.com/210987654321/legacy",
    }


def test_only_python_handlers_run(tmp_path: Path) -> None:
    app = _project(tmp_path, ECHO_ENVIRONMENT)
    (tmp_path / "src" / "index.js").write_text("exports.handler = async () => 1;\n")
    app.write_text(app.read_text().replace(
        "functions=[fn, ]", 'functions=[fn, Function(id="Node", handler="index.handler", '
                            'code="src", runtime="nodejs22.x")]'))
    result = _invoke(str(app), "Node")
    assert result.exit_code == 2
    assert "Node runs nodejs22.x: only Python handlers can run in-process" in result.stderr


def test_container_images_do_not_run_in_process(tmp_path: Path) -> None:
    app = _project(tmp_path, ECHO_ENVIRONMENT)
    image = ("123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:"
             + "a" * 64)
    app.write_text(app.read_text().replace(
        "functions=[fn, ]", f'functions=[fn, Function(id="Image", image_uri="{image}")]'))
    result = _invoke(str(app), "Image")
    assert result.exit_code == 2
    assert "Image is a container image: run it with" in result.stderr


def test_an_app_with_errors_reports_them_like_synth(tmp_path: Path) -> None:
    app = _project(tmp_path, ECHO_ENVIRONMENT, settings=", timeout=1200")
    for command in (["invoke", str(app), "Fn"], ["event", str(app), "Fn"]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 1
        assert "error LK104 Fn: timeout must be ≤ 900 s (got 1200)" in result.stderr
        assert result.stdout == ""


def test_code_in_a_zip_runs_from_its_extracted_files(tmp_path: Path) -> None:
    app = _project(tmp_path, CONTEXT, code="build")
    archive = tmp_path / "code.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted((tmp_path / "build").rglob("*.py")):
            bundle.write(path, path.relative_to(tmp_path / "build"))
    app.write_text(app.read_text().replace('code="build"', 'code="code.zip"'))
    result = _invoke(str(app), "Fn")
    assert result.exit_code == 0, result.output
    assert Path(_json(result)["cwd"]).name.startswith("lambdakit-task-")


def test_the_python_api_restores_the_process(tmp_path: Path) -> None:
    from lambdakit.cli.loader import load_app

    app = load_app(str(_project(tmp_path, CONTEXT)))
    fn = app.functions[0]
    cwd, path, environ = os.getcwd(), list(sys.path), dict(os.environ)
    outcome = invoke_locally(fn, {}, request_id="r-2")
    assert not outcome.failed and outcome.result["request_id"] == "r-2"
    assert (os.getcwd(), sys.path, dict(os.environ)) == (cwd, path, environ)
    assert not list((tmp_path / "src").rglob("__pycache__"))  # the deployed code stays clean


def test_real_subprocess_stdout_holds_only_the_result(tmp_path: Path) -> None:
    app = _project(tmp_path, """\
        import logging

        def handle(event, context):
            print("a log line")
            logging.getLogger().warning("a warning")
            return {"ok": True, "first": event.get("first")}
        """)
    done = subprocess.run([sys.executable, "-m", "lambdakit", "invoke", str(app), "Fn"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ok"] is True
    assert "a log line" in done.stderr and "a warning" in done.stderr
    failing = subprocess.run(
        [sys.executable, "-m", "lambdakit", "invoke", str(app), "Fn", "--event", "-"],
        input="[1]", capture_output=True, text=True)
    assert failing.returncode == 1
    assert json.loads(failing.stdout)["errorType"] == "AttributeError"
    assert "Traceback" not in failing.stderr


def test_without_a_signal_timer_a_slow_call_is_judged_after_it_returns(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from lambdakit.cli.loader import load_app

    app = load_app(str(_project(tmp_path, """\
        import time

        def handle(event, context):
            time.sleep(1.2)
            return "late"
        """, settings=", timeout=1")))
    with ThreadPoolExecutor(max_workers=1) as pool:  # signals reach only the main thread
        outcome = pool.submit(invoke_locally, app.functions[0], {}).result()
    assert outcome.error is not None and outcome.error["errorType"] == "Sandbox.Timedout"
    assert "ran to its end in 1.2" in outcome.notes[-1]
