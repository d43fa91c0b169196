"""What every rule receives: the app, the date runtimes are judged on, the account's quotas,
and a way to report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lambdakit.errors import Diagnostic
from lambdakit.limits.account import AccountQuotas
from lambdakit.model import App, Construct
from lambdakit.plan import Plan, plan_app


@dataclass
class RuleContext:
    app: App
    today: dt.date
    found: list[Diagnostic] = field(default_factory=list)
    account: AccountQuotas = field(default_factory=AccountQuotas)
    # Results several rules need, computed once per check.
    memo: dict[str, Any] = field(default_factory=dict)
    # What the app will deploy: the stack-shape rules count it.
    plan: Plan = field(default=None)  # type: ignore[assignment]  # planned when not given

    def __post_init__(self) -> None:
        if self.plan is None:
            self.plan = plan_app(self.app)

    def report(self, code: str, construct: Construct, message: str, hint: str = "", *,
               owner: Construct | None = None) -> None:
        """Report at `construct`'s line; a warning may be acknowledged on the construct, on
        its `owner` (the function a statement belongs to) or app-wide."""
        diagnostic = Diagnostic(code, message, construct.origin, construct.label(), hint)
        if diagnostic.is_error or not self.acknowledged(code, construct, owner=owner):
            self.found.append(diagnostic)

    def acknowledged(self, code: str, construct: Construct, *,
                     owner: Construct | None = None) -> bool:
        """Whether a warning about `construct` would be silenced: a rule may then skip costly
        work (measuring a package's zipped size)."""
        return any(_acknowledges(c, code) for c in (construct, owner, self.app) if c is not None)


def _acknowledges(construct: Construct, code: str) -> bool:
    """A warning counts as acknowledged only with a reason."""
    own: dict[str, str] = getattr(construct, "acknowledge", None) or {}
    return bool(own.get(code, "").strip())
