"""Where a construct was declared: the user's own `file:line`, found by walking the call stack."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)
# Frames inside these trees are library plumbing, never the user's line.
_SKIPPED_PREFIXES = (_PACKAGE_DIR + os.sep,)
_SKIPPED_MODULES = ("pydantic", "pydantic_core", "typing", "functools", "importlib", "runpy")


class Origin(NamedTuple):
    """A source location. `file` is absolute; `display()` makes it relative to the cwd."""

    file: str
    line: int

    def display(self) -> str:
        """`file:line`, or just `file` for findings about the whole file."""
        path = display_path(self.file)
        return f"{path}:{self.line}" if self.line > 0 else path

    @property
    def directory(self) -> Path:
        return Path(self.file).parent

    def __deepcopy__(self, memo: dict[int, object]) -> Origin:
        # Immutable: pydantic deep-copies the `UNKNOWN` default into every construct.
        return self


UNKNOWN = Origin("<unknown>", 0)


def display_path(file: str) -> str:
    """A path relative to the working directory when below it, with `/` separators."""
    if file.startswith("<"):
        return file
    try:
        relative = os.path.relpath(file)
    except ValueError:  # another drive on Windows
        return Path(file).as_posix()
    if relative.startswith(".."):
        return Path(file).as_posix()
    return Path(relative).as_posix()


def capture_origin() -> Origin:
    """The innermost frame outside lambdakit and pydantic: the user's line."""
    frame = sys._getframe(1)
    while frame is not None:
        filename = frame.f_code.co_filename
        module = frame.f_globals.get("__name__", "")
        if not (filename.startswith(_SKIPPED_PREFIXES) or module.startswith(_SKIPPED_MODULES)
                or filename.startswith("<frozen")):
            absolute = filename if filename.startswith("<") else os.path.abspath(filename)
            return Origin(absolute, frame.f_lineno)
        frame = frame.f_back  # type: ignore[assignment]
    return UNKNOWN
