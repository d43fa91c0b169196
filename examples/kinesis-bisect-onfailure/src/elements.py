"""Business logic: decode a Kinesis record and check it is a chemical element reading."""

import base64
import json

REQUIRED_FIELDS = {"AtomicNumber": int, "Element": str, "Symbol": str, "AtomicMass": float}


class Anomaly(ValueError):
    """The record is well-formed data of the wrong shape: set it aside, do not retry it."""


def decode(record: dict) -> object:
    return json.loads(base64.b64decode(record["kinesis"]["data"]).decode("utf-8"))


def validate(payload: object) -> dict:
    if not isinstance(payload, dict):
        raise Anomaly("the record is not a JSON object")
    for key, kind in REQUIRED_FIELDS.items():
        if key not in payload:
            raise Anomaly(f"missing {key!r}")
        if not isinstance(payload[key], kind):
            raise Anomaly(f"{key!r} should be of type {kind.__name__}")
    return payload
