"""Load an `App` from `path/to/app.py[:attribute]`, turning every failure into diagnostics."""

from __future__ import annotations

import contextlib
import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import ModuleType

from lambdakit.errors import Diagnostic, LambdakitError, Origin, collecting
from lambdakit.model import App

# The app file's module name while it runs, as `runpy.run_path(path, run_name=...)` named it.
APP_MODULE_NAME = "__lambdakit_app__"


def load_app(spec: str) -> App:
    """Run the app file and return its App; raise `LambdakitError` with every problem found.

    Constructs defer their errors while the file runs, so one load reports all of them.
    """
    path_text, _, attribute = spec.partition(":")
    if len(path_text) == 1 and attribute and attribute[:1] in "\\/":  # a Windows drive letter
        drive_path, _, attribute = attribute.partition(":")
        path_text = f"{path_text}:{drive_path}"
    path = Path(path_text).resolve()
    where = Origin(str(path), 0)
    if not path.is_file():
        raise LambdakitError([Diagnostic("LK005", f"no such file: {path_text}", where,
                                         hint="pass the path of a Python file that builds an App")])
    sys.path.insert(0, str(path.parent))
    try:
        with collecting() as found:
            try:
                namespace = _run_app_file(path)
            except LambdakitError as exc:
                found.extend(exc.diagnostics)
                namespace = {}
            except (Exception, SystemExit) as exc:  # the user's code failed (or quit): where
                found.append(_load_failure(exc, path))
                namespace = {}
    finally:
        sys.path.remove(str(path.parent))
    if found:
        raise LambdakitError([*found, *_rule_findings(namespace, attribute)])
    return _pick_app(namespace, attribute, path_text, where)


def _run_app_file(path: Path) -> dict[str, object]:
    """Run the file as `runpy.run_path` does, with its bytecode cached like an imported module's.

    Compiling a large app file costs more than running it, and
    `runpy` compiles from source every time. The source loader reuses `__pycache__` (rewritten
    when stale or unreadable) and honours `sys.dont_write_bytecode` and `sys.pycache_prefix`, as
    an import would.
    """
    _cache_checked_by_hash(path)
    loader = SourceFileLoader(APP_MODULE_NAME, str(path))
    spec = importlib.util.spec_from_file_location(APP_MODULE_NAME, path, loader=loader)
    assert spec is not None  # always a spec when a loader is given
    module = importlib.util.module_from_spec(spec)
    with _running_as_script(module, str(path)), _prints_to_stderr():
        loader.exec_module(module)
    return vars(module)


def _cache_checked_by_hash(path: Path) -> None:
    """Make the app's cached bytecode one checked against a hash of the source (PEP 552).

    An import's cache is checked against the source's modification time, in whole seconds, and
    its size: an edit within the second that keeps the size would run the old app and write a
    wrong template. The source loader keeps a hash-checked cache hash-checked when it rewrites
    it, so only a missing or time-checked cache is written here (hashing the source costs well
    under a millisecond; compiling it is what the cache saves)."""
    if sys.dont_write_bytecode:
        return
    cache = importlib.util.cache_from_source(str(path))
    try:
        with open(cache, "rb") as cached:
            header = cached.read(8)
    except OSError:
        header = b""
    checked_hash = 0b11  # the pyc's flags: hash-based, checked against the source
    if (header[:4] == importlib.util.MAGIC_NUMBER
            and int.from_bytes(header[4:8], "little") == checked_hash):
        return
    import py_compile  # only when the cache is written: the first synth after an edit

    # On a syntax error the loader compiles it again and reports the error at its line.
    with contextlib.suppress(py_compile.PyCompileError, OSError):
        py_compile.compile(str(path), cache, doraise=True,
                           invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)


@contextmanager
def _running_as_script(module: ModuleType, path: str) -> Iterator[None]:
    """While the file runs, what runpy sets: the module in `sys.modules` (so that classes and
    functions defined in the file can find their module) and the file as `sys.argv[0]`."""
    saved_module = sys.modules.get(module.__name__)
    saved_argv0 = sys.argv[0]
    sys.modules[module.__name__] = module
    sys.argv[0] = path
    try:
        yield
    finally:
        sys.argv[0] = saved_argv0
        if saved_module is None:
            sys.modules.pop(module.__name__, None)
        else:
            sys.modules[module.__name__] = saved_module


@contextmanager
def _prints_to_stderr() -> Iterator[None]:
    """What the app file prints goes to stderr: stdout carries the template
    (`lambdakit synth app.py > template.yaml`), and a stray line would break it."""
    with contextlib.redirect_stdout(sys.stderr):
        yield


def _rule_findings(namespace: dict[str, object], attribute: str) -> list[Diagnostic]:
    """A file with invalid constructs never reaches synth; run the rules on what did load, so
    one run reports every problem instead of revealing them one fix at a time."""
    from lambdakit.rules import check_app
    from lambdakit.synthesis import build_day

    apps = [value for name, value in namespace.items()
            if isinstance(value, App) and (name == attribute or not attribute)]
    return [d for app in apps for d in check_app(app, today=build_day())]


def _load_failure(exc: BaseException, path: Path) -> Diagnostic:
    import traceback  # only when the app fails to load

    frames = traceback.extract_tb(exc.__traceback__)
    user = [f for f in frames if Path(f.filename).resolve() == path] or frames
    line = user[-1].lineno or 0 if user else 0
    if isinstance(exc, SyntaxError) and exc.lineno:
        line = exc.lineno
    if isinstance(exc, SystemExit):  # even exit(0): a file that quits builds no app
        call = "sys.exit()" if exc.code is None else f"sys.exit({exc.code!r})"
        return Diagnostic("LK005", f"the app file exited while loading ({call})",
                          Origin(str(path), line),
                          hint="an app file defines the App and returns; remove the exit")
    hint = ("the app file is not valid Python; fix the syntax at this line"
            if isinstance(exc, SyntaxError)
            else "the app file raised this exception while it was loading")
    return Diagnostic("LK005", f"{type(exc).__name__}: {exc}", Origin(str(path), line),
                      hint=hint)


def _pick_app(namespace: dict[str, object], attribute: str, path_text: str,
              where: Origin) -> App:
    if attribute:
        value = namespace.get(attribute)
        if isinstance(value, App):
            return value
        raise LambdakitError([Diagnostic(
            "LK006", f"{path_text} has no App named {attribute!r}", where,
            hint=f"define {attribute} = App(...) in the file, or omit ':{attribute}'")])
    apps = {name: value for name, value in namespace.items()
            if isinstance(value, App) and not name.startswith("_")}
    if "app" in apps:
        return apps["app"]
    if len(apps) == 1:
        return next(iter(apps.values()))
    if not apps:
        raise LambdakitError([Diagnostic(
            "LK006", f"{path_text} defines no App", where,
            hint="define app = App(name=..., functions=[...]) at the top level of the file")])
    found = ", ".join(sorted(apps))
    raise LambdakitError([Diagnostic(
        "LK006", f"cannot tell which App to use in {path_text} (found: {found})", where,
        hint=f"name it: {path_text}:NAME")])
