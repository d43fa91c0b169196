"""How the `lambdakit` process is set up before an app loads.

A synth is a short process that keeps nearly everything it allocates until it exits, so two of
the interpreter's defaults cost it time and buy nothing (measured on a one-function app; see
docs/performance.md):

- the cyclic garbage collector runs every 700 allocations, about 70 times while pydantic,
  lambdakit and the app load, and frees nothing;
- pydantic looks for validation plugins in the metadata of every installed distribution the
  first time it builds a validator: importing `importlib.metadata` (email, zipfile, csv...)
  and reading each `*.dist-info`, though lambdakit's constructs use no plugins.

Only the command line changes them: a program that imports lambdakit keeps its own settings.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import os
import sys
import types
from typing import Any

# A collection once per this many new container objects instead of 700: the largest app
# (500 functions) still sees a few, so memory stays bounded.
SHORT_RUN_GC_THRESHOLD = 100_000
_DEFAULT_GC_THRESHOLDS = gc.get_threshold()
_PLUGINS_OFF = ("__all__", "1", "true")  # the values with which pydantic loads no plugin at all


def prepare_short_run() -> None:
    """Tune this process for one command; call before the app or pydantic's validators load."""
    gc.set_threshold(SHORT_RUN_GC_THRESHOLD, *_DEFAULT_GC_THRESHOLDS[1:])
    # A user who set PYDANTIC_DISABLE_PLUGINS (even to '') keeps that choice.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in _PLUGINS_OFF:
        _load_on_first_use("importlib.metadata")


def prepare_user_code() -> None:
    """Before running a user's handler in this process (`lambdakit invoke`): Python's defaults."""
    gc.set_threshold(*_DEFAULT_GC_THRESHOLDS)


def _load_on_first_use(name: str) -> None:
    """Put a stand-in for module `name` in `sys.modules`: `import name` binds it for free, and
    the first attribute looked up on it imports the real module. pydantic's plugin loader
    imports `importlib.metadata` at its top but, with plugins disabled, never uses it.
    (`importlib.util.LazyLoader` would not do: on Python 3.11 the import statement itself reads
    the module's `__spec__`, which makes a lazy module load at once.)"""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    # The module's own attributes (__spec__, __file__, __path__...) as the import system sets
    # them, so that code walking sys.modules does not load it by looking.
    stand_in = importlib.util.module_from_spec(spec)
    stand_in.__class__ = _LoadedOnFirstUse
    sys.modules[name] = stand_in
    parent, _, child = name.rpartition(".")
    if parent:  # as the import system does: the package's attribute names its submodule
        setattr(sys.modules[parent], child, stand_in)


class _LoadedOnFirstUse(types.ModuleType):
    def __getattr__(self, attribute: str) -> Any:
        # Only names the stand-in lacks get here: all of them until the real module is loaded.
        del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        self.__dict__.update(real.__dict__)  # whoever bound the stand-in now holds the module
        self.__class__ = types.ModuleType  # type: ignore[assignment]  # a plain module again
        return getattr(real, attribute)
