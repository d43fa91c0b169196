# CloudWatch Logs subscriptions (another function's log group with a filter pattern, a named
# group, a group by ARN), Cognito triggers on owned user pools (one trigger; a list of triggers
# on a pool with self sign-up and MFA required; one on a pool without MFA, deleted with the
# stack), IoT rules (default and older SQL version) and an Alexa skill. Each implies only the
# invoke permission SAM writes, scoped to its source (log group ARN, user pool ARN, rule ARN and
# account, skill id); none needs the role's access. The asynchronous ones (logs, IoT) have an
# on-failure destination.
from lambdakit import App, Function, Queue, UserPool
from lambdakit.events import AlexaSkillEvent, CognitoTrigger, IotRuleEvent, LogsSubscriptionEvent

COMMON: dict = {"handler": "svc.handler.handle", "code": "../_code", "runtime": "python3.13"}

failures = Queue(id="Failures", retention=1_209_600)
members = UserPool(id="Members")
customers = UserPool(id="Customers", name="customers", self_sign_up=True, mfa="ON")
staff = UserPool(id="Staff", mfa="OFF", delete_with_stack="preview stack; staff sign in with SSO")

api = Function(id="Api", **COMMON)
log_reader = Function(
    id="LogReader", on_failure=failures, **COMMON,
    events=[LogsSubscriptionEvent(log_group=api, filter_pattern='{ $.level = "ERROR" }'),
            LogsSubscriptionEvent(log_group="/aws/lambda/billing", name="BillingLogs"),
            LogsSubscriptionEvent(log_group="/aws/ecs/orders")],
)
sign_up = Function(id="SignUp", **COMMON,
                   events=[CognitoTrigger(user_pool=members, trigger="PreSignUp")])
auth = Function(id="Auth", **COMMON,
                events=[CognitoTrigger(user_pool=customers, name="CustomAuth",
                                       trigger=["DefineAuthChallenge", "CreateAuthChallenge",
                                                "VerifyAuthChallengeResponse"])])
welcome = Function(id="Welcome", **COMMON,
                   events=[CognitoTrigger(user_pool=staff, trigger="PostConfirmation")])
devices = Function(
    id="Devices", on_failure=failures, max_retry_attempts=1, **COMMON,
    events=[IotRuleEvent(sql="SELECT * FROM 'sensors/+/telemetry'"),
            IotRuleEvent(sql="SELECT temperature FROM 'sensors/legacy'",
                         aws_iot_sql_version="2015-10-08", name="LegacyRule")],
)
skill = Function(
    id="Skill", **COMMON,
    events=[AlexaSkillEvent(skill_id="amzn1.ask.skill.8c1f5a2e-3b4d-4e6f-9a0b-1c2d3e4f5a6b")],
)

app = App(name="events-push-services", functions=[api, log_reader, sign_up, auth, welcome, devices,
                                                    skill])
