"""Event buses, secrets, parameters and keys."""

from __future__ import annotations

import json
from typing import Any

from lambdakit.compile.resources.common import finish, key_arn, owned
from lambdakit.compile.template import Template
from lambdakit.model import EventBus, Key, Parameter, Secret
from lambdakit.plan import Plan
from lambdakit.plan.delivery import EVENTS_SERVICE, SNS_SERVICE, Sender

# Statement ids of the services that encrypt with a key as they deliver to a queue.
KEY_SIDS = {EVENTS_SERVICE: "EventBridgeDeliveries", SNS_SERVICE: "SnsDeliveries"}
SECRET_AWS_KEY_SKIP = ("CKV_AWS_149", "encrypted with the AWS-managed Secrets Manager key; pass "
                                      "key= for a customer key")


def emit_event_bus(template: Template, plan: Plan, bus: EventBus) -> None:
    name = bus.name or {"Fn::Sub": f"${{AWS::StackName}}-{bus.id}"}
    template.add_resource(finish(bus, plan, owned(bus.id, "AWS::Events::EventBus",
                                                  {"Name": name})))


def emit_secret(template: Template, plan: Plan, secret: Secret) -> None:
    properties: dict[str, Any] = {
        "GenerateSecretString": {"PasswordLength": secret.length, "ExcludePunctuation": True},
    }
    if secret.name:
        properties["Name"] = secret.name
    if secret.description:
        properties["Description"] = secret.description
    key = key_arn(secret)
    if key is not None:
        properties["KmsKeyId"] = key
    skips = () if key is not None else (SECRET_AWS_KEY_SKIP,)
    template.add_resource(finish(secret, plan,
                                 owned(secret.id, "AWS::SecretsManager::Secret", properties),
                                 skips=skips))


def emit_parameter(template: Template, plan: Plan, parameter: Parameter) -> None:
    properties: dict[str, Any] = {"Type": parameter.type, "Value": parameter.value or ""}
    if parameter.name:
        properties["Name"] = parameter.name
    if parameter.description:
        properties["Description"] = parameter.description
    template.add_resource(finish(parameter, plan,
                                 owned(parameter.id, "AWS::SSM::Parameter", properties),
                                 tags="map"))


def emit_key(template: Template, plan: Plan, key: Key) -> None:
    policy = {
        "Version": "2012-10-17",
        "Statement": [{
            # The account's IAM policies decide who uses the key (the default key policy).
            "Sid": "EnableIamPolicies",
            "Effect": "Allow",
            "Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}},
            "Action": "kms:*",
            "Resource": "*",
        }, *_delivery_statements(plan, key, plan.key_senders.get(id(key), []))],
    }
    properties: dict[str, Any] = {
        "EnableKeyRotation": True,
        "KeyPolicy": policy,
        "PendingWindowInDays": key.pending_window_days,
    }
    if key.description:
        properties["Description"] = key.description
    template.add_resource(finish(key, plan, owned(key.id, "AWS::KMS::Key", properties)))
    if key.name:
        template.add_resource(owned(key.alias_id, "AWS::KMS::Alias",
                                    {"AliasName": key.name, "TargetKeyId": {"Ref": key.id}}))



def _delivery_statements(plan: Plan, key: Key, senders: list[Sender]) -> list[dict[str, Any]]:
    """Services that deliver to a queue this key encrypts may use it for exactly the app's
    resources that deliver there (`aws:SourceArn`), as SQS's key management guide asks
    (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html).
    A sender this key also encrypts (a topic) cannot be named: it depends on the key, so the
    key's policy may not depend on it. Such a service is held to its resources in this account
    and Region."""
    encrypted = {resource.id for resource in plan.app.all_resources()
                 if not resource.is_existing and getattr(resource, "key", None) is key}
    by_service: dict[str, list[Any]] = {}
    for sender in senders:
        by_service.setdefault(sender.service, []).append(sender.source_arn)
    statements = []
    for service, arns in sorted(by_service.items()):
        named = json.dumps(arns, sort_keys=True)
        circular = any(f'"{logical_id}"' in named for logical_id in encrypted)
        statements.append({
            "Sid": KEY_SIDS[service], "Effect": "Allow", "Principal": {"Service": service},
            "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*",
            "Condition": ({"ArnLike": {"aws:SourceArn": _any_of_this_account(service)}}
                          if circular else {"ArnEquals": {"aws:SourceArn": arns}})})
    return statements


def _any_of_this_account(service: str) -> dict[str, str]:
    """The ARN pattern of every resource of `service` (events.amazonaws.com → events) in this
    account and Region."""
    prefix = service.removesuffix(".amazonaws.com")
    return {"Fn::Sub": f"arn:${{AWS::Partition}}:{prefix}:${{AWS::Region}}:${{AWS::AccountId}}:*"}
