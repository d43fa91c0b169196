"""Gradual deployments (`Function(deployment=...)`) and their hooks (`PreTrafficHook`,
`PostTrafficHook` on the hook function)."""

from __future__ import annotations

from lambdakit.limits import quotas as q
from lambdakit.model import Canary, Function, Linear, TrafficShift
from lambdakit.model.deployment import DEPLOYMENT_EVENTS
from lambdakit.plan.deployments import HookBinding
from lambdakit.rules.context import RuleContext

DEPLOYMENTS_DOC = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-rolling-deployments.html"
TRIGGERS_DOC = "https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_TriggerConfig.html"
HOOKS_DOC = ("https://docs.aws.amazon.com/codedeploy/latest/userguide/"
             "reference-appspec-file-structure-hooks.html#appspec-hooks-lambda")


def check_deployments(ctx: RuleContext, functions: list[Function]) -> None:
    hooks = ctx.plan.hooks
    for fn in functions:
        deployment = fn.live_deployment()
        if deployment is not None:
            _check_deployment(ctx, fn, deployment)
        _check_version_references(ctx, fn)
    for bindings in hooks.values():
        _check_hooks(ctx, bindings)
    shapes = len(ctx.plan.deployment_configs)
    if shapes > q.CUSTOM_DEPLOYMENT_CONFIGS_MAX.value:
        ctx.report("LK441", ctx.app,
                   f"the app needs {shapes} custom deployment "
                   f"configurations; an account holds at most "
                   f"{q.CUSTOM_DEPLOYMENT_CONFIGS_MAX.value}",
                   "use CodeDeploy's predefined shapes (Canary(percent=10, minutes=5|10|15|30), "
                   "Linear(percent=10, every_minutes=1|2|3|10), AllAtOnce()); see "
                   f"{q.CUSTOM_DEPLOYMENT_CONFIGS_MAX.source}")


def _check_deployment(ctx: RuleContext, fn: Function, deployment: TrafficShift) -> None:
    if fn.alias is None:
        ctx.report("LK440", deployment, f"{fn.id} has a gradual deployment but publishes no "
                                        "versions: CodeDeploy shifts an alias between versions",
                   "set alias='live' on the function: each deploy then publishes a version and "
                   f"CodeDeploy moves the alias to it; see {DEPLOYMENTS_DOC}", owner=fn)
    _check_shape(ctx, fn, deployment)
    _check_alarms(ctx, fn, deployment)
    _check_notification(ctx, fn, deployment)


def _check_shape(ctx: RuleContext, fn: Function, deployment: TrafficShift) -> None:
    if not isinstance(deployment, Canary | Linear):
        return
    if not 1 <= deployment.percent <= 99:
        alternative = "AllAtOnce()" if deployment.percent >= 100 else "at least 1 %"
        ctx.report("LK441", deployment, f"{fn.id}'s deployment shifts {deployment.percent} % of "
                                        "the traffic per step; a step is 1 to 99 %",
                   f"use {alternative}", owner=fn)
        return
    interval = deployment.minutes if isinstance(deployment, Canary) else deployment.every_minutes
    if interval < 1:
        ctx.report("LK441", deployment, f"{fn.id}'s deployment waits {interval} minutes between "
                                        "shifts; CodeDeploy counts whole minutes, at least 1",
                   "use AllAtOnce() to shift without waiting", owner=fn)
        return
    # From the first shift to the last: one wait for a canary, one per further step for linear.
    span = interval if isinstance(deployment, Canary) else (
        (deployment.increments() - 1) * interval)
    most = q.DEPLOYMENT_SHIFT_MINUTES_MAX
    if span > most.value:
        ctx.report("LK441", deployment,
                   f"{fn.id}'s deployment ({deployment.steps()}) takes {span} minutes from the "
                   f"first shift to the last; CodeDeploy allows at most {most.value}",
                   f"shift larger steps or wait less between them; see {most.source}", owner=fn)


