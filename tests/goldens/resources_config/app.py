# Event buses, secrets, parameters and keys, and every kind of resource as an environment
# value: a secret or parameter there implies read access to exactly it.
from lambdakit import (
    App,
    Bucket,
    EventBus,
    Function,
    Key,
    Parameter,
    Queue,
    Secret,
    StateMachine,
    Stream,
    Table,
    Topic,
)

key = Key(id="ConfigKey", name="alias/orders-config", description="Encrypts the API token",
          pending_window_days=7)
bus = EventBus(id="OrdersBus")
audit_bus = EventBus(id="AuditBus", name="orders-audit")
token = Secret(id="ApiToken", description="Token for the payments API", length=48, key=key)
db_password = Secret(id="DbPassword", name="orders/db-password")
flags = Parameter(id="Flags", name="/orders/flags", type="StringList", value="beta,canary",
                  description="Feature flags")
mode = Parameter(id="Mode", value="live")

downstream = Function(id="Downstream", handler="svc.handler.handle", code="../_code",
                      runtime="python3.13",
                      acknowledge={"LK380": "Router invokes it synchronously and sees failures"})
worker = Function(
    id="Worker", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    environment={
        "API_TOKEN_SECRET_ARN": token,
        "DB_PASSWORD_SECRET_ARN": db_password,
        "FLAGS_PARAMETER": flags,
        "MODE_PARAMETER": mode,
        "BUS_NAME": bus,
        "CONFIG_KEY_ARN": key,
    },
    grants=[bus.put(), audit_bus.put(), key.encrypt(), key.decrypt()],
)
# Every other kind as an environment value: identifiers only, no access implied.
router = Function(
    id="Router", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    environment={
        "QUEUE_URL": Queue(id="Jobs"),
        "TOPIC_ARN": Topic(id="Events"),
        "BUCKET_NAME": Bucket(id="Files"),
        "TABLE_NAME": Table(id="Items", partition_key="pk"),
        "STREAM_NAME": Stream(id="Feed"),
        "DOWNSTREAM_ARN": downstream.arn,
        "LEGACY_FUNCTION_ARN": Function.existing(name="legacy-worker"),
        "FLOW_ARN": StateMachine.existing(name="order-flow"),
    },
    grants=[downstream.invoke()],
)

app = App(name="resources-config", functions=[worker, router])
