"""How large a role's policies can get once deployed, and where each statement goes.

IAM limits the inline policies of one role to 10,240 characters together, each managed policy
to 6,144, and the managed policies attached to a role to a quota (`limits.quotas` holds the
numbers and their sources; they reach this module as `PolicyLimits`). IAM counts the policy as
deployed, with every ARN resolved, and without white space. At synth the ARNs of the app's own
resources are still intrinsics (`Fn::GetAtt`, `Ref`, `Fn::Sub`), so each is counted at the
longest value it can resolve to:

- `${AWS::Partition}`: 10 (`aws-us-gov`); `${AWS::Region}`: 20 (the longest today has 14,
  e.g. `ap-southeast-5`); `${AWS::AccountId}`: 12; `${AWS::StackName}`: 128 (CloudFormation's
  limit).
- A physical name given in the app (`name=`, `function_name=`): its length. A name
  CloudFormation generates: stack name + `-` + logical id + `-` + 14 random characters, capped
  by the service's own limit (`NAME_MAX`).
- A KMS key id: 36 (a UUID). A log group's `Arn`: `arn:...:log-group:<name>:*` with the
  function's log group name. A table's `StreamArn`: the table's ARN, `/stream/` and a
  23-character timestamp label.
- Anything else: 2,048, the longest ARN IAM accepts.

An ARN is its documented shape (`limits.arns.ARN_BY_NAME`) with those parts filled in. The result is
an upper bound: the deployed policy is never larger.

Access to a resource that depends on the function (a bucket whose notification names it, see
`EventSource.dependents`) cannot be in the role the function is created with: CloudFormation
would find a cycle. Those statements go to a second inline policy, `<FunctionId>TriggerPolicy`,
attached once the resource exists; IAM counts it with the role's other inline policies.

When the inline policy would exceed its limit, statements that differ only in their resources
(the same actions and conditions; every statement allows) are first merged into one with the
union of their resources (`combined`). If that is still too large, the grants move to managed
policies (`<FunctionId>Policy1`, `Policy2`, ...): their statements, merged the same way, sorted
by Sid and packed first-fit, so the same app always gives the same policies. Logging and
tracing stay inline. Below the limit nothing is merged: each statement keeps the Sid that
names its grant.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Any, NamedTuple

from lambdakit.iam.arns import REF_IS_ARN
from lambdakit.iam.catalogue import CATALOGUE, expand
from lambdakit.iam.execution import execution_permissions
from lambdakit.iam.grants import (
    _permissions,
    access_permissions,
    declared_grants,
    kind_of,
    statement_permissions,
)
from lambdakit.iam.permissions import (
    POLICY_VERSION,
    WILDCARD,
    Permission,
    _Merged,
    merge,
    statement_document,
    statement_head,
)
from lambdakit.limits import quotas as q
from lambdakit.limits.arns import (
    ACCOUNT_ID_CHARS,
    ARN_BY_NAME,
    PARTITION_MAX_CHARS,
    REGION_MAX_CHARS,
)
from lambdakit.limits.naming import NAME_RULES
from lambdakit.model import Construct, Function, Grant, Resource, Table

INLINE_POLICY_NAME = "execution"
DEFERRED_POLICY_NAME = "trigger-access"

URL_SUFFIX_MAX = len("amazonaws.com.cn")
KEY_ID = 36                 # a KMS key id is a UUID
STREAM_LABEL = len("/stream/") + len("2026-01-01T00:00:00.000")
# CloudFormation names an unnamed resource `<stack>-<logical id>-<random>`; the random part
# has 12 or 13 characters, one more is kept for safety.
GENERATED_NAME_EXTRA = 2 + 14

# The longest physical name each service accepts (its API reference).
NAME_MAX: dict[str, int] = {
    **{kind: rule.max_chars for kind, rule in NAME_RULES.items()},
    "log_group": q.LOG_GROUP_NAME_MAX_CHARS.value,
}
_ARN_SHAPES: dict[str, str] = {
    **ARN_BY_NAME,
    "key": "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/{name}",
    # A log group's `Arn` attribute ends in `:*`.
    "log_group": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:{name}:*",
}
_PSEUDO: dict[str, int] = {
    "AWS::Partition": PARTITION_MAX_CHARS,
    "AWS::Region": REGION_MAX_CHARS,
    "AWS::AccountId": ACCOUNT_ID_CHARS,
    "AWS::StackName": q.STACK_NAME_MAX_CHARS.value,
    "AWS::URLSuffix": URL_SUFFIX_MAX,
}
_SUB_VARIABLE = re.compile(r"\$\{([^}]*)\}")
_ENVELOPE = len(json.dumps({"Version": POLICY_VERSION, "Statement": []}, separators=(",", ":")))

Bounds = dict[str, int]  # "Orders.Arn" (GetAtt) or "Alerts" (Ref) -> longest resolved value
# A merged statement's conditions as sorted tuples: operator, then each key with its values.
FrozenConditions = tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]


class PolicyLimits(NamedTuple):
    """IAM's size limits, in characters without white space. How many managed policies a role
    takes is the account's quota: the rule that reports LK210 compares it."""

    inline_chars: int
    managed_chars: int


