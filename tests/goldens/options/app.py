# Every option of Function and App that has a template effect.
from lambdakit import App, Function, Logging

downstream = Function(id="Downstream", handler="svc.handler.handle", code="../_code",
                      runtime="python3.14")

worker = Function(
    id="Worker",
    handler="svc.handler.handle",
    code="../_code",
    runtime="python3.12",
    architecture="x86_64",
    memory=1769,
    timeout=120,
    ephemeral_storage=2048,
    environment={
        "DOWNSTREAM_ARN": downstream.arn,
        "DOWNSTREAM_NAME": downstream.name,
        "TABLE_PREFIX": "orders-",
        "DB_PASSWORD_SECRET_ARN": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
    },
    description="Processes orders end to end",
    function_name="orders-worker",
    tags={"team": "payments", "cost-center": "cc-42"},
    tracing="pass_through",
    logging=Logging(application_level="DEBUG", system_level="INFO", retention_days=365),
    reserved_concurrency=100,
    allow_recursive_loop="re-queues its own retries on purpose, bounded by a retry counter",
)

app = App(
    name="options",
    description="Every Function option",
    functions=[worker, downstream],
    tags={"env": "prod", "team": "platform"},
    permissions_boundary="LambdaBoundary",
)
