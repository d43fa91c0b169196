"""Same input, same bytes: whatever the hash seed, the process or the working directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = [ROOT / "examples" / "quickstart" / "app.py",
        ROOT / "tests" / "goldens" / "options" / "app.py"]


def _synth(app: Path, seed: str, fmt: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1795392000"}
    out = subprocess.run(
        [sys.executable, "-m", "lambdakit", "synth", str(app), "--format", fmt],
        cwd=app.parent, env=env, capture_output=True, check=True,
    )
    return out.stdout


def test_hash_seed_does_not_change_the_bytes() -> None:
    for app in APPS:
        for fmt in ("yaml", "json"):
            first = _synth(app, "0", fmt)
            assert first
            assert _synth(app, "1", fmt) == first
            assert _synth(app, "4242", fmt) == first


def test_constructs_declared_in_another_order_give_the_same_bytes(tmp_path: Path) -> None:
    code = tmp_path / "src"
    code.mkdir()
    (code / "app.py").write_text("def handle(event, context):\n    return event\n")
    one = "from lambdakit import App, Function\n"
    a = 'A = Function(id="Alpha", handler="app.handle", code="src", runtime="python3.13",' \
        ' environment={"ZED": "1", "ALPHA": "2"}, tags={"b": "1", "a": "2"})\n'
    b = 'B = Function(id="Beta", handler="app.handle", code="src", runtime="python3.13")\n'
    (tmp_path / "first.py").write_text(one + a + b + 'app = App(name="x", functions=[A, B])\n')
    a_swapped = a.replace('{"ZED": "1", "ALPHA": "2"}', '{"ALPHA": "2", "ZED": "1"}').replace(
        '{"b": "1", "a": "2"}', '{"a": "2", "b": "1"}')
    (tmp_path / "second.py").write_text(
        one + b + a_swapped + 'app = App(name="x", functions=[B, A])\n')
    assert _synth(tmp_path / "first.py", "0", "yaml") == _synth(tmp_path / "second.py", "7", "yaml")
