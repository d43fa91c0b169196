"""ec2:CreateNetworkInterface is authorized on the new interface, its subnet and its security
groups: where the app knows them, the role names them exactly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import second_opinion_findings, synth_app

from lambdakit import App, Function, Vpc
from lambdakit.events import MskEvent, SelfManagedKafkaEvent

CODE = str(Path(__file__).resolve().parent / "goldens" / "_code")
MSK = "arn:aws:kafka:us-east-1:123456789012:cluster/orders/0f5c2c6e-1a2b-4c3d-8e9f-0123456789ab-1"
HERE = "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}"


def _kafka(**settings: Any) -> SelfManagedKafkaEvent:
    return SelfManagedKafkaEvent(bootstrap_servers=["kafka-1.internal.example.com:9092"],
                                 topic="clicks", starting_position="LATEST", **settings)


def _create_statement(*events: Any, vpc: Vpc | None = None) -> dict[str, Any]:
    fn = Function(id="Consumer", handler="svc.handler.handle", code=CODE, runtime="python3.13",
                  events=list(events), vpc=vpc)
    result = synth_app(App(name="net", functions=[fn]), Path(CODE).parent)
    assert second_opinion_findings(result.template, result.origins) == []
    statements = result.template["Resources"]["ConsumerRole"]["Properties"]["Policies"][0][
        "PolicyDocument"]["Statement"]
    return {s["Sid"]: s for s in statements if "ec2:CreateNetworkInterface" in s["Action"]}


def test_a_self_managed_kafka_poller_creates_interfaces_only_where_its_source_says() -> None:
    source = _kafka(subnets=["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
                    security_groups=["sg-0123456789abcdef0"])
    [statement] = _create_statement(source).values()
    assert statement["Resource"] == [
        {"Fn::Sub": f"{HERE}:network-interface/*"},
        {"Fn::Sub": f"{HERE}:security-group/sg-0123456789abcdef0"},
        {"Fn::Sub": f"{HERE}:subnet/subnet-0123456789abcdef0"},
        {"Fn::Sub": f"{HERE}:subnet/subnet-0fedcba9876543210"}]


def test_a_poller_whose_network_is_its_clusters_may_use_any_subnet() -> None:
    """MSK's subnets and security groups are the cluster's, not in the app; in one role with a
    source that names its own, the merged statement keeps the wider resources."""
    msk = MskEvent(cluster_arn=MSK, topic="orders", starting_position="LATEST")
    [alone] = _create_statement(msk).values()
    assert alone["Resource"] == [{"Fn::Sub": f"{HERE}:network-interface/*"},
                                 {"Fn::Sub": f"{HERE}:security-group/*"},
                                 {"Fn::Sub": f"{HERE}:subnet/*"}]
    both = _create_statement(msk, _kafka(subnets=["subnet-0123456789abcdef0"],
                                         security_groups=["sg-0123456789abcdef0"]))
    [merged] = both.values()
    assert {"Fn::Sub": f"{HERE}:subnet/*"} in merged["Resource"]


def test_a_vpc_function_creates_interfaces_in_its_own_subnets() -> None:
    vpc = Vpc(subnet_ids=["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
              security_group_ids=["sg-0123456789abcdef0"])
    statements = _create_statement(vpc=vpc)
    assert statements["VpcCreateNetworkInterface"]["Resource"] == [
        {"Fn::Sub": f"{HERE}:network-interface/*"},
        {"Fn::Sub": f"{HERE}:security-group/sg-0123456789abcdef0"},
        {"Fn::Sub": f"{HERE}:subnet/subnet-0a1b2c3d4e5f60718"},
        {"Fn::Sub": f"{HERE}:subnet/subnet-0f1e2d3c4b5a69788"}]
