"""Error goldens: for every diagnostic code, an app file that triggers it and the exact report.

Each directory under `tests/errors/` is one case: `app.py`, the code directory it points at, and
`expected.txt`, the exact text `report_of_file` gives for it, paths relative to the repo root.
`pytest --update-goldens` rewrites the expected files instead of comparing: review the diff.

LK900–LK902 come from the SAM transform and cfn-lint, which lambdakit's own checks keep away
from any app file. Those cases hold a valid app; the test synthesises it and corrupts the
template as `CORRUPTIONS` describes, then formats what `second_opinions` finds. Their text is
the installed aws-sam-translator's and cfn-lint's own, so a new version of either may need
`--update-goldens`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from helpers import FIXED_DAY, report_of_file, synth_file

from lambdakit.check import second_opinions
from lambdakit.cli import cli
from lambdakit.errors import CODES, format_diagnostics

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = Path("tests") / "errors"  # relative: diagnostics show paths relative to the cwd
CASES = sorted(p.name for p in (ROOT / CASES_DIR).iterdir() if (p / "app.py").is_file())
# The day runtimes are judged on, for the CLI too (it reads SOURCE_DATE_EPOCH).
FIXED_EPOCH = str(int(dt.datetime(FIXED_DAY.year, FIXED_DAY.month, FIXED_DAY.day,
                                  tzinfo=dt.UTC).timestamp()))
# Codes a case may report besides its own, and why.
ALSO_REPORTED = {
    "lk123": {"LK122"},  # every x86-only runtime is retired by FIXED_DAY
}


def _function_properties(template: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = template["Resources"]["Worker"]["Properties"]
    return properties


def _deployment_preference_without_alias(template: dict[str, Any]) -> None:
    """LK900: SAM refuses a DeploymentPreference on a function without AutoPublishAlias (SAM
    needs the alias to shift traffic); cfn-lint's schema does not see it."""
    _function_properties(template)["DeploymentPreference"] = {"Type": "AllAtOnce"}


def _retention_cloudwatch_does_not_offer(template: dict[str, Any]) -> None:
    """LK901: a RetentionInDays CloudWatch Logs does not accept (cfn-lint E3030). The log group
    `WorkerLogGroup` maps back to the function `Worker` that owns it."""
    template["Resources"]["WorkerLogGroup"]["Properties"]["RetentionInDays"] = 45


def _obsolete_depends_on(template: dict[str, Any]) -> None:
    """LK902: a DependsOn the Role's GetAtt already enforces (cfn-lint warning W3005)."""
    template["Resources"]["Worker"]["DependsOn"] = "WorkerRole"


CORRUPTIONS: dict[str, Callable[[dict[str, Any]], None]] = {
    "lk900": _deployment_preference_without_alias,
    "lk901": _retention_cloudwatch_does_not_offer,
    "lk902": _obsolete_depends_on,
}


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)


def _app(case: str) -> Path:
    return CASES_DIR / case / "app.py"


def _report(case: str) -> str:
    app = _app(case)
    corrupt = CORRUPTIONS.get(case)
    if corrupt is None:
        return report_of_file(app) + "\n"
    result = synth_file(app)
    assert not result.warnings, "a second-opinion case must start from a clean app"
    corrupt(result.template)
    return format_diagnostics(second_opinions(result.template, result.origins)) + "\n"


def _codes(report: str) -> set[str]:
    return set(re.findall(r"^\S+?(?::\d+)?: (?:error|warning) (LK\d{3}) ", report, re.MULTILINE))


def _has_errors(report: str) -> bool:
    return not report.rstrip().splitlines()[-1].startswith("0 errors")


def _synth(*args: str) -> Result:
    return CliRunner().invoke(cli, ["synth", *args])


def _assert_no_crash(result: Result) -> None:
    """CliRunner catches an uncaught exception itself, so "Traceback" alone proves nothing."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def test_every_code_has_a_case() -> None:
    assert {code.lower() for code in CODES} <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_report(case: str, update_goldens: bool) -> None:
    report = _report(case)
    expected = ROOT / CASES_DIR / case / "expected.txt"
    if update_goldens:
        expected.write_text(report, encoding="utf-8")
    assert report == expected.read_text(encoding="utf-8")
    own = case.partition("-")[0].upper()
    if own in CODES:
        codes = _codes(report)
        assert own in codes
        assert codes - {own} <= ALSO_REPORTED.get(case, set())


@pytest.mark.parametrize("case", [c for c in CASES if c not in CORRUPTIONS])
def test_cli_synth_reports_the_same(case: str) -> None:
    """The CLI prints the golden report on stderr: exit 1 and no traceback when it holds an
    error; exit 0 with the template on stdout when it holds only warnings."""
    expected = (ROOT / CASES_DIR / case / "expected.txt").read_text(encoding="utf-8")
    result = _synth(str(_app(case)))
    _assert_no_crash(result)
    assert result.stderr == expected
    if _has_errors(expected):
        assert result.exit_code == 1
        assert result.stdout == ""
    else:
        assert result.exit_code == 0
        assert result.stdout.startswith("AWSTemplateFormatVersion")


@pytest.mark.parametrize("case", CASES)
def test_cli_synth_writes_nothing_on_failure(case: str, tmp_path: Path) -> None:
    expected = (ROOT / CASES_DIR / case / "expected.txt").read_text(encoding="utf-8")
    output = tmp_path / "out" / "template.yaml"
    result = _synth(str(_app(case)), "-o", str(output))
    _assert_no_crash(result)
    if case not in CORRUPTIONS and _has_errors(expected):
        assert result.exit_code == 1
        assert not output.exists()
        assert not output.parent.exists() or not any(output.parent.iterdir())
    else:  # warnings only, or a valid app whose template the test corrupts afterwards
        assert result.exit_code == 0
        assert output.read_text(encoding="utf-8").startswith("AWSTemplateFormatVersion")
