"""Business logic: process one message body. Raises on a message that cannot be processed."""

import json


class PoisonMessage(ValueError):
    """The message can never be processed; retrying it will not help."""


def process(body: str) -> dict:
    try:
        task = json.loads(body)
    except json.JSONDecodeError as error:
        raise PoisonMessage(f"not JSON: {error}") from error
    if not isinstance(task, dict) or "task" not in task:
        raise PoisonMessage("no 'task' in the message")
    return {"task": task["task"], "done": True}
