"""Apply a template to a stack through a change set: review, guard, confirm, execute, watch.

Nothing reaches the stack before the change set has been shown, the data guard has passed it
and the user (or --yes) has agreed. A change set that is not executed is deleted, and so is
the empty stack a first change set leaves behind.
"""

from __future__ import annotations

import contextlib
import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lambdakit.deploy import followup
from lambdakit.deploy import stack as stacks
from lambdakit.deploy.aws import Aws, Console, DeployError, Interrupted, Poll, s3_url
from lambdakit.deploy.changes import (
    ChangeSet,
    format_table,
    guarded,
    read_change_set,
    unused_allowances,
)
from lambdakit.deploy.package import object_exists, template_key
from lambdakit.limits.quotas import TEMPLATE_BODY_INLINE_MAX_BYTES, TEMPLATE_S3_MAX_BYTES

# The SAM transform creates IAM roles (some named) and expands macros.
CAPABILITIES = ("CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND")


# States a stack must be helped out of before it takes a change set, and how.
STUCK = {
    "UPDATE_ROLLBACK_FAILED": "fix what the failing events name, then run: aws cloudformation "
                              "continue-update-rollback --stack-name {stack}",
    "DELETE_FAILED": "empty or fix what the failing events name, then lambdakit destroy",
    "ROLLBACK_FAILED": "delete it (lambdakit destroy), then deploy again",
}


class Outcome(enum.Enum):
    DEPLOYED = "deployed"
    DELETED = "deleted"
    NO_CHANGES = "no changes"
    DECLINED = "declined"
    REFUSED = "refused by the data guard"
    FAILED = "failed"

    @property
    def succeeded(self) -> bool:
        return self in {Outcome.DEPLOYED, Outcome.DELETED, Outcome.NO_CHANGES}


@dataclass
class Result:
    outcome: Outcome
    status: str = ""
    outputs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    """What to deploy where, and what the user has agreed to in advance."""

    stack: str
    template: dict[str, str]  # {"TemplateBody": ...} or {"TemplateURL": ...}
    tags: dict[str, str] = field(default_factory=dict)
    allow_replace: frozenset[str] = frozenset()
    assume_yes: bool = False


def template_source(aws: Aws, bucket: str, body: str) -> dict[str, str]:
    """Inline when it fits CloudFormation's request limit, else uploaded and passed by URL."""
    size = len(body.encode("utf-8"))
    if size <= TEMPLATE_BODY_INLINE_MAX_BYTES.value:
        return {"TemplateBody": body}
    if size > TEMPLATE_S3_MAX_BYTES.value:
        raise DeployError(f"the template is {size} bytes; CloudFormation takes at most "
                          f"{TEMPLATE_S3_MAX_BYTES.value} ({TEMPLATE_S3_MAX_BYTES.source})",
                          hint="split the app into several apps")
    key = template_key(body)
    if not object_exists(aws.s3, bucket, key):
        aws.s3.put_object(Bucket=bucket, Key=key, Body=body.encode("utf-8"),
                          ContentType="application/json")
    return {"TemplateURL": s3_url(aws.region, bucket, key)}


def apply(aws: Aws, request: Request, console: Console, poll: Poll) -> Result:
    """Create the change set, show it, guard it, ask, execute it and follow the stack."""
    cloudformation = aws.cloudformation
    status = _ready_status(cloudformation, request.stack, console, poll)
    kind = "CREATE" if status in {None, stacks.REVIEW} else "UPDATE"
    try:
        created = cloudformation.create_change_set(
            StackName=request.stack, ChangeSetName=f"lambdakit-{uuid.uuid4().hex[:16]}",
            ChangeSetType=kind, Capabilities=list(CAPABILITIES), Description="lambdakit deploy",
            Tags=[{"Key": k, "Value": v} for k, v in sorted(request.tags.items())],
            **request.template)
    except Exception as exc:  # refused (permissions, an invalid template): nothing changed
        followup.note_unchanged(exc, request.stack, status, aws.region)
        raise
    stack_id = created["StackId"]

    def discard() -> None:
        cloudformation.delete_change_set(ChangeSetName=created["Id"])
        if kind == "CREATE":  # the empty stack the first change set made
            cloudformation.delete_stack(StackName=stack_id)

    try:
        change_set, stop = _review(cloudformation, request, created["Id"], kind,
                                  console=console, poll=poll)
    except KeyboardInterrupt:
        _quietly(discard)
        raise Interrupted(f"interrupted: nothing was deployed to {request.stack}; the change "
                          "set was deleted") from None
    except Exception as exc:
        _quietly(discard)
        followup.note_unchanged(exc, request.stack, status, aws.region)
        raise
    if stop is not None:
        discard()
        return Result(stop, status or "")
    return _execute(aws, (request.stack, stack_id), change_set, console, poll)


