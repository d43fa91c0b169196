"""Cognito user pools."""

from __future__ import annotations

from typing import Any

from lambdakit.compile.resources.common import finish, owned
from lambdakit.compile.template import Template
from lambdakit.model import UserPool
from lambdakit.plan import Plan

# Passwords of 12 or more characters with every character class (NIST's length guidance, with
# Cognito's complexity switches on), temporary passwords valid one week.
PASSWORD_POLICY = {"MinimumLength": 12, "RequireLowercase": True, "RequireNumbers": True,
                   "RequireSymbols": True, "RequireUppercase": True,
                   "TemporaryPasswordValidityDays": 7}


def emit_user_pool(template: Template, plan: Plan, pool: UserPool) -> None:
    properties: dict[str, Any] = {
        "UserPoolName": pool.name or {"Fn::Sub": f"${{AWS::StackName}}-{pool.id}"},
        "UsernameAttributes": ["email"],
        "AutoVerifiedAttributes": ["email"],
        "AccountRecoverySetting": {"RecoveryMechanisms": [{"Name": "verified_email",
                                                          "Priority": 1}]},
        "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": not pool.self_sign_up},
        "Policies": {"PasswordPolicy": PASSWORD_POLICY},
        "MfaConfiguration": pool.mfa,
        # Deleting the pool deletes its users: protected unless the app says it may go.
        "DeletionProtection": "INACTIVE" if pool.delete_with_stack else "ACTIVE",
    }
    if plan.app.tags:  # a map under its own name, not `Tags`
        properties["UserPoolTags"] = dict(sorted(plan.app.tags.items()))
    if pool.mfa != "OFF":
        properties["EnabledMfas"] = ["SOFTWARE_TOKEN_MFA"]  # TOTP: no SMS role or spend
    template.add_resource(finish(pool, plan, owned(pool.id, "AWS::Cognito::UserPool", properties),
                                 tags="own"))  # UserPoolTags, set above
