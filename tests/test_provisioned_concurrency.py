"""Provisioned concurrency: on an alias, within the reserved concurrency, never with SnapStart;
fixed, or scaled by Application Auto Scaling between a minimum and a maximum."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXED_DAY, synth_app, synth_file

from lambdakit import App, Function, LambdakitError, ProvisionedConcurrency, ScheduledCapacity
from lambdakit.check.sam import sam_transform
from lambdakit.cli.loader import load_app
from lambdakit.errors import collecting
from lambdakit.plan import plan_app
from lambdakit.rules import check_app

GOLDENS = Path(__file__).resolve().parent / "goldens"
CODE = str(GOLDENS / "_code")
GOLDEN = GOLDENS / "surroundings_provisioned" / "app.py"


def _function(**settings: object) -> Function:
    return Function(id=str(settings.pop("id", "Checkout")),  # type: ignore[arg-type]
                    handler="svc.handler.handle", code=CODE, runtime="python3.13", **settings)


def _codes(*functions: Function, **app: object) -> list[str]:
    return [d.code for d in check_app(App(name="pc", functions=list(functions),  # type: ignore[arg-type]
                                          **app), FIXED_DAY)]


def _scaled(**settings: object) -> ProvisionedConcurrency:
    return ProvisionedConcurrency(**{"minimum": 2, "maximum": 20, **settings})  # type: ignore[arg-type]


def test_on_an_alias_within_the_reserved_concurrency_is_clean() -> None:
    assert _codes(_function(alias="live", provisioned_concurrency=10,
                            reserved_concurrency=10)) == []
    assert _codes(_function(alias="live", provisioned_concurrency=1)) == []


def test_at_least_one_environment() -> None:
    assert _codes(_function(alias="live", provisioned_concurrency=0)) == ["LK435"]


def test_not_with_snapstart() -> None:
    assert _codes(_function(alias="live", provisioned_concurrency=2, snap_start=True)) == [
        "LK432"]
    assert _codes(_function(alias="live", provisioned_concurrency=_scaled(),
                            snap_start=True)) == ["LK432"]


# ------------------------------------------------------------------ auto scaling: the rules
def test_scaled_on_an_alias_is_clean() -> None:
    assert _codes(_function(alias="live", provisioned_concurrency=_scaled())) == []
    assert _codes(_function(alias="live", reserved_concurrency=20, provisioned_concurrency=_scaled(
        minimum=20, target_utilization=0.99, scale_in_cooldown=0, scale_out_cooldown=60))) == []


def test_scaled_needs_an_alias() -> None:
    assert _codes(_function(provisioned_concurrency=_scaled())) == ["LK434"]


@pytest.mark.parametrize("minimum", [0, -3])
def test_scaled_keeps_at_least_one_environment(minimum: int) -> None:
    [diagnostic] = check_app(App(name="pc", functions=[_function(
        alias="live", provisioned_concurrency=_scaled(minimum=minimum))]), FIXED_DAY)
    assert (diagnostic.code, diagnostic.message) == (
        "LK435", f"auto scaling minimum must be at least 1 (got {minimum})")


def test_scaled_maximum_within_the_reserved_concurrency() -> None:
    [diagnostic] = check_app(App(name="pc", functions=[_function(
        alias="live", reserved_concurrency=10, provisioned_concurrency=_scaled())]), FIXED_DAY)
    assert (diagnostic.code, diagnostic.message) == (
        "LK435", "auto scaling maximum=20 is more than the function's reserved_concurrency=10")
    assert "lower maximum" in (diagnostic.hint or "")


def test_minimum_above_maximum() -> None:
    assert _codes(_function(alias="live", provisioned_concurrency=_scaled(
        minimum=8, maximum=4))) == ["LK436"]
    assert _codes(_function(alias="live", provisioned_concurrency=_scaled(
        minimum=5, maximum=5))) == []


@pytest.mark.parametrize("target", [0.0, -0.5, 1.0, 70.0, float("nan"), float("inf")])
def test_target_utilization_is_a_fraction_below_one(target: float) -> None:
    assert _codes(_function(alias="live", provisioned_concurrency=_scaled(
        target_utilization=target))) == ["LK438"]


def test_cooldowns_are_not_negative() -> None:
    assert _codes(_function(alias="live", provisioned_concurrency=_scaled(
        scale_in_cooldown=-1, scale_out_cooldown=-60))) == ["LK438", "LK438"]


def test_a_malformed_setting_is_reported_once() -> None:
    with collecting() as found:
        fn = _function(alias="live", provisioned_concurrency=ProvisionedConcurrency(
            minimum="2", maximum=5))  # type: ignore[arg-type]
        assert _codes(fn) == []  # the placeholder is skipped, not checked again
    assert [d.code for d in found] == ["LK001"]


def test_a_float_or_bool_count_is_refused() -> None:
    with pytest.raises(LambdakitError):
        _function(alias="live", provisioned_concurrency=True)
    with pytest.raises(LambdakitError):
        _function(alias="live", provisioned_concurrency=2.5)


# ------------------------------------------------- the account's unreserved concurrency (LK437)
def test_unreserved_provisioning_leaves_lambda_its_hundred() -> None:
    fits = _function(alias="live", provisioned_concurrency=_scaled(maximum=900))
    assert _codes(fits) == []
    over = _function(alias="live", provisioned_concurrency=_scaled(maximum=901))
    [diagnostic] = check_app(App(name="pc", functions=[over]), FIXED_DAY)
    assert diagnostic.code == "LK437"
    assert diagnostic.origin == over.origin
    assert diagnostic.message.endswith("the account's 1000, less 0 reserved by this app and the "
                                       "100 Lambda keeps unreserved, leaves 900")


def test_reservations_elsewhere_in_the_app_shrink_the_shared_budget() -> None:
    reserving = _function(id="Reserving", reserved_concurrency=600)
    scaled = _function(alias="live", provisioned_concurrency=_scaled(maximum=301))
    fixed = _function(id="Fixed", alias="live", provisioned_concurrency=301)
    assert _codes(reserving, scaled) == ["LK437"]
    assert _codes(reserving, fixed) == ["LK437"]
    assert _codes(reserving, scaled, account_concurrency=2000) == []
    # Provisioned out of its own reservation takes nothing more from the shared budget.
    assert _codes(reserving, _function(alias="live", reserved_concurrency=300,
                                       provisioned_concurrency=_scaled(maximum=300))) == []


def test_several_functions_over_the_budget_are_one_diagnostic_at_the_app() -> None:
    app = App(name="pc", functions=[
        _function(id=f"Fn{n}", alias="live", provisioned_concurrency=_scaled(maximum=400))
        for n in range(3)])
    [diagnostic] = check_app(app, FIXED_DAY)
    assert (diagnostic.code, diagnostic.origin) == ("LK437", app.origin)
    assert "provision up to 1200" in diagnostic.message
    assert "largest: Fn0=400, Fn1=400, Fn2=400" in (diagnostic.hint or "")


def test_over_reserving_is_reported_once_as_lk140() -> None:
    assert _codes(_function(id="Reserving", reserved_concurrency=950),
                  _function(alias="live", provisioned_concurrency=_scaled())) == ["LK140"]


# ------------------------------------------------------------ auto scaling: what is emitted
def _resources(fn: Function, **app: object) -> dict[str, Any]:
    result = synth_app(App(name="pc", functions=[fn], **app),  # type: ignore[arg-type]
                       base_dir=GOLDENS)
    return result.template["Resources"]  # type: ignore[no-any-return]


def test_fixed_count_emits_no_scaling() -> None:
    resources = _resources(_function(alias="live", provisioned_concurrency=5))
    assert sorted(resources) == ["Checkout", "CheckoutLogGroup", "CheckoutRole"]
    assert resources["Checkout"]["Properties"]["ProvisionedConcurrencyConfig"] == {
        "ProvisionedConcurrentExecutions": 5}


def test_scaled_emits_a_target_and_a_policy_on_the_alias() -> None:
    resources = _resources(_function(alias="live", provisioned_concurrency=_scaled(
        scale_out_cooldown=30)), tags={"team": "shop"})
    # SAM warms each new version at the minimum before the alias moves to it.
    assert resources["Checkout"]["Properties"]["ProvisionedConcurrencyConfig"] == {
        "ProvisionedConcurrentExecutions": 2}
    assert resources["CheckoutScalableTarget"] == {
        "Type": "AWS::ApplicationAutoScaling::ScalableTarget",
        "DependsOn": ["CheckoutAliaslive"],
        "Properties": {
            "MaxCapacity": 20,
            "MinCapacity": 2,
            "ResourceId": {"Fn::Sub": "function:${Checkout}:live"},
            "ScalableDimension": "lambda:function:ProvisionedConcurrency",
            "ServiceNamespace": "lambda",
            "Tags": [{"Key": "team", "Value": "shop"}],
        },
    }
    assert resources["CheckoutScalingPolicy"] == {
        "Type": "AWS::ApplicationAutoScaling::ScalingPolicy",
        "Properties": {
            "PolicyName": "provisioned-concurrency-utilization",
            "PolicyType": "TargetTrackingScaling",
            "ScalingTargetId": {"Ref": "CheckoutScalableTarget"},
            "TargetTrackingScalingPolicyConfiguration": {
                "PredefinedMetricSpecification": {
                    "PredefinedMetricType": "LambdaProvisionedConcurrencyUtilization"},
                "ScaleOutCooldown": 30,
                "TargetValue": 0.7,
            },
        },
    }


def test_the_target_waits_for_the_alias_sam_generates() -> None:
    """The DependsOn names the alias the transform creates, whatever the alias's spelling."""
    transformed = sam_transform(synth_file(GOLDEN).template)["Resources"]
    target = transformed["SearchScalableTarget"]
    [alias_id] = target["DependsOn"]
    assert transformed[alias_id]["Type"] == "AWS::Lambda::Alias"
    assert transformed[alias_id]["Properties"]["Name"] == "live-v2"
    assert transformed[alias_id]["Properties"]["ProvisionedConcurrencyConfig"] == {
        "ProvisionedConcurrentExecutions": 2}


