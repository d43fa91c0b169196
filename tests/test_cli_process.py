"""The command line's process set-up (lambdakit/cli/process.py): what it changes, that a synth
is byte-for-byte the same with it, and that user code and user choices get Python's defaults.
Each case runs in a fresh interpreter: the set-up changes process-wide state."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUICKSTART = ROOT / "examples" / "quickstart" / "app.py"


def _python(code: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, cwd=ROOT, env={**environment, **env})
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_synth_never_loads_distribution_metadata_and_collects_rarely() -> None:
    out = _python(f"""
        import gc, json, sys
        sys.argv = ["lambdakit", "synth", {str(QUICKSTART)!r}, "-o", "/dev/null"]
        from lambdakit.cli import main
        try:
            main()
        except SystemExit as exc:
            assert not exc.code, exc.code
        print(json.dumps({{"metadata": type(sys.modules["importlib.metadata"]).__name__,
                          "email": "email" in sys.modules,
                          "threshold": gc.get_threshold()[0]}}))
        """)
    assert json.loads(out) == {"metadata": "_LoadedOnFirstUse", "email": False,
                               "threshold": 100_000}


def test_the_stand_in_becomes_the_real_module_on_first_use() -> None:
    out = _python("""
        import sys
        from lambdakit.cli.process import prepare_short_run
        prepare_short_run()
        import importlib.metadata as bound_early
        from importlib.metadata import version
        print(version("click") == bound_early.version("click"))
        print(type(bound_early).__name__, type(sys.modules["importlib.metadata"]).__name__)
        print(bound_early.__file__ == sys.modules["importlib.metadata"].__file__)
        """)
    assert out.split() == ["True", "module", "module", "True"]


@pytest.mark.parametrize("choice", ["", "logfire"])
def test_a_user_s_plugin_setting_is_kept_and_metadata_loads_normally(choice: str) -> None:
    out = _python("""
        import os, sys
        from lambdakit.cli.process import prepare_short_run
        prepare_short_run()
        print(repr(os.environ["PYDANTIC_DISABLE_PLUGINS"]), "importlib.metadata" in sys.modules)
        """, PYDANTIC_DISABLE_PLUGINS=choice)
    assert out.split() == [repr(choice), "False"]


def test_the_same_bytes_with_and_without_the_set_up(tmp_path: Path) -> None:
    tuned = tmp_path / "tuned.yaml"
    subprocess.run([sys.executable, "-m", "lambdakit", "synth", str(QUICKSTART), "-o",
                    str(tuned)], check=True, cwd=ROOT)
    plain = _python(f"""
        import sys
        from pathlib import Path
        from lambdakit import synth
        from lambdakit.cli.loader import load_app
        app = load_app({str(QUICKSTART)!r})
        sys.stdout.write(synth(app, base_dir=Path({str(tmp_path)!r})))  # beside `tuned`
        """)
    assert tuned.read_text(encoding="utf-8") == plain


def test_a_handler_run_by_invoke_sees_python_s_default_collector(tmp_path: Path) -> None:
    package = tmp_path / "src" / "svc"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "handler.py").write_text(
        "import gc\n\ndef handle(event, context):\n    return list(gc.get_threshold())\n")
    app = tmp_path / "app.py"
    app.write_text("from lambdakit import App, Function\n"
                   'fn = Function(id="Fn", handler="svc.handler.handle", code="src", '
                   'runtime="python3.13")\n'
                   'app = App(name="local", functions=[fn])\n')
    defaults = json.loads(_python("import gc, json; print(json.dumps(gc.get_threshold()))"))
    done = subprocess.run([sys.executable, "-m", "lambdakit", "invoke", str(app), "Fn"],
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == defaults
