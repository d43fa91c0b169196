"""LK432: SnapStart with 2 GB of ephemeral storage; SnapStart allows only the default 512 MB."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    alias="live",
    snap_start=True,
    ephemeral_storage=2048,
)

app = App(name="lk432", functions=[worker])
