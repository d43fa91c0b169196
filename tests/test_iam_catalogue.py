"""Every action lambdakit grants is a real IAM action, on a resource type it actually applies to.

Checked offline against the IAM database parliament ships (the AWS service authorization
reference as data, see `iam_checks`): an action granted on an ARN none of its resource types
matches does nothing at run time, and an action granted on `*` must have no resource type at all
(that is the reason recorded for the wildcard).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import second_opinion_findings, synth_app
from iam_checks import (
    Resolver,
    arn_template,
    as_list,
    every_grant_app,
    globs_overlap,
    privilege,
    resource_types,
    resource_types_covering,
)

from lambdakit import Bucket, Function, Statement
from lambdakit.check.sam import sam_transform
from lambdakit.iam import WILDCARD, execution_permissions, grant_permissions, policy_document
from lambdakit.iam.catalogue import (
    ANY,
    BUCKET_LISTING,
    CATALOGUE,
    CLUSTER_PARAMETER_GROUPS,
    INDEXES,
    INTERFACE_PLACEMENT,
    NETWORK_INTERFACES,
    OBJECTS,
    QUALIFIED,
    SELF,
    SUBNET_GROUPS,
    TABLE_STREAM,
    Access,
    StatementSpec,
    expand,
)

TESTS = Path(__file__).resolve().parent

# (kind, target) → (service prefix, the IAM resource type the statement's ARN is).
TARGET_RESOURCE_TYPE: dict[tuple[str, str], tuple[str, str]] = {
    ("queue", SELF): ("sqs", "queue"),
    ("topic", SELF): ("sns", "topic"),
    ("event_bus", SELF): ("events", "event-bus"),
    ("bucket", OBJECTS): ("s3", "object"),
    ("bucket", BUCKET_LISTING): ("s3", "bucket"),
    ("table", SELF): ("dynamodb", "table"),
    ("table", INDEXES): ("dynamodb", "index"),
    ("table", TABLE_STREAM): ("dynamodb", "stream"),
    ("stream", SELF): ("kinesis", "stream"),
    ("stream_consumer", SELF): ("kinesis", "consumer"),
    ("secret", SELF): ("secretsmanager", "Secret"),
    ("parameter", SELF): ("ssm", "parameter"),
    ("key", SELF): ("kms", "key"),
    ("function", SELF): ("lambda", "function"),
    # lambda:InvokeFunction lists only the `function` resource type; a qualified ARN (version or
    # alias, `function:NAME:*`) is authorized as that type, and the unqualified ARN does not
    # match qualified calls: hence a second statement, on the same resource type.
    ("function", QUALIFIED): ("lambda", "function"),
    ("state_machine", SELF): ("states", "statemachine"),
    ("kafka_cluster", SELF): ("kafka", "cluster"),
    ("mq_broker", SELF): ("mq", "brokers"),
    ("docdb_cluster", SELF): ("rds", "cluster"),
    ("docdb_cluster", CLUSTER_PARAMETER_GROUPS): ("rds", "cluster-pg"),
    ("docdb_cluster", SUBNET_GROUPS): ("rds", "subgrp"),
    ("poller_network", NETWORK_INTERFACES): ("ec2", "network-interface"),
    # Also on subnet/* and security-group/* in the same statement (each a resource type of
    # ec2:CreateNetworkInterface, which IAM authorizes on all of them at once).
    ("poller_network", INTERFACE_PLACEMENT): ("ec2", "network-interface"),
}
KEY_RESOURCE_TYPE = ("kms", "key")
# execution.py: writing the function's own log streams (on its log group's `Arn`, which ends in
# `:*`), and X-Ray, which has no resource type.
EXECUTION_RESOURCE_TYPE = {"logs": ("logs", "log-stream")}


def _name(action: Any) -> str:
    return str(action.JSONrepr())


def _statements() -> list[tuple[str, str, StatementSpec]]:
    return [(kind, access, spec) for (kind, access), entry in CATALOGUE.items()
            for spec in entry.statements]


def _actions() -> list[tuple[str, str, str]]:
    """(kind, access, action) for every action of every statement and every key action."""
    found = {(kind, access, _name(action))
             for (kind, access), entry in CATALOGUE.items()
             for action in (*[a for s in entry.statements for a in s.actions],
                            *entry.key_actions)}
    return sorted(found)


def _id(value: Any) -> str:
    if isinstance(value, StatementSpec):
        return f"{value.target}{value.suffix}"
    return str(value)


@pytest.mark.parametrize(("kind", "access", "action"), _actions(), ids=_id)
def test_every_catalogue_action_is_a_real_iam_action(kind: str, access: str, action: str) -> None:
    entry = privilege(action)
    assert entry is not None, f"{kind}.{access}: {action} is not an IAM action"
    # The case matters to nobody at run time, but a typo'd case is a typo all the same.
    assert f"{action.partition(':')[0]}:{entry['privilege']}" == action


def test_every_target_of_the_catalogue_has_a_known_resource_type() -> None:
    used = {(kind, spec.target) for kind, _, spec in _statements() if spec.target != ANY}
    assert used <= set(TARGET_RESOURCE_TYPE), used - set(TARGET_RESOURCE_TYPE)
    for prefix, rtype in {*TARGET_RESOURCE_TYPE.values(), KEY_RESOURCE_TYPE,
                          *EXECUTION_RESOURCE_TYPE.values()}:
        assert arn_template(prefix, rtype)  # the resource type exists in the database


@pytest.mark.parametrize(("kind", "access", "spec"),
                         [s for s in _statements() if s[2].target != ANY], ids=_id)
def test_statement_is_on_a_resource_type_of_each_action(kind: str, access: str,
                                                        spec: StatementSpec) -> None:
    prefix, rtype = TARGET_RESOURCE_TYPE[(kind, spec.target)]
    for action in map(_name, spec.actions):
        assert action.partition(":")[0] == prefix, f"{action} is not a {prefix} action"
        assert rtype in resource_types(action), (
            f"{kind}.{access}: {action} is granted on a {rtype} ARN, but applies only to "
            f"{sorted(resource_types(action))}")


@pytest.mark.parametrize(("kind", "access", "spec"),
                         [s for s in _statements() if s[2].target == ANY], ids=_id)
def test_wildcard_statement_actions_truly_have_no_resource_type(kind: str, access: str,
                                                                spec: StatementSpec) -> None:
    assert spec.wildcard_reason
    for action in map(_name, spec.actions):
        assert resource_types(action) == {""}, (
            f"{kind}.{access}: {action} is granted on '*' because it has no resource type, "
            f"but it has {sorted(resource_types(action) - {''})}: grant it on those instead")


@pytest.mark.parametrize(("kind", "access"),
                         [key for key, entry in CATALOGUE.items() if entry.key_actions],
                         ids=_id)
def test_key_actions_apply_to_kms_keys(kind: str, access: str) -> None:
    for action in map(_name, CATALOGUE[(kind, access)].key_actions):
        assert action.startswith("kms:")
        assert KEY_RESOURCE_TYPE[1] in resource_types(action)


def test_execution_actions_are_on_log_streams_and_xray_has_no_resource_type() -> None:
    fn = Function(id="Probe", handler="svc.handler.handle", code="goldens/_code",
                  runtime="python3.13")
    for permission in execution_permissions(fn):
        for action in permission.action_names:
            prefix = action.partition(":")[0]
            if WILDCARD in permission.resources:
                assert permission.wildcard_reason
                assert resource_types(action) == {""}, action
            else:
                assert EXECUTION_RESOURCE_TYPE[prefix][1] in resource_types(action), action


# ---------------------------------------------------------------- what the grants really emit


@pytest.fixture(scope="module")
def every_grant() -> tuple[Resolver, list[Any]]:
    app, grants = every_grant_app()
    result = synth_app(app, TESTS)
    assert result.warnings == []
    return Resolver(sam_transform(result.template)), grants


def _spec_of(sid: str, actions: set[str], kind: str,
             levels: list[tuple[str, Access]]) -> tuple[str, str] | None:
    """The (prefix, resource type) a permission of this grant must land on; None for '*'."""
    if sid.startswith("UseKey"):
        return KEY_RESOURCE_TYPE
    candidates = [spec for _, entry in levels for spec in entry.statements
                  if {_name(a) for a in spec.actions} == actions and sid.endswith(spec.suffix)]
    assert candidates, f"{sid}: no catalogue statement grants {sorted(actions)}"
    spec = max(candidates, key=lambda s: len(s.suffix))
    return None if spec.target == ANY else TARGET_RESOURCE_TYPE[(kind, spec.target)]


def test_every_grant_lands_on_the_resource_type_of_each_action(
        every_grant: tuple[Resolver, list[Any]]) -> None:
    """Owned and existing resources, by name and by ARN, prefixes, customer keys: the ARN each
    statement is on (intrinsics resolved) is of the resource type the catalogue intends, and
    that type is one the action applies to."""
    resolver, grants = every_grant
    problems = []
    for kind, access, grant in grants:
        probe = Function(id="Probe", handler="svc.handler.handle", code="goldens/_code",
                         runtime="python3.13", grants=[grant])
        for permission in grant_permissions(probe):
            expected = _spec_of(permission.sid, set(permission.action_names), kind,
                                expand(kind, access))
            for resource in permission.resources:
                arn = resolver.resolve(resource)
                for action in permission.action_names:
                    if expected is None:
                        if arn != WILDCARD or resource_types(action) != {""}:
                            problems.append(f"{permission.sid}: {action} on {arn}")
                    elif expected[1] not in resource_types_covering(action, arn):
                        problems.append(f"{permission.sid}: {action} on {arn} is not a "
                                        f"{expected[1]} ARN of {expected[0]} "
                                        f"({arn_template(*expected)})")
    assert problems == []


def test_unprefixed_read_keeps_listing_the_whole_bucket() -> None:
    """Grants merge by Sid: a prefix condition from `read(prefix=...)` must not narrow a plain
    `read()` of the same bucket to that prefix."""
    bucket = Bucket(id="Uploads")
    both = Function(id="Both", handler="svc.handler.handle", code="goldens/_code",
                    runtime="python3.13", grants=[bucket.read(prefix="in/"), bucket.read()])
    listing = [s for s in policy_document(grant_permissions(both))
               ["Statement"] if "s3:ListBucket" in as_list(s["Action"])]
    assert len(listing) == 1
    assert "Condition" not in listing[0]
    prefixed = Function(id="Prefixed", handler="svc.handler.handle", code="goldens/_code",
                        runtime="python3.13",
                        grants=[bucket.read(prefix="in/"), bucket.read(prefix="out/")])
    listing = [s for s in policy_document(grant_permissions(prefixed))
               ["Statement"] if "s3:ListBucket" in as_list(s["Action"])]
    assert listing[0]["Condition"] == {"StringLike": {"s3:prefix": ["in/*", "out/*"]}}


@pytest.mark.parametrize(("first", "second", "overlap"), [
    ("arn:*:sqs:*:*:*", "arn:aws:sqs:us-east-1:123456789012:orders", True),
    ("arn:*:s3:::*/*", "arn:aws:s3:::bucket/in/*", True),
    ("arn:*:dynamodb:*:*:table/*/index/*", "arn:aws:dynamodb:us-east-1:1:table/t", False),
    ("arn:*:dynamodb:*:*:table/*/index/*", "arn:aws:dynamodb:us-east-1:1:table/t/index/*", True),
    ("arn:*:logs:*:*:log-group:*:log-stream:*", "arn:aws:logs:us-east-1:1:log-group:/a/b:*",
     True),
    ("arn:*:logs:*:*:log-group:*:log-stream:*", "arn:aws:logs:us-east-1:1:log-group:/a/b",
     False),
    ("arn:*:secretsmanager:*:*:secret:*", "arn:aws:secretsmanager:r:1:secret:db-??????", True),
    ("arn:*:kms:*:*:key/*", "arn:aws:kms:us-east-1:1:alias/data", False),
])
def test_globs_overlap(first: str, second: str, overlap: bool) -> None:
    assert globs_overlap(first, second) is overlap
    assert globs_overlap(second, first) is overlap


def test_every_condition_key_of_an_operator_reaches_the_policy() -> None:
    """A statement with two keys under one operator keeps both: dropping one would widen it."""
    fn = Function(id="Tagged", handler="svc.handler.handle", code=".", runtime="python3.13",
                  statements=[Statement(actions=["s3:GetObject"], resources=["arn:aws:s3:::b/*"],
                                        reason="tagged objects of the team only",
                                        conditions={"StringEquals": {
                                            "aws:PrincipalTag/team": "a",
                                            "s3:ExistingObjectTag/team": ["a", "b"]}})])
    document = policy_document(grant_permissions(fn))
    assert document["Statement"][0]["Condition"] == {"StringEquals": {
        "aws:PrincipalTag/team": ["a"], "s3:ExistingObjectTag/team": ["a", "b"]}}


def _conditioned(conditions: dict[str, dict[str, str | list[str]]], code: str = ".") -> Function:
    return Function(id="Tagged", handler="svc.handler.handle", code=code, runtime="python3.13",
                    statements=[Statement(actions=["s3:GetObject"],
                                          resources=["arn:aws:s3:::b/*"],
                                          reason="tagged objects of the team only",
                                          conditions=conditions)])


def test_an_operator_is_written_as_iam_spells_it_however_it_was_written() -> None:
    """IAM's name (`ForAnyValue:StringLike`) and awacs's (`ForAnyValueStringLike`) are one
    operator; written both ways in one statement, their keys are merged, not overwritten."""
    both = policy_document(grant_permissions(_conditioned({
        "ForAnyValueStringLike": {"aws:TagKeys": "team*"},
        "ForAnyValue:StringLike": {"aws:TagKeys": "cost*", "s3:prefix": "in/"}})))
    assert both["Statement"][0]["Condition"] == {"ForAnyValue:StringLike": {
        "aws:TagKeys": ["cost*", "team*"], "s3:prefix": ["in/"]}}
    for spelling in ("ForAnyValueStringLike", "ForAnyValue:StringLike"):
        one = policy_document(grant_permissions(_conditioned({spelling: {"aws:TagKeys": "t*"}})))
        assert one["Statement"][0]["Condition"] == {"ForAnyValue:StringLike": {
            "aws:TagKeys": ["t*"]}}


def test_an_unknown_operator_is_lk212_with_the_closest_name(tmp_path: Path) -> None:
    from lambdakit import App
    from lambdakit.errors import LambdakitError

    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "handler.py").write_text("def handle(event, context):\n    return 1\n")
    app = App(name="conditions", functions=[_conditioned({"StringEqual": {"aws:TagKeys": "a"}})])
    with pytest.raises(LambdakitError) as raised:
        synth_app(app, tmp_path)
    [found] = [d for d in raised.value.diagnostics if d.code == "LK212"]
    assert found.message == "unknown IAM condition operator 'StringEqual'"
    assert found.hint.startswith("did you mean 'StringEquals'?")


def test_binary_equals_which_awacs_lacks_is_an_operator_and_deploys_clean(tmp_path: Path) -> None:
    """IAM's binary operator has no awacs class; it must not be LK212, and the role must pass
    the SAM transform and cfn-lint."""
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "handler.py").write_text("def handle(event, context):\n    return 1\n")
    from lambdakit import App

    app = App(name="binary", functions=[_conditioned({
        "BinaryEquals": {"s3:x-amz-meta-key": "QmluYXJ5VmFsdWU="}}, code=str(tmp_path))])
    result = synth_app(app, tmp_path)
    [policy] = result.template["Resources"]["TaggedRole"]["Properties"]["Policies"]
    granted = [s for s in policy["PolicyDocument"]["Statement"] if "Condition" in s]
    assert granted[0]["Condition"] == {"BinaryEquals": {"s3:x-amz-meta-key": ["QmluYXJ5VmFsdWU="]}}
    assert second_opinion_findings(result.template, result.origins) == []


@pytest.mark.parametrize("operator", ["NullIfExists", "ForAnyValue:NullIfExists",
                                      "BinaryEqualsIfExists"])
def test_operators_iam_or_cfn_lint_refuse_are_lk212(tmp_path: Path,
                                                                  operator: str) -> None:
    from lambdakit import App
    from lambdakit.errors import LambdakitError

    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "handler.py").write_text("def handle(event, context):\n    return 1\n")
    app = App(name="nulls", functions=[_conditioned({operator: {"aws:TagKeys": "true"}})])
    with pytest.raises(LambdakitError) as raised:
        synth_app(app, tmp_path)
    [found] = [d for d in raised.value.diagnostics if d.code == "LK212"]
    assert found.message == f"unknown IAM condition operator {operator!r}"
