"""LK405: code that zips to about 51 MB, more than a direct upload to Lambda takes.

The incompressible file is created here (seeded, so always the same bytes) rather than kept in
the repository; `src/data/` is ignored by git.
"""

import random
from pathlib import Path

from lambdakit import App, Function

SIZE = 51 * 1024 * 1024
DATA = Path(__file__).parent / "src" / "data" / "table.bin"
if not DATA.is_file() or DATA.stat().st_size != SIZE:
    DATA.parent.mkdir(parents=True, exist_ok=True)
    DATA.write_bytes(random.Random(405).randbytes(SIZE))

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
)

app = App(name="lk405", functions=[worker])
