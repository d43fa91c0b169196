"""A change set read back as rows a person can review, and the guard that protects data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Resources whose replacement or removal loses what they hold. A replaced table is a new,
# empty table; a replaced key cannot decrypt what the old one encrypted.
STATEFUL_TYPES = frozenset({
    "AWS::DynamoDB::Table",
    "AWS::DynamoDB::GlobalTable",
    "AWS::S3::Bucket",
    "AWS::SQS::Queue",
    "AWS::Kinesis::Stream",
    "AWS::SecretsManager::Secret",
    "AWS::KMS::Key",
    "AWS::Logs::LogGroup",
})
# Resources that grant access: a change to one is a change to who may do what.
ACCESS_TYPES = frozenset({
    "AWS::IAM::Role",
    "AWS::IAM::Policy",
    "AWS::IAM::ManagedPolicy",
    "AWS::IAM::InstanceProfile",
    "AWS::Lambda::Permission",
    "AWS::S3::BucketPolicy",
    "AWS::SQS::QueuePolicy",
    "AWS::SNS::TopicPolicy",
    "AWS::KMS::Key",
})
SYMBOLS = {"Add": "+", "Modify": "~", "Remove": "-", "Import": ">", "Dynamic": "?"}
NO_CHANGES = ("didn't contain changes", "No updates are to be performed")


@dataclass(frozen=True)
class Change:
    """One resource change: Add, Modify, Remove (or Import, Dynamic)."""

    action: str
    logical_id: str
    resource_type: str
    replacement: str = ""  # "True", "False" or "Conditional" for Modify
    physical_id: str = ""

    @property
    def grants_access(self) -> bool:
        return self.resource_type in ACCESS_TYPES

    @property
    def replaces(self) -> bool:
        return self.action == "Modify" and self.replacement == "True"

    @property
    def may_replace(self) -> bool:
        """CloudFormation does not say it will not: "Conditional" (decided only while it
        runs, too late to ask), no answer at all (some endpoints, moto among them), or a
        "Dynamic" action, which it determines only while it runs."""
        return (self.action == "Modify" and self.replacement not in {"True", "False"}) \
            or self.action == "Dynamic"

    @property
    def loses_data(self) -> bool:
        """Removing or replacing a stateful resource, or a change that may replace one."""
        return self.resource_type in STATEFUL_TYPES and (
            self.action == "Remove" or self.replaces or self.may_replace)

    @property
    def consequence(self) -> str:
        """What CloudFormation would do to the resource, for the guard's message."""
        if self.action == "Remove":
            return "CloudFormation would remove it"
        if self.replaces:
            return "CloudFormation would replace it"
        if self.replacement == "Conditional":
            return "CloudFormation may replace it (it decides only while it runs)"
        return "CloudFormation does not say whether it would replace it"


@dataclass(frozen=True)
class ChangeSet:
    id: str
    status: str
    reason: str
    changes: tuple[Change, ...]

    @property
    def is_empty(self) -> bool:
        return self.status == "FAILED" and any(text in self.reason for text in NO_CHANGES)


def read_change_set(cloudformation: Any, change_set_id: str) -> ChangeSet:
    """Every page of the change set's description, as one `ChangeSet`."""
    changes: list[Change] = []
    request: dict[str, Any] = {"ChangeSetName": change_set_id}
    while True:
        page = cloudformation.describe_change_set(**request)
        changes.extend(_change(item["ResourceChange"]) for item in page.get("Changes", [])
                       if item.get("Type", "Resource") == "Resource")
        if not page.get("NextToken"):
            return ChangeSet(change_set_id, str(page.get("Status", "")),
                             str(page.get("StatusReason", "")), tuple(changes))
        request["NextToken"] = page["NextToken"]


def guarded(changes: tuple[Change, ...], allowed: frozenset[str]) -> list[Change]:
    """The changes that would lose data and that the user has not named in --allow-replace."""
    return [c for c in changes if c.loses_data and c.logical_id not in allowed]


def unused_allowances(changes: tuple[Change, ...], allowed: frozenset[str]) -> list[str]:
    """Names given to --allow-replace that no data-losing change carries (a typo, most
    likely: the user thinks they allowed something they did not)."""
    losing = {c.logical_id for c in changes if c.loses_data}
    return sorted(allowed - losing)


def format_table(changes: tuple[Change, ...]) -> str:
    """The change set as a table: action, logical id, type, replacement, access marker."""
    rows = [("", "Action", "Logical ID", "Type", "Replacement", "Access")]
    for change in changes:
        rows.append((SYMBOLS.get(change.action, "?"), change.action, change.logical_id,
                     change.resource_type, _replacement(change),
                     "IAM" if change.grants_access else ""))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             .rstrip() for row in rows]
    return "\n".join([*lines, _summary(changes)])


def _summary(changes: tuple[Change, ...]) -> str:
    counts = {action: sum(c.action == action for c in changes)
              for action in ("Add", "Modify", "Remove")}
    text = (f"{counts['Add']} to add, {counts['Modify']} to modify, "
            f"{counts['Remove']} to remove")
    replaced = sum(c.replaces for c in changes)
    if replaced:
        text += f", {replaced} replaced"
    unknown = sum(c.may_replace for c in changes)
    if unknown:
        text += f", {unknown} maybe replaced"
    access = sum(c.grants_access for c in changes)
    if access:
        text += f"; {access} change{'s' if access > 1 else ''} who may do what (IAM)"
    return text


def _replacement(change: Change) -> str:
    if change.action not in {"Modify", "Dynamic"}:
        return "-"
    return {"True": "yes", "False": "no", "Conditional": "maybe"}.get(change.replacement,
                                                                      "unknown")


def _change(raw: dict[str, Any]) -> Change:
    return Change(str(raw.get("Action", "")), str(raw.get("LogicalResourceId", "")),
                  str(raw.get("ResourceType", "")), str(raw.get("Replacement", "")),
                  str(raw.get("PhysicalResourceId", "")))