class SizedStatement(NamedTuple):
    """One statement of the policy (the permissions that share its Sid), at its worst case."""

    sid: str
    permissions: tuple[Permission, ...]
    chars: int
    merged: _Merged  # the permissions merged, as the policy writes them

    def holds(self, sid: str) -> bool:
        """Whether the permissions of `sid` are in this statement (its own Sid, or merged)."""
        return any(p.sid == sid for p in self.permissions)


class GrantSize(NamedTuple):
    """What one declaration (a grant or a raw statement) adds, at its worst case."""

    label: str
    origin_display: str
    chars: int


@dataclass(frozen=True)
class PolicyPlan:
    """Where a function's statements go: all inline, or the grants in managed policies."""

    function: Function
    limits: PolicyLimits
    inline: tuple[SizedStatement, ...]
    managed: tuple[tuple[SizedStatement, ...], ...] = ()
    # Statements larger than one managed policy can hold: they fit nowhere.
    oversized: tuple[SizedStatement, ...] = ()
    # The worst case of everything inline (merged if that was tried), which decided the split.
    all_inline_chars: int = 0
    # Inline statements naming a resource that depends on the function: attached after it.
    deferred: tuple[SizedStatement, ...] = ()
    # Logical ids of those resources (`EventSource.dependents`).
    dependent_ids: frozenset[str] = frozenset()

    @property
    def inline_chars(self) -> int:
        return inline_policy_chars(self.inline)

    @property
    def managed_chars(self) -> list[int]:
        return [document_chars(statements) for statements in self.managed]

    @property
    def fits(self) -> bool:
        """Every statement has a policy it fits in (how many policies: `attaches`)."""
        return not self.oversized

    def attaches(self, managed_per_role: int) -> bool:
        """Whether a role that takes `managed_per_role` managed policies takes this plan."""
        return self.fits and len(self.managed) <= managed_per_role

    @property
    def inline_permissions(self) -> list[Permission]:
        return [p for statement in self.inline for p in statement.permissions]

    def managed_policy_ids(self) -> list[str]:
        return [managed_policy_id(self.function, n) for n in range(1, len(self.managed) + 1)]

    @property
    def deferred_permissions(self) -> list[Permission]:
        return [p for statement in self.deferred for p in statement.permissions]

    def deferred_policy_ids(self) -> list[str]:
        return [deferred_policy_id(self.function)] if self.deferred else []

    def awaited_policy_ids(self) -> list[str]:
        """The managed policies the function waits for: all but those naming a resource
        that depends on the function (waiting for them would be a cycle)."""
        return [policy_id for policy_id, statements in zip(self.managed_policy_ids(),
                                                           self.managed, strict=True)
                if not any(names_any(p, self.dependent_ids)
                           for statement in statements for p in statement.permissions)]

    def written_sid(self, sid: str) -> str:
        """The Sid the policy writes the permissions of `sid` under: another one's when they
        were merged into it (`combined`)."""
        everywhere = (*self.inline, *(s for policy in self.managed for s in policy),
                      *self.oversized, *self.deferred)
        return next((statement.sid for statement in everywhere if statement.holds(sid)), sid)

    def policy_of(self, sid: str) -> str:
        """The inline policy's name or the managed policy's logical id that holds the
        permissions of `sid` (merged into another statement or not); "" for a statement too
        large for any policy."""
        if any(statement.holds(sid) for statement in self.oversized):
            return ""
        for policy_id, statements in zip(self.managed_policy_ids(), self.managed, strict=True):
            if any(statement.holds(sid) for statement in statements):
                return policy_id
        if any(statement.holds(sid) for statement in self.deferred):
            return deferred_policy_id(self.function)
        return INLINE_POLICY_NAME


