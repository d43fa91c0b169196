# S3 event sources: the default (every object created) on a bucket the function reads, which
# puts the read grant in <Fn>TriggerPolicy (the bucket waits for the function); a prefix and
# suffix with several event types and a name; a thumbnailer writing under a prefix disjoint
# from its trigger's (no loop); two notifications of one bucket whose filters cannot overlap;
# and a loop allowed with a reason (RecursiveLoop: Allow).
from lambdakit import App, Bucket, Function, Queue
from lambdakit.events import S3Event

# Events that fail every asynchronous retry are kept here (LK380).
failed_events = Queue(id="FailedEvents")

uploads = Bucket(id="Uploads")
photos = Bucket(id="Photos", name="lambdakit-golden-photos")
ledger = Bucket(id="Ledger")

indexer = Function(
    id="Indexer", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    on_failure=failed_events,
    grants=[uploads.read()],
    events=[S3Event(bucket=uploads)],
)
thumbnailer = Function(
    id="Thumbnailer", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    on_failure=failed_events,
    grants=[photos.read(prefix="originals/"), photos.write(prefix="thumbnails/")],
    events=[S3Event(bucket=photos, name="NewPhoto", prefix="originals/", suffix=".png",
                    events=["s3:ObjectCreated:Put", "s3:ObjectCreated:CompleteMultipartUpload"])],
)
archiver = Function(
    id="Archiver", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    on_failure=failed_events,
    events=[S3Event(bucket=photos, name="RemovedPhoto", prefix="originals/",
                    events=["s3:ObjectRemoved:*"])],
)
compactor = Function(
    id="Compactor", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    on_failure=failed_events,
    grants=[ledger.read(), ledger.write()],
    allow_recursive_loop="compacts only files without the .compacted suffix and stops there",
    events=[S3Event(bucket=ledger, suffix=".log")],
)

app = App(name="events-s3", functions=[indexer, thumbnailer, archiver, compactor])
