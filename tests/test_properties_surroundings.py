"""Property-based tests over a function's surroundings: any valid combination of layers, VPC,
EFS, package type, runtime updates, alias, SnapStart, provisioned concurrency (fixed or
auto scaled) and gradual deployment synthesises to a template the SAM transform and
cfn-lint accept, with no unexplained wildcard; and any value at all gives either a
template or lambdakit diagnostics, never another exception."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import (
    examples,
    second_opinion_findings,
    synth_app,
    wildcard_statements_without_reason,
)
from hypothesis import given
from hypothesis import strategies as st
from resource_specs import spec_refusals

from lambdakit import (
    AllAtOnce,
    App,
    Canary,
    EfsMount,
    Function,
    Imported,
    Key,
    LambdakitError,
    Layer,
    Linear,
    ProvisionedConcurrency,
    ScheduledCapacity,
    Table,
    Topic,
    Vpc,
)
from lambdakit.events import PostTrafficHook, PreTrafficHook
from lambdakit.model.deployment import DEPLOYMENT_EVENTS

GOLDENS = Path(__file__).resolve().parent / "goldens"
CODE = str(GOLDENS / "_code")
LAYER_CODE = str(GOLDENS / "_layers" / "shared")
ACCESS_POINT = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-{:017x}"
hex17 = st.integers(0, 16**17 - 1).map("{:017x}".format)
subnets = st.lists(hex17.map("subnet-{}".format) | st.sampled_from(
    [Imported("net-SubnetA"), Imported("net-SubnetB")]), min_size=2, max_size=4, unique=True)
groups = st.lists(hex17.map("sg-{}".format), min_size=1, max_size=5, unique=True)


@st.composite
def surrounded_apps(draw: st.DrawFn) -> App:
    """A valid function: every warning these options can raise is acknowledged or avoided."""
    architecture = draw(st.sampled_from(["arm64", "x86_64"]))
    layers = [Layer(id=f"Layer{n}", code=LAYER_CODE, compatible_runtimes=["python3.13"],
                    compatible_architectures=[architecture])
              for n in range(draw(st.integers(0, 2)))]
    layers += [Layer.existing(arn=f"arn:aws:lambda:us-east-1:123456789012:layer:ext{n}:{n + 1}",
                              compatible_architectures=[architecture])
               for n in range(draw(st.integers(0, 3)))]
    vpc = draw(st.none() | st.builds(Vpc, subnet_ids=subnets, security_group_ids=groups,
                                     ipv6_allowed_for_dual_stack=st.booleans()))
    mount = None
    if vpc is not None and draw(st.booleans()):
        mount = EfsMount(access_point_arn=ACCESS_POINT.format(draw(st.integers(0, 2**40))),
                         mount_path=draw(st.from_regex(r"/mnt/[a-z0-9_.-]{1,20}",
                                                       fullmatch=True)),
                         read_only=draw(st.booleans()))
    alias = draw(st.none() | st.from_regex(r"[a-z][a-z0-9_-]{0,20}", fullmatch=True))
    table = Table(id="Orders", partition_key="pk")
    settings_: dict = {"id": "Worker", "architecture": architecture, "vpc": vpc,
                       "file_system": mount, "alias": alias,
                       "grants": [table.read()] if draw(st.booleans()) else [],
                       "acknowledge": {"LK412": "the subnets have a DynamoDB endpoint"}}
    if draw(st.booleans()):
        digest = "sha256:" + "ab" * 32
        settings_["image_uri"] = f"123456789012.dkr.ecr.us-east-1.amazonaws.com/w@{digest}"
    else:
        settings_.update(handler="svc.handler.handle", code=CODE, runtime="python3.13",
                         layers=layers,
                         runtime_updates=draw(st.none() | st.sampled_from(
                             ["auto", "function_update"])),
                         snap_start=alias is not None and mount is None and draw(st.booleans()))
    if alias is not None and not settings_.get("snap_start"):
        settings_["provisioned_concurrency"] = draw(st.none() | st.integers(1, 900)
                                                    | scaled_concurrency())
    return App(name="props", functions=[Function(**settings_)])


@st.composite
def scaled_concurrency(draw: st.DrawFn) -> ProvisionedConcurrency:
    """Auto scaling within the default account's 900 of shared concurrency."""
    minimum = draw(st.integers(1, 900))
    cooldowns = st.none() | st.integers(0, 3600)
    maximum = draw(st.integers(minimum, 900))
    return ProvisionedConcurrency(
        minimum=minimum, maximum=maximum,
        target_utilization=draw(st.floats(0.01, 0.99)),
        scale_in_cooldown=draw(cooldowns), scale_out_cooldown=draw(cooldowns),
        disable_scale_in=draw(st.booleans()),
        statistic=draw(st.sampled_from(["Average", "Maximum"])),
        schedules=draw(st.lists(scheduled_capacity(minimum, maximum), max_size=3,
                                unique_by=lambda schedule: schedule.name)))


