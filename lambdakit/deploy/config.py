"""Project defaults from `[tool.lambdakit]` in pyproject.toml, with per-stage overrides:

    [tool.lambdakit]
    app = "infra/app.py:app"
    region = "eu-west-1"
    tags = { team = "payments" }

    [tool.lambdakit.account]            # quotas of the account, where not AWS's defaults
    concurrent_executions = 400
    managed_policies_per_role = 20

    [tool.lambdakit.stages.prod]
    stack_name = "orders-prod"
    region = "eu-central-1"
    tags = { env = "prod" }
    account = { concurrent_executions = 3000 }

A stage's settings replace the project's (tags and account quotas merge, the stage's winning);
flags replace both. A stage must be declared: a typo must not create a second copy of the app.
The account quotas reach the checks of synth (`lambdakit.limits.account`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from lambdakit.deploy.aws import DeployError
from lambdakit.limits.account import AccountQuotas
from lambdakit.limits.quotas import STACK_NAME_MAX_CHARS
from lambdakit.model.app import APP_NAME_PATTERN

PYPROJECT = "pyproject.toml"
STAGE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9-]*$"  # it may end up in a stack name
StackName = Annotated[str, StringConstraints(pattern=APP_NAME_PATTERN)]
StageName = Annotated[str, StringConstraints(pattern=STAGE_PATTERN)]


class AccountSettings(BaseModel):
    """The account's quotas where they are not AWS's defaults (Service Quotas shows them)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    concurrent_executions: Annotated[int, Field(ge=1)] | None = None
    managed_policies_per_role: Annotated[int, Field(ge=1)] | None = None


class StageSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    app: str | None = None
    stack_name: StackName | None = None
    region: str | None = None
    tags: dict[str, str] = Field(default_factory=dict)
    account: AccountSettings = AccountSettings()


class ProjectSettings(StageSettings):
    stages: dict[StageName, StageSettings] = Field(default_factory=dict)


@dataclass(frozen=True)
class Target:
    """Where one deploy goes, everything resolved but the app's own name."""

    app_spec: str | None
    region: str | None
    stack_name: str | None
    stage: str | None = None
    tags: dict[str, str] = field(default_factory=dict)
    base_name: str | None = None  # the project's stack name, which a stage suffixes
    account: AccountQuotas = field(default_factory=AccountQuotas)

    def stack_for(self, app_name: str) -> str:
        """The stage's stack name if set, else the project's (or the app's name) with the
        stage as a suffix."""
        if self.stack_name:
            return self.stack_name
        base = self.base_name or app_name
        name = f"{base}-{self.stage}" if self.stage else base
        if not re.match(APP_NAME_PATTERN, name):
            raise DeployError(f"stack name {name!r} is longer than CloudFormation's "
                              f"{STACK_NAME_MAX_CHARS.value} characters",
                              hint="set a shorter stack_name for the stage in "
                                   "[tool.lambdakit.stages]")
        return name


def find_pyproject(start: Path) -> Path | None:
    for directory in [start, *start.parents]:
        candidate = directory / PYPROJECT
        if candidate.is_file():
            return candidate
    return None


def load_settings(pyproject: Path | None) -> ProjectSettings:
    if pyproject is None:
        return ProjectSettings()
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DeployError(f"{pyproject}: {exc}", hint="fix the TOML syntax") from None
    section = data.get("tool", {}).get("lambdakit", {})
    try:
        return ProjectSettings.model_validate(section)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}"
                             for error in exc.errors())
        raise DeployError(f"{pyproject} [tool.lambdakit]: {problems}",
                          hint="keys: app, stack_name, region, tags, account.{"
                               "concurrent_executions, managed_policies_per_role}, "
                               "stages.<name>.{app, stack_name, region, tags, account}") from None


def resolve(start: Path, *, app_spec: str | None, stage: str | None,
            region: str | None) -> Target:
    """Flags over the stage's settings over the project's; the app path is taken relative to
    the pyproject.toml that names it."""
    pyproject = find_pyproject(start)
    settings = load_settings(pyproject)
    chosen: StageSettings = settings
    if stage is not None:
        if stage not in settings.stages:
            declared = ", ".join(sorted(settings.stages)) or "none"
            raise DeployError(f"unknown stage {stage!r} (declared: {declared})",
                              hint=f"declare it as [tool.lambdakit.stages.{stage}] in "
                                   f"{pyproject or PYPROJECT}")
        chosen = settings.stages[stage]
    configured_app = chosen.app or settings.app
    if app_spec is None and configured_app is not None and pyproject is not None:
        app_spec = str(pyproject.parent / configured_app)
    return Target(app_spec=app_spec,
                  region=region or chosen.region or settings.region,
                  stack_name=chosen.stack_name if stage else None,
                  stage=stage,
                  tags={**settings.tags, **chosen.tags},
                  base_name=settings.stack_name,
                  account=AccountQuotas(**{**settings.account.model_dump(exclude_none=True),
                                           **chosen.account.model_dump(exclude_none=True)}))
