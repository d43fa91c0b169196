"""What reaches the internet: sources whose brokers Lambda reaches outside any VPC."""

from __future__ import annotations

from lambdakit.model import Function


def public_kafka_sources(fn: Function) -> list[str]:
    """Names of the self-managed Kafka sources whose brokers Lambda reaches outside any VPC."""
    # By SAM type, not class: the event families load only when an app uses them.
    return [source.event_name() for source in fn.live_events()
            if source.sam_type == "SelfManagedKafka"
            and not source.in_vpc()]  # type: ignore[attr-defined]