def managed_policy_id(fn: Function, number: int) -> str:
    return f"{fn.id}Policy{number}"


def deferred_policy_id(fn: Function) -> str:
    return f"{fn.id}TriggerPolicy"


def dependent_ids(fn: Function) -> frozenset[str]:
    """Logical ids of the owned resources whose creation waits for the function."""
    return frozenset(construct.label() for source in fn.live_events()
                     for construct in source.dependents())


def names_any(permission: Permission, logical_ids: frozenset[str]) -> bool:
    """Whether one of the permission's resources refers to one of `logical_ids`."""
    return bool(logical_ids) and any(_referenced_ids(resource) & logical_ids
                                     for resource in permission.resources)


def _referenced_ids(value: Any) -> set[str]:
    if isinstance(value, dict):
        found: set[str] = set()
        for name, argument in value.items():
            if name == "Ref" and isinstance(argument, str):
                found.add(argument)
            elif name == "Fn::GetAtt" and isinstance(argument, list) and argument:
                found.add(str(argument[0]))
            elif name == "Fn::Sub" and isinstance(argument, str):
                found.update(v.split(".", 1)[0] for v in _SUB_VARIABLE.findall(argument))
            else:
                found |= _referenced_ids(argument)
        return found
    if isinstance(value, list):
        return set().union(*(_referenced_ids(item) for item in value))
    return set()


def computable(fn: Function, grants: Sequence[Grant] | None = None) -> bool:
    """Whether the function's permissions can be built: every grant names a catalogue entry
    on a construct that loaded (other rules report the rest). `grants`: the function's
    `declared_grants`, when the caller has them already."""
    grants = declared_grants(fn) if grants is None else grants
    return not fn.broken and all(
        not grant.resource.broken and (kind_of(grant.resource), grant.access) in CATALOGUE
        for grant in grants) and not any(
        construct.broken for construct in policy_constructs(fn, grants))


def plan_policies(fn: Function, limits: PolicyLimits,
                  declared: Sequence[Grant] | None = None) -> PolicyPlan:
    """All statements inline when they fit; else logging and tracing inline and the grants
    packed first-fit, by Sid, into managed policies. `declared`: as for `computable`."""
    declared = declared_grants(fn) if declared is None else declared
    bounds = resolution_bounds(fn, declared)
    execution = execution_permissions(fn)
    grants = access_permissions(list(declared)) + statement_permissions(fn)
    everything = sized_statements([*execution, *grants], bounds)
    dependents = dependent_ids(fn)
    deferred = tuple(s for s in everything
                     if any(names_any(p, dependents) for p in s.permissions))
    kept = tuple(s for s in everything if s not in deferred)
    total = _inline_total(kept, deferred)
    if total > limits.inline_chars:  # merging costs the Sids that name each grant: only now
        kept = combined(kept, bounds, limits.managed_chars)
        deferred = combined(deferred, bounds, limits.managed_chars)
        total = _inline_total(kept, deferred)
    if total <= limits.inline_chars:
        return PolicyPlan(fn, limits, kept, all_inline_chars=total, deferred=deferred,
                          dependent_ids=dependents)
    inline = sized_statements(execution, bounds)
    bins: list[list[SizedStatement]] = []
    oversized: list[SizedStatement] = []
    for statement in combined(sized_statements(grants, bounds), bounds, limits.managed_chars):
        if document_chars([statement]) > limits.managed_chars:
            oversized.append(statement)
            continue
        for chosen in bins:
            if document_chars([*chosen, statement]) <= limits.managed_chars:
                chosen.append(statement)
                break
        else:
            bins.append([statement])
    return PolicyPlan(fn, limits, inline, tuple(tuple(b) for b in bins), tuple(oversized),
                      total, dependent_ids=dependents)


