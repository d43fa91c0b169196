"""Logging of one function: JSON by default, to an explicit log group with retention."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from lambdakit.limits import quotas as q
from lambdakit.model.base import Construct

ApplicationLogLevel = Literal["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]
SystemLogLevel = Literal["DEBUG", "INFO", "WARN"]

DEFAULT_RETENTION_DAYS = q.LOG_RETENTION_DEFAULT_DAYS.value
DEFAULT_APPLICATION_LEVEL: ApplicationLogLevel = "INFO"
DEFAULT_SYSTEM_LEVEL: SystemLogLevel = "WARN"


class Logging(Construct):
    """How a function logs. Levels filter only JSON logs, so they need `format="JSON"`."""

    kind = "logging"

    format: Literal["JSON", "Text"] = "JSON"
    application_level: ApplicationLogLevel | None = None
    system_level: SystemLogLevel | None = None
    retention_days: int = DEFAULT_RETENTION_DAYS

    @model_validator(mode="after")
    def _levels_need_json(self) -> Self:
        # pydantic re-runs after-validators when an instance is passed to a field: a placeholder
        # left by this very error must not report it again on the Function that receives it.
        if self.format == "Text" and (self.application_level or self.system_level) \
                and not self.broken:
            raise PydanticCustomError(
                "LK151",
                "log levels apply only to JSON logs (format is 'Text')",
                {"hint": "drop application_level and system_level, or use format='JSON'"},
            )
        return self

    def effective_application_level(self) -> ApplicationLogLevel | None:
        if self.format != "JSON":
            return None
        return self.application_level or DEFAULT_APPLICATION_LEVEL

    def effective_system_level(self) -> SystemLogLevel | None:
        if self.format != "JSON":
            return None
        return self.system_level or DEFAULT_SYSTEM_LEVEL


# What a function that sets no logging has. Constructs are frozen, so every such function shares
# it: building and validating one per function was a large part of each `Function(...)`. Built
# without validation (its defaults are valid), so it declares no line of the user's.
DEFAULT_LOGGING = Logging.model_construct()
