"""Alexa skills: the skill's id scopes Lambda's permission."""

from __future__ import annotations

import re

from lambdakit.events import AlexaSkillEvent
from lambdakit.limits import quotas as q
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext

ALEXA_SKILL_ID = re.compile(r"^amzn1\.ask\.skill\.[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$")


def check_alexa_skill(ctx: RuleContext, fn: Function, source: AlexaSkillEvent) -> None:
    longest = q.EVENT_SOURCE_TOKEN_MAX_CHARS.value
    if not ALEXA_SKILL_ID.match(source.skill_id) or len(source.skill_id) > longest:
        ctx.report("LK373", source,
                   f"skill_id must be the skill's id, amzn1.ask.skill.<uuid> (got "
                   f"{source.skill_id!r}): it scopes Lambda's permission, without it any skill "
                   "could invoke the function",
                   f"copy the id from the Alexa developer console (Endpoint); "
                   f"{q.ALEXA_SKILL_ID_SOURCE}", owner=fn)


# How rules/events finds this family's checks.
check_source = check_alexa_skill
