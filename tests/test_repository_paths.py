"""The repository names no path of one development machine: examples, docs and tests find what
they need relative to the repository (the corpus is `../shared/corpus`), and every script a doc
cites is in the repository."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("*.md", "*.py", "*.sh", "*.toml", "*.txt")
FOLDERS = ("docs", "examples", "tests", "benchmarks", "scripts", "lambdakit", "blueprints")
# A development machine's workspace, or a script kept in a temporary folder.
MACHINE_PATH = re.compile(r"/work/|/tmp/\S+\.(?:py|sh)\b|/home/\w+/")


def repository_texts() -> list[Path]:
    found = [p for pattern in TEXT for p in ROOT.glob(pattern)]
    for folder in FOLDERS:
        found += [p for pattern in TEXT for p in (ROOT / folder).rglob(pattern)
                  if ".venv" not in p.parts and "__pycache__" not in p.parts]
    return sorted(set(found))


def machine_paths(text: str) -> list[str]:
    return [m.group(0) for m in MACHINE_PATH.finditer(text)]


def test_no_file_names_a_machine_path() -> None:
    named = {str(p.relative_to(ROOT)): machine_paths(p.read_text(encoding="utf-8"))
             for p in repository_texts() if p != Path(__file__).resolve()}
    assert {path: found for path, found in named.items() if found} == {}


def test_machine_paths_are_recognised() -> None:
    assert machine_paths("Corpus case `/work/shared/corpus/x`") == ["/work/"]
    assert machine_paths("timed with `/tmp/prof/phases.py`") == ["/tmp/prof/phases.py"]
    assert machine_paths("--workdir /tmp/bench; shared/corpus/x") == []
