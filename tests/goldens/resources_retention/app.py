# Stateful resources are retained by default; `delete_with_stack` gives the reason to let
# CloudFormation delete them with the stack instead (and lifts DynamoDB's deletion protection).
from lambdakit import App, Bucket, Function, Key, Queue, Secret, Stream, Table

reason = "preview environment, rebuilt from fixtures on every deploy"
scratch_key = Key(id="ScratchKey", delete_with_stack=reason, pending_window_days=7)
table = Table(id="ScratchTable", partition_key="pk", delete_with_stack=reason)
bucket = Bucket(id="ScratchBucket", delete_with_stack=reason)
queue = Queue(id="ScratchQueue", delete_with_stack=reason, key=scratch_key)
stream = Stream(id="ScratchStream", delete_with_stack=reason)
secret = Secret(id="ScratchSecret", delete_with_stack=reason)
kept = Table(id="KeptTable", partition_key="pk")

worker = Function(
    id="Worker", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    grants=[table.read_write(), bucket.write(), queue.send(), stream.write(), secret.read(),
            kept.read()],
)

app = App(name="resources-retention", functions=[worker])
