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
