"""The Python API: `lambdakit.synth`, `lambdakit.validate`, and errors raised in plain Python."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import second_opinion_findings, synth_file, wildcard_statements_without_reason

import lambdakit
from lambdakit import App, Function, LambdakitError, Logging
from lambdakit.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CODE = ROOT / "tests" / "goldens" / "_code"
EXAMPLES = sorted((ROOT / "examples").glob("*/app.py"))


def _function(**overrides: object) -> Function:
    settings: dict[str, object] = {"id": "Api", "handler": "svc.handler.handle",
                                   "code": str(CODE), "runtime": "python3.13"}
    settings.update(overrides)
    return Function(**settings)  # type: ignore[arg-type]


def test_synth_returns_the_template_text() -> None:
    text = lambdakit.synth(App(name="api", functions=[_function()]), base_dir=CODE.parent)
    assert text.startswith("AWSTemplateFormatVersion: '2010-09-09'\n")
    assert "ApiRole:" in text and "CodeUri: _code" in text


def test_invalid_construct_raises_at_once_outside_the_cli() -> None:
    with pytest.raises(LambdakitError) as caught:
        _function(memory="512", memroy=1)
    codes = [d.code for d in caught.value.diagnostics]
    assert codes == ["LK001", "LK001"]
    assert f"{Path(__file__).name}:" in str(caught.value)
    assert "did you mean 'memory'?" in str(caught.value)


def test_functions_that_set_no_logging_share_the_default_settings() -> None:
    """One frozen default, not one construct per function; its settings are `Logging()`'s."""
    first, second = _function(), _function(id="Two")
    assert first.logging is second.logging
    assert first.logging.model_dump() == Logging().model_dump()
    assert not first.logging.broken and first.logging.model_fields_set == set()


def test_rule_errors_raise_from_synth_with_every_diagnostic() -> None:
    app = App(name="api", functions=[_function(timeout=901), _function(id="Two", memory=1)])
    with pytest.raises(LambdakitError) as caught:
        lambdakit.synth(app)
    assert sorted(d.code for d in caught.value.diagnostics) == ["LK101", "LK104"]
    assert str(caught.value).endswith("2 errors, 0 warnings")


def test_validate_returns_findings() -> None:
    assert lambdakit.validate(App(name="api", functions=[_function()])) == []


def test_validate_without_the_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    hint = "pip install 'cfn-lint>=1.20'"
    monkeypatch.setattr("lambdakit.check.missing_extra", lambda: hint)
    result = CliRunner().invoke(cli, ["validate", str(EXAMPLES[0])])
    assert result.exit_code == 2
    assert "pip install 'cfn-lint>=1.20'" in result.output


@pytest.mark.parametrize("app_file", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_every_example_synthesises_clean(app_file: Path) -> None:
    result = synth_file(app_file)
    assert result.warnings == []
    assert second_opinion_findings(result.template, result.origins) == []
    assert wildcard_statements_without_reason(result.template) == []
