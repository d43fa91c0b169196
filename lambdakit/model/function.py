"""`Function`: one Lambda function, its code, settings and guardrails."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path, PurePath
from types import MappingProxyType
from typing import Any, Literal

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from lambdakit.errors import (
    Diagnostic,
    LambdakitError,
    active_collector,
    capture_origin,
)
from lambdakit.limits import quotas as q
from lambdakit.limits.arns import FUNCTION_ARN_MAX_CHARS, FUNCTION_VERSION_ARN_MAX_CHARS
from lambdakit.model.base import Construct, Written, check_id
from lambdakit.model.deployment import TrafficShift
from lambdakit.model.event_source import Binding, EventSource
from lambdakit.model.grants import Grant
from lambdakit.model.instance import Instance
from lambdakit.model.layer import Layer
from lambdakit.model.logs import DEFAULT_LOGGING, Logging
from lambdakit.model.package import check_package
from lambdakit.model.provisioned import ProvisionedConcurrency
from lambdakit.model.refs import Ref
from lambdakit.model.resources import (
    Bucket,
    EventBus,
    ExistingFunction,
    Queue,
    Resource,
    Topic,
)
from lambdakit.model.statements import Statement
from lambdakit.model.vpc import EfsMount, Vpc

# Defaults chosen on purpose (AWS's own 3 s and 128 MB are rarely what anyone wants):
# 10 s lets a cold start plus a few downstream calls finish, yet stops a stuck call well
# before it costs much; 256 MB gives a Python or Node runtime enough CPU for a fast cold start.
DEFAULT_TIMEOUT_S = 10
DEFAULT_MEMORY_MB = 256

EnvValue = str | Instance[Ref]


def _report_non_strings(wrong: dict[str, object], subject: str) -> None:
    """LK001 for each environment value that is not a string, all together: into the loader's
    collector while an app file loads (the construct stays whole), else raised at once."""
    origin = capture_origin()
    found = [Diagnostic("LK001", f"environment.{name}: a variable's value must be a string "
                                 f"(got {value!r})", origin, subject, _string_hint(name, value))
             for name, value in wrong.items()]
    collector = active_collector()
    if collector is None:
        raise LambdakitError(found)
    collector.extend(found)


def _string_hint(name: str, value: object) -> str:
    if isinstance(value, bool):
        return (f'write the string your code compares with, e.g. "{name}": '
                f'"{str(value).lower()}" (str({value}) would be "{value}")')
    if isinstance(value, int | float):
        return f'write "{name}": "{value}": Lambda passes every variable as a string'
    return "pass a string, a resource (its name or URL) or a reference such as fn.name"
# Where Lambda sends the record of an asynchronous invocation (a bucket: on failure only).
Destination = (Instance[Queue] | Instance[Topic] | Instance[EventBus] | Instance[Bucket]
               | Instance[ExistingFunction] | Instance["Function"])
# The access the function's role needs to deliver records to each kind of destination: Lambda
# sends them with the execution role.
DESTINATION_ACCESS = {"queue": "send", "topic": "publish", "event_bus": "put",
                      "function": "invoke", "bucket": "deliver_records"}


# Default factories as Python functions, not `list`/`dict`: pydantic reads each factory's
# signature, and a builtin's is parsed from its text with `tokenize`, in every process.
def _empty_list() -> list[Any]:
    return []


def _empty_dict() -> dict[str, Any]:
    return {}


class Function(Construct):
    """A Lambda function. Everything it references becomes part of the app."""

    kind = "function"

    id: str
    # A .zip function: all three (`lambdakit.model.package`); an image function: none.
    handler: str | None = None
    code: str | PurePath | None = None
    runtime: str | None = None
    architecture: Literal["arm64", "x86_64"] = "arm64"
    memory: int = DEFAULT_MEMORY_MB
    timeout: int = DEFAULT_TIMEOUT_S
    ephemeral_storage: int | None = None
    # Factories rather than `[]`/`{}`: pydantic deep-copies a mutable default for every
    # instance, several times slower than calling `list`.
    environment: dict[str, EnvValue] = Field(default_factory=_empty_dict)
    # What invokes the function (`lambdakit.events`): each implies its own permissions.
    events: list[Instance[EventSource]] = Field(default_factory=_empty_list)
    grants: list[Instance[Grant]] = Field(default_factory=_empty_list)
    statements: list[Statement] = Field(default_factory=_empty_list)
    description: str | None = None
    function_name: str | None = None
    tags: dict[str, str] = Field(default_factory=_empty_dict)
    tracing: Literal["active", "pass_through"] = "active"
    logging: Logging = DEFAULT_LOGGING
    reserved_concurrency: int | None = None
    allow_recursive_loop: str | None = None
    # Asynchronous invocation (S3, SNS, EventBridge, schedules, `InvocationType=Event`): where
    # the record of an invocation that succeeded, or failed every retry, goes; how often Lambda
    # retries a failed event (0–2) and how long it keeps an event it could not run yet (seconds).
    on_success: Destination | None = None
    on_failure: Destination | None = None
    max_event_age: int | None = None
    max_retry_attempts: int | None = None
    kms_key_arn: str | None = None
    acknowledge: dict[str, str] = Field(default_factory=_empty_dict)
    # Surroundings (lambdakit.model.layer): extracted to /opt in this order.
    layers: list[Instance[Layer]] = Field(default_factory=_empty_list)
    vpc: Instance[Vpc] | None = None
    file_system: Instance[EfsMount] | None = None
    # A container image function (PackageType Image): the image's ECR URI, and overrides of
    # its CMD, ENTRYPOINT and WORKDIR.
    image_uri: str | None = None
    image_command: list[str] | None = None
    image_entry_point: list[str] | None = None
    image_working_directory: str | None = None
    # Only packages signed by a profile of this configuration deploy (a .zip function's).
    code_signing_config_arn: str | None = None
    # When Lambda moves the function to a new runtime version; unset: Lambda's "auto". "manual"
    # pins `runtime_version_arn`.
    runtime_updates: Literal["auto", "function_update", "manual"] | None = None
    runtime_version_arn: str | None = None
    # Each deploy publishes a version and points this alias at it (SAM AutoPublishAlias); event
    # sources invoke the alias, not $LATEST.
    alias: str | None = None
    # Published versions start from a snapshot of the initialized environment (needs `alias`).
    snap_start: bool = False
    # Execution environments kept initialized on the alias, ready before any request (needs
    # `alias`; billed while configured): a fixed count, or a `ProvisionedConcurrency` that
    # Application Auto Scaling moves between a minimum and a maximum.
    provisioned_concurrency: int | Instance[ProvisionedConcurrency] | None = None
    # How CodeDeploy moves the alias to each new version (`lambdakit.model.deployment`): in
    # steps, with hooks and rollback alarms (needs `alias`).
    deployment: Instance[TrafficShift] | None = None

    _check_id = field_validator("id")(check_id)
    _check_package = model_validator(mode="after")(check_package)

    @field_validator("on_success", "on_failure", mode="before")
    @classmethod
    def _check_destination(cls, target: object) -> object:
        """Say which kinds receive destination records, instead of one error per kind."""
        if target is None or isinstance(target, Queue | Topic | EventBus | Bucket
                                        | ExistingFunction | Function):
            return target
        raise PydanticCustomError(
            "LK382", "Lambda cannot deliver destination records to {got}",
            {"got": type(target).__name__,
             "hint": "use a standard Queue or Topic, an EventBus, a Function, or (on_failure "
                     "only) a Bucket"})

    # Rules and compile both need it; resolving walks the file system.
    _code_path: Path | None = PrivateAttr(default=None)
    # Asked for thousands of times a synth, and derived from frozen fields.
    _live_events: tuple[EventSource, ...] | None = PrivateAttr(default=None)
    _destinations: dict[str, Resource | Function] | None = PrivateAttr(default=None)
    _caches = ("_code_path", "_live_events", "_destinations")

    @field_validator("environment", mode="before")
    @classmethod
    def _resources_to_references(cls, env: object, info: ValidationInfo) -> object:
        """A resource as a value passes its identifier (queue URL, table name, secret ARN).

        A value of another type (`8080`, `True`) is reported, not converted: `str(True)` is
        "True", which code comparing with "true" reads as false. Its variable is left out so the
        rest of the mapping is still checked: one run reports every problem of it."""
        if not isinstance(env, dict):
            return env
        values = {name: value.reference() if isinstance(value, Resource) else value
                  for name, value in env.items()}
        wrong = {name: value for name, value in values.items()
                 if isinstance(name, str) and not isinstance(value, str | Ref)}
        if wrong:
            _report_non_strings(wrong, str(info.data.get("id") or cls.__name__))
        return {name: value for name, value in values.items() if name not in wrong}

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
        return Ref(self, "Arn", FUNCTION_ARN_MAX_CHARS)

    @property
    def name(self) -> Ref:
        """This function's physical name, resolved at deploy time."""
        return Ref(self, "Name", q.FUNCTION_NAME_MAX_CHARS.value)

    @property
    def version(self) -> Ref:
        """The ARN of the version this deploy publishes (needs `alias`): what a pre-traffic
        hook invokes to test it."""
        return Ref(self, "Version", FUNCTION_VERSION_ARN_MAX_CHARS)

    @property
    def role_id(self) -> str:
        return f"{self.id}Role"

    @property
    def deployment_role_id(self) -> str:
        """The role CodeDeploy assumes to shift this function's alias."""
        return f"{self.id}DeploymentRole"

    @property
    def deployment_alarm_id(self) -> str:
        """The alarm on the new version's errors that rolls a deployment back."""
        return f"{self.id}DeploymentAlarm"

    @property
    def deployment_group_id(self) -> str:
        """The CodeDeploy deployment group SAM writes for the function."""
        return f"{self.id}DeploymentGroup"

    @property
    def log_group_id(self) -> str:
        return f"{self.id}LogGroup"

    @property
    def scalable_target_id(self) -> str:
        return f"{self.id}ScalableTarget"

    @property
    def scaling_policy_id(self) -> str:
        return f"{self.id}ScalingPolicy"

    @property
    def auto_scaling(self) -> ProvisionedConcurrency | None:
        """The auto scaling of its provisioned concurrency, if it has one (and it loaded)."""
        setting = self.provisioned_concurrency
        if isinstance(setting, ProvisionedConcurrency) and not setting.broken:
            return setting
        return None

    def written_resources(self) -> list[Written]:
        """What the template declares for this function itself (its role's managed policies
        are the plan's: they depend on the sizes of its statements)."""
        written = [Written(self.id, "AWS::Serverless::Function"),
                   Written(self.role_id, "AWS::IAM::Role"),
                   Written(self.log_group_id, "AWS::Logs::LogGroup")]
        if self.auto_scaling:
            # Registering an alias that does not exist yet fails: SAM writes it, first.
            written += [Written(self.scalable_target_id,
                                "AWS::ApplicationAutoScaling::ScalableTarget",
                                (self.sam_alias_id,) if self.alias is not None else ()),
                        Written(self.scaling_policy_id,
                                "AWS::ApplicationAutoScaling::ScalingPolicy")]
        deployment = self.live_deployment()
        if deployment is not None:
            written.append(Written(self.deployment_role_id, "AWS::IAM::Role"))
            if deployment.error_alarm:
                written.append(Written(self.deployment_alarm_id, "AWS::CloudWatch::Alarm"))
        return written

    def derived_ids(self) -> list[str | None]:
        """Resources the SAM transform derives from the function's own settings, by logical
        id; None for the version, whose id ends in a hash of the code."""
        ids: list[str | None] = (
            [f"{self.id}EventInvokeConfig"] if self.has_async_settings() else [])
        if self.live_deployment() is not None:
            ids.append(self.deployment_group_id)
        if self.alias is not None:
            ids += [None, self.sam_alias_id]  # the version, named after its code's hash
        return ids

    @property
    def sam_alias_id(self) -> str:
        """The logical id of the `AWS::Lambda::Alias` SAM derives from `AutoPublishAlias`: the
        function's id, `Alias`, and the alias name with '-' spelled 'D' and '_' spelled 'U'."""
        assert self.alias is not None
        return f"{self.id}Alias{self.alias.replace('-', 'D').replace('_', 'U')}"

    @property
    def arn_output_id(self) -> str:
        return f"{self.id}Arn"

    @property
    def name_output_id(self) -> str:
        return f"{self.id}Name"

    @property
    def alias_output_id(self) -> str:
        return f"{self.id}AliasArn"

    def output_ids(self) -> list[str]:
        """The outputs the template declares for the function itself: its ARN and name, and
        its alias's ARN (a function URL's address is its source's)."""
        ids = [self.arn_output_id, self.name_output_id]
        return [*ids, self.alias_output_id] if self.alias is not None else ids

    def live_deployment(self) -> TrafficShift | None:
        """The gradual deployment, when set and valid (an invalid one is already reported)."""
        if self.deployment is None or self.deployment.broken:
            return None
        return self.deployment

    def live_events(self) -> tuple[EventSource, ...]:
        """The event sources that loaded (invalid ones are already reported)."""
        found: tuple[EventSource, ...] | None = self._private("_live_events")
        if found is None:
            found = self._live_events = tuple(source for source in self.events
                                              if not source.broken)
        return found

    def bindings(self) -> list[tuple[EventSource, Binding]]:
        """Each event source with what it adds to this function, in declaration order."""
        return [(source, source.bind(self)) for source in self.live_events()]

    def destinations(self) -> Mapping[str, Resource | Function]:
        """{"OnSuccess": ..., "OnFailure": ...}, the ones set (and loaded), read-only."""
        found: dict[str, Resource | Function] | None = self._private("_destinations")
        if found is None:
            given = {"OnSuccess": self.on_success, "OnFailure": self.on_failure}
            found = self._destinations = {when: target for when, target in given.items()
                                          if target is not None and not target.broken}
        # A view, so no caller can change the cached answer (a proxy itself can't be deep-copied).
        return MappingProxyType(found)

    def has_async_settings(self) -> bool:
        """Whether the function sets anything of its asynchronous invocation config."""
        return bool(self.destinations()) or (self.max_event_age, self.max_retry_attempts) != (
            None, None)

    def destination_grants(self) -> list[Grant]:
        """The access delivering to each destination takes, asked for at the function's line."""
        return [Grant(target, DESTINATION_ACCESS[target.kind], None, self.origin)
                for target in self.destinations().values()
                if target.kind in DESTINATION_ACCESS]

    @property
    def is_image(self) -> bool:
        """Packaged as a container image rather than a .zip of `code`."""
        return self.image_uri is not None

    def code_path(self) -> Path:
        """The code location, relative paths resolved against the file that declared it
        (a .zip function's only)."""
        cached: Path | None = self._private("_code_path")
        if cached is None:
            assert self.code is not None, "an image function has no code location"
            path = Path(self.code)
            if not path.is_absolute():
                # os.path on strings: pathlib's resolve() costs several times more.
                declared_in = os.path.dirname(self.origin.file)
                path = Path(os.path.realpath(os.path.join(declared_in, path)))
            cached = self._code_path = path
        return cached

    def references(self) -> list[Ref]:
        return [value for _, value in sorted(self.environment.items())
                if isinstance(value, Ref)]

    def referenced_constructs(self) -> list[Construct]:
        """Everything this function points at: event sources, environment references, grants."""
        deployment = self.live_deployment()
        return [*(c for source in self.live_events() for c in source.referenced_constructs()),
                *([deployment.notify] if deployment and deployment.notify else []),
                *self.destinations().values(),
                *(ref.target for ref in self.references()),
                *(grant.resource for grant in self.grants),
                *self.layers,
                *(r for statement in self.statements for r in statement.resources
                  if isinstance(r, Construct))]
