"""Why each function may do what it may do: one row per function × action × resource, with the
declaration that caused it (its `file:line`) and the purpose or recorded reason.

    from lambdakit import explain
    for row in explain(app):
        print(row.function, row.action, row.resource, row.declared)

No click here: the `explain` command formats these rows with `format_table` or `format_json`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from lambdakit.errors import Diagnostic, LambdakitError
from lambdakit.iam import WILDCARD, Permission, function_permissions
from lambdakit.iam.arns import CfnValue, arn_of, suffixed
from lambdakit.iam.deployment import (
    DEPLOYMENT_POLICY_NAME,
    deployment_role_permissions,
    rollback_alarms,
)
from lambdakit.iam.grants import kind_of, statement_permissions
from lambdakit.iam.size import policy_constructs
from lambdakit.model import App, Construct, Function, Resource, Table
from lambdakit.plan import Plan, plan_app
from lambdakit.rules import check_app

# Errors that leave every permission computable: explain still answers, since it is how to
# find what makes a role too large.
EXPLAINABLE_ERRORS = frozenset({"LK210"})
COLUMNS = (("FUNCTION", "function"), ("ACTION", "action"), ("RESOURCE", "resource_text"),
           ("DECLARED", "declared"), ("WHY", "why"))
CONDITION_WORDS = {"StringLike": "matches", "StringEquals": "is"}


@dataclass(frozen=True, order=True)
class ExplainRow:
    """One action on one resource that one function's role allows, and why."""

    function: str
    action: str
    resource: str        # human-readable: `Orders (table)`, `Uploads/in/* (bucket objects)`, `*`
    condition: str       # `s3:prefix matches in/*`, or ""
    declared: str        # `file:line` of the grant, raw statement or function
    purpose: str
    reason: str          # the recorded reason for a `*` resource or broad access, or ""
    sid: str             # the statement's Sid in the template
    policy: str          # the inline policy (`execution`) or the managed policy's logical id
    _line: int = field(default=0, repr=False, compare=False)

    @property
    def resource_text(self) -> str:
        return f"{self.resource} if {self.condition}" if self.condition else self.resource

    @property
    def why(self) -> str:
        if self.reason and self.reason != self.purpose:
            return f"{self.purpose}; {self.reason}"
        return self.purpose

    def as_dict(self) -> dict[str, str]:
        data = asdict(self)
        del data["_line"]
        return data


class UnknownFunction(LookupError):
    """`explain(app, "Name")` for a function the app does not hold."""

    def __init__(self, name: str, names: list[str]) -> None:
        self.name = name
        self.names = names
        super().__init__(f"no function {name!r} in the app; its functions: "
                         f"{', '.join(names) or 'none'}")


@dataclass
class Explanation:
    rows: list[ExplainRow]
    diagnostics: list[Diagnostic]


def explain(app: App, function: str | None = None, *,
            today: dt.date | None = None) -> list[ExplainRow]:
    """The rows for every function of `app` (or only `function`), sorted by function, action,
    resource. Raises `LambdakitError` when the app has errors other than LK210 (a role too
    large for IAM, which is what this helps fix), `UnknownFunction` for an unknown name."""
    return explain_app(app, function, today=today).rows


def explain_app(app: App, function: str | None = None, *,
                today: dt.date | None = None) -> Explanation:
    """`explain` plus the diagnostics the checks reported (warnings, LK210)."""
    from lambdakit.synthesis import build_day

    functions = sorted(app.all_functions(), key=lambda f: f.id)
    if function is not None:
        functions = [fn for fn in functions if fn.id == function]
        if not functions:
            raise UnknownFunction(function, sorted(fn.id for fn in app.all_functions()))
    plan = plan_app(app)
    diagnostics = check_app(app, today=today or build_day(), plan=plan)
    if app.broken or any(d.is_error and d.code not in EXPLAINABLE_ERRORS for d in diagnostics):
        raise LambdakitError(diagnostics)
    rows = sorted({row for fn in functions
                   for row in [*function_rows(fn, plan), *deployment_rows(plan, fn),
                               *scheduler_rows(fn)]},
                  key=lambda r: (r.function, r.action, r.resource, r.condition,
                                 _declared_key(r), r.purpose, r.sid))
    return Explanation(rows, diagnostics)


