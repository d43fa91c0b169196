"""The account's own quotas: `[tool.lambdakit.account]`, per stage, reach the checks (LK140,
LK437, LK210) instead of AWS's defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXED_DAY

from lambdakit import App, Function
from lambdakit.deploy.aws import DeployError
from lambdakit.deploy.config import resolve
from lambdakit.limits.account import AccountQuotas
from lambdakit.rules import check_app

GOLDENS = Path(__file__).resolve().parent / "goldens"
CODE = str(GOLDENS / "_code")

PYPROJECT = """\
[tool.lambdakit]
app = "app.py"

[tool.lambdakit.account]
concurrent_executions = 400
managed_policies_per_role = 20

[tool.lambdakit.stages.sandbox]
account = { concurrent_executions = 50 }

[tool.lambdakit.stages.prod]
"""


def _function(**settings: object) -> Function:
    return Function(id=str(settings.pop("id", "Worker")),  # type: ignore[arg-type]
                    handler="svc.handler.handle", code=CODE, runtime="python3.13", **settings)


def _check(app: App, account: AccountQuotas | None = None) -> list[str]:
    return [d.headline() for d in check_app(app, FIXED_DAY, account=account)]


def test_project_quotas_apply_and_a_stage_overrides_one(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    project = resolve(tmp_path, app_spec=None, stage=None, region=None).account
    assert project == AccountQuotas(concurrent_executions=400, managed_policies_per_role=20)
    prod = resolve(tmp_path, app_spec=None, stage="prod", region=None).account
    assert prod == project
    sandbox = resolve(tmp_path, app_spec=None, stage="sandbox", region=None).account
    assert sandbox == AccountQuotas(concurrent_executions=50, managed_policies_per_role=20)


def test_unset_quotas_are_aws_defaults(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.lambdakit]\n")
    account = resolve(tmp_path, app_spec=None, stage=None, region=None).account
    assert account == AccountQuotas()
    assert account.managed_policies() == 10
    assert account.concurrency(App(name="a").account_concurrency) == 1000
    assert account.concurrency(App(name="a", account_concurrency=3000).account_concurrency) == 3000


def test_bad_quotas_are_named(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.lambdakit.account]\nconcurrent_executions = 0\nmanaged_policies = 20\n")
    with pytest.raises(DeployError) as raised:
        resolve(tmp_path, app_spec=None, stage=None, region=None)
    assert "account.concurrent_executions: Input should be greater than or equal to 1" in \
        raised.value.message
    assert "account.managed_policies: Extra inputs are not permitted" in raised.value.message


def test_the_configured_concurrency_decides_lk140() -> None:
    app = App(name="quota", functions=[_function(reserved_concurrency=250)])
    assert _check(app) == []
    [headline] = _check(app, AccountQuotas(concurrent_executions=300))
    assert headline.endswith("error LK140 App: functions reserve 250 concurrent executions; "
                             "the account's 300 must keep 100 unreserved, so at most 200 can "
                             "be reserved")


def test_an_account_below_the_unreserved_minimum_says_so_plainly() -> None:
    """Not 'at most -90 can be reserved'."""
    app = App(name="quota", functions=[_function(reserved_concurrency=5)])
    for account in (AccountQuotas(concurrent_executions=10), None):
        found = _check(app if account else app.model_copy(update={"account_concurrency": 10}),
                       account)
        [headline] = found
        assert headline.endswith(
            "error LK140 App: functions reserve 5 concurrent executions; the account has 10 in "
            "all, no more than the 100 Lambda keeps unreserved, so none can be reserved")
        assert "-90" not in headline
    [diagnostic] = check_app(app, FIXED_DAY, account=AccountQuotas(concurrent_executions=10))
    assert diagnostic.hint.startswith("largest: Worker=5; lower them or leave them unset, or "
                                      "ask AWS to raise the quota and set concurrent_executions "
                                      "in [tool.lambdakit.account]")


def test_provisioning_without_reservation_in_a_small_account_leaves_nothing() -> None:
    fn = _function(alias="live", provisioned_concurrency=5)
    [diagnostic] = check_app(App(name="quota", functions=[fn]), FIXED_DAY,
                             account=AccountQuotas(concurrent_executions=50))
    assert diagnostic.code == "LK437"
    assert diagnostic.message.endswith("the account's 50, less 0 reserved by this app and the "
                                       "100 Lambda keeps unreserved, leaves 0")


def test_deploy_checks_against_the_stage_account(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from lambdakit.cli import cli

    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "app.py").write_text(
        "from lambdakit import App, Function\n"
        f"worker = Function(id='Worker', handler='svc.handler.handle', code={CODE!r}, "
        "runtime='python3.13', reserved_concurrency=20)\n"
        "app = App(name='quota', functions=[worker])\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    result = CliRunner().invoke(cli, ["deploy", "--stage", "sandbox", "--region", "eu-west-1"])
    assert result.exit_code != 0
    assert "the account has 50 in all" in result.output
