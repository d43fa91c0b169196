"""Loading an app file: its bytecode is cached like an imported module's, and it runs as
`runpy.run_path` ran it."""

from __future__ import annotations

import builtins
import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lambdakit.cli.loader import APP_MODULE_NAME, load_app
from lambdakit.errors import LambdakitError


def _source(memory: int) -> str:
    return ("from lambdakit import App, Function\n"
            f'worker = Function(id="Worker", handler="app.handle", code="src", '
            f'runtime="python3.13", memory={memory})\n'
            'app = App(name="cached", functions=[worker])\n')


def _memory(path: Path) -> int:
    return next(iter(load_app(str(path)).functions)).memory


@pytest.fixture
def bytecode_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bytecode written beside the source, whatever the environment running the tests says."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", None)


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files compiled from source from now on (the import system calls `compile`)."""
    files: list[str] = []
    real_compile: Callable[..., Any] = builtins.compile

    def recording_compile(source: Any, filename: Any, *args: Any, **kwargs: Any) -> Any:
        files.append(os.fspath(filename))
        return real_compile(source, filename, *args, **kwargs)

    monkeypatch.setattr(builtins, "compile", recording_compile)
    return files


@pytest.mark.usefixtures("bytecode_on")
def test_a_second_load_runs_the_cached_bytecode(tmp_path: Path, compiled: list[str]) -> None:
    app = tmp_path / "app.py"
    app.write_text(_source(512))
    assert _memory(app) == 512
    assert Path(importlib.util.cache_from_source(str(app))).is_file()
    assert _memory(app) == 512
    assert compiled.count(str(app)) == 1


@pytest.mark.usefixtures("bytecode_on")
@pytest.mark.parametrize(("memory", "later"), [(1024, 10), (10240, 0)],
                         ids=["same size, later time", "other size, same time"])
def test_a_changed_file_is_read_again(tmp_path: Path, memory: int, later: int) -> None:
    app = tmp_path / "app.py"
    app.write_text(_source(2048))
    written = app.stat().st_mtime
    assert _memory(app) == 2048
    app.write_text(_source(memory))
    os.utime(app, (written + later, written + later))
    assert _memory(app) == memory


@pytest.mark.usefixtures("bytecode_on")
def test_an_edit_of_the_same_size_within_the_same_second_is_read_again(tmp_path: Path) -> None:
    """An import's cache would miss it (it compares whole seconds and the size); the app's
    cache is checked against a hash of the source."""
    app = tmp_path / "app.py"
    app.write_text(_source(2048))
    written = app.stat()
    assert _memory(app) == 2048
    app.write_text(_source(1024))
    os.utime(app, ns=(written.st_atime_ns, written.st_mtime_ns))
    assert app.stat().st_size == written.st_size
    assert _memory(app) == 1024
    assert _memory(app) == 1024


@pytest.mark.usefixtures("bytecode_on")
def test_an_unreadable_cache_is_replaced(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(_source(512))
    cache = Path(importlib.util.cache_from_source(str(app)))
    cache.parent.mkdir()
    cache.write_bytes(b"not bytecode")
    assert _memory(app) == 512
    assert cache.read_bytes().startswith(importlib.util.MAGIC_NUMBER)


@pytest.mark.usefixtures("bytecode_on")
def test_a_syntax_error_after_a_cached_load_points_at_its_line(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(_source(512))
    load_app(str(app))
    app.write_text(_source(512).replace("memory=512)", "memory=512"))
    with pytest.raises(LambdakitError) as failure:
        load_app(str(app))
    [diagnostic] = failure.value.diagnostics
    assert (diagnostic.code, diagnostic.origin.line) == ("LK005", 2)
    assert diagnostic.message.startswith("SyntaxError: '(' was never closed")


def test_no_bytecode_is_written_when_python_is_told_not_to(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    app = tmp_path / "app.py"
    app.write_text(_source(512))
    assert _memory(app) == 512
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.py"]


def test_the_cache_goes_under_the_pycache_prefix(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    project = tmp_path / "project"
    project.mkdir()
    app = project / "app.py"
    app.write_text(_source(512))
    assert _memory(app) == 512
    assert sorted(p.name for p in project.iterdir()) == ["app.py"]
    assert Path(importlib.util.cache_from_source(str(app))).is_file()


def test_the_file_runs_as_runpy_ran_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Named `__lambdakit_app__`, in `sys.modules` and as `sys.argv[0]` only while it runs."""
    app = tmp_path / "app.py"
    app.write_text(
        "import sys\n"
        "from lambdakit import App\n"
        "seen = (__name__, __file__, sys.argv[0], sys.modules[__name__].__dict__ is globals())\n"
        'app = App(name="seen", description=repr(seen))\n')
    monkeypatch.setattr(sys, "argv", ["lambdakit", "synth"])
    path = str(app.resolve())
    assert load_app(str(app)).description == repr((APP_MODULE_NAME, path, path, True))
    assert sys.argv == ["lambdakit", "synth"]
    assert APP_MODULE_NAME not in sys.modules