def function_rows(fn: Function, plan: Plan) -> list[ExplainRow]:
    """Rows of one function whose permissions can be built (a checked app's function)."""
    policies = plan.policies.get(id(fn))
    labels = _Labels(fn)
    rows = []
    for permission in function_permissions(fn):
        condition = _condition(permission)
        for resource in permission.resources:
            for action in permission.action_names:
                rows.append(ExplainRow(
                    function=fn.id, action=action, resource=labels.of(resource),
                    condition=condition, declared=permission.origin.display(),
                    purpose=permission.purpose,
                    reason=_reason(permission, resource),
                    sid=policies.written_sid(permission.sid) if policies else permission.sid,
                    policy=policies.policy_of(permission.sid) if policies else "",
                    _line=permission.origin.line))
    return rows


def deployment_rows(plan: Plan, fn: Function) -> list[ExplainRow]:
    """Rows of the role CodeDeploy assumes to deploy `fn` gradually (none without a deployment):
    its FUNCTION column names that role, `<Id>DeploymentRole`."""
    deployment = fn.live_deployment()
    if deployment is None or fn.alias is None:
        return []
    hooks = plan.hook_functions(fn)
    labels = {_key(arn_of(fn)): f"{fn.id} (function)",
              _key(suffixed(arn_of(fn), f":{fn.alias}")): f"{fn.id}:{fn.alias} (alias)",
              **{_key(arn_of(hook)): f"{hook.id} (hook function)" for hook in hooks}}
    labels.update({_key(alarm.arn): f"{alarm.label} (alarm)" for alarm in rollback_alarms(fn)})
    if deployment.notify is not None:  # the topic CodeDeploy publishes to, and its key
        for construct in filter(None, (deployment.notify, deployment.notify.key)):
            labels[_key(arn_of(construct))] = _describe(construct, "")
    return _service_role_rows(fn.deployment_role_id, deployment_role_permissions(fn, hooks),
                              labels, DEPLOYMENT_POLICY_NAME)


def scheduler_rows(fn: Function) -> list[ExplainRow]:
    """Rows of the role EventBridge Scheduler invokes `fn` with, one per schedule: its FUNCTION
    column names that role, `<Id><Event>Role`."""
    schedules = [source for source in fn.live_events() if source.sam_type == "ScheduleV2"]
    if not schedules:  # the family's modules load only for an app that has schedules
        return []
    from lambdakit.compile.events.schedule import POLICY_NAME, scheduler_permissions
    from lambdakit.events.schedule import ScheduleEvent

    rows = []
    for source in schedules:
        if isinstance(source, ScheduleEvent):
            queue = source.dead_letter_queue
            labels = {_key(arn_of(construct)): _describe(construct, "")
                      for construct in filter(None, (fn, queue, queue and queue.key))}
            rows += _service_role_rows(source.role_id(fn), scheduler_permissions(fn, source),
                                       labels, POLICY_NAME)
    return rows


def _service_role_rows(role_id: str, permissions: list[Permission], labels: dict[str, str],
                       policy: str) -> list[ExplainRow]:
    """Rows of a role a service assumes for the function: its FUNCTION column is the role."""
    return [ExplainRow(function=role_id, action=action,
                       resource=labels.get(_key(resource)) or _sub_text(resource), condition="",
                       declared=permission.origin.display(), purpose=permission.purpose,
                       reason="", sid=permission.sid, policy=policy,
                       _line=permission.origin.line)
            for permission in permissions
            for resource in permission.resources for action in permission.action_names]


def format_table(rows: list[ExplainRow]) -> str:
    """Plain text, columns aligned with spaces, no trailing white space."""
    table = [[title for title, _ in COLUMNS]]
    table.extend([str(getattr(row, attribute)) for _, attribute in COLUMNS] for row in rows)
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
    return "".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
                   .rstrip() + "\n" for line in table)


