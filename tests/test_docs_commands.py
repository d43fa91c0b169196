"""Every command the README and docs/ show runs, as written, and the install hints work.

Commands come from fenced `console` blocks (the lines after `$ `) and `sh`/`bash`/`shell` blocks
(every line that is not a comment), so a command anyone adds to the docs is covered. They run
with bash, in order, in a copy of this checkout (what they write lands there), with `lambdakit`
on the PATH. Commands that need an AWS account (`bootstrap`, `deploy`, `diff`, `destroy`) must
say so on their line or in the sentence before their block; they are parsed by click, with every
argument and option checked, and not sent to AWS (tests/deploy runs them against moto).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from lambdakit.check import INSTALL_HINT, VALIDATE_REQUIREMENTS, missing_extra
from lambdakit.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
SHELLS = {"console", "sh", "bash", "shell"}
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
NEEDS_AWS = {"bootstrap", "deploy", "diff", "destroy"}
AWS_MARK = "AWS account"
# The command that runs the whole suite, this test included: run by CI itself, not from here.
RUNS_THIS_SUITE = "bash .ci/run"
# `pip install ... lambdakit` or `'lambdakit[extra]'` (not `.[validate]`, not a path).
PIP_INSTALLS_LAMBDAKIT = re.compile(
    r"pip install[^\n`&;|]*?\s['\"]?lambdakit(\[[^\]]*\])?['\"]?(?=\s|$|`)", re.MULTILINE)
COPY_IGNORES = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build",
                                      ".mypy_cache", ".ruff_cache", ".pytest_cache")

# On the PATH as `lambdakit`: the commands that need AWS are parsed only, the rest run.
SHIM = f"""#!{sys.executable}
import sys

from lambdakit.cli import cli

AWS = {sorted(NEEDS_AWS)!r}
args = sys.argv[1:]
if args and args[0] in AWS:
    with cli.make_context("lambdakit", list(args)) as group:
        command = cli.get_command(group, args[0])
        command.make_context(args[0], args[1:], parent=group)  # exits 2 on a bad argument
    print("parsed (needs an AWS account):", " ".join(args), file=sys.stderr)
else:
    from lambdakit.cli import main

    sys.argv[0] = "lambdakit"
    main()
"""


@dataclass(frozen=True)
class Command:
    document: Path
    line: int
    text: str
    context: str  # the command's line and the paragraph before its block

    @property
    def where(self) -> str:
        return f"{self.document.relative_to(ROOT)}:{self.line}"


def documented_commands() -> list[Command]:
    commands = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for block in FENCE.finditer(text):
            if block.group(1) not in SHELLS:
                continue
            before = text[:block.start()].rstrip("\n").rsplit("\n\n", 1)[-1]
            first_line = text[:block.start(2)].count("\n") + 1
            lines = block.group(2).splitlines()
            for offset, line in enumerate(lines):
                command = _command(line, console=block.group(1) == "console")
                if command:
                    commands.append(Command(document, first_line + offset, command,
                                            f"{line}\n{before}"))
    return commands


def _command(line: str, *, console: bool) -> str | None:
    if console:
        return line[2:].strip() if line.startswith("$ ") else None
    stripped = line.strip()
    return stripped if stripped and not stripped.startswith("#") else None


COMMANDS = documented_commands()


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A copy of this checkout to run the commands in, and their environment."""
    copy = tmp_path_factory.mktemp("docs") / "lambdakit"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORES)
    bin_dir = copy.parent / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "lambdakit"
    shim.write_text(SHIM, encoding="utf-8")
    shim.chmod(0o755)
    path = os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent),
                            os.environ.get("PATH", "")])
    return copy, {**os.environ, "PATH": path, "PYTHONDONTWRITEBYTECODE": "1"}


def test_the_docs_show_commands() -> None:
    """The extraction finds the README's own (a change of format would silently skip them)."""
    readme = [c.text for c in COMMANDS if c.document.name == "README.md"]
    assert RUNS_THIS_SUITE in readme
    assert any(c.startswith("lambdakit synth examples/quickstart/app.py") for c in readme)


@pytest.mark.parametrize("command", COMMANDS, ids=[c.where for c in COMMANDS])
def test_documented_command_runs_as_written(command: Command,
                                            checkout: tuple[Path, dict[str, str]]) -> None:
    if command.text == RUNS_THIS_SUITE:
        assert (ROOT / ".ci" / "run").is_file()
        pytest.skip("the command that runs this suite")
    uses_aws = sorted(NEEDS_AWS & set(re.findall(r"\blambdakit\s+(\w+)", command.text)))
    if uses_aws:
        assert AWS_MARK in command.context, (
            f"{command.where}: `lambdakit {uses_aws[0]}` needs an AWS account: say so on its "
            "line (# needs an AWS account) or in the sentence before its block")
    cwd, env = checkout
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", command.text], cwd=cwd, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
    assert done.returncode == 0, f"{command.where}: {command.text}\n{done.stdout}{done.stderr}"


def test_the_validate_hint_installs_what_pyproject_s_extra_holds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`lambdakit[validate]` names a package no index has: the hint names the requirements."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]
    assert list(VALIDATE_REQUIREMENTS) == extras["validate"]
    monkeypatch.setitem(sys.modules, "cfnlint", None)  # as if not installed
    assert missing_extra() == INSTALL_HINT
    result = CliRunner().invoke(cli, ["validate", str(ROOT / "examples/quickstart/app.py")])
    assert result.exit_code == 2
    assert "pip install 'aws-sam-translator>=1.95' 'cfn-lint>=1.20'" in result.stderr
    assert "lambdakit[" not in result.stderr


def test_no_doc_or_hint_installs_lambdakit_from_an_index() -> None:
    """Until lambdakit is published, `pip install lambdakit...` fails: install from a checkout."""
    texts = {p: p.read_text(encoding="utf-8") for p in [
        *DOCUMENTS, *(ROOT / "blueprints").rglob("*.md"), *(ROOT / "lambdakit").rglob("*.py")]}
    wrong = [f"{p.relative_to(ROOT)}: {m.group(0)}" for p, text in texts.items()
             for m in PIP_INSTALLS_LAMBDAKIT.finditer(text)]
    assert wrong == []
