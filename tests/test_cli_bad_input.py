"""The command line on bad input: what the app file does while it loads, and where `-o` points."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from lambdakit.cli import cli

ROOT = Path(__file__).resolve().parent.parent
QUICKSTART = ROOT / "examples" / "quickstart" / "app.py"
APP = (
    "from lambdakit import App, Function\n"
    'fn = Function(id="Worker", handler="h.handle", code="src", runtime="python3.13")\n'
    'app = App(name="demo", functions=[fn])\n'
)


def _app(tmp_path: Path, text: str = APP) -> Path:
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "h.py").write_text("def handle(event, context):\n    return event\n")
    path = tmp_path / "app.py"
    path.write_text(text)
    return path


def test_what_the_app_prints_goes_to_stderr_not_into_the_template(tmp_path: Path) -> None:
    app = _app(tmp_path, 'print("loading the app")\n' + APP)
    result = CliRunner().invoke(cli, ["synth", str(app)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("AWSTemplateFormatVersion")
    assert "loading the app" not in result.stdout
    assert "loading the app" in result.stderr


@pytest.mark.parametrize("exit_call", ["sys.exit(0)", "sys.exit()", "sys.exit(3)"])
def test_an_app_that_exits_while_loading_is_an_error(tmp_path: Path, exit_call: str) -> None:
    app = _app(tmp_path, f"import sys\n{APP}{exit_call}\n")
    out = tmp_path / "template.yaml"
    out.write_text("AWSTemplateFormatVersion: '2010-09-09'\nstale: true\n")
    result = CliRunner().invoke(cli, ["synth", str(app), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert f"app.py:5: error LK005 the app file exited while loading ({exit_call})" in (
        result.stderr)
    assert "stale: true" in out.read_text()  # left as it was, and the run failed


def test_synth_says_what_it_wrote(tmp_path: Path) -> None:
    out = tmp_path / "template.yaml"
    result = CliRunner().invoke(cli, ["synth", str(QUICKSTART), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"wrote {out} (9 resources)\n"


@pytest.mark.parametrize("target", ["app.py", "src/h.py", "notes.txt"])
def test_synth_refuses_to_overwrite_what_is_not_its_template(tmp_path: Path, target: str) -> None:
    app = _app(tmp_path)
    (tmp_path / "notes.txt").write_text("my notes\n")
    before = (tmp_path / target).read_text()
    result = CliRunner().invoke(cli, ["synth", str(app), "-o", str(tmp_path / target)])
    assert result.exit_code == 2, result.output
    assert "is not a template lambdakit wrote; refusing to overwrite it" in result.stderr
    assert (tmp_path / target).read_text() == before


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_synth_overwrites_its_own_template_of_either_format(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "template"
    other = "json" if fmt == "yaml" else "yaml"
    runner = CliRunner()
    assert runner.invoke(cli, ["synth", str(QUICKSTART), "-o", str(out),
                               "--format", other]).exit_code == 0
    result = runner.invoke(cli, ["synth", str(QUICKSTART), "-o", str(out), "--format", fmt])
    assert result.exit_code == 0, result.output
    fresh = tmp_path / "fresh"
    assert runner.invoke(cli, ["synth", str(QUICKSTART), "-o", str(fresh),
                               "--format", fmt]).exit_code == 0
    assert out.read_text() == fresh.read_text()


@pytest.mark.parametrize(("target", "reason"), [
    ("/sys/lambdakit-template.yaml", ""),            # sysfs: no new files, even for root
    ("/proc/no-such-folder/template.yaml", "No such file or directory"),
    ("/dev/full", "No space left on device"),         # a full device
])
def test_an_unwritable_output_is_a_usage_error_not_a_traceback(target: str, reason: str) -> None:
    top = "/" + target.split("/")[1]
    if not os.path.isdir(top) and not os.path.exists(target):
        pytest.skip(f"no {top} on this machine")
    result = CliRunner().invoke(cli, ["synth", str(QUICKSTART), "-o", target])
    assert result.exit_code == 2, result.output
    assert f"cannot write {target}: {reason}" in result.stderr
    assert isinstance(result.exception, SystemExit)  # click's exit, not an OSError


@pytest.mark.parametrize("command", ["synth", "validate"])
@pytest.mark.parametrize("resources", ["", "resources=[Queue.existing("
                                           "arn='arn:aws:sqs:us-east-1:123456789012:inbox')]"])
def test_an_app_with_nothing_to_deploy_is_refused_at_its_line(tmp_path: Path, command: str,
                                                              resources: str) -> None:
    """SAM refuses `Resources: {}`; an existing queue is referenced, never declared."""
    app = _app(tmp_path, "from lambdakit import App, Queue\n\n"
                         f'app = App(name="empty", {resources})\n')
    out = tmp_path / "template.yaml"
    args = [command, str(app), *(["-o", str(out)] if command == "synth" else [])]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "app.py:3: error LK014 App: the app has nothing to deploy" in result.stderr
    assert "LK900" not in result.stderr and not out.exists()


def test_every_problem_of_an_environment_is_reported_at_once(tmp_path: Path) -> None:
    """A non-string value used to hide the mapping's other problems until it was fixed."""
    app = _app(tmp_path, (
        "from lambdakit import App, Function\n"
        'fn = Function(id="Worker", handler="h.handle", code="src", runtime="python3.13",\n'
        '              environment={"PORT": 8080, "DEBUG": True, "AWS_REGION": "eu-west-1",\n'
        '                           "bad-name": "x", "MODE": "fast"})\n'
        'app = App(name="demo", functions=[fn])\n'))
    result = CliRunner().invoke(cli, ["synth", str(app)])
    assert result.exit_code == 1, result.output
    report = result.stderr
    assert ("error LK001 Worker: environment.PORT: a variable's value must be a string "
            "(got 8080)") in report
    assert 'hint: write "PORT": "8080"' in report
    assert "environment.DEBUG: a variable's value must be a string (got True)" in report
    assert 'e.g. "DEBUG": "true" (str(True) would be "True")' in report
    assert "error LK111 Worker: environment variable 'AWS_REGION' is reserved" in report
    assert "error LK112 Worker: environment variable name 'bad-name'" in report
    assert "4 errors, 0 warnings" in report and result.stdout == ""


