"""A function outside any VPC that polls self-managed Kafka brokers outside any VPC: Lambda
reaches those brokers over the internet, so the function's records do too."""

from __future__ import annotations

from lambdakit.model import Function
from lambdakit.plan.network import public_kafka_sources
from lambdakit.rules.context import RuleContext


def check_public_kafka(ctx: RuleContext, fn: Function) -> None:
    public = public_kafka_sources(fn)
    if fn.vpc is None and public:
        ctx.report("LK115", fn,
                   f"{fn.id} is in no VPC and polls Kafka brokers outside any VPC "
                   f"({', '.join(public)}): Lambda reaches them over the internet",
                   "give the source subnets= and security_groups= to reach the brokers "
                   'through a VPC; or acknowledge={"LK115": "why the brokers are public"}, '
                   "which is written for scanners (checkov CKV_AWS_117)")
