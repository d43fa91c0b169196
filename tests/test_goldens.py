"""Golden templates: exact text for the quickstart and every default and option, each accepted
by the real SAM transform and cfn-lint, with no unexplained IAM wildcard."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cfn_tools import load_yaml
from helpers import (
    second_opinion_findings,
    synth_file,
    template_changes,
    wildcard_statements_without_reason,
)

ROOT = Path(__file__).resolve().parent.parent
GOLDENS = Path(__file__).resolve().parent / "goldens"
CASES = sorted(p.name for p in GOLDENS.iterdir() if (p / "app.py").is_file())
QUICKSTART = ROOT / "examples" / "quickstart" / "app.py"


def _golden_cases() -> list[tuple[str, Path, str]]:
    cases = [(name, GOLDENS / name / "app.py", "yaml") for name in CASES]
    cases.append(("quickstart", QUICKSTART, "yaml"))
    cases.append(("quickstart-json", QUICKSTART, "json"))
    return cases


@pytest.mark.parametrize(("name", "app_file", "fmt"), _golden_cases(),
                         ids=[c[0] for c in _golden_cases()])
def test_golden(name: str, app_file: Path, fmt: str, update_goldens: bool,
                golden_changes: dict[str, list[str]]) -> None:
    result = synth_file(app_file, fmt=fmt)
    assert result.warnings == []
    expected = GOLDENS / f"{name}.{fmt}"
    if update_goldens and (not expected.exists()
                           or expected.read_text(encoding="utf-8") != result.text):
        before = load_yaml(expected.read_text(encoding="utf-8")) if expected.exists() else {}
        golden_changes[expected.name] = template_changes(before, result.template)
        expected.write_text(result.text, encoding="utf-8")
    assert result.text == expected.read_text(encoding="utf-8")
    assert second_opinion_findings(result.template, result.origins) == []
    assert wildcard_statements_without_reason(result.template) == []


def test_every_golden_case_has_a_golden_file() -> None:
    names = {p.stem for p in GOLDENS.glob("*.yaml")} | {p.stem for p in GOLDENS.glob("*.json")}
    assert names == {c[0] for c in _golden_cases()}


def test_a_changed_golden_is_summarised_resource_by_resource() -> None:
    before = {"Resources": {
        "Worker": {"Type": "AWS::Serverless::Function",
                   "Properties": {"Timeout": 10, "Layers": ["a", "b"],
                                  "Environment": {"Variables": {"A": "1", "B": "2"}}}},
        "Old": {"Type": "AWS::SQS::Queue", "Properties": {}},
        "Same": {"Type": "AWS::SNS::Topic"}},
        "Outputs": {"Url": {"Value": "x"}}}
    after = {"Resources": {
        "Worker": {"Type": "AWS::Serverless::Function",
                   "Properties": {"Timeout": 30, "Layers": ["a", "c"],
                                  "Environment": {"Variables": {"A": "1"}}}},
        "New": {"Type": "AWS::S3::Bucket"},
        "Same": {"Type": "AWS::SNS::Topic"}},
        "Outputs": {"Url": {"Value": "y"}}}
    assert template_changes(before, after) == [
        "+ New (AWS::S3::Bucket)",
        "- Old (AWS::SQS::Queue)",
        "~ Worker: Properties.Environment.Variables.B, Properties.Layers[1], Properties.Timeout",
        "~ Outputs.Url: Value",
    ]
    assert template_changes(after, after) == []


def test_update_goldens_prints_what_moved(tmp_path: Path) -> None:
    """`--update-goldens` against a golden whose timeout is off ends the run with the golden it
    rewrote and the resource and property that moved."""
    tests = tmp_path / "tests"
    tests.mkdir()
    for helper in ("conftest.py", "helpers.py", "test_goldens.py"):
        shutil.copy(ROOT / "tests" / helper, tests / helper)
    shutil.copytree(GOLDENS, tests / "goldens")
    shutil.copytree(QUICKSTART.parent, tmp_path / "examples" / "quickstart")
    golden = tests / "goldens" / "defaults.yaml"
    text = golden.read_text(encoding="utf-8")
    golden.write_text(text.replace("Timeout: 10", "Timeout: 11", 1), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/test_goldens.py", "--update-goldens",
                          "-k", "test_golden and defaults"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    summary = run.stdout.partition("goldens rewritten")[2]
    assert "defaults.yaml:\n  ~ Api: Properties.Timeout\n" in summary
    assert golden.read_text(encoding="utf-8") == text