def test_the_stack_count_is_what_the_transform_deploys() -> None:
    """LK007: the version, the alias, the scalable target and the policy all count."""
    app = load_app(str(GOLDEN))
    functions = app.all_functions()
    transformed = sam_transform(synth_file(GOLDEN).template)["Resources"]
    assert len(plan_app(app).resources) == len(transformed)
    scaled = next(fn for fn in functions if fn.id == "Search")
    # Its function, role, log group, version, alias, scalable target and scaling policy.
    assert sum(r.origin is scaled for r in plan_app(app).resources) == 7


# ------------------------------------------------------- scheduled capacity: the rules
def _at(*schedules: ScheduledCapacity, reserved: int | None = None, **settings: object) -> Function:
    return _function(alias="live", reserved_concurrency=reserved,
                     provisioned_concurrency=_scaled(schedules=list(schedules), **settings))


def _schedule(**settings: object) -> ScheduledCapacity:
    return ScheduledCapacity(**{"name": "business-hours", "schedule": "cron(0 8 ? * MON-FRI *)",
                                "minimum": 10, "maximum": 40, **settings})  # type: ignore[arg-type]


def _messages(fn: Function) -> list[tuple[str, str, str]]:
    return [(d.code, d.subject, d.message) for d in check_app(App(name="pc", functions=[fn]),
                                                              FIXED_DAY)]


