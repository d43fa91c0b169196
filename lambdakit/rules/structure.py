"""Whole-app structure: logical ids, the stack's resource count, ARNs, acknowledgements."""

from __future__ import annotations

import re

from lambdakit.errors import CODES, Severity
from lambdakit.limits import quotas as q
from lambdakit.limits.arns import IAM_POLICY_ARN, KMS_KEY_ARN
from lambdakit.limits.naming import NAME_RULES
from lambdakit.model import Construct, Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.function_limits import check_tag_entries

IAM_POLICY_NAME = re.compile(NAME_RULES["iam_policy"].pattern)


def check_structure(ctx: RuleContext, functions: list[Function]) -> None:
    app = ctx.app
    if not app.functions:  # not `functions`: it leaves out the ones that failed to load
        if ctx.plan.resources or any(r.broken for r in app.resources):
            ctx.report("LK008", app, "the app has no functions",
                       "pass functions=[...] to App")
        else:  # SAM refuses a template without resources
            ctx.report("LK014", app, "the app has nothing to deploy: no function and no "
                                     "resource of its own",
                       "pass functions=[Function(...)] (or resources=[...]) to App")
    check_tag_entries(ctx, app, app.tags)
    _check_logical_ids(ctx, ctx.plan.logical_ids())
    resources = len(ctx.plan.resources)
    if resources > q.STACK_RESOURCES_MAX.value:
        ctx.report("LK007", app,
                   f"the stack would hold {resources} resources after the SAM transform, "
                   f"CloudFormation allows {q.STACK_RESOURCES_MAX.value}",
                   "split the app into several apps (stacks)")
    planned = ctx.plan.outputs
    outputs = len(planned)
    if outputs > q.STACK_OUTPUTS_MAX.value:
        # Each function's ARN and name; besides them, alias ARNs and URLs.
        aliases = sum(1 for fn in functions if fn.alias is not None)
        addresses = outputs - 2 * len(functions) - aliases
        also = (f", {aliases} alias ARNs" if aliases else "") + (
            f" and {addresses} URLs" if addresses else "")
        ctx.report("LK011", app,
                   f"the stack would hold {outputs} outputs (2 for each of "
                   f"{len(functions)} functions{also}), CloudFormation allows "
                   f"{q.STACK_OUTPUTS_MAX.value}",
                   f"split the app into several apps (stacks); limits: "
                   f"{q.STACK_OUTPUTS_MAX.source}")
    boundary = app.permissions_boundary
    if boundary is not None and not (IAM_POLICY_ARN.match(boundary)
                                     or IAM_POLICY_NAME.match(boundary)):
        ctx.report("LK010", app, f"permissions_boundary {boundary!r} is neither an IAM policy "
                                 "ARN nor a policy name",
                   "arn:aws:iam::123456789012:policy/Boundary, or just Boundary for a policy "
                   "in the deploying account")
    for fn in functions:
        if fn.kms_key_arn is not None and not KMS_KEY_ARN.match(fn.kms_key_arn):
            ctx.report("LK010", fn, f"kms_key_arn {fn.kms_key_arn!r} is not a KMS key ARN",
                       "pass the key's ARN, arn:aws:kms:REGION:ACCOUNT:key/KEY-ID")


def _check_logical_ids(ctx: RuleContext, logical_ids: list[tuple[str, Construct]]) -> None:
    """One diagnostic per clashing pair of constructs, at the later one."""
    owners: dict[str, Construct] = {}
    clashes: dict[tuple[int, int], tuple[Construct, Construct, list[str]]] = {}
    for logical_id, construct in logical_ids:
        first = owners.setdefault(logical_id, construct)
        if first is not construct:
            pair = (id(first), id(construct))
            clashes.setdefault(pair, (first, construct, []))[2].append(logical_id)
    for first, later, ids in clashes.values():
        listing = ", ".join(repr(i) for i in ids)
        plural = len(ids) > 1
        ctx.report("LK003", later,
                   f"logical id{'s' if plural else ''} {listing} {'are' if plural else 'is'} "
                   f"already used by {first.label()} at {first.origin.display()}",
                   "give one of them another id")


def check_acknowledgements(ctx: RuleContext, construct: Construct,
                           acknowledged: dict[str, str]) -> None:
    for code, reason in sorted(acknowledged.items()):
        info = CODES.get(code)
        if info is None or info.severity is not Severity.WARNING:
            what = "no such code" if info is None else "errors cannot be acknowledged"
            ctx.report("LK004", construct, f"cannot acknowledge {code!r}: {what}",
                       "only warnings can be acknowledged; fix the error instead")
        elif not reason.strip():
            ctx.report("LK004", construct, f"acknowledging {code} needs a reason",
                       f'acknowledge={{"{code}": "why this is fine here"}}')
