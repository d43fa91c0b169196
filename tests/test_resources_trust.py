"""What an app may grant on resources it names: existing names and ARNs checked against each
service's rules, raw statements whose reach needs a reason, and bad input that is a diagnostic
at the user's line, never a traceback, with every other diagnostic of the file still reported."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import diagnostics_of_file

from lambdakit.errors import Diagnostic

HEADER = """\
from lambdakit import *
from lambdakit.model import *
"""
FUNCTION = ('fn = Function(id="Worker", handler="app.handler", code="src/", '
            'runtime="python3.13", memory=1, {fields})\n'
            'app = App(name="trust", functions=[fn]{resources})\n')


def diagnose(tmp_path: Path, setup: str, fields: str, resources: str = "") -> list[Diagnostic]:
    """Diagnostics of an app file: `setup` lines, then one function (with memory=1, an LK101 that
    must be reported beside whatever `setup` gets wrong) holding `fields`."""
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "app.py").write_text("def handler(event, context):\n    return None\n")
    app = tmp_path / "app.py"
    app.write_text(HEADER + textwrap.dedent(setup) + FUNCTION.format(
        fields=fields, resources=f", resources=[{resources}]" if resources else ""))
    return diagnostics_of_file(app)


def at(found: list[Diagnostic], code: str) -> list[int]:
    return [d.origin.line for d in found if d.code == code]


@pytest.mark.parametrize(("setup", "fields", "resources"), [
    ('k = Key.existing(name="k")\n', "grants=[k.decrypt()]", ""),
    ('k = Key.existing(name="k")\nq = Queue(id="Q", key=k)\n', "grants=[q.send()]", "q"),
])
def test_an_existing_key_by_name_is_lk201_at_its_line(tmp_path: Path, setup: str, fields: str,
                                                      resources: str) -> None:
    found = diagnose(tmp_path, setup, fields, resources)
    assert at(found, "LK201") == [3]
    assert at(found, "LK101")


def test_a_wildcard_statement_without_reason_is_lk212_not_a_crash(tmp_path: Path) -> None:
    found = diagnose(tmp_path, "", 'statements=[Statement(actions=["textract:AnalyzeDocument"], '
                                   'resources=["*"], reason="")]')
    assert at(found, "LK212") == [3]
    assert at(found, "LK101")


def test_a_misspelt_statement_field_keeps_every_other_diagnostic(tmp_path: Path) -> None:
    found = diagnose(tmp_path, 'q = Queue(id="Q", retention=1)\n',
                     'grants=[q.send()], statements=[Statement(action=["sqs:ListQueues"], '
                     'reason="listing")]', "q")
    assert {"unknown field 'action'", "missing required field 'actions'"} <= {
        d.message for d in found if d.code == "LK001"}
    assert at(found, "LK204") == [3]
    assert at(found, "LK101")
