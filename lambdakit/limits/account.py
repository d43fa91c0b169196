"""The account's own values of the quotas AWS adjusts per account.

lambdakit checks an app against AWS's defaults (`quotas`); an account whose quotas differ says
so in `[tool.lambdakit.account]` of pyproject.toml, per stage if need be (`deploy.config`
reads it). New accounts often have far fewer concurrent executions than the default 1,000;
accounts that asked for it may attach up to 20 managed policies to a role instead of 10.
"""

from __future__ import annotations

from typing import NamedTuple

from lambdakit.limits import quotas as q


class AccountQuotas(NamedTuple):
    """None: not configured, so the default (for concurrency, the app's own
    `App(account_concurrency=...)`, which defaults to AWS's 1,000)."""

    concurrent_executions: int | None = None
    managed_policies_per_role: int | None = None

    def concurrency(self, app_default: int) -> int:
        if self.concurrent_executions is not None:
            return self.concurrent_executions
        return app_default

    def managed_policies(self) -> int:
        if self.managed_policies_per_role is not None:
            return self.managed_policies_per_role
        return q.ROLE_MANAGED_POLICIES_MAX.value


# Where a user sets them: named in the diagnostics that depend on them.
ACCOUNT_SECTION = "[tool.lambdakit.account]"
