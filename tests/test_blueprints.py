"""Blueprints render with cookiecutter, synthesise clean, and pass their own tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cookiecutter.main import cookiecutter
from helpers import second_opinion_findings, synth_file

BLUEPRINTS = Path(__file__).resolve().parent.parent / "blueprints"
NAMES = sorted(p.name for p in BLUEPRINTS.iterdir() if (p / "cookiecutter.json").is_file())


@pytest.mark.parametrize("name", NAMES)
def test_blueprint_renders_synthesises_and_passes_its_tests(name: str, tmp_path: Path) -> None:
    project = Path(cookiecutter(str(BLUEPRINTS / name), no_input=True, output_dir=str(tmp_path),
                                extra_context={"project_name": "Billing Events"}))
    assert project.name == "billing-events"
    result = synth_file(project / "infra" / "app.py")
    assert result.warnings == []
    assert second_opinion_findings(result.template, result.origins) == []
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                          cwd=project, capture_output=True, text=True,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == 0, done.stdout + done.stderr


# (project_name, the function id it derives, or None when the hook must refuse it)
AWKWARD_NAMES = [
    ("orders_service", "OrdersService"),
    ("Café API", "CafeAPI"),
    ("  my.app   v2 ", "MyAppV2"),
    ("ÅÄÖ", "AAO"),
    ("logging", "Logging"),            # its package would shadow the standard library's
    ("lambdakit", "Lambdakit"),        # ... or the lambdakit its tests import
    ("class", "Class"),                # a Python keyword
    ('Say "hi" \\ now', "SayHiNow"),   # quotes and a backslash in generated Python
    ("123 go", None),
    ("!!!", None),
    ("", None),
    ("Orders " * 10, None),            # 70 characters
]


@pytest.mark.parametrize(("project_name", "function_id"), AWKWARD_NAMES)
def test_any_project_name_is_refused_by_the_hook_or_synthesises(
        project_name: str, function_id: str | None, tmp_path: Path,
        capfd: pytest.CaptureFixture[str]) -> None:
    from cookiecutter.exceptions import FailedHookException

    context = {"project_name": project_name}
    if function_id is None:
        with pytest.raises(FailedHookException):
            cookiecutter(str(BLUEPRINTS / "python-function"), no_input=True,
                         output_dir=str(tmp_path), extra_context=context)
        assert "error: project_name" in capfd.readouterr().err
        assert list(tmp_path.iterdir()) == []  # nothing generated
        return
    project = Path(cookiecutter(str(BLUEPRINTS / "python-function"), no_input=True,
                                output_dir=str(tmp_path), extra_context=context))
    result = synth_file(project / "infra" / "app.py")
    assert result.warnings == []
    assert f"{function_id}Role" in result.template["Resources"]
    assert second_opinion_findings(result.template, result.origins) == []
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                          cwd=project, capture_output=True, text=True,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    # Its README installs lambdakit from this checkout: no index has it yet.
    assert f"pip install '{BLUEPRINTS.parent}' pytest" in (project / "README.md").read_text()
