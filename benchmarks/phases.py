"""Where one synth's time goes, step by step, each run in a fresh process.

Run it from the repository root with the project's interpreter:

    python benchmarks/phases.py                         # 500 functions, 5 processes
    python benchmarks/phases.py --functions 1 --runs 9  # the one-function steps

Each run is a new interpreter that times with `time.perf_counter`, in the CLI's order: importing
`lambdakit.cli` and setting up the process as the CLI does, pydantic, PyYAML and awacs,
`lambdakit.model`, the pipeline (rules, iam, compile, render); then the phases of a synth:
`load_app` (bytecode cached by a first, untimed load), `check_app`, `compile_app`,
`template_data` and `render`. It prints the median of each step over the runs, in ms, and per
function. The app is `synth_bench.py`'s, and so is the children's environment (bytecode cached,
as in a user's install); apps over 100 functions run with CloudFormation's per-template quotas
lifted, as there.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_bench import child_environment, needs_lifted_quota, write_app

CHILD = """\
import json, sys, time
steps = {}
def timed(name, work):
    start = time.perf_counter()
    result = work()
    steps[name] = (time.perf_counter() - start) * 1000
    return result
def cli():
    import lambdakit.cli
    from lambdakit.cli.process import prepare_short_run
    prepare_short_run()
timed("import lambdakit.cli and set up the process", cli)
def pydantic():
    from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator
timed("import pydantic (BaseModel, Field, validators)", pydantic)
timed("import PyYAML and awacs", lambda: (__import__("yaml"), __import__("awacs")))
timed("import lambdakit.model", lambda: __import__("lambdakit.model"))
def pipeline():
    import lambdakit.compile, lambdakit.iam, lambdakit.render, lambdakit.rules
timed("import the pipeline (rules, iam, compile, render)", pipeline)
from pathlib import Path
from lambdakit.cli.loader import load_app
from lambdakit.compile import compile_app
from lambdakit.compile.plain import template_data
from lambdakit.plan import plan_app
from lambdakit.render import render
from lambdakit.limits import quotas
from lambdakit.rules import check_app
if LIFT:
    for name in ("STACK_RESOURCES_MAX", "STACK_OUTPUTS_MAX", "TEMPLATE_BODY_INLINE_MAX_BYTES",
                 "TEMPLATE_S3_MAX_BYTES"):
        if hasattr(quotas, name):
            setattr(quotas, name, getattr(quotas, name)._replace(value=10**9))
app = timed("load_app", lambda: load_app(APP))
plan = plan_app(app)
timed("check_app", lambda: check_app(app, plan=plan))
compiled = timed("compile_app", lambda: compile_app(plan, Path(APP).parent))
data = timed("template_data", lambda: template_data(compiled.template))
timed("render", lambda: render(data, "yaml"))
print(json.dumps(steps))
"""


def run_once(app: Path, lift: bool) -> dict[str, float]:
    code = f"APP = {str(app)!r}\nLIFT = {lift!r}\n{CHILD}"
    out = subprocess.run([sys.executable, "-c", code], cwd=app.parent, check=True,
                         capture_output=True, text=True,
                         env=child_environment(app.parent)).stdout
    steps: dict[str, float] = json.loads(out.splitlines()[-1])
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--functions", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        app = write_app(Path(folder), args.functions)
        lift = needs_lifted_quota(args.functions)
        run_once(app, lift)  # writes the bytecode caches, as a first synth does
        runs = [run_once(app, lift) for _ in range(args.runs)]
    print(f"{args.functions} functions, median of {args.runs} processes"
          + (" (quotas lifted)" if lift else ""))
    print(f"{'step':55} {'ms':>8} {'ms/function':>12}")
    for step in runs[0]:
        median = statistics.median(run[step] for run in runs)
        print(f"{step:55} {median:8.1f} {median / args.functions:12.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
