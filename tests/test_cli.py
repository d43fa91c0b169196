"""The command line through click's runner, and once as a real subprocess."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

from lambdakit.cli import cli
from lambdakit.errors import Diagnostic, LambdakitError, Origin, format_diagnostics

ROOT = Path(__file__).resolve().parent.parent
QUICKSTART = ROOT / "examples" / "quickstart" / "app.py"
PREVIOUS = "AWSTemplateFormatVersion: '2010-09-09'\nDescription: an earlier synth\n"


def _bad_app(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text("def handle(e, c):\n    return e\n")
    app = tmp_path / "app.py"
    app.write_text(
        "from lambdakit import App, Function\n"
        'a = Function(id="A", handler="app.handle", code="src", runtime="python3.13", '
        "timeout=1200)\n"
        'b = Function(id="B", handler="app.handle", code="src", runtime="python3.13", '
        "memory=64)\n"
        'app = App(name="bad", functions=[a, b])\n'
    )
    return app


def test_synth_prints_yaml() -> None:
    result = CliRunner().invoke(cli, ["synth", str(QUICKSTART)])
    assert result.exit_code == 0, result.output
    template = yaml.safe_load(result.output.replace("!Ref", "").replace("!GetAtt", "")
                              .replace("!Sub", ""))
    assert template["Transform"] == "AWS::Serverless-2016-10-31"
    assert {"OrderWorker", "OrderWorkerRole", "ReceiptWriter"} <= set(template["Resources"])


def test_synth_json_to_file(tmp_path: Path) -> None:
    out = tmp_path / "build" / "template.json"
    result = CliRunner().invoke(cli, ["synth", f"{QUICKSTART}:app", "-o", str(out),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    template = json.loads(out.read_text())
    code_uri = template["Resources"]["OrderWorker"]["Properties"]["CodeUri"]
    # Code paths are written relative to where the template lands.
    assert (out.parent / code_uri).resolve() == QUICKSTART.parent / "src"


def test_errors_exit_1_report_all_and_write_nothing(tmp_path: Path) -> None:
    out = tmp_path / "template.yaml"
    result = CliRunner().invoke(cli, ["synth", str(_bad_app(tmp_path)), "-o", str(out)])
    assert result.exit_code == 1
    assert "error LK104 A: timeout must be ≤ 900 s (got 1200)" in result.output
    assert "error LK101 B: memory must be ≥ 128 MB (got 64)" in result.output
    assert "2 errors, 0 warnings" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_failed_synth_keeps_an_existing_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "template.yaml"
    out.write_text(PREVIOUS)
    result = CliRunner().invoke(cli, ["synth", str(_bad_app(tmp_path)), "-o", str(out)])
    assert result.exit_code == 1
    assert out.read_text() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_is_a_regular_file_with_the_umask_s_permissions(tmp_path: Path) -> None:
    out = tmp_path / "template.yaml"
    previous = os.umask(0o022)
    try:
        result = CliRunner().invoke(cli, ["synth", str(QUICKSTART), "-o", str(out)])
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["template.yaml"]  # no temporary left


def test_a_symlinked_output_keeps_its_link_and_replaces_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real" / "template.yaml"
    target.parent.mkdir()
    target.write_text(PREVIOUS)
    link = tmp_path / "template.yaml"
    link.symlink_to(target)
    result = CliRunner().invoke(cli, ["synth", str(QUICKSTART), "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and target.read_text().startswith("AWSTemplateFormatVersion")


def test_a_device_output_is_written_into_never_replaced() -> None:
    """`-o /dev/null` must not turn /dev/null into a regular file (it did, run as root)."""
    before = os.stat(os.devnull)
    result = CliRunner().invoke(cli, ["synth", str(QUICKSTART), "-o", os.devnull])
    assert result.exit_code == 0, result.output
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_mode) == (before.st_ino,
                                                                            before.st_mode)


def test_usage_errors_exit_2() -> None:
    assert CliRunner().invoke(cli, ["synth"]).exit_code == 2
    assert CliRunner().invoke(cli, ["synth", str(QUICKSTART), "--format", "xml"]).exit_code == 2


def test_missing_attribute_is_a_diagnostic() -> None:
    result = CliRunner().invoke(cli, ["synth", f"{QUICKSTART}:nope"])
    assert result.exit_code == 1
    assert "LK006" in result.output and "Traceback" not in result.output


def test_validate_runs_sam_and_cfn_lint() -> None:
    result = CliRunner().invoke(cli, ["validate", str(QUICKSTART)])
    assert result.exit_code == 0, result.output
    assert "SAM transform and cfn-lint found no error" in result.output


def test_real_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "t.yaml"
    done = subprocess.run([sys.executable, "-m", "lambdakit", "synth", str(QUICKSTART),
                           "-o", str(out)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONHASHSEED": "random"})
    assert done.returncode == 0, done.stderr
    assert out.read_text().startswith("AWSTemplateFormatVersion: '2010-09-09'\n")
    bad = subprocess.run([sys.executable, "-m", "lambdakit", "synth", str(_bad_app(tmp_path))],
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert bad.stdout == ""
    assert "Traceback" not in bad.stderr and "LK104" in bad.stderr


def test_synth_never_imports_the_heavy_checkers() -> None:
    probe = (
        "import sys, runpy\n"
        "from lambdakit.cli import cli\n"
        "try:\n"
        f"    cli(['synth', {str(QUICKSTART)!r}, '-o', '/dev/null'], standalone_mode=False)\n"
        "finally:\n"
        "    heavy = sorted(m for m in ('boto3', 'botocore', 'samtranslator', 'cfnlint')"
        " if m in sys.modules)\n"
        "    print(','.join(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == ""


def _required_arguments(command: click.Command) -> list[str]:
    return [param.human_readable_name for param in command.params
            if isinstance(param, click.Argument) and param.required]


def test_every_command_maps_a_lambdakit_error_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """The group maps the error once, so a command added later cannot map it differently."""
    error = LambdakitError([Diagnostic("LK005", "the app did not load", Origin("app.py", 3))])

    def fails(**_: object) -> None:
        raise error

    assert set(cli.commands) >= {"synth", "validate", "explain", "event", "invoke", "bootstrap",
                                 "deploy", "diff", "destroy"}
    for name, command in cli.commands.items():
        monkeypatch.setattr(command, "callback", fails)
        result = CliRunner().invoke(cli, [name, *_required_arguments(command)])
        assert (name, result.exit_code) == (name, 1), result.output
        assert result.stderr == format_diagnostics(error.diagnostics) + "\n"
        assert result.stdout == ""


def test_every_command_reports_an_app_that_cannot_load_alike(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    missing = str(tmp_path / "nowhere.py")
    takes_an_app = {name: command for name, command in cli.commands.items()
                    if any(param.name == "app_spec" for param in command.params)}
    assert set(takes_an_app) >= {"synth", "validate", "explain", "deploy", "diff", "destroy"}
    reports = set()
    for name, command in takes_an_app.items():
        extra = _required_arguments(command)[1:]  # FUNCTION, for event and invoke
        result = CliRunner().invoke(cli, [name, missing, *extra])
        assert (name, result.exit_code) == (name, 1), result.output
        assert result.stdout == ""
        reports.add(result.stderr)
    assert len(reports) == 1
    assert "error LK005 no such file" in reports.pop()
