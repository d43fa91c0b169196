"""The registry of diagnostic codes. Codes are stable API: never renumber, only add.

Each code has one severity and one docs anchor in `docs/errors.md`; a test keeps the two equal.
Ranges: LK0xx loading and app structure, LK1xx one function, LK2xx resources and IAM, LK3xx
event sources (LK30x all, LK31x SQS, LK32x streams, LK33x Kafka/MQ/DocumentDB, LK34x–35x HTTP,
LK36x–37x push sources, LK38x asynchronous invocation), LK4xx a function's surroundings (layers,
VPC, images, EFS, SnapStart, versions and deployments), LK9xx second opinions (SAM, cfn-lint).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(NamedTuple):
    code: str
    severity: Severity
    title: str

    @property
    def anchor(self) -> str:
        return f"docs/errors.md#{self.code.lower()}"


_E, _W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("LK001", _E, "invalid value for a construct field"),
        Code("LK002", _E, "invalid construct id"),
        Code("LK003", _E, "two resources share one logical id"),
        Code("LK004", _E, "invalid acknowledgement"),
        Code("LK005", _E, "the app file could not be loaded"),
        Code("LK006", _E, "no App found in the app file"),
        Code("LK007", _E, "the stack has more resources than CloudFormation allows"),
        Code("LK008", _W, "the app has no functions"),
        Code("LK009", _E, "invalid app name"),
        Code("LK010", _E, "invalid ARN"),
        Code("LK011", _E, "the stack has more outputs than CloudFormation allows"),
        Code("LK012", _W, "CloudFormation syntax in a name or description, written as is"),
        Code("LK014", _E, "the app would emit no resources"),
        Code("LK101", _E, "memory out of range"),
        Code("LK104", _E, "timeout out of range"),
        Code("LK105", _E, "ephemeral storage out of range"),
        Code("LK110", _E, "environment variables exceed 4 KB"),
        Code("LK111", _E, "reserved environment variable name"),
        Code("LK112", _E, "invalid environment variable name"),
        Code("LK113", _E, "literal secret in an environment variable"),
        Code("LK114", _E, "secret resolved into an environment variable"),
        Code("LK115", _W, "function outside a VPC polls Kafka brokers outside a VPC"),
        Code("LK120", _E, "unknown runtime"),
        Code("LK121", _W, "deprecated runtime"),
        Code("LK122", _E, "runtime can no longer be used"),
        Code("LK123", _E, "architecture not supported by the runtime"),
        Code("LK124", _W, "runtime newer than lambdakit's runtime table"),
        Code("LK130", _E, "invalid function name"),
        Code("LK131", _E, "description too long"),
        Code("LK132", _E, "invalid handler"),
        Code("LK133", _E, "code location not found"),
        Code("LK134", _W, "handler module not found in the code directory"),
        Code("LK140", _E, "reserved concurrency leaves too little unreserved"),
        Code("LK150", _E, "log retention not accepted by CloudWatch Logs"),
        Code("LK151", _E, "log levels need JSON log format"),
        Code("LK160", _E, "too many tags, or a tag too long"),
        Code("LK161", _E, "reserved tag prefix"),
        Code("LK170", _E, "recursive loop allowed without a reason"),
        Code("LK201", _E, "existing resource needs exactly one of arn= or name="),
        Code("LK202", _E, "invalid physical name"),
        Code("LK203", _E, "existing ARN does not name this kind of resource"),
        Code("LK204", _E, "resource setting out of range"),
        Code("LK205", _W, "dead-letter queue keeps messages no longer than its source"),
        Code("LK206", _W, "few receives before a message moves to the dead-letter queue"),
        Code("LK207", _E, "FIFO and standard queues mixed in a redrive"),
        Code("LK208", _E, "grant not possible on this resource"),
        Code("LK209", _E, "owned resource lacks a required setting"),
        Code("LK210", _E, "the role's policies exceed IAM's size limits"),
        Code("LK211", _W, "raw IAM statement"),
        Code("LK212", _E, "invalid raw IAM statement"),
        Code("LK213", _E, "a relaxed default needs a reason"),
        Code("LK214", _E, "raw IAM statement on every resource, or managing permissions"),
        # event sources, all families
        Code("LK300", _E, "two event sources of one function share a name"),
        Code("LK301", _E, "event source needs a resource the app owns"),
        # SQS
        Code("LK310", _E, "SQS batch size out of range"),
        Code("LK311", _E, "SQS batching window not possible"),
        Code("LK312", _E, "function timeout longer than the queue's visibility timeout"),
        Code("LK313", _W, "queue visibility timeout under six times the function timeout"),
        Code("LK314", _E, "SQS maximum concurrency out of range"),
        Code("LK315", _E, "too many event filters, a filter too long, or one repeated"),
        Code("LK316", _W, "queue read by more than one function"),
        # streams
        Code("LK320", _E, "stream batch size or batching window out of range"),
        Code("LK321", _E, "starting position and timestamp do not fit"),
        Code("LK322", _E, "stream retry attempts or record age out of range"),
        Code("LK323", _W, "stream retries or record age unbounded"),
        Code("LK324", _E, "stream parallelization or tumbling window out of range"),
        Code("LK325", _W, "stream or Kafka source without an on-failure destination"),
        Code("LK326", _E, "DynamoDB stream source on a table without a stream"),
        Code("LK327", _E, "FIFO queue or topic as an on-failure destination"),
        Code("LK328", _E, "Kinesis consumer of another stream, or not by ARN"),
        # Kafka, MQ, DocumentDB
        Code("LK330", _E, "Kafka, MQ or DocumentDB batch size or batching window out of range"),
        Code("LK331", _E, "Kafka, MQ or DocumentDB connection settings not possible"),
        Code("LK332", _E, "credentials secret Lambda cannot use"),
        # HTTP
        Code("LK340", _E, "public route or function URL without a reason"),
        Code("LK341", _W, "function timeout longer than the API's integration timeout"),
        Code("LK342", _E, "two routes of one API clash"),
        Code("LK343", _E, "invalid route path"),
        Code("LK344", _E, "invalid HTTP method"),
        Code("LK345", _E, "invalid CORS configuration"),
        Code("LK346", _E, "invalid stage name"),
        Code("LK347", _E, "API throttling out of range"),
        Code("LK348", _E, "invalid authorizer"),
        Code("LK349", _E, "API or function URL not possible as declared"),
        # push sources
        Code("LK360", _E, "invalid S3 notification"),
        Code("LK361", _E, "function writes to the source that triggers it"),
        Code("LK362", _E, "function's environment names the bucket that triggers it"),
        Code("LK363", _E, "overlapping S3 notifications on one bucket"),
        Code("LK364", _E, "SNS subscription not possible"),
        Code("LK365", _E, "SNS filter policy not accepted"),
        Code("LK366", _E, "invalid EventBridge event pattern"),
        Code("LK367", _E, "EventBridge target setting not possible"),
        Code("LK368", _E, "invalid schedule expression"),
        Code("LK369", _E, "schedule setting out of range"),
        Code("LK370", _E, "function subscribed to its own log group"),
        Code("LK371", _E, "CloudWatch Logs subscription not possible"),
        Code("LK372", _E, "Cognito trigger not possible"),
        Code("LK373", _E, "Alexa skill id missing or invalid"),
        Code("LK374", _E, "IoT rule SQL not a SELECT statement"),
        # asynchronous invocation
        Code("LK380", _W, "asynchronously invoked function without an on-failure destination"),
        Code("LK381", _E, "asynchronous retry or event age out of range"),
        Code("LK382", _E, "destination Lambda cannot deliver to"),
        Code("LK383", _E, "destinations lead back to the function"),
        Code("LK384", _W, "asynchronous invocation settings that nothing in the app uses"),
        # layers
        Code("LK400", _E, "more layers than a function may have"),
        Code("LK401", _W, "layer not declared compatible with the function's runtime"),
        Code("LK402", _W, "layer not declared compatible with the function's architecture"),
        Code("LK403", _E, "layer content not found"),
        Code("LK404", _E, "function code and layers exceed 250 MB unzipped"),
        Code("LK405", _W, "package over 50 MB zipped: only an upload through S3 takes it"),
        Code("LK406", _E, "layer setting not accepted by Lambda"),
        Code("LK407", _E, "layer by ARN without architectures on an arm64 function"),
        Code("LK408", _E, "published layer built for another architecture"),
        # VPC and EFS
        Code("LK410", _E, "invalid subnet or security group id"),
        Code("LK411", _E, "a VPC needs subnets and security groups"),
        Code("LK412", _W, "AWS calls from a VPC need VPC endpoints or a NAT gateway"),
        Code("LK413", _E, "more subnets or security groups than Lambda takes"),
        Code("LK414", _W, "a VPC function in a single subnet"),
        Code("LK415", _E, "an EFS mount needs a VPC"),
        Code("LK416", _E, "invalid EFS mount path"),
        # container images
        Code("LK420", _E, "setting does not apply to this function's package type"),
        Code("LK421", _E, "image URI is not an Amazon ECR image"),
        Code("LK422", _W, "image named by a tag that can move"),
        # code signing and runtime updates
        Code("LK425", _E, "runtime version pinned without manual updates, or the reverse"),
        # versions, aliases and SnapStart
        Code("LK430", _E, "invalid alias name"),
        Code("LK431", _E, "SnapStart not supported by the runtime"),
        Code("LK432", _E, "SnapStart with a setting it excludes"),
        Code("LK433", _E, "SnapStart without published versions"),
        Code("LK434", _E, "provisioned concurrency without published versions"),
        Code("LK435", _E, "provisioned concurrency out of range"),
        # auto scaling of provisioned concurrency
        Code("LK436", _E, "auto scaling minimum above its maximum"),
        Code("LK437", _E, "provisioned concurrency beyond the account's unreserved concurrency"),
        Code("LK438", _E, "auto scaling target utilization or cooldown out of range"),
        Code("LK439", _E, "invalid scheduled capacity"),
        # gradual deployments (CodeDeploy) and their hooks
        Code("LK440", _E, "gradual deployment without published versions"),
        Code("LK441", _E, "traffic shift out of range"),
        Code("LK442", _E, "deployment hook of a function without a gradual deployment"),
        Code("LK443", _E, "two deployment hooks for one lifecycle event"),
        Code("LK444", _E, "invalid rollback alarms"),
        Code("LK445", _W, "gradual deployment without a rollback alarm"),
        Code("LK446", _E, "version reference to a function without published versions"),
        Code("LK447", _E, "invalid deployment notification"),
        Code("LK900", _E, "the SAM transform rejected the template"),
        Code("LK901", _E, "cfn-lint error"),
        Code("LK902", _W, "cfn-lint warning"),
    )
}