@st.composite
def scheduled_capacity(draw: st.DrawFn, minimum: int, maximum: int) -> ScheduledCapacity:
    """A valid scheduled change of the range: a bound it leaves unset keeps the base's."""
    schedule = draw(st.sampled_from(["cron(0 8 ? * MON-FRI *)", "cron(30 19 L * ? 2027)",
                                     "rate(1 day)", "rate(12 hours)", "at(2027-03-01T06:00:00)"]))
    zone = None if schedule.startswith("rate") else draw(
        st.none() | st.sampled_from(["UTC", "Europe/Berlin", "America/New_York"]))
    low = draw(st.integers(1, 900))
    high = draw(st.integers(low, 900))
    bounds = draw(st.sampled_from(["both", "minimum", "maximum"]))
    start = draw(st.none() | st.datetimes(dt.datetime(2026, 1, 1), dt.datetime(2027, 1, 1)))
    return ScheduledCapacity(
        name=draw(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,30}[A-Za-z0-9]", fullmatch=True)),
        schedule=schedule, timezone=zone,
        minimum=low if bounds == "both" else min(low, maximum) if bounds == "minimum" else None,
        maximum=high if bounds == "both" else max(high, minimum) if bounds == "maximum" else None,
        start=start, end=None if start is None else start + dt.timedelta(days=draw(
            st.integers(1, 400))))


@examples()
@given(surrounded_apps())
def test_any_valid_surroundings_transform_and_lint_clean(app: App) -> None:
    result = synth_app(app, base_dir=GOLDENS)
    assert [d.headline() for d in result.warnings] == []
    assert second_opinion_findings(result.template, result.origins) == []
    assert spec_refusals(result.template) == []
    assert wildcard_statements_without_reason(result.template) == []


@examples(40)
@given(layer_count=st.integers(0, 7), subnet=st.text(max_size=30),
       group_count=st.integers(0, 7), mount_path=st.text(max_size=30),
       alias=st.none() | st.text(max_size=20), snap_start=st.booleans(),
       image=st.none() | st.text(max_size=60), storage=st.none() | st.integers(0, 20_000),
       provisioned=st.none() | st.integers(-5, 2000) | st.builds(
           ProvisionedConcurrency, minimum=st.integers(-5, 2000), maximum=st.integers(-5, 2000),
           target_utilization=st.floats(allow_nan=True, allow_infinity=True),
           scale_in_cooldown=st.none() | st.integers(-10, 10)))
