"""`Queue`: an SQS queue, encrypted, with a redrive dead-letter queue and explicit retention."""

from __future__ import annotations

from lambdakit.limits import quotas as q
from lambdakit.limits.naming import NAME_RULES
from lambdakit.model.base import Written
from lambdakit.model.grants import Grant
from lambdakit.model.resources.base import Resource
from lambdakit.model.resources.key import Key

FOUR_DAYS_S = 4 * 24 * 3600
FOURTEEN_DAYS_S = q.SQS_RETENTION_MAX_S.value  # the longest SQS keeps a message
SQS_DEFAULT_VISIBILITY_S = 30


class Queue(Resource):
    """A standard or FIFO queue. Messages that fail `max_receive_count` times move to
    `dead_letter_queue`; when none is given the queue gets its own (`<id>DeadLetter`, retention
    14 days), unless it is another queue's dead-letter queue or `without_dead_letter` gives a
    reason."""

    kind = "queue"
    resource_type = "AWS::SQS::Queue"
    env_attribute = "Url"
    env_max_bytes = 160  # https://sqs.REGION.amazonaws.com.cn/ACCOUNT/NAME
    service = "sqs"
    stateful = True
    name_rule = NAME_RULES["queue"]

    fifo: bool = False
    content_based_deduplication: bool = False
    # Seconds a received message stays hidden. Unset: six times the longest timeout of the
    # functions that consume it through `SqsEvent` (plus their batching window), as Lambda
    # recommends, or SQS's own 30 s when nothing does.
    visibility_timeout: int | None = None
    retention: int = FOUR_DAYS_S
    delay: int = 0
    dead_letter_queue: Queue | None = None
    # A reason to go without any dead-letter queue.
    without_dead_letter: str | None = None
    max_receive_count: int = 5
    key: Key | None = None

    def written_children(self) -> list[Written]:
        # The queue policy: TLS only, and the services that deliver to the queue.
        return [Written(self.policy_id, "AWS::SQS::QueuePolicy")]

    @property
    def policy_id(self) -> str:
        return f"{self.id}Policy"

    @property
    def dead_letter_id(self) -> str:
        return f"{self.id}DeadLetter"

    def needs_own_dead_letter(self, is_dead_letter: bool) -> bool:
        """Whether the template creates `<id>DeadLetter` for this queue."""
        return not (is_dead_letter or self.is_existing or self.dead_letter_queue is not None
                    or self.without_dead_letter)

    def send(self) -> Grant:
        return self.grant("send")

    def consume(self) -> Grant:
        return self.grant("consume")
