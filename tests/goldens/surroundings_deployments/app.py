# Gradual deployments through CodeDeploy: a predefined canary with both hooks that tells a topic
# how each deployment ends, a custom linear shift with further rollback alarms, and an
# all-at-once shift that relies on its hook alone.
from lambdakit import AllAtOnce, App, Canary, Function, Linear, Topic
from lambdakit.events import PostTrafficHook, PreTrafficHook

CODE = "../_code"
RUNTIME = "python3.13"

releases = Topic(id="Releases")
checkout = Function(
    id="Checkout", handler="svc.handler.handle", code=CODE, runtime=RUNTIME, alias="live",
    deployment=Canary(percent=10, minutes=5, notify=releases,
                      notify_on=["DeploymentSuccess", "DeploymentFailure", "DeploymentRollback"]),
    acknowledge={"LK380": "the smoke test invokes it synchronously"})
# Not a predefined shape: lambdakit writes the custom configuration (one per shape, shared).
search = Function(
    id="Search", handler="svc.handler.handle", code=CODE, runtime=RUNTIME, alias="live",
    provisioned_concurrency=2,
    deployment=Linear(percent=20, every_minutes=4,
                      alarms=["search-latency-p99", "search-5xx"]),
)
ranking = Function(
    id="Ranking", handler="svc.handler.handle", code=CODE, runtime=RUNTIME, alias="prod",
    deployment=AllAtOnce(error_alarm=False),
    acknowledge={"LK445": "the pre-traffic hook replays recorded queries; a failing replay "
                          "stops the shift", "LK380": "the smoke test invokes it synchronously"},
)
# The hooks name the deployments they check; they may then reference the new versions.
smoke_test = Function(
    id="SmokeTest", handler="svc.handler.handle", code=CODE, runtime=RUNTIME, timeout=300,
    environment={"CHECKOUT_VERSION": checkout.version, "RANKING_VERSION": ranking.version},
    grants=[checkout.invoke(), ranking.invoke()],
    events=[PreTrafficHook(function=checkout), PreTrafficHook(function=ranking)],
)
end_to_end = Function(
    id="EndToEnd", handler="svc.handler.handle", code=CODE, runtime=RUNTIME, timeout=300,
    events=[PostTrafficHook(function=checkout)],
)

app = App(name="surroundings-deployments", tags={"team": "storefront"},
          functions=[checkout, search, ranking, smoke_test, end_to_end])
