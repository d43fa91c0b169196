"""Event families are imported on demand, and troposphere not at all: an app pays only for
what it uses, and the tables that name them lazily stay true to the code."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import lambdakit.events as events
from lambdakit.compile.resources import EMITTERS
from lambdakit.events._families import companion
from lambdakit.model import EventSource
from lambdakit.rules.events.families import family_rules

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = sorted(path.stem for path in (ROOT / "lambdakit" / "events").glob("[!_]*.py"))


def _all_sources() -> list[type[EventSource]]:
    for family in FAMILIES:
        importlib.import_module(f"lambdakit.events.{family}")
    found, todo = [], [EventSource]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("lambdakit.events."):
                found.append(sub)
    return found


def test_every_exported_name_resolves_to_its_module_s_object() -> None:
    assert sorted(events.__all__) == sorted({"Binding", "EventSource", *events._LAZY})
    for name, module in events._LAZY.items():
        defined = getattr(importlib.import_module(f"lambdakit.events.{module}"), name)
        assert getattr(events, name) is defined
    assert set(dir(events)) >= set(events.__all__)


@pytest.mark.parametrize(("package", "name"), [("lambdakit.events", "NoSuchEvent"),
                                               ("lambdakit", "NoSuchConstruct")])
def test_an_unknown_name_is_an_attribute_error(package: str, name: str) -> None:
    with pytest.raises(AttributeError, match=name):
        getattr(importlib.import_module(package), name)


def test_every_source_family_has_its_checks() -> None:
    """Found from the class's own module: a family moved or renamed without its checks module
    fails here instead of silently going unchecked. (Deployment hooks are checked with the
    deployments they hook into, in rules/deployments.py.)"""
    for kind in _all_sources():
        if kind.__module__ == "lambdakit.events.deployment_hooks":
            assert family_rules(kind) is None
            continue
        rules = family_rules(kind)
        assert rules is not None, kind
        assert callable(rules.check_source), kind


def test_every_checks_module_belongs_to_a_family() -> None:
    modules = sorted(path.stem for path in (ROOT / "lambdakit" / "rules" / "events").glob(
        "[!_]*.py"))
    shared = {"async_invocation", "chains", "common", "families", "retries"}
    assert set(modules) - shared <= set(FAMILIES)


def test_every_compile_module_of_a_family_belongs_to_one_and_is_found() -> None:
    """What a family writes beyond SAM is found from its classes, like its checks: each
    module of compile/events names a family and defines what compile looks for."""
    modules = sorted(path.stem for path in (ROOT / "lambdakit" / "compile" / "events").glob(
        "[!_]*.py"))
    assert set(modules) <= set(FAMILIES)
    kinds = {kind.__module__.rsplit(".", 1)[1]: kind for kind in _all_sources()}
    for module in modules:
        found = companion(kinds[module], "lambdakit.compile.events")
        assert found is not None
        assert callable(getattr(found, "emit_family", None) or found.emit_resource), module


def test_the_resource_emitters_name_real_functions() -> None:
    for module, name in EMITTERS.values():
        assert callable(getattr(importlib.import_module(module), name))


def _synth_imports(app_dir: Path, functions: str) -> list[str]:
    """The event-family modules, troposphere modules, the schedule grammar and the IAM action
    data's reader (`importlib.resources`, for raw statements only) one synth of `functions`
    imports."""
    (app_dir / "src").mkdir()
    (app_dir / "src" / "handler.py").write_text("def handle(event, context):\n    return 1\n")
    (app_dir / "app.py").write_text(
        "from lambdakit import App, Function, Queue\n"
        f"app = App(name='plain', functions=[{functions}])\n")
    code = ("import sys\n"
            "from lambdakit.cli.main import main\n"
            "sys.argv = ['lambdakit', 'synth', 'app.py', '-o', 'template.yaml']\n"
            "try:\n"
            "    main()\n"
            "except SystemExit as exit:\n"
            "    assert not exit.code, exit.code\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'troposphere'\n"
            "             or m.startswith('lambdakit.events.') and m.split('.')[2][0] != '_'\n"
            "             or m in ('lambdakit.rules.schedule_expressions',\n"
            "                      'importlib.resources')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=app_dir)
    assert done.returncode == 0, done.stderr
    assert (app_dir / "template.yaml").is_file()
    return [line for line in done.stdout.strip().strip("[]").split(", ") if line]


FUNCTION = "Function(id='Worker', handler='handler.handle', code='src', runtime='python3.13'"


def test_a_synth_of_functions_alone_imports_no_family_and_no_troposphere(tmp_path: Path) -> None:
    assert _synth_imports(tmp_path, FUNCTION + ")") == []


def test_a_synth_with_a_queue_imports_no_family_and_no_troposphere(tmp_path: Path) -> None:
    assert _synth_imports(tmp_path, FUNCTION + ", on_failure=Queue(id='Failed'))") == []


def test_a_synth_with_an_sqs_source_imports_that_family_alone(tmp_path: Path) -> None:
    """SQS's checks share the SNS buffer's queue rule, yet an SQS app never loads the SNS
    family: the plan asks each source for its poller instead."""
    imported = _synth_imports(tmp_path, FUNCTION.replace("Function(", "Function(events=["
                                                         "__import__('lambdakit.events').events"
                                                         ".SqsEvent(queue=Queue(id='Jobs'))], ")
                              + ")")
    assert [name for name in imported if "lambdakit.events" in name] == [
        "'lambdakit.events.sqs'"]


def test_the_package_s_names_load_on_first_use() -> None:
    """`import lambdakit.cli` loads neither pydantic nor the pipeline (the command line sets up
    its process first); every public name still resolves to its module's object."""
    code = ("import sys, lambdakit, lambdakit.cli\n"
            "assert 'pydantic' not in sys.modules and 'lambdakit.model' not in sys.modules\n"
            "from lambdakit import *\n"
            "import lambdakit.synthesis, lambdakit.explanation, lambdakit.model\n"
            "assert lambdakit.synth is lambdakit.synthesis.synth\n"
            "assert lambdakit.explain is lambdakit.explanation.explain\n"
            "assert lambdakit.Function is lambdakit.model.Function\n"
            "assert 'validate' in dir(lambdakit) and 'samtranslator' not in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr

