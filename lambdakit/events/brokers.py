"""Kafka (Amazon MSK, self-managed), Amazon MQ and Amazon DocumentDB: Lambda's poller connects to
the broker or cluster, usually inside a VPC, and invokes the function with batches.

None of these is a resource lambdakit manages: clusters and brokers are named by ARN (checked by
the rules), credentials are a `Secret`. Each source implies exactly what AWS documents for its
poller: a look-up of that cluster or broker only, read on that secret only, and the network
interfaces the poller creates in the VPC (by type, in the function's account and Region).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from lambdakit.events._patterns import payload_text, satisfying_any
from lambdakit.events._samples import SAMPLE_REGION, sample_id, sample_uuid
from lambdakit.events.sqs import filter_criteria
from lambdakit.events.streams import (
    SAMPLE_TIME,
    FailureDestination,
    StartingPosition,
    failure_grant,
)
from lambdakit.limits.arns import partition_agnostic
from lambdakit.limits.quotas import ARN_MAX_CHARS
from lambdakit.model import Binding, EventSource, Ref, Secret
from lambdakit.model.grants import Grant
from lambdakit.model.instance import Instance
from lambdakit.model.resources.base import Resource, pascal_id
from lambdakit.model.resources.pollers import DocDbCluster, KafkaCluster, MqBroker, PollerNetwork

if TYPE_CHECKING:
    from lambdakit.model import Construct, Function

DEFAULT_BATCH_SIZE = 100  # Lambda's default for Kafka, Amazon MQ and DocumentDB
SAMPLE_MS = int(SAMPLE_TIME.timestamp() * 1000)
SAMPLE_BODY = json.dumps({"example": "message"})

MSK_AUTH = ("SASL_SCRAM_512", "CLIENT_CERTIFICATE_TLS")  # what MSK clusters offer Lambda
KafkaAuth = Literal["SASL_SCRAM_512", "SASL_SCRAM_256", "SASL_PLAIN", "CLIENT_CERTIFICATE_TLS"]
# lambdakit's names → SourceAccessConfigurations types (SASL/PLAIN is BASIC_AUTH there).
AUTH_TYPES = {"SASL_SCRAM_512": "SASL_SCRAM_512_AUTH", "SASL_SCRAM_256": "SASL_SCRAM_256_AUTH",
              "SASL_PLAIN": "BASIC_AUTH", "CLIENT_CERTIFICATE_TLS": "CLIENT_CERTIFICATE_TLS_AUTH"}


class BrokerSource(EventSource):
    """What the polled broker and cluster sources share: batching, filters, the poller's VPC
    access, and a credentials secret."""

    invocation = "poll"
    # The resource the poller looks up, built from the source's ARN; None for self-managed Kafka.
    polled_kind: ClassVar[type[Resource] | None] = None

    batch_size: int = DEFAULT_BATCH_SIZE
    # Seconds Lambda may wait to fill a batch; unset = AWS's default of 500 ms.
    batching_window: int | None = None
    filters: list[dict[str, Any]] = []
    enabled: bool = True

    def polled_arn(self) -> str | None:
        return None

    def secrets(self) -> list[Secret]:
        """Every secret the poller reads (credentials, a root CA)."""
        return []

    def in_vpc(self) -> bool:
        return True

    def referenced_constructs(self) -> list[Construct]:
        return [*self.secrets()]

    def poller_network(self) -> PollerNetwork:
        """Where the poller's network interfaces go: one id per role, its statements merge."""
        return PollerNetwork(id="Vpc")

    def common_properties(self) -> dict[str, Any]:
        properties: dict[str, Any] = {"BatchSize": self.batch_size}
        if self.batching_window is not None:
            properties["MaximumBatchingWindowInSeconds"] = self.batching_window
        if self.filters:
            properties["FilterCriteria"] = filter_criteria(self.filters)
        if not self.enabled:
            properties["Enabled"] = False
        return properties

    def poller_grants(self) -> tuple[Grant, ...]:
        grants: list[Grant] = []
        arn = self.polled_arn()
        if self.polled_kind is not None and arn is not None:
            polled = self.polled_kind(id=_polled_id(arn), existing_arn=arn)
            grants.append(polled.grant("poll", origin=self.origin))
        if self.in_vpc():
            grants.append(self.poller_network().grant("attach", origin=self.origin))
        grants += [secret.grant("read", origin=self.origin) for secret in self.secrets()]
        return tuple(grants)


