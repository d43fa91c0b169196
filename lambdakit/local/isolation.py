"""One invocation's hold on process-wide state, given back afterwards: the import path and
module cache, the environment, the working directory and the time zone.

Lambda imports the handler in a fresh process whose first path entry is the task root. Here the
code directory goes first on `sys.path` for the call, and every cached module whose top-level
name the code directory provides is set aside, so `orders.worker` of one function never reuses
`orders` imported from another function's code. Modules of the standard library stay as they
are (Lambda's runtime has loaded most of them before the handler, too).
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType


@contextmanager
def task_root(code: Path) -> Iterator[Path]:
    """The directory Lambda would run the code from: the code directory itself, or a zip
    extracted into a temporary directory, as Lambda extracts it into /var/task."""
    if code.is_dir():
        yield code
        return
    with tempfile.TemporaryDirectory(prefix="lambdakit-task-") as temporary:
        with zipfile.ZipFile(code) as archive:
            archive.extractall(temporary)  # extractall drops absolute and `..` parts
        yield Path(temporary)


@contextmanager
def isolated_imports(root: Path) -> Iterator[None]:
    saved_path = list(sys.path)
    provided = top_level_names(root) - set(sys.stdlib_module_names)
    set_aside = {name: module for name, module in sys.modules.items()
                 if name.partition(".")[0] in provided}
    for name in set_aside:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()  # the code may have been written a moment ago
    # No __pycache__ left in the code directory, which is what gets deployed.
    saved_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        yield
    finally:
        sys.dont_write_bytecode = saved_bytecode
        sys.path[:] = saved_path
        # A copy: looking at a lazily loaded module may load it, adding to sys.modules.
        for name in [name for name, module in list(sys.modules.items())
                     if _loaded_from(module, root)
                     or name.partition(".")[0] in provided]:
            del sys.modules[name]
        sys.modules.update(set_aside)


@contextmanager
def environment(variables: dict[str, str]) -> Iterator[None]:
    """`os.environ` with `variables` set, exactly as before afterwards (and the time zone
    re-read, since Lambda sets `TZ`)."""
    saved = dict(os.environ)
    os.environ.update(variables)
    _reset_time_zone()
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)
        _reset_time_zone()


@contextmanager
def working_directory(path: Path) -> Iterator[None]:
    saved = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(saved)


def top_level_names(root: Path) -> set[str]:
    """The modules and packages importable from `root`: `orders/`, `helpers.py`, `fast.so`."""
    suffixes = tuple(importlib.machinery.all_suffixes())
    names = set()
    for entry in root.iterdir():
        if entry.is_dir():
            names.add(entry.name)
        elif entry.name.endswith(suffixes):
            names.add(entry.name.partition(".")[0])
    return names


def _loaded_from(module: ModuleType | None, root: Path) -> bool:
    locations = [getattr(module, "__file__", None), *(getattr(module, "__path__", None) or [])]
    prefix = str(root) + os.sep
    return any(isinstance(where, str) and where.startswith(prefix) for where in locations)


def _reset_time_zone() -> None:
    if hasattr(time, "tzset"):
        time.tzset()
