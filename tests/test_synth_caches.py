"""What a synth caches (an app's graph, its policy plans, code paths) lives and dies with the
app: nothing keeps an app alive after its synth."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from helpers import synth_app

from lambdakit.cli.loader import load_app
from lambdakit.model import App

QUICKSTART = Path(__file__).resolve().parent.parent / "examples" / "quickstart" / "app.py"


def test_nothing_outlives_the_app() -> None:
    app = load_app(str(QUICKSTART))
    synth_app(app, QUICKSTART.parent)
    gone = [weakref.ref(app), *(weakref.ref(fn) for fn in app.all_functions())]
    del app
    gc.collect()
    assert [ref() for ref in gone] == [None] * len(gone)


def test_logical_ids_are_found_once_per_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules and compile all ask; each gets its own list."""
    app = load_app(str(QUICKSTART))
    find = App._find_logical_ids
    calls: list[App] = []
    monkeypatch.setattr(App, "_find_logical_ids", lambda self: calls.append(self) or find(self))
    app.logical_ids().clear()
    assert app.logical_ids() == find(app) != []
    assert calls == [app]
