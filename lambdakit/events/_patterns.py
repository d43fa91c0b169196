"""Event patterns as EventBridge, Lambda's event filtering and SNS filter policies read them:
whether a document matches one, and a document that does, built from a sample's own.

A pattern's keys name fields, nested patterns match nested objects, and a list holds the
conditions a field's value may meet, any one of them: an exact value, or `prefix`, `suffix`,
`equals-ignore-case`, `wildcard`, `anything-but`, `numeric`, `exists` or `cidr`. `$or` lists
patterns of which any may match. A field whose value is an array matches when any element does.
(https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html,
https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html)
"""

from __future__ import annotations

import copy
import ipaddress
import json
import math
import re
from typing import Any

_MISSING = object()
COMPARISONS = {"<": float.__lt__, "<=": float.__le__, "=": float.__eq__,
               ">=": float.__ge__, ">": float.__gt__}


def matches(pattern: dict[str, Any], document: Any) -> bool:
    """Whether `document` (an event, a record as the filter sees it) matches `pattern`."""
    fields = document if isinstance(document, dict) else {}
    for key, condition in pattern.items():
        if key == "$or":
            if not any(matches(alternative, document) for alternative in condition):
                return False
        elif isinstance(condition, dict):
            if not matches(condition, fields.get(key, {})):
                return False
        elif not isinstance(condition, list) or not _field_matches(
                condition, fields.get(key, _MISSING)):
            return False
    return True


def _field_matches(conditions: list[Any], value: Any) -> bool:
    if value is _MISSING:
        return any(isinstance(c, dict) and c.get("exists") is False for c in conditions)
    values = value if isinstance(value, list) else [value]
    return any(_meets(condition, item) for condition in conditions for item in values)


def _meets(condition: Any, value: Any) -> bool:
    if not isinstance(condition, dict):
        return _same(condition, value)
    if len(condition) != 1:
        return False
    [(operator, operand)] = condition.items()
    if operator == "exists":
        return operand is True
    if operator == "anything-but":
        return _anything_but(operand, value)
    if operator == "numeric":
        return _is_number(value) and _in_range(operand, float(value))
    if operator == "cidr":
        return isinstance(value, str) and _in_network(operand, value)
    return isinstance(value, str) and _string_meets(operator, operand, value)


def _string_meets(operator: str, operand: Any, value: str) -> bool:
    if isinstance(operand, dict):  # {"prefix": {"equals-ignore-case": "..."}}
        text = operand.get("equals-ignore-case")
        if len(operand) != 1 or not isinstance(text, str):
            return False
        operand, value = text.casefold(), value.casefold()
    if not isinstance(operand, str):
        return False
    if operator == "prefix":
        return bool(value.startswith(operand))
    if operator == "suffix":
        return bool(value.endswith(operand))
    if operator == "equals-ignore-case":
        return bool(value.casefold() == operand.casefold())
    if operator == "wildcard":
        return _wildcard(operand).fullmatch(value) is not None
    return False  # an operator this module does not know (or a CloudFormation value)


def _anything_but(operand: Any, value: Any) -> bool:
    if isinstance(operand, dict):
        if len(operand) != 1:
            return False
        [(operator, inner)] = operand.items()
        options = inner if isinstance(inner, list) else [inner]
        return isinstance(value, str) and not any(
            _string_meets(operator, option, value) for option in options)
    excluded = operand if isinstance(operand, list) else [operand]
    return not any(_same(option, value) for option in excluded)


