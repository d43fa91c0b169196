from pathlib import Path

from lambdakit import synthesize
from lambdakit.cli.loader import load_app

INFRA = Path(__file__).resolve().parent.parent / "infra" / "app.py"


def test_infra_synthesises_without_warnings():
    result = synthesize(load_app(str(INFRA)), base_dir=INFRA.parent)
    assert result.warnings == []
    assert "{{ cookiecutter.function_id }}Role" in result.template["Resources"]
