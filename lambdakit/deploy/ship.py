"""Deploy and diff a synthesised app: package its code, then hand the template to CloudFormation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lambdakit.deploy import stack as stacks
from lambdakit.deploy.apply import Request, Result, apply, template_source
from lambdakit.deploy.aws import Aws, Console, Poll
from lambdakit.deploy.bootstrap import find_bucket
from lambdakit.deploy.diff import TemplateDiff, diff_templates
from lambdakit.deploy.package import package, upload_missing
from lambdakit.render import render

# Stands in for the bucket when a never-deployed app is diffed: every resource is new anyway.
UNKNOWN_BUCKET = "artifact-bucket"


@dataclass(frozen=True)
class Options:
    stack: str
    tags: dict[str, str]
    allow_replace: frozenset[str] = frozenset()
    assume_yes: bool = False


def deploy(aws: Aws, template: dict[str, Any], base_dir: Path, options: Options, *,
           console: Console, poll: Poll) -> Result:
    """Upload what S3 lacks, then apply the packaged template through a change set."""
    console.echo(f"Deploying stack {options.stack} in {aws.region}")
    try:
        source = _packaged(aws, template, base_dir, console)
    except Exception as exc:
        exc.add_note(f"{options.stack} was not changed: deploy stopped before its change set")
        raise
    return apply(aws, Request(options.stack, source, options.tags, options.allow_replace,
                              options.assume_yes), console, poll)


def _packaged(aws: Aws, template: dict[str, Any], base_dir: Path,
              console: Console) -> dict[str, str]:
    """The template as CloudFormation takes it, once S3 has every artifact it names."""
    bucket = find_bucket(aws)
    packaged = package(template, base_dir, bucket)
    artifacts = {a.key: a for a in packaged.artifacts.values()}
    uploaded = upload_missing(aws.s3, bucket, list(artifacts.values()))
    console.echo(f"Packaged {len(artifacts)} artifact{'s' * (len(artifacts) != 1)} into "
                 f"s3://{bucket}: {len(uploaded)} uploaded, "
                 f"{len(artifacts) - len(uploaded)} already there")
    return template_source(aws, bucket, render(packaged.template, "json"))


def diff(aws: Aws, template: dict[str, Any], base_dir: Path, stack: str) -> TemplateDiff:
    """What a deploy would change in the stack's template, compared as the deploy would send
    it (rendered JSON). Nothing is uploaded."""
    deployed = deployed_template(aws.cloudformation, stack)
    bucket = UNKNOWN_BUCKET if deployed is None else find_bucket(aws)
    sent = json.loads(render(package(template, base_dir, bucket).template, "json"))
    return diff_templates(deployed or {}, sent)


def deployed_template(cloudformation: Any, stack: str) -> dict[str, Any] | None:
    """The template as it was submitted (before any transform), or None with no stack."""
    if stacks.status_of(cloudformation, stack) in {None, stacks.REVIEW}:
        return None
    body = cloudformation.get_template(StackName=stack, TemplateStage="Original")
    return parse_template(body["TemplateBody"])


def parse_template(body: Any) -> dict[str, Any]:
    """boto3 hands back JSON bodies already parsed; YAML ones (short-form tags too) as text."""
    if isinstance(body, dict):
        return body
    from cfn_flip import load

    data, _ = load(body)
    return dict(data)
