"""`[tool.lambdakit]`: flags over the stage over the project; stages must be declared."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from lambdakit.cli import cli
from lambdakit.deploy.apply import Outcome, Result
from lambdakit.deploy.aws import DeployError, connect
from lambdakit.deploy.config import resolve

PYPROJECT = '''\
[project]
name = "shop"

[tool.lambdakit]
app = "infra/app.py:app"
region = "eu-west-1"
tags = { team = "payments", env = "dev" }

[tool.lambdakit.stages.prod]
region = "eu-central-1"
tags = { env = "prod" }

[tool.lambdakit.stages.named]
stack_name = "shop-live"
app = "other.py"
'''


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "infra").mkdir()
    return tmp_path


def test_project_settings_apply_from_any_subdirectory(root: Path) -> None:
    target = resolve(root / "infra", app_spec=None, stage=None, region=None)
    assert target.app_spec == str(root / "infra/app.py:app")
    assert target.region == "eu-west-1"
    assert target.tags == {"team": "payments", "env": "dev"}
    assert target.stack_for("shop") == "shop"


def test_a_stage_overrides_region_and_merges_tags_and_suffixes_the_stack(root: Path) -> None:
    target = resolve(root, app_spec=None, stage="prod", region=None)
    assert target.region == "eu-central-1"
    assert target.tags == {"team": "payments", "env": "prod"}
    assert target.stack_for("shop") == "shop-prod"
    named = resolve(root, app_spec=None, stage="named", region=None)
    assert named.stack_for("shop") == "shop-live"
    assert named.app_spec == str(root / "other.py")
    assert named.region == "eu-west-1"


def test_flags_win(root: Path) -> None:
    target = resolve(root, app_spec="mine.py", stage="prod", region="us-west-2")
    assert (target.app_spec, target.region) == ("mine.py", "us-west-2")


def test_a_project_stack_name_is_suffixed_by_the_stage(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lambdakit]\nstack_name = "orders-api"\n[tool.lambdakit.stages.qa]\n')
    assert resolve(tmp_path, app_spec=None, stage=None, region=None).stack_for("x") == \
        "orders-api"
    assert resolve(tmp_path, app_spec=None, stage="qa", region=None).stack_for("x") == \
        "orders-api-qa"


def test_an_undeclared_stage_is_refused_with_the_declared_ones(root: Path) -> None:
    with pytest.raises(DeployError, match=r"unknown stage 'prdo' \(declared: named, prod\)"):
        resolve(root, app_spec=None, stage="prdo", region=None)


def test_unknown_keys_and_wrong_types_are_named(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lambdakit]\nregoin = "eu-west-1"\n[tool.lambdakit.stages.prod]\ntags = 3\n')
    with pytest.raises(DeployError) as raised:
        resolve(tmp_path, app_spec=None, stage=None, region=None)
    assert "regoin: Extra inputs are not permitted" in raised.value.message
    assert "stages.prod.tags: Input should be a valid dictionary" in raised.value.message


def test_no_pyproject_means_flags_only(tmp_path: Path) -> None:
    target = resolve(tmp_path, app_spec="app.py", stage=None, region=None)
    assert (target.app_spec, target.region, target.tags) == ("app.py", None, {})


def test_the_cli_turns_configuration_errors_into_usage_errors(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["deploy", "--stage", "prdo"])
    assert result.exit_code == 2
    assert "unknown stage 'prdo'" in result.output
    assert "hint: declare it as [tool.lambdakit.stages.prdo]" in result.output
    (root / "pyproject.toml").write_text("[tool.other]\n")
    result = CliRunner().invoke(cli, ["diff"])
    assert result.exit_code == 2
    assert "which app? pass APP.py[:ATTR]" in result.output


def test_bootstrap_takes_the_stage_region(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lambdakit.cli import deploy_commands

    regions: list[str | None] = []
    monkeypatch.chdir(root)
    monkeypatch.setattr(deploy_commands, "_connect", regions.append)
    monkeypatch.setattr("lambdakit.deploy.bootstrap.bootstrap",
                        lambda aws, console, poll: Result(Outcome.DEPLOYED))
    assert CliRunner().invoke(cli, ["bootstrap", "--stage", "prod"]).exit_code == 0
    assert CliRunner().invoke(cli, ["bootstrap"]).exit_code == 0
    assert CliRunner().invoke(cli, ["bootstrap", "--region", "ap-south-1"]).exit_code == 0
    assert regions == ["eu-central-1", "eu-west-1", "ap-south-1"]


def test_no_region_anywhere_is_a_hint_not_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    with pytest.raises(DeployError) as raised:
        connect(None)
    assert "pass --region" in raised.value.hint


def test_stack_and_stage_names_must_make_valid_stack_names(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lambdakit]\nstack_name = "orders_api"\n[tool.lambdakit.stages.eu_prod]\n')
    with pytest.raises(DeployError) as raised:
        resolve(tmp_path, app_spec=None, stage=None, region=None)
    assert "stack_name: String should match pattern" in raised.value.message
    assert "stages.eu_prod.[key]: String should match pattern" in raised.value.message
    (tmp_path / "pyproject.toml").write_text("[tool.lambdakit.stages.prod]\n")
    target = resolve(tmp_path, app_spec=None, stage="prod", region=None)
    with pytest.raises(DeployError, match="longer than CloudFormation's 128 characters"):
        target.stack_for("a" * 126)
