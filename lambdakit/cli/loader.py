"""Load an `App` from `path/to/app.py[:attribute]`, turning every failure into diagnostics."""

from __future__ import annotations

import runpy
import sys
import traceback
from pathlib import Path

from lambdakit.errors import Diagnostic, LambdakitError, Origin, collecting
from lambdakit.model import App


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
                namespace = runpy.run_path(str(path), run_name="__lambdakit_app__")
            except LambdakitError as exc:
                found.extend(exc.diagnostics)
                namespace = {}
            except Exception as exc:  # the user's own code failed: show where, not a traceback
                found.append(_load_failure(exc, path))
                namespace = {}
    finally:
        sys.path.remove(str(path.parent))
    if found:
        raise LambdakitError([*found, *_rule_findings(namespace, attribute)])
    return _pick_app(namespace, attribute, path_text, where)


def _rule_findings(namespace: dict[str, object], attribute: str) -> list[Diagnostic]:
    """A file with invalid constructs never reaches synth; run the rules on what did load, so
    one run reports every problem instead of revealing them one fix at a time."""
    from lambdakit.rules import check_app
    from lambdakit.synthesis import build_day

    apps = [value for name, value in namespace.items()
            if isinstance(value, App) and (name == attribute or not attribute)]
    return [d for app in apps for d in check_app(app, today=build_day())]


def _load_failure(exc: BaseException, path: Path) -> Diagnostic:
    frames = traceback.extract_tb(exc.__traceback__)
    user = [f for f in frames if Path(f.filename).resolve() == path] or frames
    line = user[-1].lineno or 0 if user else 0
    if isinstance(exc, SyntaxError) and exc.lineno:
        line = exc.lineno
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
