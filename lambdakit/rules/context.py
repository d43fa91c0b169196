"""What every rule receives: the app, the date runtimes are judged on, and a way to report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lambdakit.errors import Diagnostic
from lambdakit.model import App, Construct


@dataclass
class RuleContext:
    app: App
    today: dt.date
    found: list[Diagnostic] = field(default_factory=list)

    def report(self, code: str, construct: Construct, message: str, hint: str = "") -> None:
        diagnostic = Diagnostic(code, message, construct.origin, construct.label(), hint)
        if diagnostic.is_error or not self._acknowledged(code, construct):
            self.found.append(diagnostic)

    def _acknowledged(self, code: str, construct: Construct) -> bool:
        """A warning is acknowledged on its construct or app-wide, with a reason."""
        own: dict[str, str] = getattr(construct, "acknowledge", None) or {}
        return bool(own.get(code, "").strip() or self.app.acknowledge.get(code, "").strip())