def _inline_total(kept: Sequence[SizedStatement], deferred: Sequence[SizedStatement]) -> int:
    """The role's inline policies together: its own, and the deferred one if any."""
    return inline_policy_chars(kept) + (
        len(DEFERRED_POLICY_NAME) + document_chars(deferred) if deferred else 0)


def combined(statements: Sequence[SizedStatement], bounds: Bounds,
             most_chars: int) -> tuple[SizedStatement, ...]:
    """`statements` with those that share their actions and conditions merged into one that
    names the union of their resources: IAM allows the same then, in fewer characters. Every
    statement lambdakit writes allows, so the Effect is the same too. A merged statement takes
    the first Sid of its parts and stays small enough for a managed policy (`most_chars`);
    statements on `*` stay as they are (their reason is recorded under their Sid). Sorted by
    Sid, as `sized_statements` gives them: the same statements, the same result."""
    groups: dict[tuple[tuple[str, ...], FrozenConditions], list[SizedStatement]] = {}
    result: list[SizedStatement] = []
    for statement in statements:
        if WILDCARD in statement.merged.resources.values():
            result.append(statement)
        else:
            groups.setdefault(_merge_key(statement.merged), []).append(statement)
    for group in groups.values():
        current = group[0]
        for statement in group[1:]:
            joined = _joined(current, statement, bounds)
            if document_chars([joined]) <= most_chars:
                current = joined
            else:
                result.append(current)
                current = statement
        result.append(current)
    return tuple(sorted(result, key=lambda s: s.sid))


def _merge_key(entry: _Merged) -> tuple[tuple[str, ...], FrozenConditions]:
    return tuple(sorted(entry.actions)), frozen_conditions(entry)


def frozen_conditions(entry: _Merged) -> FrozenConditions:
    """The statement's conditions as sorted tuples: a key for caches and groupings."""
    return tuple((operator, tuple((key, tuple(sorted(values)))
                                  for key, values in sorted(keys.items())))
                 for operator, keys in sorted(entry.conditions.items()))


def _joined(first: SizedStatement, second: SizedStatement, bounds: Bounds) -> SizedStatement:
    """One statement: `first`'s Sid, actions and conditions, the resources of both."""
    entry = _Merged(set(first.merged.actions), {**first.merged.resources,
                                                **second.merged.resources},
                    {operator: {key: set(values) for key, values in keys.items()}
                     for operator, keys in first.merged.conditions.items()})
    return SizedStatement(first.sid, first.permissions + second.permissions,
                          statement_chars(first.sid, entry, bounds), entry)


# --------------------------------------------------------------------------- measuring


def sized_statements(permissions: Iterable[Permission], bounds: Bounds) -> tuple[
        SizedStatement, ...]:
    """One entry per Sid, sorted by Sid, merged as `policy_statements` merges them."""
    permissions = list(permissions)
    merged = merge(permissions)
    return tuple(
        SizedStatement(sid, tuple(p for p in permissions if p.sid == sid),
                       statement_chars(sid, merged[sid], bounds), merged[sid])
        for sid in sorted(merged))


def statement_data(sid: str, entry: _Merged) -> dict[str, Any]:
    """The statement `policy_statements` writes, its condition operators as the app names them."""
    data = statement_head(sid, entry)
    if entry.conditions:
        data["Condition"] = {operator: {key: sorted(values) for key, values in sorted(keys.items())}
                             for operator, keys in sorted(entry.conditions.items())}
    return data


def statement_chars(sid: str, entry: _Merged, bounds: Bounds) -> int:
    """`worst_case_chars(statement_data(sid, entry), bounds)`. Only the resources can hold
    intrinsics; the rest (the Sid, actions and conditions, the same for many functions: their
    logging and tracing) is counted once per process, with an empty `Resource` list."""
    resources = entry.resources.values()
    return (_chars_without_resources(sid, tuple(sorted(entry.actions)),
                                     frozen_conditions(entry))
            + max(len(resources) - 1, 0)  # the commas between resources
            + sum(worst_case_chars(resource, bounds) for resource in resources))


@functools.lru_cache(maxsize=1024)
def _chars_without_resources(sid: str, actions: tuple[str, ...],
                             conditions: FrozenConditions) -> int:
    entry = _Merged(set(actions), {}, {operator: {key: set(values) for key, values in keys}
                                       for operator, keys in conditions})
    return worst_case_chars(statement_data(sid, entry), {})


def document_chars(statements: Sequence[SizedStatement]) -> int:
    """`{"Version":"2012-10-17","Statement":[...]}` without white space, at its worst case."""
    return _ENVELOPE + sum(s.chars for s in statements) + max(len(statements) - 1, 0)


def written_document(statements: Sequence[SizedStatement]) -> dict[str, Any]:
    """The policy document of `statements` (sorted by Sid, as planned): what
    `policy_document` writes for their permissions, without merging them again."""
    return {"Version": POLICY_VERSION,
            "Statement": [statement_document(s.sid, s.merged) for s in statements]}


def inline_policy_chars(statements: Sequence[SizedStatement]) -> int:
    """The inline policy as IAM counts it against the role's limit. The policy's name is
    included: AWS does not say whether it counts, and counting it is the safe side."""
    return len(INLINE_POLICY_NAME) + document_chars(statements)


def worst_case_chars(value: Any, bounds: Bounds) -> int:
    """Characters of `value` as compact JSON once CloudFormation has resolved it, with every
    intrinsic at its longest: `len(json.dumps(resolved, separators=(",", ":"),
    ensure_ascii=False))`, counted without building the resolved value or its text."""
    if isinstance(value, str):
        return len(encode_basestring(value))
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        if _is_intrinsic(value):
            return worst_case_length(value, bounds) + 2  # a string of that length, quoted
        # Braces, a colon per key, commas between entries.
        return 2 + len(value) + max(len(value) - 1, 0) + sum(
            len(encode_basestring(key)) + worst_case_chars(item, bounds)
            for key, item in value.items())
    if isinstance(value, list):
        return 2 + max(len(value) - 1, 0) + sum(worst_case_chars(item, bounds)
                                                for item in value)
    return len(json.dumps(_resolved(value, bounds), separators=(",", ":"), ensure_ascii=False))


def _is_intrinsic(value: dict[str, Any]) -> bool:
    """`{"Ref": ...}` or `{"Fn::...": ...}`: resolved by CloudFormation to a string."""
    if len(value) != 1:
        return False
    (name, _), = value.items()
    return bool(name == "Ref" or name.startswith("Fn::"))