def test_any_surroundings_give_a_template_or_diagnostics(
        layer_count: int, subnet: str, group_count: int, mount_path: str, alias: str | None,
        snap_start: bool, image: str | None, storage: int | None,
        provisioned: int | ProvisionedConcurrency | None) -> None:
    try:
        layers = [Layer.existing(arn=f"arn:aws:lambda:us-east-1:123456789012:layer:l{n}:1")
                  for n in range(layer_count)]
        vpc = Vpc(subnet_ids=[subnet], security_group_ids=[f"sg-{n:017x}"
                                                           for n in range(group_count)])
        mount = EfsMount(access_point_arn=ACCESS_POINT.format(1), mount_path=mount_path)
        package: dict = ({"image_uri": image} if image is not None else
                         {"handler": "svc.handler.handle", "code": CODE, "runtime": "python3.13",
                          "layers": layers})
        worker = Function(id="Worker", vpc=vpc, file_system=mount, alias=alias,
                          snap_start=snap_start, ephemeral_storage=storage,
                          provisioned_concurrency=provisioned, **package)
        synth_app(App(name="props", functions=[worker]), base_dir=GOLDENS)
    except LambdakitError as exc:
        assert any(d.is_error for d in exc.diagnostics)


@st.composite
def deployed_apps(draw: st.DrawFn) -> App:
    """A gradually deployed function, any valid shape, with or without hooks and alarms."""
    percent = draw(st.integers(1, 99))
    steps = -(-100 // percent)
    shape = draw(st.sampled_from(["canary", "linear", "all"]))
    alarms = draw(st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,30}", fullmatch=True),
                           max_size=9, unique=True))
    common: dict = {"alarms": alarms, "error_alarm": True}
    if draw(st.booleans()):  # notifications, to a topic under AWS's key or a customer key
        common["notify"] = Topic(id="Releases", key=Key(id="ReleasesKey")
                                 if draw(st.booleans()) else None)
        common["notify_on"] = draw(st.lists(st.sampled_from(DEPLOYMENT_EVENTS), min_size=1))
    deployment: Canary | Linear | AllAtOnce
    if shape == "canary":
        deployment = Canary(percent=percent, minutes=draw(st.integers(1, 2880)), **common)
    elif shape == "linear":
        most = 2880 // max(steps - 1, 1)
        deployment = Linear(percent=percent, every_minutes=draw(st.integers(1, most)), **common)
    else:
        deployment = AllAtOnce(**common)
    target = Function(id="Api", handler="svc.handler.handle", code=CODE, runtime="python3.13",
                      alias=draw(st.sampled_from(["live", "prod"])), deployment=deployment,
                      provisioned_concurrency=draw(st.none() | st.integers(1, 5)))
    hooks = [Function(id=f"{hook.__name__}Check", handler="svc.handler.handle", code=CODE,
                      runtime="python3.13", environment={"NEW_VERSION": target.version},
                      grants=[target.invoke()], events=[hook(function=target)])
             for hook in (PreTrafficHook, PostTrafficHook) if draw(st.booleans())]
    return App(name="props", functions=[target, *hooks])


@examples()
@given(deployed_apps())
def test_any_valid_deployment_transforms_and_lints_clean(app: App) -> None:
    result = synth_app(app, base_dir=GOLDENS)
    assert [d.headline() for d in result.warnings] == []
    assert second_opinion_findings(result.template, result.origins) == []
    assert spec_refusals(result.template) == []
    assert wildcard_statements_without_reason(result.template) == []


@examples(25)
@given(percent=st.integers(-5, 120), minutes=st.integers(-5, 5000),
       linear=st.booleans(), alias=st.none() | st.just("live"),
       alarms=st.lists(st.text(max_size=300), max_size=12))
def test_any_deployment_gives_a_template_or_diagnostics(
        percent: int, minutes: int, linear: bool, alias: str | None, alarms: list[str]) -> None:
    try:
        deployment = (Linear(percent=percent, every_minutes=minutes, alarms=alarms) if linear
                      else Canary(percent=percent, minutes=minutes, alarms=alarms))
        api = Function(id="Api", handler="svc.handler.handle", code=CODE, runtime="python3.13",
                       alias=alias, deployment=deployment)
        synth_app(App(name="props", functions=[api]), base_dir=GOLDENS)
    except LambdakitError as exc:
        assert any(d.is_error for d in exc.diagnostics)
