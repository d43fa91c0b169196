"""LK373: an Alexa skill id that does not scope the permission."""

from lambdakit import App, Function
from lambdakit.events import AlexaSkillEvent

skill = Function(
    id="Skill",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    events=[AlexaSkillEvent(skill_id="my-skill")],
)

app = App(name="lk373", functions=[skill])
