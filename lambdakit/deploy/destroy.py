"""Delete an app's stack, then say what CloudFormation kept (DeletionPolicy Retain)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lambdakit.deploy import followup
from lambdakit.deploy import stack as stacks
from lambdakit.deploy.apply import Outcome, Result
from lambdakit.deploy.aws import Aws, Console, Poll
from lambdakit.deploy.ship import parse_template

RETAINING_POLICIES = frozenset({"Retain", "RetainExceptOnCreate"})


@dataclass(frozen=True)
class Retained:
    logical_id: str
    resource_type: str
    physical_id: str


def destroy(aws: Aws, stack: str, console: Console, poll: Poll, *,
            assume_yes: bool = False) -> Result:
    cloudformation = aws.cloudformation
    described = stacks.describe(cloudformation, stack)
    if described is None:
        console.echo(f"{stack} does not exist in {aws.region}: nothing to destroy")
        return Result(Outcome.NO_CHANGES)
    stack_id = str(described["StackId"])
    resources = _resources(cloudformation, stack_id)
    retained = retained_resources(cloudformation, stack_id, resources)
    question = (f"Delete stack {stack} in {aws.region} and its {len(resources)} resources "
                f"({len(retained)} retained)?")
    if not assume_yes and not console.confirm(question):
        console.echo("Not deleted")
        return Result(Outcome.DECLINED, str(described["StackStatus"]))
    watch = stacks.Watch(cloudformation, stack_id, console, poll, expected=len(resources),
                         seen=stacks.event_ids(cloudformation, stack_id))
    final = followup.follow(aws, stack, watch, console,
                            lambda: cloudformation.delete_stack(StackName=stack_id))
    if final != "DELETE_COMPLETE":
        console.echo(stacks.failure_report(f"{stack} was not deleted: it is now {final}",
                                           watch.failures, followup.see_more(stack, aws.region)))
        return Result(Outcome.FAILED, final)
    console.echo(f"Deleted {stack}")
    if retained:
        console.echo("Retained (DeletionPolicy Retain): still in the account, and billed")
        console.echo("\n".join(f"  {r.logical_id} ({r.resource_type}): {r.physical_id}"
                               for r in retained))
    return Result(Outcome.DELETED, final)


def retained_resources(cloudformation: Any, stack_id: str,
                       resources: dict[str, dict[str, Any]]) -> list[Retained]:
    """The resources a deletion keeps, read from the processed template (after transforms,
    so resources SAM generated count too), with their physical ids."""
    body = cloudformation.get_template(StackName=stack_id, TemplateStage="Processed")
    template = parse_template(body["TemplateBody"])
    return [Retained(logical_id, str(resource.get("Type", "")),
                     str(resources.get(logical_id, {}).get("PhysicalResourceId", "")))
            for logical_id, resource in sorted(template.get("Resources", {}).items())
            if resource.get("DeletionPolicy") in RETAINING_POLICIES
            and logical_id in resources]


def _resources(cloudformation: Any, stack_id: str) -> dict[str, dict[str, Any]]:
    paginator = cloudformation.get_paginator("list_stack_resources")
    return {summary["LogicalResourceId"]: summary
            for page in paginator.paginate(StackName=stack_id)
            for summary in page.get("StackResourceSummaries", [])}
