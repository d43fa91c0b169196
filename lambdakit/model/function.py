"""`Function`: one Lambda function, its code, settings and guardrails."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Literal

from pydantic import Field, InstanceOf, PrivateAttr, field_validator

from lambdakit.errors import capture_origin
from lambdakit.model.base import Construct, check_id
from lambdakit.model.grants import Grant
from lambdakit.model.logs import Logging
from lambdakit.model.refs import FUNCTION_ARN_MAX_BYTES, FUNCTION_NAME_MAX_BYTES, Ref
from lambdakit.model.resources import ExistingFunction, Resource
from lambdakit.model.statements import Statement

# Defaults chosen on purpose (AWS's own 3 s and 128 MB are rarely what anyone wants):
# 10 s lets a cold start plus a few downstream calls finish, yet stops a stuck call well
# before it costs much; 256 MB gives a Python or Node runtime enough CPU for a fast cold start.
DEFAULT_TIMEOUT_S = 10
DEFAULT_MEMORY_MB = 256

EnvValue = str | InstanceOf[Ref]


class Function(Construct):
    """A Lambda function. Everything it references becomes part of the app."""

    kind = "function"

    id: str
    handler: str
    code: str | PurePath
    runtime: str
    architecture: Literal["arm64", "x86_64"] = "arm64"
    memory: int = DEFAULT_MEMORY_MB
    timeout: int = DEFAULT_TIMEOUT_S
    ephemeral_storage: int | None = None
    environment: dict[str, EnvValue] = Field(default_factory=dict)
    grants: list[InstanceOf[Grant]] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    description: str | None = None
    function_name: str | None = None
    tags: dict[str, str] = Field(default_factory=dict)
    tracing: Literal["active", "pass_through"] = "active"
    logging: Logging = Field(default_factory=Logging)
    reserved_concurrency: int | None = None
    allow_recursive_loop: str | None = None
    kms_key_arn: str | None = None
    acknowledge: dict[str, str] = Field(default_factory=dict)

    _check_id = field_validator("id")(check_id)
    # Rules and compile both need it; resolving walks the file system.
    _code_path: Path | None = PrivateAttr(default=None)

    @field_validator("environment", mode="before")
    @classmethod
    def _resources_to_references(cls, env: object) -> object:
        """A resource as a value passes its identifier (queue URL, table name, secret ARN)."""
        if not isinstance(env, dict):
            return env
        return {name: value.reference() if isinstance(value, Resource) else value
                for name, value in env.items()}

    @classmethod
    def existing(cls, *, arn: str | None = None, name: str | None = None,
                 id: str | None = None) -> ExistingFunction:
        """A function this app does not manage, to grant `invoke()` on."""
        return ExistingFunction.existing(arn=arn, name=name, id=id)

    def invoke(self) -> Grant:
        """Access for another function of the app to invoke this one."""
        return Grant(self, "invoke", None, capture_origin())

    @property
    def arn(self) -> Ref:
        """This function's ARN, resolved at deploy time."""
        return Ref(self, "Arn", FUNCTION_ARN_MAX_BYTES)

    @property
    def name(self) -> Ref:
        """This function's physical name, resolved at deploy time."""
        return Ref(self, "Name", FUNCTION_NAME_MAX_BYTES)

    @property
    def role_id(self) -> str:
        return f"{self.id}Role"

    @property
    def log_group_id(self) -> str:
        return f"{self.id}LogGroup"

    def resource_ids(self) -> list[str]:
        """Logical ids this function owns in the template (before the SAM transform)."""
        return [self.id, self.role_id, self.log_group_id]

    def deployed_resource_count(self) -> int:
        """CloudFormation resources after the SAM transform (the 500 limit counts these)."""
        return len(self.resource_ids())

    def code_path(self) -> Path:
        """The code location, relative paths resolved against the file that declared it."""
        if self._code_path is None:
            path = Path(self.code)
            self._code_path = (path if path.is_absolute()
                               else (self.origin.directory / path).resolve())
        return self._code_path

    def references(self) -> list[Ref]:
        return [value for _, value in sorted(self.environment.items())
                if isinstance(value, Ref)]

    def referenced_constructs(self) -> list[Construct]:
        """Everything this function points at: environment references and grants."""
        return [*(ref.target for ref in self.references()),
                *(grant.resource for grant in self.grants),
                *(r for statement in self.statements for r in statement.resources
                  if isinstance(r, Construct))]
