"""lambdakit's YAML writer against PyYAML's own dumper with cfn-flip's dialect as representers.

Run it from the repository root with the project's interpreter:

    python benchmarks/render_bench.py                  # 100 and 500 functions, 9 renders each
    python benchmarks/render_bench.py --sizes 500 --repeat 15

The question (issue 16): could `lambdakit/render/cfn_yaml.py` (template → YAML events → libyaml)
and its libyaml-compatible fallback `pure_emitter.py` give way to `yaml.CSafeDumper` with a few
representers? The dumper here is the smallest one that writes the same dialect: one-key `Ref`,
`Condition` and `Fn::*` mappings as short-form tags, `text_style`'s quoting, no anchors, never a
folded line, keys in `canonical`'s order (an ordered copy, since a representer has no place).

Four writers: `render` (libyaml), `render` as it runs where PyYAML lacks libyaml
(`pure_emitter.LibyamlEmitter`), that dumper on `yaml.CSafeDumper`, and on `yaml.SafeDumper`
(its fallback without libyaml). It renders every golden app (`tests/goldens/*/app.py`) and every
example with each and counts the templates whose bytes equal `render`'s, then times them on the
100- and 500-function apps of `synth_bench.py` (compiled in this process without the stack-size
checks), alternately, in CPU time (`time.process_time`): the median and the fastest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_bench import write_app

from lambdakit.cli.loader import load_app
from lambdakit.compile import compile_app
from lambdakit.compile.plain import template_data
from lambdakit.plan import plan_app
from lambdakit.render import canonical, dump_yaml, render
from lambdakit.render.cfn_yaml import NO_FOLDING, short_form, text_style
from lambdakit.render.pure_emitter import LibyamlEmitter
from lambdakit.synthesis import synthesize

ROOT = Path(__file__).resolve().parent.parent
APPS = sorted((ROOT / "tests" / "goldens").glob("*/app.py")) + sorted(
    (ROOT / "examples").glob("*/app.py"))
FIXED_DAY = dt.date(2026, 11, 22)  # the goldens' day (tests/helpers.py)


def dumper_class(base: type[yaml.SafeDumper] | Any) -> Any:
    """`base` (`yaml.CSafeDumper`, or `yaml.SafeDumper` without libyaml) writing cfn-flip's
    dialect: a text representer, a mapping representer, and no anchors."""

    class CfnDumper(base):  # type: ignore[misc, valid-type]
        def ignore_aliases(self, data: Any) -> bool:
            return True

    def text(dumper: Any, data: str) -> Any:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=text_style(data))

    def mapping(dumper: Any, data: dict[Any, Any]) -> Any:
        short = short_form(data) if len(data) == 1 else None
        if short is None:
            return dumper.represent_mapping("tag:yaml.org,2002:map", data)
        tag, argument = short
        if isinstance(argument, str):
            return dumper.represent_scalar(tag, argument, style=text_style(argument))
        if isinstance(argument, list):
            return dumper.represent_sequence(tag, argument)
        return dumper.represent_mapping(tag, argument)

    CfnDumper.add_representer(str, text)
    CfnDumper.add_representer(dict, mapping)
    return CfnDumper


def dump_with(dumper: Any, width: int) -> Callable[[dict[str, Any]], str]:
    """`width`: libyaml never folds at -1; PyYAML's emitter takes -1 as 80, so it gets a
    width no line reaches."""
    def dump(template: dict[str, Any]) -> str:
        return str(yaml.dump(canonical(template), Dumper=dumper, sort_keys=False,
                             allow_unicode=True, width=width))
    return dump


def without_libyaml(template: dict[str, Any]) -> str:
    """`render` where PyYAML was built without libyaml: `pure_emitter.LibyamlEmitter`."""
    return dump_yaml(template, LibyamlEmitter, reorder=True)


def compare_goldens(dump: Callable[[dict[str, Any]], str]) -> list[str]:
    """The golden and example apps whose template the dumper writes differently."""
    differing = []
    for app_file in APPS:
        result = synthesize(load_app(str(app_file)), base_dir=app_file.parent, today=FIXED_DAY)
        golden = app_file.parent.with_suffix(".yaml")
        if golden.is_file():
            assert result.text == golden.read_text(encoding="utf-8"), golden
        if dump(result.template) != result.text:
            differing.append(app_file.parent.name)
    return differing


def generated_template(functions: int, workdir: Path) -> dict[str, Any]:
    app_file = write_app(workdir / f"app{functions}", functions)
    app = load_app(str(app_file))
    return template_data(compile_app(plan_app(app), app_file.parent).template)


def timed(writers: dict[str, Callable[[dict[str, Any]], object]], template: dict[str, Any],
          repeat: int) -> dict[str, list[float]]:
    """CPU ms of each writer on `template`, `repeat` times, the writers taking turns."""
    times: dict[str, list[float]] = {name: [] for name in writers}
    for _ in range(repeat):
        for name, write in writers.items():
            start = time.process_time()
            write(template)
            times[name].append((time.process_time() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500", help="function counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=9, help="renders per writer and size")
    args = parser.parse_args()

    writers = {"lambdakit render": render,
               "lambdakit render, no libyaml": without_libyaml,
               "CSafeDumper + representers": dump_with(dumper_class(yaml.CSafeDumper), NO_FOLDING),
               "SafeDumper + representers": dump_with(dumper_class(yaml.SafeDumper), sys.maxsize)}
    for name, dump in list(writers.items())[1:]:
        differing = compare_goldens(dump)
        print(f"{name}: {len(APPS) - len(differing)} of {len(APPS)} golden and example "
              "templates byte-identical to lambdakit's"
              + (f" (differ: {', '.join(differing[:3])}...)" if differing else ""))
    with tempfile.TemporaryDirectory() as workdir:
        for functions in (int(size) for size in args.sizes.split(",")):
            template = generated_template(functions, Path(workdir))
            text = render(template)
            times = timed({**writers, "canonical": canonical}, template, args.repeat)
            canonical_ms = statistics.median(times.pop("canonical"))
            print(f"\n{functions} functions ({len(text):,} bytes), CPU ms per render, median / "
                  f"fastest of {args.repeat} (the dumpers' include `canonical`'s ordered copy, "
                  f"{canonical_ms:.1f} ms):")
            for name, measured in times.items():
                same = "same bytes" if writers[name](template) == text else "other bytes"
                print(f"  {name:30} {statistics.median(measured):8.1f} / {min(measured):8.1f}"
                      f"   {same}")


if __name__ == "__main__":
    main()
