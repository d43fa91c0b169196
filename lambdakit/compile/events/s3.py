"""S3 notifications, written by lambdakit rather than SAM's `S3` event: SAM's invoke permission
names the account only (`SourceAccount`), so any bucket of the account could be pointed at the
function. This one also names the bucket (`SourceArn`).

The permission cannot take the bucket's ARN from the bucket (`!GetAtt`): S3 checks the
permission when the notification is written, so the bucket waits for the permission, and that
would be a circular dependency (AWS knowledge center, "unable-validate-circular-dependency-
cloudformation"). Its ARN is built from its name instead, which is therefore known before the
bucket exists: the user's `name=`, or else one lambdakit gives it, unique to the stack.

What stays as SAM writes it: one notification per event type, with the key filter; the bucket
`DependsOn` each permission; with an alias, the alias is invoked.
"""

from __future__ import annotations

from typing import Any

from lambdakit.compile.template import Data, Template
from lambdakit.events.s3 import S3Event, generated_bucket_prefix
from lambdakit.model import Bucket, Function
from lambdakit.plan import Plan

S3_SERVICE = "s3.amazonaws.com"

def bucket_name(bucket: Bucket) -> str | dict[str, Any]:
    """The `BucketName` of a bucket that notifies functions: the user's, or
    `<id lowercased, at most 26 characters>-<stack UUID>` (63 at most, as S3 allows)."""
    return bucket.name or _name_sub(bucket, "")


def bucket_arn(bucket: Bucket) -> dict[str, Any]:
    """The bucket's ARN, from its name: what the invoke permission names."""
    if bucket.name:
        return {"Fn::Sub": f"arn:${{AWS::Partition}}:s3:::{bucket.name}"}
    return _name_sub(bucket, "arn:${AWS::Partition}:s3:::")


def _name_sub(bucket: Bucket, before: str) -> dict[str, Any]:
    # The stack's id is `arn:...:stack/<stack name>/<UUID>`.
    stack_uuid = {"Fn::Select": [2, {"Fn::Split": ["/", {"Ref": "AWS::StackId"}]}]}
    return {"Fn::Sub": [f"{before}{generated_bucket_prefix(bucket)}-${{StackUuid}}",
                        {"StackUuid": stack_uuid}]}


def notification_configuration(plan: Plan, bucket: Bucket) -> dict[str, Any]:
    """The bucket's `NotificationConfiguration`; empty when it notifies no function."""
    configurations = []
    for fn, source in plan.notifications(bucket):
        rules = source.key_rules()
        for event in source.events:
            configuration: dict[str, Any] = {"Event": event, "Function": _invoked_arn(fn)}
            if rules:
                configuration["Filter"] = {"S3Key": {"Rules": rules}}
            configurations.append(configuration)
    return {"LambdaConfigurations": configurations} if configurations else {}


def emit_invoke_permissions(template: Template, plan: Plan) -> None:
    """Lambda's permission for each S3 source: S3, for exactly that bucket of this account."""
    for fn in sorted(plan.app.all_functions(), key=lambda f: f.id):
        for source in fn.live_events():
            if not isinstance(source, S3Event) or source.bucket.is_existing:
                continue
            template.add_resource(Data(source.permission_id(fn), {
                "Type": "AWS::Lambda::Permission", "Properties": {
                    "Action": "lambda:InvokeFunction",
                    "FunctionName": _invoked_name(fn),
                    "Principal": S3_SERVICE,
                    # A bucket's ARN holds no account: a bucket deleted and created again under
                    # the same name by another account would be let in without SourceAccount.
                    "SourceAccount": {"Ref": "AWS::AccountId"},
                    "SourceArn": bucket_arn(source.bucket),
                }}))


def _invoked_name(fn: Function) -> dict[str, Any]:
    """What S3 invokes, as the permission names it: the alias (SAM resolves `<id>.Alias` to
    the alias's ARN), or the function."""
    return {"Ref": f"{fn.id}.Alias" if fn.alias else fn.id}


def _invoked_arn(fn: Function) -> dict[str, Any]:
    return {"Ref": f"{fn.id}.Alias"} if fn.alias else {"Fn::GetAtt": [fn.id, "Arn"]}


# How compile finds what the family writes.
emit_family = emit_invoke_permissions