def _review(cloudformation: Any, request: Request, change_set_id: str, kind: str, *,
            console: Console, poll: Poll) -> tuple[ChangeSet, Outcome | None]:
    """The change set once ready, and why it must not be executed (None: it may)."""
    change_set = _wait_for(cloudformation, change_set_id, poll)
    if change_set.is_empty:
        console.echo(f"No changes: {request.stack} is up to date")
        return change_set, Outcome.NO_CHANGES
    if change_set.status == "FAILED":
        console.echo(f"CloudFormation refused the change set: {change_set.reason}")
        return change_set, Outcome.FAILED
    what = "new stack" if kind == "CREATE" else "update"
    console.echo(f"Change set for {request.stack} ({what})")
    console.echo(format_table(change_set.changes))
    if not _guard_passes(change_set, request.allow_replace, console):
        return change_set, Outcome.REFUSED
    if not request.assume_yes and not console.confirm(f"Deploy these changes to "
                                                      f"{request.stack}?"):
        console.echo("Not deployed; the change set was deleted")
        return change_set, Outcome.DECLINED
    return change_set, None


def _quietly(cleanup: Callable[[], None]) -> None:
    """Clean up on the way out of a failure, which stays the error worth reporting."""
    with contextlib.suppress(Exception):
        cleanup()


def _execute(aws: Aws, stack: tuple[str, str], change_set: ChangeSet, console: Console,
             poll: Poll) -> Result:
    """Execute the change set and follow the stack (`stack`: its name and id)."""
    name, stack_id = stack
    cloudformation = aws.cloudformation
    watch = stacks.Watch(cloudformation, stack_id, console, poll,
                         expected=len(change_set.changes),
                         seen=stacks.event_ids(cloudformation, stack_id))
    final = followup.follow(aws, name, watch, console, lambda: cloudformation.execute_change_set(
        ChangeSetName=change_set.id))
    if final not in stacks.SUCCEEDED:
        console.echo(stacks.failure_report(f"{name} did not deploy: it is now {final}",
                                           watch.failures, followup.see_more(name, aws.region)))
        return Result(Outcome.FAILED, final)
    outputs = stacks.outputs_of(cloudformation, stack_id)
    console.echo(stacks.format_outputs(outputs))
    return Result(Outcome.DEPLOYED, final, outputs)


def _ready_status(cloudformation: Any, stack: str, console: Console, poll: Poll) -> str | None:
    """The stack's status once it can take a change set."""
    described = stacks.describe(cloudformation, stack)
    if described is None:
        return None
    status = str(described["StackStatus"])
    if stacks.is_busy(status):
        raise DeployError(f"{stack} is {status}: another operation is running",
                          hint="wait for it to finish, then deploy again")
    if status in STUCK:
        raise DeployError(f"{stack} is {status}: CloudFormation takes no change set now",
                          hint=STUCK[status].format(stack=stack))
    if status == stacks.FAILED_CREATION:
        console.echo(f"{stack} is {status}: its creation failed and it holds nothing; "
                     "deleting it before creating it again")
        stack_id = str(described["StackId"])
        seen = stacks.event_ids(cloudformation, stack_id)
        cloudformation.delete_stack(StackName=stack_id)
        stacks.Watch(cloudformation, stack_id, console, poll, seen=seen).until_settled()
        return None
    return status


def _wait_for(cloudformation: Any, change_set_id: str, poll: Poll) -> ChangeSet:
    waited = 0.0
    while True:
        change_set = read_change_set(cloudformation, change_set_id)
        if change_set.status in {"CREATE_COMPLETE", "FAILED", "DELETE_COMPLETE"}:
            return change_set
        if waited > poll.timeout_s:
            raise DeployError(f"the change set is still {change_set.status} after "
                              f"{poll.timeout_s:.0f} s")
        poll.sleep(poll.interval_s)
        waited += poll.interval_s


def _guard_passes(change_set: ChangeSet, allowed: frozenset[str], console: Console) -> bool:
    for name in unused_allowances(change_set.changes, allowed):
        console.echo(f"warning: --allow-replace {name}: no change removes or replaces {name}")
    blocked = guarded(change_set.changes, allowed)
    if not blocked:
        return True
    console.echo("Stopped before any change: this change set would lose data")
    for change in blocked:
        console.echo(f"  {change.logical_id} ({change.resource_type}): {change.consequence}, "
                     "and what it holds with it")
    names = " ".join(f"--allow-replace {c.logical_id}" for c in blocked)
    console.echo(f"  hint: keep the logical id and the properties that force replacement; "
                 f"if losing it is intended, deploy again with {names}")
    return False
