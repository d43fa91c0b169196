"""Whole-app structure: logical ids, the stack's resource count, ARNs, acknowledgements."""

from __future__ import annotations

import re

from lambdakit.errors import CODES, Severity
from lambdakit.iam.size import PolicyPlan
from lambdakit.limits import quotas as q
from lambdakit.limits.arns import IAM_POLICY_ARN, KMS_KEY_ARN
from lambdakit.limits.naming import NAME_RULES
from lambdakit.model import App, Construct, EventSource, Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.deployments import deployment_resource_count
from lambdakit.rules.events import extra_resource_count
from lambdakit.rules.function_limits import check_tag_entries
from lambdakit.rules.policy_size import managed_policy_ids, policy_plans, template_logical_ids

OUTPUTS_PER_FUNCTION = 2  # <id>Arn and <id>Name, written by compile.function
IAM_POLICY_NAME = re.compile(NAME_RULES["iam_policy"].pattern)


def check_structure(ctx: RuleContext, functions: list[Function]) -> None:
    app = ctx.app
    if not app.functions:  # not `functions`: it leaves out the ones that failed to load
        if app.logical_ids() or any(r.broken for r in app.resources):
            ctx.report("LK008", app, "the app has no functions",
                       "pass functions=[...] to App")
        else:  # SAM refuses a template without resources
            ctx.report("LK014", app, "the app has nothing to deploy: no function and no "
                                     "resource of its own",
                       "pass functions=[Function(...)] (or resources=[...]) to App")
    check_tag_entries(ctx, app, app.tags)
    plans = policy_plans(ctx)
    _check_logical_ids(ctx, template_logical_ids(app, plans))
    resources = stack_resource_count(app, functions, plans)
    if resources > q.STACK_RESOURCES_MAX.value:
        ctx.report("LK007", app,
                   f"the stack would hold {resources} resources after the SAM transform, "
                   f"CloudFormation allows {q.STACK_RESOURCES_MAX.value}",
                   "split the app into several apps (stacks)")
    # Besides each function's two: URLs of APIs and function URLs.
    addresses = sum(len(r.output_ids()) for r in app.all_resources() if not r.is_existing) + sum(
        len(source.output_ids(fn)) for fn in functions for source in fn.live_events())
    aliases = sum(1 for fn in functions if fn.alias is not None)  # <id>AliasArn
    outputs = OUTPUTS_PER_FUNCTION * len(functions) + aliases + addresses
    if outputs > q.STACK_OUTPUTS_MAX.value:
        also = (f", {aliases} alias ARNs" if aliases else "") + (
            f" and {addresses} URLs" if addresses else "")
        ctx.report("LK011", app,
                   f"the stack would hold {outputs} outputs ({OUTPUTS_PER_FUNCTION} for each of "
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


def stack_resource_count(app: App, functions: list[Function],
                         plans: dict[int, PolicyPlan | None]) -> int:
    """CloudFormation resources after the SAM transform: what the 500 limit counts."""
    return (sum(fn.deployed_resource_count() for fn in functions)
            + sum(1 for _, owner in app.logical_ids()
                  if not isinstance(owner, Function | EventSource))
            + len(managed_policy_ids(app, plans))
            + sum(r.unlisted_resource_count() for r in app.all_resources() if not r.is_existing)
            + extra_resource_count(app)
            + deployment_resource_count(app))  # CodeDeploy application, custom configs


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