def test_schedules_within_the_rules_are_clean() -> None:
    assert _codes(_at(
        _schedule(timezone="Europe/Berlin"),
        _schedule(name="evenings", schedule="cron(0 19 ? * MON-FRI *)", minimum=2, maximum=20),
        _schedule(name="launch", schedule="at(2026-12-10T06:00:00)", minimum=None, maximum=50),
        _schedule(name="reset", schedule="rate(1 day)", minimum=2, maximum=None,
                  start=dt.datetime(2026, 12, 1), end=dt.datetime(2027, 1, 1)),
        disable_scale_in=True)) == []


@pytest.mark.parametrize(("schedule", "problem"), [
    ("cron(0 8 * * 1-5)", "cron() takes 6 fields"),
    ("cron(0 8 * * MON-FRI *)", "exactly one of day-of-month and day-of-week must be '?'"),
    ("rate(5 weeks)", "unit 'weeks' is not minute(s), hour(s) or day(s)"),
    ("rate(0 days)", "a rate's value must be a positive whole number"),
    ("at(2026-12-10 06:00)", "at() takes a date and time as yyyy-mm-ddThh:mm:ss"),
    ("0 8 * * ? *", "not a rate(), cron() or at() expression"),
])
def test_a_schedule_application_auto_scaling_cannot_read(schedule: str, problem: str) -> None:
    [(code, subject, message)] = _messages(_at(_schedule(schedule=schedule)))
    assert (code, subject) == ("LK439", "business-hours")
    assert message.startswith(f"schedule {schedule!r}: {problem}")


