"""S3: the bucket notifies the function, asynchronously, of changes to its objects."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field

from lambdakit.events._samples import SAMPLE_REGION, sample_id, sample_name
from lambdakit.limits import quotas as q
from lambdakit.model import Binding, Bucket, EventSource
from lambdakit.model.base import Written
from lambdakit.model.instance import Instance

if TYPE_CHECKING:
    from lambdakit.model import Construct, Function

# The event types S3 can notify of (the S3 API's `Event` enum, the user guide's "Supported
# event types"); `s3:TestEvent` is sent by S3 itself and cannot be subscribed to.
S3_EVENT_TYPES = (
    "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post",
    "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload",
    "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
    "s3:ObjectRestore:*", "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed",
    "s3:ObjectRestore:Delete",
    "s3:ReducedRedundancyLostObject",
    "s3:Replication:*", "s3:Replication:OperationFailedReplication",
    "s3:Replication:OperationMissedThreshold",
    "s3:Replication:OperationReplicatedAfterThreshold", "s3:Replication:OperationNotTracked",
    "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete",
    "s3:LifecycleExpiration:DeleteMarkerCreated",
    "s3:LifecycleTransition", "s3:IntelligentTiering",
    "s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete",
    "s3:ObjectAcl:Put",
    "s3:ObjectAnnotation:*", "s3:ObjectAnnotation:Put", "s3:ObjectAnnotation:Delete",
)
OBJECT_CREATED = "s3:ObjectCreated:*"
# An unnamed bucket that notifies functions is named before it exists (its invoke permission
# names it): `<prefix>-<stack UUID>`. The UUID, the last part of the stack's id, is lowercase
# and 36 characters; S3 takes 63 in all (`S3_BUCKET_NAME_MAX_CHARS`), which leaves 26.
STACK_UUID_CHARS = 36
GENERATED_PREFIX_MAX_CHARS = q.S3_BUCKET_NAME_MAX_CHARS.value - STACK_UUID_CHARS - 1
# Names S3 refuses to start with: `<prefix>-` could only hit `sthree-` (an id's lowercase
# letters and digits never hold `xn--` or `amzn-s3-demo-`).
RESERVED_PREFIXES = ("sthree",)
SAMPLE_TIME = "2026-01-01T00:00:00.000Z"


class S3Event(EventSource):
    """Notifications of `bucket` for `events` on keys that start with `prefix` and end with
    `suffix`. The notification is written into the bucket, so the bucket must be owned by the
    app; the invoke permission is scoped to the bucket and this account."""

    # What SAM's `S3` event would be (its name is checked like one, LK300); compile writes the
    # notification and the permission itself (`compile.events.s3`), so it is not a SAM event.
    sam_type = "S3"
    invocation = "async"

    bucket: Instance[Bucket]
    events: list[str] = Field(default_factory=lambda: [OBJECT_CREATED])
    prefix: str | None = None
    suffix: str | None = None

    def default_name(self) -> str:
        return f"From{self.bucket.id}"

    def referenced_constructs(self) -> list[Construct]:
        return [self.bucket]

    def dependents(self) -> list[Construct]:
        # The bucket's notification names the function, and S3 checks the invoke permission
        # when it is written: the bucket is created after the function and its permission.
        return [] if self.bucket.is_existing else [self.bucket]

    def sam_event_type(self) -> str:
        return ""

    def permission_id(self, fn: Function) -> str:
        """The invoke permission's logical id (the one SAM's S3 event gave it)."""
        return f"{fn.id}{self.event_name()}Permission"

    def notified_bucket(self) -> Bucket:
        return self.bucket

    def derived_ids(self, fn: Function) -> list[str | None]:
        return []  # lambdakit writes the notification into the bucket, not SAM

    def written_resources(self, fn: Function) -> list[Written]:
        return [Written(self.permission_id(fn), "AWS::Lambda::Permission")]

    def key_rules(self) -> list[dict[str, str]]:
        rules = []
        if self.prefix:
            rules.append({"Name": "prefix", "Value": self.prefix})
        if self.suffix:
            rules.append({"Name": "suffix", "Value": self.suffix})
        return rules

    def bind(self, fn: Function) -> Binding:
        return Binding()  # nothing on the function: the bucket holds the notification

    def sample_event(self, fn: Function) -> dict[str, Any]:
        bucket = sample_name(self.bucket).lower()[:q.S3_BUCKET_NAME_MAX_CHARS.value]
        key = f"{self.prefix or ''}example{self.suffix or '.json'}"
        event = self.events[0].removeprefix("s3:").replace("*", "Put")
        seed = f"{bucket}/{key}/{fn.id}"
        return {"Records": [{
            "eventVersion": "2.1",
            "eventSource": "aws:s3",
            "awsRegion": SAMPLE_REGION,
            "eventTime": SAMPLE_TIME,
            "eventName": event,
            "userIdentity": {"principalId": "AWS:AIDAINPONIXQXHT3IKHL2"},
            "requestParameters": {"sourceIPAddress": "192.0.2.10"},
            "responseElements": {"x-amz-request-id": sample_id(seed, 16).upper(),
                                 "x-amz-id-2": sample_id(seed + "/id2", 64)},
            "s3": {
                "s3SchemaVersion": "1.0",
                "configurationId": self.event_name(),
                "bucket": {"name": bucket,
                           "ownerIdentity": {"principalId": "A3NL1KOZZKExample"},
                           "arn": f"arn:aws:s3:::{bucket}"},
                "object": {"key": key, "size": 1024, "eTag": sample_id(seed + "/etag"),
                           "sequencer": sample_id(seed + "/seq", 18).upper()},
            },
        }]}


def generated_bucket_prefix(bucket: Bucket) -> str:
    """What comes before `-<stack UUID>` in the name of an unnamed bucket that notifies
    functions: its id in lowercase, cut to 26 characters."""
    prefix = bucket.id.lower()[:GENERATED_PREFIX_MAX_CHARS]
    return f"{prefix}0" if prefix in RESERVED_PREFIXES else prefix
