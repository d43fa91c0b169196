"""LK210: one function reading 300 partner buckets, each under its own prefix: too much policy
for one role. The object statements merge into few; each bucket's listing keeps its own prefix
condition, so those cannot."""

from lambdakit import App, Bucket, Function

buckets = [Bucket.existing(name=f"partner-drop-{number:03}") for number in range(300)]

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[bucket.read(prefix=f"tenant-{number:03}/") for number, bucket in enumerate(buckets)],
)

app = App(name="lk210", functions=[worker])
