"""LK412: which of a VPC function's permissions are calls to an AWS API (that need a route out
of the VPC), and which are not."""

from __future__ import annotations

from pathlib import Path

from helpers import FIXED_DAY

from lambdakit import App, Function, Parameter, Queue, Secret, Statement, Vpc
from lambdakit.rules import check_app

CODE = str(Path(__file__).resolve().parent / "goldens" / "_code")
VPC = Vpc(subnet_ids=["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
          security_group_ids=["sg-0123456789abcdef0"])
DATABASE_USER = "arn:aws:rds-db:eu-west-1:123456789012:dbuser:cluster-ABCDEFGHIJKL/app"


def _lk412(**settings: object) -> list[str]:
    fn = Function(id="Worker", handler="svc.handler.handle", code=CODE,  # type: ignore[arg-type]
                  runtime="python3.13", vpc=VPC, **settings)
    return [d.message for d in check_app(App(name="vpc", functions=[fn],
                                             acknowledge={"LK211": "reviewed"}), FIXED_DAY)
            if d.code == "LK412"]


def test_signing_a_database_token_calls_no_api() -> None:
    connect = Statement(actions=["rds-db:connect"], resources=[DATABASE_USER],
                        reason="IAM authentication to the cluster")
    assert _lk412(statements=[connect]) == []
    shouting = Statement(actions=["RDS-DB:Connect"], resources=[DATABASE_USER],
                         reason="IAM authentication to the cluster")
    assert _lk412(statements=[shouting]) == []


def test_a_raw_statement_that_calls_an_api_still_counts() -> None:
    describe = Statement(actions=["rds:DescribeDBClusters", "rds-db:connect"],
                         resources=["*"], reason="cluster endpoints")
    assert _lk412(statements=[describe]) == [
        "runs in a VPC and calls rds: without VPC endpoints for them or a NAT gateway, those "
        "calls time out"]


def test_a_secret_or_parameter_in_the_environment_is_read_at_run_time() -> None:
    secret = Secret(id="DbPassword")
    parameter = Parameter(id="Settings")
    assert _lk412(environment={"PASSWORD_SECRET": secret, "SETTINGS": parameter}) == [
        "runs in a VPC and calls secretsmanager, ssm: without VPC endpoints for them or a NAT "
        "gateway, those calls time out"]


def test_grants_count_and_nothing_is_nothing() -> None:
    outbox = Queue(id="Outbox")
    assert _lk412(grants=[outbox.send()]) == [
        "runs in a VPC and calls sqs: without VPC endpoints for them or a NAT gateway, those "
        "calls time out"]
    assert _lk412() == []
