"""Business logic: validate a weather report and shape it as a DynamoDB item."""

import uuid


class WeatherError(Exception):
    """The request body is not a weather report."""


def to_item(body: dict) -> dict:
    if not isinstance(body, dict):
        raise WeatherError("body must be a JSON object")
    weather = body.get("weather")
    if not isinstance(weather, str) or not weather.strip():
        raise WeatherError("'weather' must be a non-empty string")
    record_id = str(body.get("id") or uuid.uuid4())
    return {"id": {"S": record_id}, "Weather": {"S": weather.strip()}}
