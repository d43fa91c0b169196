"""LK345: CORS that allows every origin and credentials, which browsers refuse."""

from lambdakit import App, Function
from lambdakit.events import Cors, FunctionUrl

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[FunctionUrl(cors=Cors(allow_origins=["*"], allow_credentials=True))],
)

app = App(name="lk345", functions=[worker])
