"""LK404: a layer of 260 MB, more than the 250 MB a function and its layers may take unzipped.

The layer's file is created here, sparse (it takes no disk space), so the repository holds no
large file; `layers/` is ignored by git.
"""

import os
from pathlib import Path

from lambdakit import App, Function, Layer

BLOB = Path(__file__).parent / "layers" / "models" / "python" / "models" / "weights.bin"
BLOB.parent.mkdir(parents=True, exist_ok=True)
with BLOB.open("ab") as blob:
    os.truncate(blob.fileno(), 260 * 1024 * 1024)

models = Layer(id="Models", code="layers/models")

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    layers=[models],
)

app = App(name="lk404", functions=[worker])
