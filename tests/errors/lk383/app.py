"""LK383: destinations that lead back to the function they belong to (named by their physical
name, as `Function.existing(...)`)."""

from lambdakit import App, Function, Queue

failures = Queue(id="Failures")

# Its own success destination.
ingest = Function(
    id="Ingest",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    function_name="ingest",
    on_success=Function.existing(name="ingest"),
    on_failure=failures,
    acknowledge={"LK384": "invoked asynchronously by the upload service"},
)
# Through another function: Enrich → Audit → enrich.
audit = Function(
    id="Audit",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    on_success=Function.existing(arn="arn:aws:lambda:us-east-1:123456789012:function:enrich"),
    on_failure=failures,
)
enrich = Function(
    id="Enrich",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    function_name="enrich",
    on_success=audit,
    on_failure=failures,
    acknowledge={"LK384": "invoked asynchronously by the upload service"},
)

app = App(name="lk383", functions=[ingest, enrich])
