"""Amazon Cognito user pool triggers: the pool calls the function at points of its flows
(sign-up, sign-in, token generation) and waits for its answer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lambdakit.events._samples import SAMPLE_REGION, sample_id, sample_uuid
from lambdakit.model import Binding, EventSource, UserPool
from lambdakit.model.instance import Instance

if TYPE_CHECKING:
    from lambdakit.model import Construct, Function

# The triggers SAM can attach: the user pool's `LambdaConfig` entries that take a function ARN.
# (CustomEmailSender, CustomSMSSender and PreTokenGenerationConfig take an object with a KMS key
# or a version, which SAM's Cognito event cannot write.)
TRIGGERS = ("CreateAuthChallenge", "CustomMessage", "DefineAuthChallenge", "PostAuthentication",
            "PostConfirmation", "PreAuthentication", "PreSignUp", "PreTokenGeneration",
            "UserMigration", "VerifyAuthChallengeResponse")
ATTRIBUTES = {"sub": "", "email": "user@example.com", "email_verified": "true"}


class CognitoTrigger(EventSource):
    """`trigger` ("PreSignUp", or a list of triggers) of `user_pool`, an owned `UserPool` (SAM
    attaches triggers only to a pool in the same template). Lambda is invoked synchronously:
    the pool waits for the function's response."""

    sam_type = "Cognito"
    invocation = "sync"

    user_pool: Instance[UserPool]
    trigger: str | list[str]

    def triggers(self) -> list[str]:
        return [self.trigger] if isinstance(self.trigger, str) else list(self.trigger)

    def default_name(self) -> str:
        first = self.triggers()[0] if self.triggers() else ""
        return f"{self.user_pool.id}{first}"[:64]

    def referenced_constructs(self) -> list[Construct]:
        return [self.user_pool]

    def derived_ids(self, fn: Function) -> list[str | None]:
        # SAM names the permission after the function, not the event.
        return [f"{fn.id}CognitoPermission"]

    def bind(self, fn: Function) -> Binding:
        # SAM writes the function's ARN into the pool's LambdaConfig and scopes the permission
        # to the pool's ARN.
        trigger: Any = self.trigger if isinstance(self.trigger, str) else self.triggers()
        return Binding({"UserPool": {"Ref": self.user_pool.id}, "Trigger": trigger})

    def sample_event(self, fn: Function) -> dict[str, Any]:
        """The event of the first trigger, shaped as Cognito's developer guide documents it."""
        trigger = self.triggers()[0]
        pool_id = f"{SAMPLE_REGION}_{sample_id(self.user_pool.id, 9)}"
        source, request, response = _shape(trigger, {**ATTRIBUTES,
                                                     "sub": sample_uuid(pool_id + "/user")})
        return {
            "version": "1",
            "region": SAMPLE_REGION,
            "userPoolId": pool_id,
            "userName": ATTRIBUTES["email"],
            "callerContext": {"awsSdkVersion": "aws-sdk-unknown-unknown",
                              "clientId": sample_id(pool_id + "/client", 26)},
            "triggerSource": source,
            "request": request,
            "response": response,
        }


def _shape(trigger: str, attributes: dict[str, str]) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(triggerSource, request, response) of one trigger's event."""
    # A custom challenge after the password was verified with SRP (the usual flow).
    challenge = [{"challengeName": "SRP_A", "challengeResult": True}]
    shapes: dict[str, tuple[str, dict[str, Any], dict[str, Any]]] = {
        "PreSignUp": ("PreSignUp_SignUp", {"userAttributes": attributes, "validationData": {}},
                      {"autoConfirmUser": False, "autoVerifyEmail": False,
                       "autoVerifyPhone": False}),
        "PostConfirmation": ("PostConfirmation_ConfirmSignUp", {"userAttributes": attributes},
                             {}),
        "PreAuthentication": ("PreAuthentication_Authentication",
                              {"userAttributes": attributes, "validationData": {}}, {}),
        "PostAuthentication": ("PostAuthentication_Authentication",
                               {"userAttributes": attributes, "newDeviceUsed": False}, {}),
        "PreTokenGeneration": ("TokenGeneration_Authentication",
                               {"userAttributes": attributes,
                                "groupConfiguration": {"groupsToOverride": [],
                                                       "iamRolesToOverride": []}},
                               {"claimsOverrideDetails": None}),
        "UserMigration": ("UserMigration_Authentication",
                          {"password": "example-password", "validationData": {}},
                          {"userAttributes": None, "finalUserStatus": None,
                           "messageAction": None, "desiredDeliveryMediums": None,
                           "forceAliasCreation": None, "enableSMSMFA": None}),
        "CustomMessage": ("CustomMessage_SignUp",
                          {"userAttributes": attributes, "codeParameter": "{####}",
                           "usernameParameter": None, "linkParameter": None},
                          {"smsMessage": None, "emailMessage": None, "emailSubject": None}),
        "DefineAuthChallenge": ("DefineAuthChallenge_Authentication",
                                {"userAttributes": attributes, "session": challenge},
                                {"challengeName": None, "issueTokens": None,
                                 "failAuthentication": None}),
        "CreateAuthChallenge": ("CreateAuthChallenge_Authentication",
                                {"userAttributes": attributes, "challengeName":
                                 "CUSTOM_CHALLENGE", "session": challenge},
                                {"publicChallengeParameters": None,
                                 "privateChallengeParameters": None,
                                 "challengeMetadata": None}),
        "VerifyAuthChallengeResponse": ("VerifyAuthChallengeResponse_Authentication",
                                        {"userAttributes": attributes,
                                         "privateChallengeParameters": {"answer": "42"},
                                         "challengeAnswer": "42"},
                                        {"answerCorrect": False}),
    }
    return shapes[trigger]