def test_a_non_string_environment_value_raises_outside_an_app_file() -> None:
    from lambdakit import Function
    from lambdakit.errors import LambdakitError

    with pytest.raises(LambdakitError) as raised:
        Function(id="W", handler="h.handle", code="src", runtime="python3.13",
                 environment={"PORT": 8080, "FLAGS": None})
    assert [d.code for d in raised.value.diagnostics] == ["LK001", "LK001"]
    assert "environment.FLAGS: a variable's value must be a string (got None)" in str(raised.value)


@pytest.mark.parametrize(("construct", "hint"), [
    ('Function(id="orders_service", handler="h.handle", code="src", runtime="python3.13")',
     'did you mean id="OrdersService"?'),
    ('Function(id="W@rker", handler="h.handle", code="src", runtime="python3.13")',
     'ids are PascalCase letters and digits, e.g. id="OrderWorker"'),     # not id='WRker'
    ('Function(id="W-orker", handler="h.handle", code="src", runtime="python3.13")',
     'ids are PascalCase letters and digits, e.g. id="OrderWorker"'),     # not id='WOrker'
    ('Function(id="Café", handler="h.handle", code="src", runtime="python3.13")',
     'ids are PascalCase letters and digits, e.g. id="OrderWorker"'),     # not id='Caf'
    ('Function(id="A" * 65, handler="h.handle", code="src", runtime="python3.13")',
     "shorten it to 64 characters or fewer"),
    ('App(name="orders_service")', 'did you mean name="orders-service"?'),
    ('App(name="@pp")', 'e.g. name="orders" (it becomes'),                # not name='pp'
    ('App(name="123 go")', 'e.g. name="orders" (it becomes'),             # not name='go'
])
def test_a_suggestion_is_offered_only_when_it_keeps_the_name(tmp_path: Path, construct: str,
                                                              hint: str) -> None:
    app = _app(tmp_path, f"from lambdakit import App, Function\nbad = {construct}\n{APP}")
    result = CliRunner().invoke(cli, ["synth", str(app)])
    assert result.exit_code == 1, result.output
    assert f"  hint: {hint}" in result.stderr


def test_a_construct_of_the_wrong_kind_is_named_not_dumped(tmp_path: Path) -> None:
    app = _app(tmp_path, (
        "from lambdakit import App, Function, Queue\n"
        'inbox = Queue(id="Inbox")\n'
        'fn = Function(id="Worker", handler="h.handle", code="src", runtime="python3.13",\n'
        "              events=[inbox])\n"
        'app = App(name="demo", functions=[fn])\n'))
    result = CliRunner().invoke(cli, ["synth", str(app)])
    assert result.exit_code == 1, result.output
    assert ("error LK001 Worker: events.0: input should be an instance of EventSource "
            "(got Queue 'Inbox')\n") in result.stderr
    assert "visibility_timeout" not in result.stderr