def worst_case_length(value: Any, bounds: Bounds) -> int:
    """The longest string a CloudFormation value (a string or an intrinsic) resolves to."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict) and len(value) == 1:
        (name, argument), = value.items()
        if name == "Ref" and isinstance(argument, str):
            return _PSEUDO.get(argument, bounds.get(argument, q.ARN_MAX_CHARS.value))
        if name == "Fn::GetAtt":
            target = ".".join(argument) if isinstance(argument, list) else str(argument)
            return bounds.get(target, q.ARN_MAX_CHARS.value)
        if name == "Fn::Sub" and isinstance(argument, str):
            return sub_length(argument, bounds)
    return q.ARN_MAX_CHARS.value


def sub_length(text: str, bounds: Bounds) -> int:
    """`Fn::Sub` text with every `${...}` at its longest; `${!x}` is the literal `${x}`."""
    length = 0
    position = 0
    for match in _SUB_VARIABLE.finditer(text):
        length += match.start() - position
        position = match.end()
        variable = match.group(1)
        if variable.startswith("!"):
            length += len(variable) + 2
        elif variable in _PSEUDO:
            length += _PSEUDO[variable]
        else:
            length += bounds.get(variable, q.ARN_MAX_CHARS.value)
    return length + len(text) - position


def _resolved(value: Any, bounds: Bounds) -> Any:
    if isinstance(value, dict):
        if _is_intrinsic(value):
            return "x" * worst_case_length(value, bounds)
        return {key: _resolved(item, bounds) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolved(item, bounds) for item in value]
    return value


# --------------------------------------------------------------------------- bounds


def resolution_bounds(fn: Function, grants: Sequence[Grant] | None = None) -> Bounds:
    """The longest value of every `GetAtt`/`Ref` the function's policy can hold. `grants`: as
    for `computable`."""
    bounds: Bounds = {f"{fn.log_group_id}.Arn": arn_length("log_group", log_group_name_max(fn))}
    for construct in policy_constructs(fn, grants):
        bounds.update(_construct_bounds(construct))
    return bounds


def log_group_name_max(fn: Function) -> int:
    """`/aws/lambda/<function_name>`, or `/aws/lambda/${AWS::StackName}/<id>` (as compiled)."""
    if fn.function_name:
        return len("/aws/lambda/") + len(fn.function_name)
    return len("/aws/lambda/") + q.STACK_NAME_MAX_CHARS.value + 1 + len(fn.id)


def arn_length(kind: str, name_chars: int) -> int:
    return _ARN_FIXED_CHARS[kind] + name_chars


# Each ARN shape's longest length without its name, measured once.
_ARN_FIXED_CHARS = {kind: sub_length(shape.replace("{name}", ""), {})
                    for kind, shape in _ARN_SHAPES.items()}


def name_max(construct: Construct) -> int:
    """The physical name given in the app, or the longest CloudFormation may generate."""
    kind = kind_of(construct)
    given = getattr(construct, "function_name" if isinstance(construct, Function) else "name",
                    None)
    if isinstance(given, str) and given:
        return len(given)
    generated = q.STACK_NAME_MAX_CHARS.value + len(construct.label()) + GENERATED_NAME_EXTRA
    return min(generated, NAME_MAX.get(kind, q.ARN_MAX_CHARS.value))


def policy_constructs(fn: Function, grants: Sequence[Grant] | None = None) -> list[Construct]:
    """The constructs the function's policy names: what its grants are on, the keys that
    encrypt those, and the constructs its raw statements name. `grants`: as for `computable`."""
    found: list[Construct] = []
    for grant in declared_grants(fn) if grants is None else grants:
        found.append(grant.resource)
        key = getattr(grant.resource, "key", None)
        if isinstance(key, Construct):
            found.append(key)
    found.extend(resource for statement in fn.statements for resource in statement.resources
                 if isinstance(resource, Construct))
    return found


def _construct_bounds(construct: Construct) -> Bounds:
    """Existing resources need none: their ARNs are literal text and pseudo parameters."""
    identifier = construct.label()
    kind = kind_of(construct)
    if isinstance(construct, Function):
        name = name_max(construct)
        return {f"{identifier}.Arn": arn_length("function", name), identifier: name}
    if not isinstance(construct, Resource) or construct.is_existing or kind not in _ARN_SHAPES:
        return {}
    name = KEY_ID if kind == "key" else name_max(construct)
    arn = arn_length(kind, name)
    bounds = {f"{identifier}.Arn": arn}
    if kind in REF_IS_ARN:
        bounds[identifier] = arn
    elif kind in ("parameter", "key"):  # `Ref` is the name, or the key id
        bounds[identifier] = name
    if isinstance(construct, Table):
        bounds[f"{identifier}.StreamArn"] = arn + STREAM_LABEL
    return bounds


# --------------------------------------------------------------------------- provenance


def grant_sizes(fn: Function, bounds: Bounds | None = None) -> list[GrantSize]:
    """Every grant and raw statement with the characters its statements take, largest
    first (ties by where it was declared)."""
    bounds = bounds if bounds is not None else resolution_bounds(fn)
    own = {id(grant) for grant in fn.grants}
    found: list[GrantSize] = []
    for grant in declared_grants(fn):
        permissions = [p for level, access in expand(kind_of(grant.resource), grant.access)
                       for p in _permissions(grant, level, access)]
        # Not declared: implied by an event source, a destination or the environment, each
        # asked for at the line shown beside it.
        label = grant.describe() + ("" if id(grant) in own else " (implied)")
        found.append(GrantSize(label, grant.origin.display(), _chars(permissions, bounds)))
    for statement, permission in zip(fn.statements, statement_permissions(fn), strict=True):
        actions = ", ".join(statement.actions[:2]) + (", ..." if len(statement.actions) > 2
                                                      else "")
        found.append(GrantSize(f"Statement({actions})", statement.origin.display(),
                               _chars([permission], bounds)))
    return sorted(found, key=lambda g: (-g.chars, g.origin_display, g.label))


def _chars(permissions: list[Permission], bounds: Bounds) -> int:
    statements = sized_statements(permissions, bounds)
    return sum(s.chars for s in statements) + len(statements)  # each with its comma
