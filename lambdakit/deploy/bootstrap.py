"""The artifact bucket: one per account and region, in a stack of its own.

`deploy` finds the bucket through the bootstrap stack's output, not an SSM parameter: the
stack is the one thing that creates the bucket, so its output cannot drift from it, reading it
needs only `cloudformation:DescribeStacks` (which deploy needs anyway), and deleting the stack
deletes the pointer with it.
"""

from __future__ import annotations

from typing import Any

from troposphere import GetAtt, Join, Output, Ref, Template, s3

from lambdakit.deploy import stack as stacks
from lambdakit.deploy.apply import Request, Result, apply
from lambdakit.deploy.aws import Aws, Console, DeployError, Poll, error_code
from lambdakit.deploy.package import TEMPLATE_PREFIX
from lambdakit.render import render

STACK_NAME = "lambdakit-bootstrap"
BUCKET_OUTPUT = "ArtifactBucketName"
VERSION_OUTPUT = "BootstrapVersion"
BUCKET_ID = "ArtifactBucket"
VERSION = "1"
NONCURRENT_DAYS = 30       # an overwritten or deleted object stays recoverable this long
TEMPLATE_DAYS = 30         # templates are read only when a change set is created
ABORT_UPLOAD_DAYS = 1
# SSE-S3, not a customer key: artifacts are code, which Lambda re-encrypts at rest; a key
# would add cost and a second policy to get right (checkov checks KMS only for Terraform).
BUCKET_SKIPS = [
    {"id": "CKV_AWS_18", "comment": "access logging would need a second bucket per account; "
                                    "CloudTrail records who wrote and read artifacts"},
]


def template() -> dict[str, Any]:
    """The bootstrap stack: an encrypted, versioned, private, TLS-only bucket.

    Artifacts (current versions) never expire: a rollback redeploys the previous version's
    code from its key, so removing an old artifact could make a rollback fail. Their keys are
    content hashes, so they are never overwritten and take no space twice.
    """
    tpl = Template(Description=f"lambdakit artifact bucket (bootstrap version {VERSION})")
    bucket = s3.Bucket(
        BUCKET_ID,
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
        BucketEncryption=s3.BucketEncryption(ServerSideEncryptionConfiguration=[
            s3.ServerSideEncryptionRule(
                ServerSideEncryptionByDefault=s3.ServerSideEncryptionByDefault(
                    SSEAlgorithm="AES256"),
                BucketKeyEnabled=True)]),
        VersioningConfiguration=s3.VersioningConfiguration(Status="Enabled"),
        PublicAccessBlockConfiguration=s3.PublicAccessBlockConfiguration(
            BlockPublicAcls=True, BlockPublicPolicy=True, IgnorePublicAcls=True,
            RestrictPublicBuckets=True),
        OwnershipControls=s3.OwnershipControls(
            Rules=[s3.OwnershipControlsRule(ObjectOwnership="BucketOwnerEnforced")]),
        LifecycleConfiguration=s3.LifecycleConfiguration(Rules=[
            s3.LifecycleRule(
                Id="ExpireNoncurrentVersions", Status="Enabled",
                NoncurrentVersionExpiration=s3.NoncurrentVersionExpiration(
                    NoncurrentDays=NONCURRENT_DAYS),
                AbortIncompleteMultipartUpload=s3.AbortIncompleteMultipartUpload(
                    DaysAfterInitiation=ABORT_UPLOAD_DAYS),
                ExpiredObjectDeleteMarker=True),
            s3.LifecycleRule(Id="ExpireTemplates", Status="Enabled", Prefix=TEMPLATE_PREFIX,
                             ExpirationInDays=TEMPLATE_DAYS),
        ]),
        Metadata={"checkov": {"skip": BUCKET_SKIPS}},
    )
    tpl.add_resource(bucket)
    objects = Join("", [GetAtt(bucket, "Arn"), "/*"])
    tpl.add_resource(s3.BucketPolicy(
        "ArtifactBucketPolicy",
        Bucket=Ref(bucket),
        PolicyDocument={"Version": "2012-10-17", "Statement": [
            {"Sid": "TlsOnly", "Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "s3:*",
             "Resource": [GetAtt(bucket, "Arn"), objects],
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
            {"Sid": "Tls12OrNewer", "Effect": "Deny", "Principal": {"AWS": "*"},
             "Action": "s3:*", "Resource": [GetAtt(bucket, "Arn"), objects],
             "Condition": {"NumericLessThan": {"s3:TlsVersion": "1.2"}}},
        ]},
    ))
    tpl.add_output(Output(BUCKET_OUTPUT, Value=Ref(bucket),
                          Description="Where lambdakit deploy uploads code and templates"))
    tpl.add_output(Output(VERSION_OUTPUT, Value=VERSION))
    return dict(tpl.to_dict())


def find_bucket(aws: Aws) -> str:
    """The artifact bucket of this account and region: the bootstrap stack's output, else
    its bucket resource (some endpoints, a plain local one among them, give a stack created
    by a change set no outputs)."""
    described = stacks.describe(aws.cloudformation, STACK_NAME)
    if described is None or described["StackStatus"] == stacks.REVIEW:
        raise DeployError(f"no artifact bucket in {aws.region}: the {STACK_NAME} stack "
                          "does not exist", hint=f"run: lambdakit bootstrap --region {aws.region}")
    outputs = {o["OutputKey"]: o.get("OutputValue") for o in described.get("Outputs") or []}
    bucket = outputs.get(BUCKET_OUTPUT) or _bucket_resource(aws.cloudformation)
    if not bucket:
        raise DeployError(f"no artifact bucket in {aws.region}: the {STACK_NAME} stack is "
                          f"{described['StackStatus']} and holds no bucket",
                          hint=f"run: lambdakit bootstrap --region {aws.region}")
    return str(bucket)


def _bucket_resource(cloudformation: Any) -> str | None:
    try:
        found = cloudformation.describe_stack_resource(StackName=STACK_NAME,
                                                       LogicalResourceId=BUCKET_ID)
    except Exception as exc:
        if error_code(exc) == "ValidationError":  # no such resource in the stack
            return None
        raise
    return found["StackResourceDetail"].get("PhysicalResourceId") or None


def bootstrap(aws: Aws, console: Console, poll: Poll) -> Result:
    """Create (or bring up to date) this account and region's artifact bucket stack. It asks
    nothing: creating the bucket is what the command is for; the data guard still stops a
    change that would replace it."""
    body = render(template(), "json")
    result = apply(aws, Request(STACK_NAME, {"TemplateBody": body}, assume_yes=True),
                   console, poll)
    if result.outcome.succeeded:
        console.echo(f"Artifact bucket for {aws.region}: {find_bucket(aws)}")
    return result
