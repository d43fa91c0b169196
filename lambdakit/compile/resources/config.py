"""Event buses, secrets, parameters and keys."""

from __future__ import annotations

from typing import Any

from troposphere import Ref, Sub, events, kms, secretsmanager, ssm

from lambdakit.compile.resources.common import finish, key_arn
from lambdakit.compile.template import Template
from lambdakit.model import App, EventBus, Key, Parameter, Secret

SECRET_AWS_KEY_SKIP = ("CKV_AWS_149", "encrypted with the AWS-managed Secrets Manager key; pass "
                                      "key= for a customer key")


def emit_event_bus(template: Template, app: App, bus: EventBus) -> None:
    name = bus.name or Sub(f"${{AWS::StackName}}-{bus.id}")
    template.add_resource(finish(bus, app, events.EventBus(bus.id, Name=name)))


def emit_secret(template: Template, app: App, secret: Secret) -> None:
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
    template.add_resource(finish(secret, app, secretsmanager.Secret.from_dict(secret.id,
                                                                              properties),
                                 skips=skips))


def emit_parameter(template: Template, app: App, parameter: Parameter) -> None:
    properties: dict[str, Any] = {"Type": parameter.type, "Value": parameter.value or ""}
    if parameter.name:
        properties["Name"] = parameter.name
    if parameter.description:
        properties["Description"] = parameter.description
    template.add_resource(finish(parameter, app, ssm.Parameter.from_dict(parameter.id,
                                                                         properties),
                                 tags="map"))


def emit_key(template: Template, app: App, key: Key) -> None:
    policy = {
        "Version": "2012-10-17",
        "Statement": [{
            # The account's IAM policies decide who uses the key (the default key policy).
            "Sid": "EnableIamPolicies",
            "Effect": "Allow",
            "Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}},
            "Action": "kms:*",
            "Resource": "*",
        }],
    }
    properties: dict[str, Any] = {
        "EnableKeyRotation": True,
        "KeyPolicy": policy,
        "PendingWindowInDays": key.pending_window_days,
    }
    if key.description:
        properties["Description"] = key.description
    template.add_resource(finish(key, app, kms.Key.from_dict(key.id, properties)))
    if key.name:
        template.add_resource(kms.Alias(f"{key.id}Alias", AliasName=key.name,
                                        TargetKeyId=Ref(key.id)))