def _same(expected: Any, value: Any) -> bool:
    if _is_number(expected) and _is_number(value):
        return float(expected) == float(value)
    return type(expected) is type(value) and bool(expected == value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _in_range(bounds: list[Any], number: float) -> bool:
    return all(COMPARISONS[op](number, float(limit)) for op, limit in _comparisons(bounds))


def _comparisons(bounds: Any) -> list[tuple[str, float]]:
    """`[">", 0, "<=", 5]` as pairs; none when malformed (the rules report it, LK366), so
    that nothing then matches."""
    if not isinstance(bounds, list) or not bounds or len(bounds) % 2:
        return [("<", -math.inf)]
    pairs = list(zip(bounds[::2], bounds[1::2], strict=True))
    if any(op not in COMPARISONS or not _is_number(limit) for op, limit in pairs):
        return [("<", -math.inf)]
    return [(op, float(limit)) for op, limit in pairs]


def _in_network(network: Any, address: str) -> bool:
    try:
        return ipaddress.ip_address(address) in ipaddress.ip_network(network, strict=False)
    except (TypeError, ValueError):
        return False


def _wildcard(text: str) -> re.Pattern[str]:
    """`*` stands for any run of characters; `\\*` is a literal star."""
    parts = re.split(r"(?<!\\)\*", text)
    return re.compile(".*".join(re.escape(part.replace("\\*", "*")) for part in parts),
                      re.DOTALL)


def satisfying_any(patterns: list[dict[str, Any]], document: dict[str, Any]) -> dict[str, Any]:
    """`document` changed to match the first of `patterns` it can be made to match (a source
    passes what matches any of its filters); unchanged when there are none."""
    for pattern in patterns:
        candidate: dict[str, Any] = satisfying(pattern, document)
        if matches(pattern, candidate):
            return candidate
    return document


def satisfying(pattern: dict[str, Any], document: Any) -> Any:
    """A copy of `document` changed as little as needed to match `pattern`: values that already
    match stay, others are replaced by one that does, missing fields are added, and fields the
    pattern says must not exist are removed. Where a condition cannot be met by any value this
    module can build (a CloudFormation value in the pattern), the field is left as it is."""
    found = copy.deepcopy(document) if isinstance(document, dict) else {}
    alternatives = pattern.get("$or")
    for key, condition in pattern.items():
        if key == "$or":
            continue
        if isinstance(condition, dict):
            found[key] = satisfying(condition, found.get(key, {}))
        elif isinstance(condition, list) and not _field_matches(condition,
                                                                found.get(key, _MISSING)):
            value = _value_for(condition)
            if value is _MISSING:
                found.pop(key, None)
            elif value is not None or any(c is None for c in condition):
                found[key] = value
    if isinstance(alternatives, list):
        for alternative in alternatives:
            candidate = satisfying(alternative, found)
            if matches(pattern, candidate):
                return candidate
    return found


def _value_for(conditions: list[Any]) -> Any:
    """A value meeting the first condition that some value meets (None when none can be
    built; `_MISSING` when the field must be absent)."""
    for condition in conditions:
        value = _value_meeting(condition)
        if value is _MISSING or value is not None or condition is None:
            return value
    return None


def _value_meeting(condition: Any) -> Any:
    if not isinstance(condition, dict):
        return condition
    if len(condition) != 1:
        return None
    [(operator, operand)] = condition.items()
    if operator == "exists":
        return "example" if operand is True else _MISSING
    if operator == "numeric":
        return _number_in(operand)
    if operator == "anything-but":
        return _other_than(operand)
    if operator == "cidr":
        try:
            network = ipaddress.ip_network(operand, strict=False)
        except (TypeError, ValueError):
            return None
        return str(network[1] if network.num_addresses > 1 else network[0])
    if isinstance(operand, dict):  # prefix or suffix, ignoring case
        operand = next(iter(operand.values()))
    if not isinstance(operand, str):
        return None
    built: dict[str, str] = {"prefix": f"{operand}example", "suffix": f"example{operand}",
                             "equals-ignore-case": operand,
                             "wildcard": "x".join(part.replace("\\*", "*") for part in
                                                  re.split(r"(?<!\\)\*", operand))}
    return built.get(operator)


def _number_in(bounds: list[Any]) -> float | int | None:
    low, high = -math.inf, math.inf
    for op, limit in _comparisons(bounds):
        if op == "=":
            return int(limit) if limit.is_integer() else limit
        if op in (">", ">="):
            low = max(low, limit)
        else:
            high = min(high, limit)
    if low == -math.inf and high == math.inf:
        return 0
    if low == -math.inf:
        number = high - 1
    elif high == math.inf:
        number = low + 1
    else:
        number = (low + high) / 2
    number = int(number) if float(number).is_integer() else number
    return number if _in_range(bounds, float(number)) else None


def _other_than(operand: Any) -> Any:
    """A value `anything-but` lets through."""
    candidates: list[Any] = ["example", "other", "sample-value"]
    excluded = operand if isinstance(operand, list) else [operand]
    if not isinstance(operand, dict) and all(_is_number(value) for value in excluded):
        candidates = [max(float(value) for value in excluded) + 1]
        candidates = [int(candidates[0]) if candidates[0].is_integer() else candidates[0]]
    return next((value for value in candidates if _anything_but(operand, value)), None)



def payload_text(payload: Any) -> str:
    """A record's payload (an SQS body, a Kafka value, Kinesis data) as sent: filters see it as
    JSON when it is JSON, as a string otherwise."""
    return payload if isinstance(payload, str) else json.dumps(payload, sort_keys=True)
