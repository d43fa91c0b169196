"""LK372: Cognito triggers SAM cannot attach."""

from lambdakit import App, Function, UserPool
from lambdakit.events import CognitoTrigger

members = UserPool(id="Members")
partners = UserPool(id="Partners")
legacy = UserPool.existing(name="legacy-pool")
COMMON: dict = {"handler": "app.handler", "code": "src/", "runtime": "python3.13"}

# A misspelt trigger, and a second pool for one function.
sign_up = Function(id="SignUp", **COMMON,
                   events=[CognitoTrigger(user_pool=members, trigger="PreSignup"),
                           CognitoTrigger(user_pool=partners, trigger="PreSignUp")])
# PreSignUp of Partners is SignUp's already.
welcome = Function(id="Welcome", **COMMON,
                   events=[CognitoTrigger(user_pool=partners,
                                          trigger=["PreSignUp", "PostConfirmation"])])
# A pool of another template.
migrate = Function(id="Migrate", **COMMON,
                   events=[CognitoTrigger(user_pool=legacy, trigger="UserMigration")])

app = App(name="lk372", functions=[sign_up, welcome, migrate])
