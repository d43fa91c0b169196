"""A function outside any VPC that polls self-managed Kafka brokers outside any VPC: Lambda
reaches those brokers over the internet, so the function's records do too."""

from __future__ import annotations

from lambdakit.model import Function
from lambdakit.rules.context import RuleContext


def public_kafka_sources(fn: Function) -> list[str]:
    """Names of the self-managed Kafka sources whose brokers Lambda reaches outside any VPC."""
    # By SAM type, not class: the event families load only when an app uses them.
    return [source.event_name() for source in fn.live_events()
            if source.sam_type == "SelfManagedKafka"
            and not source.in_vpc()]  # type: ignore[attr-defined]


def check_public_kafka(ctx: RuleContext, fn: Function) -> None:
    public = public_kafka_sources(fn)
    if fn.vpc is None and public:
        ctx.report("LK115", fn,
                   f"{fn.id} is in no VPC and polls Kafka brokers outside any VPC "
                   f"({', '.join(public)}): Lambda reaches them over the internet",
                   "give the source subnets= and security_groups= to reach the brokers "
                   'through a VPC; or acknowledge={"LK115": "why the brokers are public"}, '
                   "which is written for scanners (checkov CKV_AWS_117)")
