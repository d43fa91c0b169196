import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from {{ cookiecutter.package }}.handler import handle  # noqa: E402
from {{ cookiecutter.package }}.logic import greet  # noqa: E402


def test_greet():
    assert greet(" Ada ") == {"message": "hello, Ada"}


def test_handler_reports_bad_input():
    assert handle({"name": " "}, None) == {"ok": False, "error": "name must not be blank"}
    assert handle({"name": "Ada"}, None) == {"ok": True, "message": "hello, Ada"}
