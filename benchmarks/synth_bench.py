"""How long `lambdakit synth` takes, as a user runs it: the installed console script, a whole
process per synth.

Run it from the repository root with the interpreter of the environment lambdakit is installed
in; the `lambdakit` script beside that interpreter (the environment's `bin/`) is what is timed:

    python benchmarks/synth_bench.py                  # sizes 1, 10, 100, 500; 5 runs each
    python benchmarks/synth_bench.py --repeat 9 --sizes 1,100
    python benchmarks/synth_bench.py --json           # the same results as JSON
    python benchmarks/synth_bench.py --edited-app     # the app changed before every synth

For each size it generates an app of that many functions in a temporary directory, runs
`lambdakit synth app.py -o template.yaml` `--repeat` times and reports the median and minimum
wall time, its CPU time and the child's peak RSS, with the load average before and after. The
floor is a stdlib-only script that builds the same template as plain dict literals and writes it
with `json.dumps`: the price of starting Python and writing the bytes. The libraries' floor
imports what a synth imports from pydantic, click, PyYAML and awacs and does nothing else:
"lambdakit s" is the median synth minus that, the part lambdakit's own code decides. The three
run alternately. One extra synth runs under `-X importtime` to prove that boto3, botocore,
samtranslator and cfnlint stay off the synth path; the script exits 1 if any of them is imported.

Targets: at most 0.25 s for one function, at most 1 ms per additional function.

CloudFormation allows 200 outputs and 500 resources in one template. Each generated function
gives two outputs (`<Id>Arn`, `<Id>Name`) and three resources (function, role, log group; the
SAM transform adds none to these functions), checked on every size's first synth, so one app
holds at most 100 functions (past 100 lambdakit reports LK011, past 166 also LK007). The
console script refuses larger apps, so they run the same CLI entry point (`lambdakit.cli.main`)
in `python -c`, with those quotas lifted in the child first (marked "quotas lifted"): the
scaling of the pipeline itself is still measured, by the same interpreter and installation.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

DEFAULT_SIZES = (1, 10, 100, 500)
TARGET_ONE_FUNCTION_S = 0.25
TARGET_PER_FUNCTION_MS = 1.0
RESOURCES_PER_FUNCTION, OUTPUTS_PER_FUNCTION = 3, 2
STACK_RESOURCES_MAX, STACK_OUTPUTS_MAX = 500, 200
FORBIDDEN_IMPORTS = ("boto3", "botocore", "samtranslator", "cfnlint")

# The real CLI entry point with CloudFormation's per-template quotas lifted, for apps over 100
# functions: lambdakit's checks of them (LK007 and any later one), and troposphere's own caps
# where lambdakit compiles through troposphere's Template (before 2026-11, and only then: the
# synth does not import troposphere otherwise, and neither does this).
LIFTED_QUOTA_SYNTH = """\
import sys
from lambdakit.cli.process import prepare_short_run
prepare_short_run()  # as the CLI's main() does, before anything loads pydantic
from lambdakit.limits import quotas
for name in ("STACK_RESOURCES_MAX", "STACK_OUTPUTS_MAX", "TEMPLATE_BODY_INLINE_MAX_BYTES",
             "TEMPLATE_S3_MAX_BYTES"):
    if hasattr(quotas, name):
        setattr(quotas, name, getattr(quotas, name)._replace(value=10**9))
import lambdakit.compile
if "troposphere" in sys.modules:
    sys.modules["troposphere"].MAX_RESOURCES = sys.modules["troposphere"].MAX_OUTPUTS = 10**9
from lambdakit.cli import main
main()
"""

HANDLER_SOURCE = '''\
"""Handler of a generated benchmark function."""


def handle(event, context):
    return {"ok": True, "echo": event}
'''

# The floor: a stdlib-only script that builds the same template as plain dict literals (written
# out from lambdakit's own JSON for that app, in `floor_data_<n>.py`) and writes it with json.dumps.
FLOOR_SOURCE = """\
import importlib
import json
import sys

template = importlib.import_module("floor_data_" + sys.argv[1]).TEMPLATE
with open(sys.argv[2], "w", encoding="utf-8") as stream:
    stream.write(json.dumps(template, indent=2, ensure_ascii=False) + "\\n")
