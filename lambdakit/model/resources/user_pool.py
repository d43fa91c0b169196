"""`UserPool`: an Amazon Cognito user pool, for Cognito triggers (`CognitoTrigger`)."""

from __future__ import annotations

from typing import Literal

from lambdakit.limits.naming import NAME_RULES
from lambdakit.model.resources.base import Resource


class UserPool(Resource):
    """A user pool this app owns (SAM attaches Cognito triggers only to a pool in the same
    template). Secure by default: users sign in with a verified email, passwords of at least 12
    characters with every character class, TOTP multi-factor authentication offered
    (`mfa="ON"` to require it), only administrators create users unless `self_sign_up=True`,
    deletion protection on, and the pool (its users) retained when removed from the stack."""

    kind = "user_pool"
    resource_type = "AWS::Cognito::UserPool"
    env_attribute = "Name"  # `Ref` of a user pool is its id, which SDK calls take
    env_max_bytes = 55  # REGION_ID: the region, an underscore, up to 32 characters
    service = "cognito-idp"
    stateful = True
    name_rule = NAME_RULES["user_pool"]

    self_sign_up: bool = False
    mfa: Literal["OFF", "OPTIONAL", "ON"] = "OPTIONAL"
