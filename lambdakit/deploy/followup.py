"""What a person needs when lambdakit stops following a stack before it settles (an error,
a lost endpoint, Ctrl-C): the stack's last known state, whether CloudFormation carries on,
and the commands to follow it or cancel it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from lambdakit.deploy import stack as stacks
from lambdakit.deploy.aws import Aws, Console, Interrupted


def events_command(stack: str, region: str) -> str:
    return f"aws cloudformation describe-stack-events --stack-name {stack} --region {region}"


def cancel_command(stack: str, region: str) -> str:
    return f"aws cloudformation cancel-update-stack --stack-name {stack} --region {region}"


def see_more(stack: str, region: str) -> str:
    return f"see more: {events_command(stack, region)}"


def follow(aws: Aws, stack: str, watch: stacks.Watch, console: Console,
           start: Callable[[], object]) -> str:
    """Start a stack operation and follow it with `watch` to its final status. An error or a
    Ctrl-C on the way says where the stack stands and what CloudFormation still does."""
    try:
        start()
        return watch.until_settled()
    except KeyboardInterrupt:
        raise interrupted(aws, stack, watch.stack, watch, console) from None
    except Exception as exc:
        note_last_state(exc, watch, stack, aws.region)
        raise


def note_last_state(exc: BaseException, watch: stacks.Watch, stack: str, region: str) -> None:
    """Add to an error raised while following `stack` where lambdakit last saw it."""
    summary = f" ({watch.summary})" if watch.summary else ""
    last = (f"{stack} was {watch.status} when lambdakit last read it" if watch.status
            else f"lambdakit had not read {stack}'s status yet")
    exc.add_note(f"{last}{summary}; CloudFormation carries on without lambdakit")
    exc.add_note(see_more(stack, region))


def note_unchanged(exc: BaseException, stack: str, status: str | None, region: str) -> None:
    """Add to an error raised before any change set was executed that nothing changed."""
    exc.add_note(f"{stack} was not changed: it is still {status or 'not created'}")
    if status is not None:
        exc.add_note(see_more(stack, region))


def interrupted(aws: Aws, stack: str, stack_id: str, watch: stacks.Watch,
                console: Console) -> Interrupted:
    """The error for a Ctrl-C while CloudFormation works on `stack`: its state, how to
    follow it, and how to cancel it, which a person at a terminal is offered at once."""
    status = _current_status(aws, stack_id) or watch.status or "in an unknown state"
    if not stacks.is_busy(status):
        error = Interrupted(f"interrupted: {stack} is {status}")
        error.add_note(see_more(stack, aws.region))
        return error
    error = Interrupted(f"interrupted: lambdakit stopped following {stack}, which is "
                        f"{status}; CloudFormation carries on without lambdakit")
    if status == "UPDATE_IN_PROGRESS":
        if console.interactive and _confirmed(console, f"Cancel the update of {stack}? "
                                                       "CloudFormation rolls it back"):
            error.add_note(_cancel(aws, stack, stack_id))
        else:
            error.add_note(f"to cancel the update: {cancel_command(stack, aws.region)}")
    elif status == "CREATE_IN_PROGRESS":
        error.add_note("a creation cannot be cancelled: once it has settled, "
                       "lambdakit destroy removes the stack")
    error.add_note(f"to follow it: {events_command(stack, aws.region)}")
    return error


def _cancel(aws: Aws, stack: str, stack_id: str) -> str:
    try:
        aws.cloudformation.cancel_update_stack(StackName=stack_id)
    except Exception as exc:  # the update may have ended meanwhile: say so, and go on
        return f"not cancelled: {exc}"
    return (f"cancelled: CloudFormation rolls {stack} back to its previous state "
            "(UPDATE_ROLLBACK_IN_PROGRESS, then UPDATE_ROLLBACK_COMPLETE)")


def _current_status(aws: Aws, stack_id: str) -> str | None:
    # The endpoint may be what was lost, and a second Ctrl-C means "leave now".
    with contextlib.suppress(Exception, KeyboardInterrupt):
        return stacks.status_of(aws.cloudformation, stack_id)
    return None


def _confirmed(console: Console, question: str) -> bool:
    try:
        return console.confirm(question)
    except (KeyboardInterrupt, EOFError):  # a second Ctrl-C: leave, cancelling nothing
        return False