"""


# The libraries a one-function synth imports (`python -X importtime`), imported and nothing
# done: Python's start plus pydantic, click, PyYAML and awacs, the part of a synth's time that
# lambdakit's own code does not decide.
LIBRARIES_SOURCE = """\
import click
import yaml
import awacs.aws
from pydantic import (BaseModel, ConfigDict, Field, InstanceOf, PrivateAttr, ValidationError,
                      field_validator, model_validator)
from pydantic_core import PydanticCustomError
"""


@dataclass
class Run:
    seconds: float  # wall time
    cpu_seconds: float  # the child's user + system time: less sensitive to a busy machine
    max_rss_kib: int


@dataclass
class SizeResult:
    functions: int
    quota_lifted: bool
    runs: int
    median_s: float
    min_s: float
    median_cpu_s: float
    peak_rss_mib: float
    floor_median_s: float
    floor_min_s: float
    ratio_to_floor: float
    floor_matches_synth: bool
    libraries_median_s: float  # LIBRARIES_SOURCE, run alternately with the synth


# --------------------------------------------------------------------------- generated apps


def function_source(i: int) -> str:
    """One realistic function declaration; every one but the first references its neighbour."""
    peer = f'\n        "PEER_FUNCTION_ARN": worker_{i - 1:04d}.arn,' if i else ""
    return f'''
worker_{i:04d} = Function(
    id="Worker{i:04d}",
    handler="handler.handle",
    code="src/worker_{i:04d}",
    runtime="python3.13",
    memory={256 + 128 * (i % 4)},
    timeout={10 + i % 20},
    description="Benchmark worker {i}",
    environment={{
        "POWERTOOLS_SERVICE_NAME": "bench",
        "LOG_LEVEL": "INFO",
        "TABLE_NAME": "orders-{i}",{peer}
    }},
    tags={{"component": "c{i % 5}"}},
)
'''


def app_source(count: int) -> str:
    names = ", ".join(f"worker_{i:04d}" for i in range(count))
    body = "".join(function_source(i) for i in range(count))
    return (f'"""Generated benchmark app: {count} functions."""\n\n'
            "from lambdakit import App, Function\n"
            f"{body}\n"
            f'app = App(name="bench{count}", functions=[{names}],\n'
            '          tags={"team": "platform", "cost-center": "4200"})\n')


def write_app(root: Path, count: int) -> Path:
    """`root/app.py` plus one code directory with a handler file per function."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        code = root / "src" / f"worker_{i:04d}"
        code.mkdir(parents=True, exist_ok=True)
        (code / "handler.py").write_text(HANDLER_SOURCE, encoding="utf-8")
    app = root / "app.py"
    app.write_text(app_source(count), encoding="utf-8")
    return app


def needs_lifted_quota(count: int) -> bool:
    return (count * RESOURCES_PER_FUNCTION > STACK_RESOURCES_MAX
            or count * OUTPUTS_PER_FUNCTION > STACK_OUTPUTS_MAX)


def console_script() -> Path:
    """The `lambdakit` command installed beside this interpreter, as a user's shell finds it."""
    return Path(sys.executable).parent / "lambdakit"


def synth_command(app: Path, out: Path, count: int, *extra: str) -> list[str]:
    if needs_lifted_quota(count):
        entry = [sys.executable, "-c", LIFTED_QUOTA_SYNTH]
    else:
        entry = [str(console_script())]
    return [*entry, "synth", str(app), "-o", str(out), *extra]


def check_template_shape(template_json: Path, count: int) -> None:
    """The quota arithmetic above holds for what synth emits, or the sizes it marks are wrong."""
    template = json.loads(template_json.read_text(encoding="utf-8"))
    shape = (len(template["Resources"]), len(template.get("Outputs", {})))
    expected = (count * RESOURCES_PER_FUNCTION, count * OUTPUTS_PER_FUNCTION)
    if shape != expected:
        raise SystemExit(f"{count} functions gave {shape[0]} resources and {shape[1]} outputs, "
                         f"expected {expected[0]} and {expected[1]}: update "
                         "RESOURCES_PER_FUNCTION, OUTPUTS_PER_FUNCTION and the docstring")


# --------------------------------------------------------------------------- measuring


def child_environment(workdir: Path) -> dict[str, str]:
    """Bytecode cached as in a user's install (pip compiles it), kept inside `workdir`:
    PYTHONDONTWRITEBYTECODE would make every child recompile lambdakit's own modules."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    return env


def run_child(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run one child to completion: its wall time, and its own CPU time and peak RSS (wait4)."""
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                 stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            stderr.seek(0)
            detail = stderr.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"failed ({child.returncode}): {' '.join(command[:4])} ...\n{detail}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(elapsed, cpu, usage.ru_maxrss)  # ru_maxrss is in KiB on Linux


