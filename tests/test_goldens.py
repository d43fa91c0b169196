"""Golden templates: exact text for the quickstart and every default and option, each accepted
by the real SAM transform and cfn-lint, with no unexplained IAM wildcard."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import second_opinion_findings, synth_file, wildcard_statements_without_reason

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
def test_golden(name: str, app_file: Path, fmt: str, update_goldens: bool) -> None:
    result = synth_file(app_file, fmt=fmt)
    assert result.warnings == []
    expected = GOLDENS / f"{name}.{fmt}"
    if update_goldens:
        expected.write_text(result.text, encoding="utf-8")
    assert result.text == expected.read_text(encoding="utf-8")
    assert second_opinion_findings(result.template, result.origins) == []
    assert wildcard_statements_without_reason(result.template) == []


def test_every_golden_case_has_a_golden_file() -> None:
    names = {p.stem for p in GOLDENS.glob("*.yaml")} | {p.stem for p in GOLDENS.glob("*.json")}
    assert names == {c[0] for c in _golden_cases()}
