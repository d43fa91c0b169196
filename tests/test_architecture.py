"""The pipeline's arrows stay true: each package imports only what lies before it, and the
synth path never loads the heavy checkers."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lambdakit"

# package -> imports it must never make (top-level module names or lambdakit subpackages)
FORBIDDEN: dict[str, set[str]] = {
    "errors": {"pydantic", "troposphere", "awacs", "cfn_flip", "click", "boto3", "lambdakit.model",
               "lambdakit.events", "lambdakit.rules", "lambdakit.iam", "lambdakit.plan",
               "lambdakit.compile", "lambdakit.render", "lambdakit.check", "lambdakit.cli"},
    "model": {"troposphere", "awacs", "boto3", "click", "lambdakit.events", "lambdakit.rules",
              "lambdakit.iam", "lambdakit.plan", "lambdakit.compile", "lambdakit.render",
              "lambdakit.check", "lambdakit.cli"},
    "events": {"troposphere", "awacs", "boto3", "click", "lambdakit.iam", "lambdakit.rules",
               "lambdakit.plan", "lambdakit.compile", "lambdakit.render", "lambdakit.check",
               "lambdakit.cli"},
    "iam": {"troposphere", "boto3", "click", "lambdakit.rules", "lambdakit.plan",
            "lambdakit.compile", "lambdakit.render", "lambdakit.check", "lambdakit.cli"},
    # The plan describes what will be deployed: it judges nothing and writes nothing.
    "plan": {"troposphere", "awacs", "boto3", "click", "lambdakit.rules", "lambdakit.compile",
             "lambdakit.render", "lambdakit.check", "lambdakit.cli"},
    "rules": {"troposphere", "awacs", "boto3", "click", "lambdakit.compile", "lambdakit.render",
              "lambdakit.check", "lambdakit.cli"},
    # Compile turns the plan into template data: it never asks the rules. It writes plain data;
    # troposphere checks what it writes in the tests (tests/test_resource_specs.py).
    "compile": {"boto3", "click", "troposphere", "lambdakit.rules", "lambdakit.render",
                "lambdakit.check", "lambdakit.cli"},
    "render": {"boto3", "click", "troposphere", "lambdakit.check", "lambdakit.cli"},
    "check": {"click", "lambdakit.cli"},
    # The local runner sits beside iam, after events: it runs handlers, never builds templates.
    "local": {"troposphere", "awacs", "cfn_flip", "boto3", "click", "lambdakit.iam",
              "lambdakit.plan", "lambdakit.rules", "lambdakit.compile", "lambdakit.render",
              "lambdakit.check", "lambdakit.cli"},
}
# Only the CLI may use the local runner: nothing on the synth path depends on it.
for _package in ("errors", "model", "events", "iam", "plan", "rules", "compile", "render",
                 "check"):
    FORBIDDEN[_package].add("lambdakit.local")
# deploy comes after check: nothing before it imports it, and it never imports click.
for _earlier in FORBIDDEN.values():
    _earlier.add("lambdakit.deploy")
FORBIDDEN["deploy"] = {"click", "lambdakit.cli", "lambdakit.local"}
# Modules that may import these only inside a function (lazily), never at module level.
LAZY_ONLY = {"boto3", "botocore", "samtranslator", "cfnlint"}


def _imports(path: Path, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _matches(module: str, forbidden: set[str]) -> bool:
    return any(module == f or module.startswith(f + ".") for f in forbidden)


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_import_direction(package: str) -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {module}"
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for module in sorted(_imports(path, top_level_only=False))
        if _matches(module, FORBIDDEN[package])
    ]
    assert offenders == []


def test_heavy_modules_are_imported_lazily_everywhere() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {module} at module level"
        for path in sorted(PACKAGE.rglob("*.py"))
        for module in sorted(_imports(path, top_level_only=True))
        if _matches(module, LAZY_ONLY)
    ]
    assert offenders == []


def test_limits_is_data_at_the_bottom() -> None:
    """`limits` imports only the standard library and itself, so every stage may import it."""
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {module}"
        for path in sorted((PACKAGE / "limits").rglob("*.py"))
        for module in sorted(_imports(path, top_level_only=False))
        if not (module == "lambdakit.limits" or module.startswith("lambdakit.limits.")
                or module.split(".")[0] in sys.stdlib_module_names)
    ]
    assert offenders == []


def test_synth_and_the_cli_never_load_boto3() -> None:
    """The deploy commands are registered on the CLI, yet only running one loads boto3."""
    code = ("import sys, lambdakit.cli.main, lambdakit.deploy, lambdakit.synthesis; "
            "print(sorted(m for m in ('boto3', 'botocore') if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=PACKAGE.parent)
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == "[]"


def test_no_synth_imports_troposphere() -> None:
    """Every golden and example synthesizes without loading troposphere (only `bootstrap`,
    a deploy command, builds with it) or cfn-flip (the renderer writes its dialect itself)."""
    apps = sorted(PACKAGE.parent.glob("tests/goldens/*/app.py")) + sorted(
        PACKAGE.parent.glob("examples/*/app.py"))
    code = ("import sys\n"
            "from pathlib import Path\n"
            "from lambdakit.cli.loader import load_app\n"
            "from lambdakit.synthesis import synthesize\n"
            "for app in sys.argv[1:]:\n"
            "    synthesize(load_app(app), base_dir=Path(app).parent)\n"
            "print(sorted(m for m in sys.modules\n"
            "             if m.split('.')[0] in ('troposphere', 'cfn_flip', 'cfn_tools')))\n")
    found = subprocess.run([sys.executable, "-c", code, *map(str, apps)], capture_output=True,
                           text=True, cwd=PACKAGE.parent)
    assert found.returncode == 0, found.stderr
    assert apps and found.stdout.strip() == "[]"