def test_a_rate_unit_need_not_agree_with_its_value() -> None:
    """Application Auto Scaling documents minute | minutes | hour | hours | day | days."""
    assert _codes(_at(_schedule(schedule="rate(1 days)"), _schedule(
        name="often", schedule="rate(30 minute)"))) == []


@pytest.mark.parametrize("name", ["", " padded", "padded ", "a:b", "team/shop", "a|b",
                                  "tab\there", "x" * 257])
def test_a_name_a_scheduled_action_cannot_have(name: str) -> None:
    assert _codes(_at(_schedule(name=name))) == ["LK439"]
    assert _codes(_at(_schedule(name="x" * 256))) == []


def test_two_schedules_of_one_function_need_two_names() -> None:
    [(code, _, message)] = _messages(_at(_schedule(), _schedule(schedule="rate(1 hour)")))
    assert (code, message) == ("LK439", "two schedules are named 'business-hours'")


def test_a_schedule_sets_a_bound() -> None:
    assert _messages(_at(_schedule(minimum=None, maximum=None))) == [
        ("LK439", "business-hours", "a scheduled capacity sets neither minimum nor maximum")]


def test_a_time_zone_is_an_iana_name_for_at_and_cron_only() -> None:
    assert _codes(_at(_schedule(timezone="CEST"))) == ["LK439"]
    assert _codes(_at(_schedule(timezone="Mars/Olympus_Mons"))) == ["LK439"]
    assert _messages(_at(_schedule(schedule="rate(1 day)", timezone="UTC"))) == [
        ("LK439", "business-hours", "timezone applies to at() and cron() schedules only")]


def test_the_window_ends_after_it_starts_compared_in_utc() -> None:
    start = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)
    assert _codes(_at(_schedule(start=start, end=start))) == ["LK439"]
    # 12:30 in UTC+1 is 11:30 UTC: before the start.
    plus_one = dt.timezone(dt.timedelta(hours=1))
    assert _codes(_at(_schedule(start=start, end=dt.datetime(2026, 12, 1, 12, 30,
                                                             tzinfo=plus_one)))) == ["LK439"]
    assert _codes(_at(_schedule(start=dt.datetime(2026, 12, 1, 12),  # naive: UTC
                                end=dt.datetime(2026, 12, 1, 14, 30, tzinfo=plus_one)))) == []


def test_at_most_two_hundred_schedules() -> None:
    many = [_schedule(name=f"step-{n}",
                      schedule=f"at(2026-12-10T{n // 60 % 24:02d}:{n % 60:02d}:00)")
            for n in range(201)]
    [(code, subject, message)] = _messages(_at(*many))
    assert (code, subject) == ("LK439", "Checkout")
    assert message.startswith("201 schedules; Application Auto Scaling takes at most 200")
    assert _codes(_at(*many[:200])) == []


@pytest.mark.parametrize("bounds", [{"minimum": 0}, {"maximum": 0, "minimum": None}])
def test_a_scheduled_bound_keeps_one_environment(bounds: dict[str, int | None]) -> None:
    codes = _codes(_at(_schedule(**bounds)))
    assert codes[0] == "LK435"


def test_a_scheduled_bound_within_the_reserved_concurrency() -> None:
    [(code, subject, message)] = _messages(_at(_schedule(maximum=60), reserved=50))
    assert (code, subject) == ("LK435", "business-hours")
    assert message == "scheduled capacity of 60 is more than the function's reserved_concurrency=50"


@pytest.mark.parametrize(("bounds", "low", "high"), [
    ({"minimum": 50, "maximum": 40}, 50, 40),
    ({"minimum": 25, "maximum": None}, 25, 20),  # the ProvisionedConcurrency's maximum is 20
    ({"minimum": None, "maximum": 1}, 2, 1),     # and its minimum 2
])
def test_a_schedule_never_leaves_the_minimum_above_the_maximum(
        bounds: dict[str, int | None], low: int, high: int) -> None:
    [(code, _, message)] = _messages(_at(_schedule(**bounds)))
    assert (code, message) == (
        "LK436", f"from this schedule on, the minimum ({low}) would be larger than the maximum "
                 f"({high})")