def write_floor_data(workdir: Path, count: int, synth_json: Path) -> None:
    """The template lambdakit wrote for this app, as one Python dict literal."""
    template = json.loads(synth_json.read_text(encoding="utf-8"))
    (workdir / f"floor_data_{count}.py").write_text(f"TEMPLATE = {template!r}\n", encoding="utf-8")


def floor_matches(floor_json: Path, synth_json: Path) -> bool:
    """The floor must write what lambdakit writes, or it is not a floor for it."""
    return floor_json.read_bytes() == synth_json.read_bytes()


def measure_size(workdir: Path, count: int, times: int, edited: bool = False) -> SizeResult:
    """`edited`: the app file changes before every timed synth (a comment line), so its cached
    bytecode never matches and each synth compiles it, as after a user's edit."""
    env = child_environment(workdir)
    root = workdir / f"app{count}"
    app = write_app(root, count)
    floor = [sys.executable, str(workdir / "floor.py"), str(count), str(root / "floor.json")]
    # Warm-up (bytecode, page cache); lambdakit's JSON gives the floor its template.
    run_child(synth_command(app, root / "template.json", count, "--format", "json"), root, env)
    check_template_shape(root / "template.json", count)
    write_floor_data(workdir, count, root / "template.json")
    run_child(floor, root, env)
    matches = floor_matches(root / "floor.json", root / "template.json")
    libraries = [sys.executable, str(workdir / "libraries.py")]
    run_child(libraries, root, env)
    # Alternating, so that a machine that speeds up or slows down meanwhile (a shared VM does)
    # moves all three alike.
    synth, floor_runs, library_runs = [], [], []
    source = app.read_text(encoding="utf-8")
    for run in range(times):
        if edited:
            app.write_text(f"{source}# edit {run}\n", encoding="utf-8")
        synth.append(run_child(synth_command(app, root / "template.yaml", count), root, env))
        floor_runs.append(run_child(floor, root, env))
        library_runs.append(run_child(libraries, root, env))
    median = statistics.median(r.seconds for r in synth)
    floor_median = statistics.median(r.seconds for r in floor_runs)
    return SizeResult(
        functions=count, quota_lifted=needs_lifted_quota(count), runs=times,
        median_s=median, min_s=min(r.seconds for r in synth),
        median_cpu_s=statistics.median(r.cpu_seconds for r in synth),
        peak_rss_mib=max(r.max_rss_kib for r in synth) / 1024,
        floor_median_s=floor_median, floor_min_s=min(r.seconds for r in floor_runs),
        ratio_to_floor=median / floor_median, floor_matches_synth=matches,
        libraries_median_s=statistics.median(r.seconds for r in library_runs),
    )


def forbidden_imports(workdir: Path, count: int) -> list[str]:
    """Top-level packages of FORBIDDEN_IMPORTS that one synth imports (`-X importtime`, set
    through the environment so that it reaches the console script's interpreter)."""
    root = workdir / f"app{count}"
    command = synth_command(root / "app.py", root / "importcheck.yaml", count)
    env = {**child_environment(workdir), "PYTHONPROFILEIMPORTTIME": "1"}
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True,
                          check=True)
    imported = {line.rsplit("|", 1)[1].strip().split(".", 1)[0]
                for line in done.stderr.splitlines()
                if line.startswith("import time:") and line.count("|") == 2}
    return sorted(imported.intersection(FORBIDDEN_IMPORTS))


# --------------------------------------------------------------------------- reporting


@dataclass
class Report:
    python: str
    cpus: int | None
    command: str  # what was timed: the console script (sizes within the quotas)
    load_average: tuple[float, float]  # 1-minute load average before and after the runs
    sizes: list[SizeResult]
    per_function_ms: float | None
    targets: dict[str, bool]
    forbidden_imports: list[str]
    edited_app: bool  # every synth compiled the app file (no cached bytecode of it)


def per_function_ms(results: list[SizeResult]) -> float | None:
    """(t_largest - t_smallest) / (n_largest - n_smallest), on medians: (t500 - t1) / 499."""
    if len(results) < 2:
        return None
    small, large = results[0], results[-1]
    return (large.median_s - small.median_s) / (large.functions - small.functions) * 1000


