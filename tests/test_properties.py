"""Property-based tests over `Function`: every valid one synthesises to a template that the SAM
transform and cfn-lint accept; every invalid value is a lambdakit error, never a traceback."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXED_DAY, examples, second_opinion_findings, synth_app
from hypothesis import given
from hypothesis import strategies as st
from resource_specs import spec_refusals

from lambdakit import App, Function, LambdakitError, Logging
from lambdakit.limits import quotas as q
from lambdakit.limits.runtimes import RUNTIMES
from lambdakit.plan.secrets import POINTER_NAME, SECRET_NAME

GOLDENS = Path(__file__).resolve().parent / "goldens"
CODE = GOLDENS / "_code"
HANDLERS = {"python": "svc.handler.handle", "nodejs": "svc/handler.handle"}
LIVE_RUNTIMES = sorted(
    name for name, r in RUNTIMES.items()
    if r.family in HANDLERS and not r.container_only
    and (r.deprecated is None or r.deprecated > FIXED_DAY)
)

ids = st.from_regex(r"[A-Z][A-Za-z0-9]{0,30}", fullmatch=True)
env_names = st.from_regex(r"[A-Z][A-Z0-9_]{1,20}", fullmatch=True).filter(
    lambda n: n not in q.RESERVED_ENV_VARS
    and not (SECRET_NAME.search(n) and not POINTER_NAME.search(n)))
# cfn-lint rightly warns (W1054) on a literal "AWS::AccountId": lambdakit maps that finding to
# the user's line through `validate`; valid values here are ordinary text.
env_values = st.text(alphabet=string.ascii_letters + string.digits + " -_./:é", max_size=60
                     ).filter(lambda v: "AWS::" not in v)
tag_text = st.text(alphabet=string.ascii_letters + string.digits + " _.:/=+-@", max_size=40)
# cfn-lint 1.x treats tag keys such as "true" and "FALSE" as one boolean and reports them as
# duplicates (E3024); that is cfn-lint's quirk, not a template AWS refuses.
BOOLEAN_WORDS = {"true", "false", "yes", "no", "on", "off"}
tag_keys = tag_text.filter(lambda k: k and not k.lower().startswith("aws:") and k.strip() == k
                           and k.lower() not in BOOLEAN_WORDS)


@st.composite
def valid_functions(draw: st.DrawFn) -> dict[str, Any]:
    runtime = draw(st.sampled_from(LIVE_RUNTIMES))
    family = RUNTIMES[runtime].family
    log_format = draw(st.sampled_from(["JSON", "Text"]))
    json_levels = log_format == "JSON"
    logging = Logging(
        format=log_format,
        application_level=draw(st.sampled_from([None, "TRACE", "DEBUG", "INFO", "WARN", "ERROR",
                                                "FATAL"])) if json_levels else None,
        system_level=draw(st.sampled_from([None, "DEBUG", "INFO", "WARN"]))
        if json_levels else None,
        retention_days=draw(st.sampled_from(q.LOG_RETENTION_ALLOWED_DAYS)),
    )
    return {
        "id": draw(ids),
        "handler": HANDLERS[family],
        "code": str(CODE),
        "runtime": runtime,
        "architecture": draw(st.sampled_from(RUNTIMES[runtime].architectures)),
        "memory": draw(st.integers(q.MEMORY_MIN_MB.value, q.MEMORY_MAX_MB.value)),
        "timeout": draw(st.integers(q.TIMEOUT_MIN_S.value, q.TIMEOUT_MAX_S.value)),
        "ephemeral_storage": draw(st.none() | st.integers(q.EPHEMERAL_STORAGE_MIN_MB.value,
                                                          q.EPHEMERAL_STORAGE_MAX_MB.value)),
        "environment": draw(st.dictionaries(env_names, env_values, max_size=8)),
        "description": draw(st.none() | st.text(string.printable.strip(), max_size=256)),
        "function_name": draw(st.none() | st.from_regex(r"[a-zA-Z0-9_-]{1,64}", fullmatch=True)),
        "tags": draw(st.dictionaries(tag_keys, tag_text, max_size=5)),
        "tracing": draw(st.sampled_from(["active", "pass_through"])),
        "logging": logging,
        "reserved_concurrency": draw(st.none() | st.integers(0, 900)),
        "allow_recursive_loop": draw(st.none() | st.just("bounded by a retry counter")),
    }


# Each example runs the SAM transform and cfn-lint twice: the profile's count (conftest.py).
@examples()
@given(valid_functions())
def test_any_valid_function_transforms_and_lints_clean(kwargs: dict[str, Any]) -> None:
    app = App(name="prop", functions=[Function(**kwargs)])
    result = synth_app(app, base_dir=GOLDENS)
    assert [d for d in result.warnings if d.is_error] == []
    assert second_opinion_findings(result.template, result.origins) == []
    assert spec_refusals(result.template) == []


# Each bad value and the one error code it must give, whatever the valid rest of the function.
BAD_VALUES: list[tuple[str, st.SearchStrategy[Any], str]] = [
    ("id", st.sampled_from(["", "lower", "With-Dash", "A" * 65]), "LK002"),
    ("id", st.sampled_from([3, None]), "LK001"),
    ("handler", st.sampled_from(["", "no dots", "has space.handle"]), "LK132"),
    ("handler", st.sampled_from([7, None]), "LK001"),
    ("code", st.just("does/not/exist"), "LK133"),
    ("code", st.sampled_from([5, None]), "LK001"),
    ("runtime", st.sampled_from(["cobol", ""]), "LK120"),
    ("runtime", st.sampled_from(["python2.7", "python3.6"]), "LK122"),
    ("runtime", st.just(3.12), "LK001"),
    ("architecture", st.sampled_from(["arm", "x86", "", None]), "LK001"),
    ("memory", st.integers(max_value=127) | st.integers(min_value=10241), "LK101"),
    ("memory", st.just("512"), "LK001"),
    ("timeout", st.integers(max_value=0) | st.integers(min_value=901), "LK104"),
    ("timeout", st.just(1.5), "LK001"),
    ("ephemeral_storage", st.integers(max_value=511) | st.integers(min_value=10241), "LK105"),
    ("environment", st.just({"BIG": "x" * 5000}), "LK110"),
    ("environment", st.just({"AWS_REGION": "x"}), "LK111"),
    ("environment", st.just({"1BAD": "x"}), "LK112"),
    ("environment", st.just({"DB_PASSWORD": "hunter2"}), "LK113"),
    ("environment", st.sampled_from([{"N": 1}, ["A"]]), "LK001"),
    ("description", st.text(min_size=257, max_size=300), "LK131"),
    ("description", st.just(12), "LK001"),
    ("function_name", st.sampled_from(["has space", "x" * 65, "", "dot.name"]), "LK130"),
    ("tags", st.sampled_from([{"k": "v" * 257}, {f"k{i}": "v" for i in range(60)},
                              {"k": "bad;char"}]), "LK160"),
    ("tags", st.just({"aws:owner": "x"}), "LK161"),
    ("tags", st.just({"k": 1}), "LK001"),
    ("tracing", st.sampled_from(["Active", "on", True]), "LK001"),
    ("reserved_concurrency", st.integers(max_value=-1) | st.integers(min_value=901), "LK140"),
    ("allow_recursive_loop", st.sampled_from(["", "   "]), "LK170"),
    ("kms_key_arn", st.sampled_from(["not-an-arn", "arn:aws:s3:::bucket"]), "LK010"),
    ("acknowledge", st.sampled_from([{"LK104": "errors cannot be acknowledged"},
                                     {"LK999": "no such code"}, {"LK121": ""}]), "LK004"),
    ("memroy", st.just(512), "LK001"),
]
# Codes a bad value may bring besides its own, and why.
ALSO_REPORTED = {
    "LK122": {"LK123"},  # the retired runtimes ran on x86_64 only: arm64 is refused as well
}


@examples(40)
@given(valid_functions(), st.sampled_from(BAD_VALUES), st.data())
def test_any_invalid_value_is_rejected_with_its_code(
        kwargs: dict[str, Any], bad: tuple[str, st.SearchStrategy[Any], str],
        data: st.DataObject) -> None:
    field, values, code = bad
    kwargs[field] = data.draw(values, label=field)
    with pytest.raises(LambdakitError) as caught:
        app = App(name="prop", functions=[Function(**kwargs)])
        synth_app(app, base_dir=GOLDENS)
    errors = {d.code for d in caught.value.diagnostics if d.is_error}
    assert code in errors
    assert errors - {code} <= ALSO_REPORTED.get(code, set())
    assert all(d.origin.line > 0 for d in caught.value.diagnostics)