def _check_alarms(ctx: RuleContext, fn: Function, deployment: TrafficShift) -> None:
    names = deployment.alarms
    total = len(names) + (1 if deployment.error_alarm else 0)
    limit = q.DEPLOYMENT_GROUP_ALARMS_MAX
    repeated = sorted({name for name in names if names.count(name) > 1})
    too_long = [name for name in names if not 1 <= len(name) <= q.ALARM_NAME_MAX_CHARS.value
                or any(ord(c) < 32 or ord(c) == 127 for c in name)]
    if total > limit.value:
        own = " (with lambdakit's error alarm)" if deployment.error_alarm else ""
        ctx.report("LK444", deployment, f"{fn.id}'s deployment has {total} rollback "
                                        f"alarms{own}; a deployment group takes at most "
                                        f"{limit.value}",
                   f"combine alarms into a composite alarm; see {limit.source}", owner=fn)
    if repeated:
        ctx.report("LK444", deployment, f"{fn.id}'s deployment lists the alarm "
                                        f"{', '.join(map(repr, repeated))} more than once",
                   "list each alarm once", owner=fn)
    if too_long:
        ctx.report("LK444", deployment, f"{fn.id}'s deployment lists an alarm name that is "
                                        f"empty, longer than {q.ALARM_NAME_MAX_CHARS.value} "
                                        "characters or holds a control character",
                   f"pass the alarm's name; see {q.ALARM_NAME_MAX_CHARS.source}", owner=fn)
    if total == 0:
        ctx.report("LK445", deployment,
                   f"{fn.id}'s deployment has no rollback alarm: only a failing hook or a "
                   "manual stop rolls it back, however many requests the new version fails",
                   "keep error_alarm=True, or name alarms=[...]; or acknowledge="
                   '{"LK445": "why no metric should stop it"}', owner=fn)


def _check_notification(ctx: RuleContext, fn: Function, deployment: TrafficShift) -> None:
    topic = deployment.notify
    if topic is None:
        if "notify_on" in deployment.model_fields_set:
            ctx.report("LK447", deployment, f"{fn.id}'s deployment lists events to notify of but "
                                            "no topic to notify",
                       "set notify=<a Topic> as well", owner=fn)
        return
    if topic.fifo:
        ctx.report("LK447", deployment, f"{fn.id}'s deployment notifies the FIFO topic "
                                        f"{topic.label()}: CodeDeploy publishes without a "
                                        "message group, which a FIFO topic refuses",
                   f"notify a standard topic; see {TRIGGERS_DOC}", owner=fn)
    if not deployment.notify_on:
        ctx.report("LK447", deployment, f"{fn.id}'s deployment notifies {topic.label()} of no "
                                        "event",
                   "leave notify_on unset for every deployment event, or name some: "
                   + ", ".join(DEPLOYMENT_EVENTS), owner=fn)


def _check_hooks(ctx: RuleContext, bindings: list[HookBinding]) -> None:
    target = bindings[0].source.function
    stages: dict[str, list[HookBinding]] = {}
    for binding in bindings:
        stages.setdefault(binding.source.sam_hook, []).append(binding)
        if target.live_deployment() is None:
            ctx.report("LK442", binding.source,
                       f"{binding.hook.id} is a {binding.source.sam_hook} hook of {target.id}, "
                       f"which has no gradual deployment, so CodeDeploy never runs it",
                       f"set deployment=Canary(...), Linear(...) or AllAtOnce() on {target.id}; "
                       f"see {HOOKS_DOC}", owner=binding.hook)
    for stage, found in sorted(stages.items()):
        for extra in found[1:]:
            ctx.report("LK443", extra.source,
                       f"{target.id} already has a {stage} hook ({found[0].hook.id}); a "
                       "deployment runs one hook per lifecycle event",
                       "check everything in one hook function", owner=extra.hook)


def _check_version_references(ctx: RuleContext, fn: Function) -> None:
    for ref in fn.references():
        target = ref.target
        if ref.attribute == "Version" and isinstance(target, Function) and target.alias is None:
            ctx.report("LK446", fn,
                       f"{fn.id} references {target.id}.version, but {target.id} publishes no "
                       "versions",
                       f"set alias='live' on {target.id}, or reference {target.id}.arn")
