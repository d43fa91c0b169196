"""IoT rules: the SQL is a SELECT."""

from __future__ import annotations

import re

from lambdakit.events import IotRuleEvent
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext

SELECT = re.compile(r"^\s*SELECT\s.+\sFROM\s", re.IGNORECASE | re.DOTALL)


def check_iot_rule(ctx: RuleContext, fn: Function, source: IotRuleEvent) -> None:
    if not SELECT.match(source.sql):
        ctx.report("LK374", source,
                   f"sql must be an IoT SQL SELECT statement (got {source.sql!r})",
                   "e.g. sql=\"SELECT * FROM 'sensors/+/temperature'\"", owner=fn)


# How rules/events finds this family's checks.
check_source = check_iot_rule
