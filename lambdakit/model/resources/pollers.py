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
    whichever sources need it, so its statements appear once."""

    kind = "poller_network"
    service = "ec2"