def test_the_account_budget_counts_the_largest_scheduled_bound() -> None:
    assert _codes(_at(_schedule(maximum=900))) == []
    [(code, subject, message)] = _messages(_at(_schedule(minimum=None, maximum=901)))
    assert (code, subject) == ("LK437", "Checkout")
    assert message.startswith("provisioned concurrency of up to 901 without reserved concurrency")


def test_a_broken_schedule_is_reported_once() -> None:
    with collecting() as found:
        fn = _at(ScheduledCapacity(name="x", schedule="rate(1 day)", minimum="2"))  # type: ignore[arg-type]
        assert _codes(fn) == []
    assert [d.code for d in found] == ["LK001"]


# ------------------------------------------------------- scheduled capacity: what is emitted
def test_schedules_become_scheduled_actions_of_the_target() -> None:
    plus_one = dt.timezone(dt.timedelta(hours=1))
    resources = _resources(_at(
        _schedule(timezone="Europe/Berlin"),
        _schedule(name="launch", schedule="at(2026-12-10T06:00:00)", minimum=None, maximum=50,
                  start=dt.datetime(2026, 12, 1),
                  end=dt.datetime(2026, 12, 11, 1, tzinfo=plus_one)),
    ))
    assert resources["CheckoutScalableTarget"]["Properties"]["ScheduledActions"] == [
        {"ScheduledActionName": "business-hours", "Schedule": "cron(0 8 ? * MON-FRI *)",
         "ScalableTargetAction": {"MinCapacity": 10, "MaxCapacity": 40},
         "Timezone": "Europe/Berlin"},
        {"ScheduledActionName": "launch", "Schedule": "at(2026-12-10T06:00:00)",
         "ScalableTargetAction": {"MaxCapacity": 50},
         "StartTime": "2026-12-01T00:00:00Z", "EndTime": "2026-12-11T00:00:00Z"},
    ]
    # The base range is what a deploy sets; SAM warms each version at its minimum.
    assert resources["CheckoutScalableTarget"]["Properties"]["MinCapacity"] == 2
    assert resources["Checkout"]["Properties"]["ProvisionedConcurrencyConfig"] == {
        "ProvisionedConcurrentExecutions": 2}


def test_without_schedules_or_scale_in_protection_nothing_more_is_written() -> None:
    resources = _resources(_function(alias="live", provisioned_concurrency=_scaled()))
    assert "ScheduledActions" not in resources["CheckoutScalableTarget"]["Properties"]
    config = resources["CheckoutScalingPolicy"]["Properties"][
        "TargetTrackingScalingPolicyConfiguration"]
    assert "DisableScaleIn" not in config


def test_scale_in_protection_is_written_on_the_policy() -> None:
    resources = _resources(_at(disable_scale_in=True))
    assert resources["CheckoutScalingPolicy"]["Properties"][
        "TargetTrackingScalingPolicyConfiguration"]["DisableScaleIn"] is True


def test_the_peak_of_each_minute_is_a_customized_metric_of_the_same_alias() -> None:
    resources = _resources(_function(alias="live-v2", provisioned_concurrency=_scaled(
        statistic="Maximum")))
    config = resources["CheckoutScalingPolicy"]["Properties"][
        "TargetTrackingScalingPolicyConfiguration"]
    assert "PredefinedMetricSpecification" not in config
    assert config["CustomizedMetricSpecification"] == {
        "Namespace": "AWS/Lambda", "MetricName": "ProvisionedConcurrencyUtilization",
        "Dimensions": [{"Name": "FunctionName", "Value": {"Ref": "Checkout"}},
                       {"Name": "Resource", "Value": {"Fn::Sub": "${Checkout}:live-v2"}}],
        "Statistic": "Maximum", "Unit": "Count"}


def test_a_statistic_target_tracking_does_not_take_is_refused() -> None:
    with pytest.raises(LambdakitError) as caught:
        _scaled(statistic="p99")
    assert [d.code for d in caught.value.diagnostics] == ["LK001"]