class KafkaSource(BrokerSource):
    """A Kafka topic: both MSK and self-managed clusters."""

    topic: str
    # Lambda's consumer group; unset lets Lambda use the mapping's id.
    consumer_group_id: str | None = None
    starting_position: StartingPosition
    starting_timestamp: dt.datetime | None = None  # with AT_TIMESTAMP
    auth: KafkaAuth | None = None
    auth_secret: Instance[Secret] | None = None
    on_failure: FailureDestination | None = None

    def secrets(self) -> list[Secret]:
        return [self.auth_secret] if self.auth_secret is not None else []

    def referenced_constructs(self) -> list[Construct]:
        extra = [self.on_failure] if self.on_failure is not None else []
        return [*super().referenced_constructs(), *extra]

    def kafka_properties(self) -> dict[str, Any]:
        properties = {"Topics": [self.topic], "StartingPosition": self.starting_position,
                      **self.common_properties()}
        if self.starting_timestamp is not None:
            properties["StartingPositionTimestamp"] = self.starting_timestamp.timestamp()
        if self.consumer_group_id is not None:
            properties["ConsumerGroupId"] = self.consumer_group_id
        if self.on_failure is not None:
            properties["DestinationConfig"] = {
                "OnFailure": {"Destination": Ref(self.on_failure, "Arn", ARN_MAX_CHARS.value)}}
        return properties

    def access(self) -> list[dict[str, Any]]:
        if self.auth is None or self.auth_secret is None:
            return []
        return [{"Type": AUTH_TYPES[self.auth],
                 "URI": Ref(self.auth_secret, "Arn", ARN_MAX_CHARS.value)}]

    def kafka_grants(self) -> tuple[Grant, ...]:
        grants = self.poller_grants()
        if self.on_failure is not None:
            grants += (failure_grant(self.on_failure, self),)
        return grants

    def sample_records(self) -> dict[str, Any]:
        # The filters see the record's value (as JSON when it is JSON).
        record = satisfying_any(self.filters, {
            "topic": self.topic, "partition": 0, "offset": 15, "timestamp": SAMPLE_MS,
            "timestampType": "CREATE_TIME", "key": base64.b64encode(b"key-1").decode(),
            "value": json.loads(SAMPLE_BODY), "headers": [{"source": list(b"lambdakit")}],
        })
        record["value"] = base64.b64encode(payload_text(record["value"]).encode()).decode()
        return {f"{self.topic}-0": [record]}


class MskEvent(KafkaSource):
    """Records of `topic` on an Amazon MSK cluster. `auth` is SASL_SCRAM_512 or
    CLIENT_CERTIFICATE_TLS with `auth_secret`; without it, the cluster must allow
    unauthenticated access (IAM access control is not expressed yet)."""

    sam_type = "MSK"
    polled_kind = KafkaCluster

    cluster_arn: str

    def default_name(self) -> str:
        return f"From{_pascal(self.topic)}Topic"

    def polled_arn(self) -> str | None:
        return self.cluster_arn

    def bind(self, fn: Function) -> Binding:
        properties = {"Stream": partition_agnostic(self.cluster_arn), **self.kafka_properties()}
        if access := self.access():
            properties["SourceAccessConfigurations"] = access
        return Binding(properties, grants=self.kafka_grants())

    def sample_event(self, fn: Function) -> dict[str, Any]:
        name = self.cluster_arn.split(":", 5)[-1].split("/")[1:2] or ["cluster"]
        brokers = ",".join(f"b-{n}.{name[0]}.abcdef.c2.kafka.{SAMPLE_REGION}.amazonaws.com:9096"
                           for n in (1, 2))
        return {"eventSource": "aws:kafka", "eventSourceArn": self.cluster_arn,
                "bootstrapServers": brokers, "records": self.sample_records()}


