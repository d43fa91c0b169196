"""LK210: one function granted read and write on 200 tables: too much policy for one role."""

from lambdakit import App, Function, Table

tables = [Table.existing(name=f"orders-{number:03}") for number in range(200)]

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    grants=[table.read_write() for table in tables],
)

app = App(name="lk210", functions=[worker])
