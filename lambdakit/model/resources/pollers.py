"""What Lambda's pollers of Kafka, Amazon MQ and DocumentDB sources need access to, beyond the
credentials secret: the cluster or broker (always one managed elsewhere, named by the event
source's ARN), and the network interfaces the poller creates in the source's VPC.

Event sources create these; users pass ARNs and never grant them by hand.
"""

from __future__ import annotations

from lambdakit.model.resources.base import Resource


class KafkaCluster(Resource):
    """An Amazon MSK cluster (provisioned or serverless)."""

    kind = "kafka_cluster"
    service = "kafka"


class MqBroker(Resource):
    """An Amazon MQ broker (ActiveMQ or RabbitMQ)."""

    kind = "mq_broker"
    service = "mq"


class DocDbCluster(Resource):
    """An Amazon DocumentDB cluster, whose change stream Lambda reads."""

    kind = "docdb_cluster"
    service = "rds"


class PollerNetwork(Resource):
    """The network interfaces a poller creates in a VPC: there is one per function's role,
    whichever sources need it, so its statements appear once (merged). The subnets and security
    groups the poller attaches them to, where the source names them (self-managed Kafka);
    empty: any of the account's, as for MSK, Amazon MQ and DocumentDB, whose network is the
    cluster's or broker's and not in the app."""

    kind = "poller_network"
    service = "ec2"

    subnet_ids: list[str] = []
    security_group_ids: list[str] = []
