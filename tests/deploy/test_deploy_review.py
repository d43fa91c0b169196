"""The change-set table, the data guard's rules and the template diff, on plain data."""

from __future__ import annotations

from lambdakit.deploy.changes import (
    STATEFUL_TYPES,
    Change,
    format_table,
    guarded,
    unused_allowances,
)
from lambdakit.deploy.diff import diff_templates


def test_the_guard_stops_removal_and_replacement_of_every_stateful_type() -> None:
    for resource_type in sorted(STATEFUL_TYPES):
        removed = Change("Remove", "Data", resource_type)
        replaced = Change("Modify", "Data", resource_type, "True")
        maybe = Change("Modify", "Data", resource_type, "Conditional")
        unsaid = Change("Modify", "Data", resource_type)
        dynamic = Change("Dynamic", "Data", resource_type)
        in_place = Change("Modify", "Data", resource_type, "False")
        assert guarded((removed, replaced, maybe, unsaid, dynamic, in_place), frozenset()) == [
            removed, replaced, maybe, unsaid, dynamic]
        assert guarded((removed, replaced, unsaid), frozenset({"Data"})) == []
    stateless = (Change("Remove", "Fn", "AWS::Lambda::Function"),
                 Change("Modify", "Role", "AWS::IAM::Role", "True"),
                 Change("Modify", "Fn", "AWS::Lambda::Function"))
    assert guarded(stateless, frozenset()) == []


def test_allowances_that_match_nothing_are_reported() -> None:
    changes = (Change("Remove", "Orders", "AWS::DynamoDB::Table"),
               Change("Remove", "Fn", "AWS::Lambda::Function"))
    assert unused_allowances(changes, frozenset({"Orders", "Fn", "Ordres"})) == ["Fn", "Ordres"]


def test_the_table_marks_actions_replacements_and_access() -> None:
    table = format_table((
        Change("Add", "Queue", "AWS::SQS::Queue"),
        Change("Modify", "WorkerRole", "AWS::IAM::Role", "False"),
        Change("Modify", "Orders", "AWS::DynamoDB::Table", "True"),
        Change("Remove", "Invoke", "AWS::Lambda::Permission"),
        Change("Modify", "Key", "AWS::KMS::Key", "Conditional"),
        Change("Modify", "Events", "AWS::SQS::Queue"),
    ))
    assert table.splitlines() == [
        "   Action  Logical ID  Type                     Replacement  Access",
        "+  Add     Queue       AWS::SQS::Queue          -",
        "~  Modify  WorkerRole  AWS::IAM::Role           no           IAM",
        "~  Modify  Orders      AWS::DynamoDB::Table     yes",
        "-  Remove  Invoke      AWS::Lambda::Permission  -            IAM",
        "~  Modify  Key         AWS::KMS::Key            maybe        IAM",
        "~  Modify  Events      AWS::SQS::Queue          unknown",
        "1 to add, 4 to modify, 1 to remove, 1 replaced, 2 maybe replaced; "
        "3 changes who may do what (IAM)",
    ]


def _role(statements: list[dict[str, object]]) -> dict[str, object]:
    return {"Type": "AWS::IAM::Role", "Properties": {
        "AssumeRolePolicyDocument": {"Statement": [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
             "Action": "sts:AssumeRole"}]},
        "Policies": [{"PolicyName": "lambdakit", "PolicyDocument": {"Statement": statements}}]}}


def test_the_diff_names_resources_properties_and_statements() -> None:
    read = {"Sid": "OrdersRead", "Effect": "Allow", "Action": ["dynamodb:GetItem"],
            "Resource": "arn:table"}
    logs = {"Sid": "Logs", "Effect": "Allow", "Action": "logs:PutLogEvents",
            "Resource": "arn:logs"}
    old = {"Resources": {
        "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "s3://b/a.zip",
                                                                   "MemorySize": 256}},
        "FnRole": _role([read, logs]),
        "Old": {"Type": "AWS::SQS::Queue"},
    }}
    new = {"Resources": {
        "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "s3://b/c.zip",
                                                                   "Timeout": 5}},
        "FnRole": _role([{**read, "Action": ["dynamodb:GetItem", "dynamodb:Query"]},
                         {"Sid": "Send", "Effect": "Allow", "Action": "sqs:SendMessage",
                          "Resource": "arn:queue"}]),
        "New": {"Type": "AWS::SNS::Topic"},
    }}
    diff = diff_templates(old, new)
    assert diff.differs
    text = diff.text("shop")
    assert "  + New (AWS::SNS::Topic)" in text
    assert "  - Old (AWS::SQS::Queue)" in text
    assert "      Properties.CodeUri: s3://b/a.zip → s3://b/c.zip" in text
    assert "      Properties.MemorySize: (removed) 256" in text
    assert "      Properties.Timeout: (added) 5" in text
    iam = text.split("IAM statements\n")[1].splitlines()
    assert iam == [
        "  + FnRole lambdakit Send: Allow sqs:SendMessage on arn:queue",
        "  - FnRole lambdakit Logs: Allow logs:PutLogEvents on arn:logs",
        "  ~ FnRole lambdakit OrdersRead",
        "      + Action dynamodb:Query",
    ]
    referenced = diff_templates(old, {"Resources": {**old["Resources"], "FnRole": _role([
        read, logs, {"Sid": "Put", "Effect": "Allow", "Action": "s3:PutObject", "Resource": [
            {"Fn::GetAtt": ["Bucket", "Arn"]}, {"Fn::Sub": "${Bucket.Arn}/in/*"},
            {"Fn::Join": ["", [{"Ref": "AWS::Partition"}, ":x"]]}]}])}})
    assert referenced.lines == (
        "Resources",
        "  ~ FnRole (AWS::IAM::Role)",
        "      Properties.Policies: changed (see IAM statements)",
        "IAM statements",
        "  + FnRole lambdakit Put: Allow s3:PutObject on ${AWS::Partition}:x, ${Bucket.Arn}, "
        "${Bucket.Arn}/in/*",
    )
    same = diff_templates(new, new)
    assert not same.differs
    assert same.text("shop") == "No differences: shop is what a deploy would send"
