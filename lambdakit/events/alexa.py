"""Alexa Skills Kit: a custom skill sends each request to the function and waits for its reply."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lambdakit.events._samples import sample_uuid
from lambdakit.model import Binding, EventSource

if TYPE_CHECKING:
    from lambdakit.model import Function

SAMPLE_TIMESTAMP = "2026-01-01T00:00:00Z"


class AlexaSkillEvent(EventSource):
    """Requests of the skill `skill_id` (`amzn1.ask.skill.<uuid>`, from the Alexa developer
    console). The id scopes Lambda's permission: without it any skill could invoke the function,
    so it is required. Lambda is invoked synchronously: the skill speaks the function's reply."""

    sam_type = "AlexaSkill"
    invocation = "sync"

    skill_id: str

    def default_name(self) -> str:
        return "AlexaSkill"

    def derived_ids(self, fn: Function) -> list[str | None]:
        return [f"{fn.id}{self.event_name()}Permission"]

    def bind(self, fn: Function) -> Binding:
        # SAM writes the skill id as the permission's EventSourceToken.
        return Binding({"SkillId": self.skill_id})

    def sample_event(self, fn: Function) -> dict[str, Any]:
        """A LaunchRequest as the Alexa Skills Kit request reference documents it."""
        application = {"applicationId": self.skill_id}
        user = {"userId": f"amzn1.ask.account.{sample_uuid(self.skill_id + '/user')}"}
        device = {"deviceId": f"amzn1.ask.device.{sample_uuid(self.skill_id + '/device')}",
                  "supportedInterfaces": {}}
        session_id = f"amzn1.echo-api.session.{sample_uuid(self.skill_id)}"
        request_id = f"amzn1.echo-api.request.{sample_uuid(self.skill_id + '/request')}"
        return {
            "version": "1.0",
            "session": {"new": True, "sessionId": session_id, "application": application,
                        "attributes": {}, "user": user},
            "context": {"System": {"application": application, "user": user, "device": device,
                                   "apiEndpoint": "https://api.amazonalexa.com"}},
            "request": {"type": "LaunchRequest", "requestId": request_id,
                        "timestamp": SAMPLE_TIMESTAMP, "locale": "en-US"},
        }
