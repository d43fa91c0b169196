# Buckets, tables and Kinesis streams with their secure defaults and every option: access under
# key prefixes, an unversioned bucket, customer keys, a table with a sort key, indexes, a stream
# and a TTL attribute, on-demand and provisioned streams.
from lambdakit import App, Bucket, Function, Index, Key, Stream, Table

key = Key(id="StorageKey")

uploads = Bucket(id="Uploads")
archive = Bucket(id="Archive", name="orders-archive-example", key=key,
                 without_versioning="archives are written once and never overwritten")
orders = Table(
    id="Orders", partition_key="pk", sort_key="sk", sort_key_type="N",
    indexes=[Index(name="byCustomer", partition_key="customer", sort_key="created",
                   sort_key_type="N"),
             Index(name="byStatus", partition_key="status", projection="KEYS_ONLY")],
    stream="NEW_AND_OLD_IMAGES", ttl_attribute="expires_at", key=key,
)
sessions = Table(id="Sessions", name="sessions", partition_key="id", partition_key_type="B")
clicks = Stream(id="Clicks")
ledger = Stream(id="LedgerStream", name="ledger", shards=2, retention_hours=48, key=key)

reader = Function(
    id="Reader", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    environment={"UPLOADS_BUCKET": uploads, "ORDERS_TABLE": orders, "CLICKS_STREAM": clicks},
    grants=[uploads.read(prefix="in/"), archive.read(), orders.read(), orders.read_stream(),
            sessions.read_write(), clicks.read(), ledger.read()],
)
writer = Function(
    id="Writer", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    environment={"ARCHIVE_BUCKET": archive, "SESSIONS_TABLE": sessions, "LEDGER_STREAM": ledger},
    grants=[uploads.write(prefix="out/"), uploads.delete(prefix="tmp/"), archive.write(),
            archive.delete(), orders.write(), sessions.put(), clicks.write(), ledger.write()],
)

app = App(name="resources-storage", functions=[reader, writer])
