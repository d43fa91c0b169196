# Queues and topics: a standard queue with its own dead-letter queue, a FIFO queue with an
# explicit FIFO dead-letter queue and a customer key, a queue whose dead-letter queue another
# stack owns (and an acknowledged warning), a queue without any (with the reason), and plain and
# FIFO topics.
from lambdakit import App, Function, Key, Queue, Topic

key = Key(id="MessagingKey", description="Encrypts the ledger queues and the audit topic")

inbox = Queue(id="Inbox", visibility_timeout=180, retention=2 * 24 * 3600, delay=5,
              max_receive_count=10)
ledger_failures = Queue(id="LedgerFailures", name="ledger-failures.fifo", fifo=True,
                        retention=14 * 24 * 3600, key=key)
ledger = Queue(id="Ledger", name="ledger.fifo", fifo=True, content_based_deduplication=True,
               dead_letter_queue=ledger_failures, key=key)
outbox = Queue(id="Outbox", dead_letter_queue=Queue.existing(name="shared-failures"),
               max_receive_count=3,
               acknowledge={"LK206": "the partner API rejects a message for good after 3 tries"})
scratch = Queue(id="Scratch",
                without_dead_letter="work items are recomputed every minute; losing one is "
                                    "harmless")
notices = Topic(id="Notices")
audit = Topic(id="Audit", name="audit.fifo", fifo=True, key=key)

producer = Function(
    id="Producer", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    environment={"INBOX_URL": inbox, "LEDGER_URL": ledger, "NOTICES_ARN": notices,
                 "AUDIT_ARN": audit},
    grants=[inbox.send(), ledger.send(), outbox.send(), scratch.send(), notices.publish(),
            audit.publish()],
)
consumer = Function(
    id="Consumer", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    grants=[inbox.consume(), ledger.consume(), ledger_failures.consume(), outbox.consume(),
            scratch.consume()],
)

app = App(name="resources-messaging", functions=[producer, consumer], tags={"team": "orders"})