def format_json(rows: list[ExplainRow]) -> str:
    return json.dumps([row.as_dict() for row in rows], indent=2, ensure_ascii=False) + "\n"


def _reason(permission: Permission, resource: CfnValue) -> str:
    """A raw statement's accepted broad access (LK214) says so; else a `*`'s recorded reason."""
    if permission.broad_access:
        return f"broad access accepted: {permission.broad_access}"
    return permission.wildcard_reason if resource == WILDCARD else ""


def _declared_key(row: ExplainRow) -> tuple[str, int]:
    path = row.declared.rsplit(":", 1)[0] if row._line else row.declared
    return (path, row._line)


def _condition(permission: Permission) -> str:
    return ", ".join(f"{key} {CONDITION_WORDS.get(operator, operator)} {' or '.join(values)}"
                     for operator, keys in sorted(permission.conditions.items())
                     for key, values in sorted(keys.items()))


# --------------------------------------------------------------------------- resource labels


class _Labels:
    """ARNs as the template holds them → what the user wrote: `Orders (table)`,
    `Uploads/incoming/* (bucket objects)`, `legacy-table (existing table)`, a raw ARN."""

    def __init__(self, fn: Function) -> None:
        self.exact: dict[str, str] = {
            _key({"Fn::GetAtt": [fn.log_group_id, "Arn"]}): f"{fn.log_group_id} (log group)",
        }
        self.prefixes: list[tuple[str, Construct]] = []
        for construct in {id(c): c for c in policy_constructs(fn)}.values():
            arn = arn_of(construct)
            self.exact[_key(arn)] = _describe(construct, "")
            if isinstance(construct, Table) and not construct.is_existing:
                self.exact[_key({"Fn::GetAtt": [construct.id, "StreamArn"]})] = (
                    f"{construct.id} (table stream)")
            self.prefixes.append((_sub_text(suffixed(arn, "")), construct))
        self.prefixes.sort(key=lambda pair: -len(pair[0]))
        # Raw statements: each resource as written, or the construct it names.
        for statement, permission in zip(fn.statements, statement_permissions(fn), strict=True):
            for written, value in zip(statement.resources, permission.resources, strict=True):
                self.exact.setdefault(_key(value), written if isinstance(written, str)
                                      else _describe(written, ""))

    def of(self, value: CfnValue) -> str:
        known = self.exact.get(_key(value))
        if known is not None:
            return known
        text = _sub_text(value)
        for prefix, construct in self.prefixes:
            if prefix and text.startswith(prefix):
                return _describe(construct, text[len(prefix):])
        return text


def _describe(construct: Construct, suffix: str) -> str:
    kind = kind_of(construct)
    words = kind.replace("_", " ")
    if suffix.startswith("/") and kind == "bucket":
        words = "bucket objects"
    elif suffix == "/index/*":
        words = "table indexes"
    elif suffix == "/stream/*":
        words = "table streams"
    elif suffix == ":*" and kind == "function":
        words = "function versions and aliases"
    if isinstance(construct, Resource) and construct.is_existing:
        name = construct.existing_name or construct.existing_arn or construct.label()
        return f"{name}{suffix} (existing {words})"
    return f"{construct.label()}{suffix} ({words})"


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _sub_text(value: CfnValue) -> str:
    """A value as `Fn::Sub` text: `${Orders.Arn}/index/*`; a literal stays itself."""
    if isinstance(value, str):
        return value
    if isinstance(value.get("Fn::Sub"), list):  # with variables: another stack's export
        text, variables = value["Fn::Sub"]
        for name, variable in sorted(variables.items()):
            shown = (f"${{ImportValue {variable['Fn::ImportValue']}}}"
                     if isinstance(variable, dict) and "Fn::ImportValue" in variable
                     else _key(variable))
            text = text.replace("${" + name + "}", shown)
        return str(text)
    sub = suffixed(value, "")
    return sub if isinstance(sub, str) else str(sub.get("Fn::Sub", _key(value)))


__all__ = ["ExplainRow", "Explanation", "UnknownFunction", "explain", "explain_app",
           "format_json", "format_table", "function_rows", "scheduler_rows"]
