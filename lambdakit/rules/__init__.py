"""Whole-app checks over the model graph. Limits and runtimes are data in `lambdakit.limits`."""

from __future__ import annotations

import datetime as dt

from lambdakit.errors import Diagnostic, sort_diagnostics
from lambdakit.limits.account import AccountQuotas
from lambdakit.model import App
from lambdakit.plan import Plan
from lambdakit.rules.code import check_code
from lambdakit.rules.concurrency import check_concurrency
from lambdakit.rules.context import RuleContext
from lambdakit.rules.deployments import check_deployments
from lambdakit.rules.environment import check_environment, environment_size
from lambdakit.rules.events import check_events
from lambdakit.rules.function_limits import check_limits
from lambdakit.rules.image import check_image
from lambdakit.rules.layers import check_layers
from lambdakit.rules.literal_text import check_literal_text
from lambdakit.rules.policy_size import check_policy_size
from lambdakit.rules.provisioned import check_provisioned_concurrency
from lambdakit.rules.public_kafka import check_public_kafka
from lambdakit.rules.resources import check_resources
from lambdakit.rules.structure import check_acknowledgements, check_structure
from lambdakit.rules.updates import check_updates
from lambdakit.rules.versions import check_versions
from lambdakit.rules.vpc import check_network

FUNCTION_RULES = (check_limits, check_environment, check_code, check_image, check_updates,
                  check_versions, check_provisioned_concurrency, check_policy_size,
                  check_public_kafka)

__all__ = ["check_app", "environment_size"]


def check_app(app: App, today: dt.date | None = None,
              account: AccountQuotas | None = None, plan: Plan | None = None) -> list[Diagnostic]:
    """Every diagnostic for `app`, sorted, with acknowledged warnings removed. `account`: the
    quotas of the account it goes to, where they differ from AWS's defaults; `plan`: the app's
    plan, when the caller has one already."""
    if app.broken:
        return []
    ctx = RuleContext(app, today or dt.date.today(), account=account or AccountQuotas(),
                      plan=plan)  # type: ignore[arg-type]  # None: RuleContext plans it
    functions = app.all_functions()
    check_structure(ctx, functions)
    check_concurrency(ctx, functions)
    check_resources(ctx, functions)
    check_events(ctx, functions)
    check_deployments(ctx, functions)
    check_layers(ctx, functions)
    check_network(ctx, functions)
    check_literal_text(ctx, app, functions)
    check_acknowledgements(ctx, app, app.acknowledge)
    for fn in functions:
        check_acknowledgements(ctx, fn, fn.acknowledge)
        for rule in FUNCTION_RULES:
            rule(ctx, fn)
    return sort_diagnostics(ctx.found)