def verdicts(results: list[SizeResult], slope_ms: float | None) -> dict[str, bool]:
    checks = {}
    one = next((r for r in results if r.functions == 1), None)
    if one is not None:
        checks[f"<= {TARGET_ONE_FUNCTION_S} s at 1 function (median)"] = (
            one.median_s <= TARGET_ONE_FUNCTION_S)
    if slope_ms is not None:
        checks[f"<= {TARGET_PER_FUNCTION_MS} ms per additional function"] = (
            slope_ms <= TARGET_PER_FUNCTION_MS)
    return checks


def print_report(report: Report) -> None:
    results = report.sizes
    edited = ", app file edited before each synth" if report.edited_app else ""
    print(f"python {report.python}, {report.cpus} CPUs, {results[0].runs} runs per size"
          f"{edited}, load average {report.load_average[0]:.2f} before, "
          f"{report.load_average[1]:.2f} after\ntimed: {report.command} synth\n")
    print(f"{'functions':>9}  {'median s':>8}  {'min s':>7}  {'CPU s':>6}  {'peak RSS MiB':>12}  "
          f"{'floor s':>7}  {'x floor':>7}  {'libraries s':>11}  {'lambdakit s':>11}  note")
    for r in results:
        notes = ["quotas lifted"] if r.quota_lifted else []
        if not r.floor_matches_synth:
            notes.append("FLOOR DIFFERS FROM SYNTH")
        print(f"{r.functions:>9}  {r.median_s:>8.3f}  {r.min_s:>7.3f}  {r.median_cpu_s:>6.3f}  "
              f"{r.peak_rss_mib:>12.1f}  "
              f"{r.floor_median_s:>7.3f}  {r.ratio_to_floor:>7.1f}  "
              f"{r.libraries_median_s:>11.3f}  {r.median_s - r.libraries_median_s:>11.3f}  "
              f"{', '.join(notes)}")
    if report.per_function_ms is not None:
        first, last = results[0].functions, results[-1].functions
        print(f"\nper additional function: {report.per_function_ms:.2f} ms "
              f"(median t{last} - t{first}) / {last - first}")
    for name, ok in report.targets.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    found = report.forbidden_imports
    status = f"FAIL  imported {', '.join(found)}" if found else "PASS  none imported"
    print(f"{status} ({', '.join(FORBIDDEN_IMPORTS)} must stay off the synth path)")


def benchmark(workdir: Path, sizes: list[int], times: int, edited: bool = False) -> Report:
    (workdir / "floor.py").write_text(FLOOR_SOURCE, encoding="utf-8")
    (workdir / "libraries.py").write_text(LIBRARIES_SOURCE, encoding="utf-8")
    load_before = os.getloadavg()[0]
    results = [measure_size(workdir, count, times, edited) for count in sizes]
    slope_ms = per_function_ms(results)
    return Report(python=sys.version.split()[0], cpus=os.cpu_count(),
                  command=str(console_script()), load_average=(load_before, os.getloadavg()[0]),
                  sizes=results,
                  per_function_ms=slope_ms, targets=verdicts(results, slope_ms),
                  forbidden_imports=forbidden_imports(workdir, sizes[0]), edited_app=edited)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark `lambdakit synth` as a process.")
    parser.add_argument("--repeat", type=int, default=5, help="runs per size (default 5)")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated function counts (default 1,10,100,500)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--edited-app", action="store_true",
                        help="change the app file before every synth, so that its cached "
                             "bytecode is never used (the first synth after an edit)")
    parser.add_argument("--workdir", type=Path,
                        help="generate the apps here and keep them (default: a temp dir)")
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(size) for size in args.sizes.split(",") if size.strip()})
    except ValueError:
        parser.error("--sizes takes comma-separated integers, e.g. 1,10,100,500")
    if not args.sizes or min(args.sizes) < 1 or args.repeat < 1:
        parser.error("sizes and --repeat must be positive")
    if not console_script().is_file():
        parser.error(f"no {console_script()}: run this with the Python of an environment where "
                     "lambdakit is installed (pip install -e . or pip install .)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        report = benchmark(args.workdir.resolve(), args.sizes, args.repeat, args.edited_app)
    else:
        with tempfile.TemporaryDirectory(prefix="lambdakit-bench-") as workdir:
            report = benchmark(Path(workdir), args.sizes, args.repeat, args.edited_app)
    if args.json:
        print(json.dumps(asdict(report), indent=2))
    else:
        print_report(report)
    return 1 if report.forbidden_imports else 0


if __name__ == "__main__":
    sys.exit(main())