class SelfManagedKafkaEvent(KafkaSource):
    """Records of `topic` on a Kafka cluster Lambda reaches at `bootstrap_servers`; through
    `subnets` and `security_groups` when the cluster is in a VPC."""

    sam_type = "SelfManagedKafka"

    bootstrap_servers: list[str]
    subnets: list[str] = []
    security_groups: list[str] = []
    # A private certificate authority that signed the brokers' TLS certificates.
    root_ca_secret: Instance[Secret] | None = None

    def default_name(self) -> str:
        return f"From{_pascal(self.topic)}Topic"

    def secrets(self) -> list[Secret]:
        root = [self.root_ca_secret] if self.root_ca_secret is not None else []
        return [*super().secrets(), *root]

    def in_vpc(self) -> bool:
        return bool(self.subnets or self.security_groups)

    def poller_network(self) -> PollerNetwork:
        return PollerNetwork(id="Vpc", subnet_ids=list(self.subnets),
                             security_group_ids=list(self.security_groups))

    def bind(self, fn: Function) -> Binding:
        properties = {"KafkaBootstrapServers": list(self.bootstrap_servers),
                      **self.kafka_properties()}
        access = self.access()
        if self.root_ca_secret is not None:
            access.append({"Type": "SERVER_ROOT_CA_CERTIFICATE",
                           "URI": Ref(self.root_ca_secret, "Arn", ARN_MAX_CHARS.value)})
        access += [{"Type": "VPC_SUBNET", "URI": f"subnet:{s}"} for s in self.subnets]
        access += [{"Type": "VPC_SECURITY_GROUP", "URI": f"security_group:{g}"}
                   for g in self.security_groups]
        if access:
            properties["SourceAccessConfigurations"] = access
        return Binding(properties, grants=self.kafka_grants())

    def sample_event(self, fn: Function) -> dict[str, Any]:
        return {"eventSource": "SelfManagedKafka",
                "bootstrapServers": ",".join(self.bootstrap_servers),
                "records": self.sample_records()}


class MqEvent(BrokerSource):
    """Messages of `queue` on an Amazon MQ broker, read with the user name and password in
    `credentials` (a secret holding {"username": ..., "password": ...})."""

    sam_type = "MQ"
    polled_kind = MqBroker

    broker_arn: str
    engine: Literal["ActiveMQ", "RabbitMQ"]
    queue: str
    credentials: Instance[Secret]
    virtual_host: str | None = None  # RabbitMQ only; unset = "/"

    def default_name(self) -> str:
        return f"From{_pascal(self.queue)}Queue"

    def polled_arn(self) -> str | None:
        return self.broker_arn

    def secrets(self) -> list[Secret]:
        return [self.credentials]

    def bind(self, fn: Function) -> Binding:
        access: list[dict[str, Any]] = [
            {"Type": "BASIC_AUTH", "URI": Ref(self.credentials, "Arn", ARN_MAX_CHARS.value)}]
        if self.virtual_host is not None:
            access.append({"Type": "VIRTUAL_HOST", "URI": self.virtual_host})
        properties = {"Broker": partition_agnostic(self.broker_arn), "Queues": [self.queue],
                      "SourceAccessConfigurations": access, **self.common_properties()}
        return Binding(properties, grants=self.poller_grants())

    def sample_event(self, fn: Function) -> dict[str, Any]:
        # The filters see the message's data (as JSON when it is JSON).
        body = payload_text(satisfying_any(self.filters, {"data": json.loads(SAMPLE_BODY)})[
            "data"])
        data = base64.b64encode(body.encode()).decode()
        if self.engine == "RabbitMQ":
            key = f"{self.queue}::{self.virtual_host or '/'}"
            return {"eventSource": "aws:rmq", "eventSourceArn": self.broker_arn,
                    "rmqMessagesByQueue": {key: [{
                        "basicProperties": {
                            "contentType": "application/json", "contentEncoding": None,
                            "headers": {}, "deliveryMode": 1, "priority": 0,
                            "correlationId": None, "replyTo": None, "expiration": None,
                            "messageId": sample_uuid(f"{self.broker_arn}/{fn.id}"),
                            "timestamp": "Jan 1, 2026, 00:00:00 AM", "type": None,
                            "userId": "lambda", "appId": None, "clusterId": None,
                            "bodySize": len(body.encode())},
                        "redelivered": False, "data": data}]}}
        broker = sample_id(self.broker_arn, 8)
        return {"eventSource": "aws:mq", "eventSourceArn": self.broker_arn, "messages": [{
            "messageID": f"ID:b-{sample_uuid(self.broker_arn)}-1.mq.{SAMPLE_REGION}"
                         f".amazonaws.com-{broker}-1:1:1:1:1",
            "messageType": "jms/text-message", "deliveryMode": 1, "replyTo": None,
            "type": None, "expiration": 0, "priority": 4, "correlationId": None,
            "redelivered": False, "destination": {"physicalName": self.queue},
            "data": data, "timestamp": SAMPLE_MS, "brokerInTime": SAMPLE_MS,
            "brokerOutTime": SAMPLE_MS + 1, "properties": {}}]}


