"""A user's text is written as it stands: `${AWS::StackName}` in a name or a description is
not substituted by CloudFormation, and lambdakit does not turn it into `Fn::Sub` either."""

from __future__ import annotations

import re

from lambdakit.model import App, Construct, Function
from lambdakit.rules.context import RuleContext

SUBSTITUTION = re.compile(r"\$\{[^}]*\}")
# Fields of free text the user names or describes things with.
TEXT_FIELD = re.compile(r"^(name|description|[a-z_]+_name)$")


def check_literal_text(ctx: RuleContext, app: App, functions: list[Function]) -> None:
    events = [event for fn in functions for event in fn.live_events()]
    for construct in [app, *app.reachable(), *events]:
        for field, value in _text_fields(construct):
            found = SUBSTITUTION.search(value)
            if found:
                ctx.report("LK012", construct,
                           f"{field} {value!r} contains {found[0]!r}, which is written as is: "
                           "CloudFormation substitutes nothing in it",
                           "write the text without `${...}`; lambdakit writes a user's text "
                           "literally, and stack values come only from typed values")


def _text_fields(construct: Construct) -> list[tuple[str, str]]:
    return [(field, value) for field in sorted(type(construct).model_fields)
            if TEXT_FIELD.match(field) and isinstance(value := getattr(construct, field), str)]