class DocumentDbEvent(BrokerSource):
    """Changes of `collection` (or of every collection of `database`) on an Amazon DocumentDB
    cluster's change stream, read with the user name and password in `credentials`."""

    sam_type = "DocumentDB"
    polled_kind = DocDbCluster

    cluster_arn: str
    database: str
    collection: str | None = None
    credentials: Instance[Secret]
    # UpdateLookup: update events carry the whole document as it is now, not only the change.
    full_document: Literal["Default", "UpdateLookup"] = "Default"
    starting_position: StartingPosition
    starting_timestamp: dt.datetime | None = None  # with AT_TIMESTAMP

    def default_name(self) -> str:
        return f"From{_pascal(self.collection or self.database)}Changes"

    def polled_arn(self) -> str | None:
        return self.cluster_arn

    def secrets(self) -> list[Secret]:
        return [self.credentials]

    def bind(self, fn: Function) -> Binding:
        properties: dict[str, Any] = {
            "Cluster": partition_agnostic(self.cluster_arn), "DatabaseName": self.database,
            "StartingPosition": self.starting_position,
            "SourceAccessConfigurations": [
                {"Type": "BASIC_AUTH", "URI": Ref(self.credentials, "Arn", ARN_MAX_CHARS.value)}],
            **self.common_properties()}
        if self.collection is not None:
            properties["CollectionName"] = self.collection
        if self.full_document != "Default":
            properties["FullDocument"] = self.full_document
        if self.starting_timestamp is not None:
            properties["StartingPositionTimestamp"] = self.starting_timestamp.timestamp()
        return Binding(properties, grants=self.poller_grants())

    def sample_event(self, fn: Function) -> dict[str, Any]:
        seconds = int(SAMPLE_TIME.timestamp())
        document_id = sample_id(f"{self.cluster_arn}/{fn.id}", 24)
        return {"eventSourceArn": self.cluster_arn, "eventSource": "aws:docdb", "events": [{
            "event": {
                "_id": {"_data": sample_id(document_id, 32)},
                "clusterTime": {"$timestamp": {"t": seconds, "i": 1}},
                "documentKey": {"_id": {"$oid": document_id}},
                "fullDocument": {"_id": {"$oid": document_id}, "example": "document"},
                "ns": {"db": self.database, "coll": self.collection or "collection"},
                "operationType": "insert",
            }}]}


def _pascal(text: str) -> str:
    """`orders.created-v1` → `OrdersCreatedV1`: part of a default event name."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    return "".join(w[:1].upper() + w[1:] for w in words) or "Source"


def _polled_id(arn: str) -> str:
    """The id of what an ARN names, from its name part: `cluster/orders/UUID` → `Orders`,
    `broker:jobs:b-UUID` → `Jobs`, `cluster:catalog` → `Catalog` (it labels the statements)."""
    parts = re.split(r"[:/]", arn.split(":", 5)[-1])
    return pascal_id(parts[1] if len(parts) > 1 else parts[0])
