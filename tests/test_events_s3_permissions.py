"""S3's invoke permission names the bucket that notifies the function (`SourceArn`) as well as
the account (`SourceAccount`): any other bucket, of this account or another, is refused. The
bucket's name is therefore known before the bucket exists (its own, or one unique to the
stack), and the bucket waits for the permission, as S3 checks it when the notification is
written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from helpers import second_opinion_findings, synth_app, synth_file
from iam_checks import PSEUDO_PARAMETERS, Resolver

from lambdakit import App, Bucket, Function
from lambdakit.check.sam import sam_transform
from lambdakit.events import S3Event
from lambdakit.events.s3 import GENERATED_PREFIX_MAX_CHARS
from lambdakit.limits import quotas as q
from lambdakit.plan import plan_app
from lambdakit.rules import check_app

GOLDENS = Path(__file__).resolve().parent / "goldens"
CODE = GOLDENS / "_code"
FAILURES = {"LK380": "tests of S3's invoke permission"}
STACK_UUID = PSEUDO_PARAMETERS["AWS::StackId"].rsplit("/", 1)[1]
BUCKET_NAME_RULE = Bucket.name_rule[0]  # S3's general purpose bucket naming rules


def _function(id: str, **settings: Any) -> Function:
    settings.setdefault("acknowledge", FAILURES)
    return Function(id=id, handler="svc.handler.handle", code=str(CODE), runtime="python3.13",
                    **settings)


def _transformed(app: App) -> dict[str, Any]:
    result = synth_app(app, CODE)
    assert second_opinion_findings(result.template, result.origins) == []
    return sam_transform(result.template)


def _s3_permissions(resources: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {logical_id: resource for logical_id, resource in resources.items()
            if resource["Type"] == "AWS::Lambda::Permission"
            and resource["Properties"]["Principal"] == "s3.amazonaws.com"}


def _notified(resources: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(bucket id, one of its Lambda notifications), for every bucket of the template."""
    return [(logical_id, configuration) for logical_id, resource in resources.items()
            if resource["Type"] == "AWS::S3::Bucket"
            for configuration in resource["Properties"].get("NotificationConfiguration", {})
            .get("LambdaConfigurations", [])]


def _check_permissions_name_their_buckets(template: dict[str, Any]) -> int:
    """Every S3 invoke permission names exactly the bucket that notifies its function, and
    this account; that bucket waits for it. Returns how many were checked."""
    resources = template["Resources"]
    resolver = Resolver(template)
    permissions = _s3_permissions(resources)
    for logical_id, permission in permissions.items():
        properties = permission["Properties"]
        assert properties["SourceAccount"] == {"Ref": "AWS::AccountId"}, logical_id
        assert "SourceArn" in properties, f"{logical_id} names no bucket"
        invoked = resolver.resolve(properties["FunctionName"])
        buckets = {bucket for bucket, configuration in _notified(resources)
                   if _same_function(resolver.resolve(configuration["Function"]), invoked)
                   and logical_id in resources[bucket].get("DependsOn", [])}
        assert len(buckets) == 1, f"{logical_id}: no single bucket notifies {invoked}"
        [bucket] = buckets
        assert resolver.resolve(properties["SourceArn"]) == resolver.attribute(bucket, "Arn")
    return len(permissions)


def _same_function(arn: str, name_or_arn: str) -> bool:
    """Whether a notification's function ARN is what a permission names (a name or an ARN)."""
    return arn in (name_or_arn, f"{arn.rsplit(':', 1)[0]}:{name_or_arn}")


def test_the_golden_s3_permissions_name_their_buckets() -> None:
    template = sam_transform(synth_file(GOLDENS / "events_s3" / "app.py").template)
    # Indexer, Thumbnailer and Archiver (on one bucket), Compactor.
    assert _check_permissions_name_their_buckets(template) == 4


def test_an_alias_is_what_the_bucket_notifies_and_the_permission_lets_in() -> None:
    uploads = Bucket(id="Uploads")
    fn = _function("Indexer", alias="live", events=[S3Event(bucket=uploads)])
    template = _transformed(App(name="s3", functions=[fn]))
    resources = template["Resources"]
    permission = resources["IndexerFromUploadsPermission"]["Properties"]
    assert permission["FunctionName"] == {"Ref": "IndexerAliaslive"}
    [(_, configuration)] = _notified(resources)
    assert configuration["Function"] == {"Ref": "IndexerAliaslive"}
    assert _check_permissions_name_their_buckets(template) == 1


def test_the_stack_count_stays_exact_with_lambdakits_permissions() -> None:
    photos = Bucket(id="Photos", name="lambdakit-test-photos")
    uploads = Bucket(id="Uploads")
    functions = [
        _function("Indexer", alias="live", events=[S3Event(bucket=uploads)]),
        _function("Thumbnailer", events=[
            S3Event(bucket=photos, prefix="in/"),
            S3Event(bucket=photos, name="Removed", events=["s3:ObjectRemoved:*"])]),
    ]
    app = App(name="s3", functions=functions)
    template = _transformed(app)
    assert len(plan_app(app).resources) == len(template["Resources"])
    assert _check_permissions_name_their_buckets(template) == 3


def test_the_generated_name_fits_s3s_longest_bucket_name() -> None:
    assert GENERATED_PREFIX_MAX_CHARS + 1 + len(STACK_UUID) == q.S3_BUCKET_NAME_MAX_CHARS.value


@pytest.mark.parametrize("bucket_id", ["Uploads", "A" * 64, "Sthree", "X9"])
def test_an_unnamed_notifying_bucket_gets_a_valid_name_unique_to_the_stack(
        bucket_id: str) -> None:
    bucket = Bucket(id=bucket_id)
    template = _transformed(App(name="s3", functions=[
        _function("Indexer", events=[S3Event(bucket=bucket)])]))
    name = Resolver(template).physical_name(bucket_id)
    assert re.fullmatch(BUCKET_NAME_RULE, name), name
    assert name.endswith(f"-{STACK_UUID}")
    assert name.startswith(bucket_id.lower()[:10])
    assert not name.startswith("sthree-")


def test_a_named_bucket_keeps_its_name_and_others_stay_unnamed() -> None:
    photos = Bucket(id="Photos", name="lambdakit-test-photos")
    untouched = Bucket(id="Archive")
    fn = _function("Thumbnailer", grants=[untouched.write()],
                   events=[S3Event(bucket=photos)])
    resources = _transformed(App(name="s3", functions=[fn]))["Resources"]
    assert resources["Photos"]["Properties"]["BucketName"] == "lambdakit-test-photos"
    permission = resources["ThumbnailerFromPhotosPermission"]["Properties"]
    assert permission["SourceArn"] == {
        "Fn::Sub": "arn:${AWS::Partition}:s3:::lambdakit-test-photos"}
    # A bucket that notifies no function is named by CloudFormation, as before.
    assert "BucketName" not in resources["Archive"]["Properties"]
    assert "NotificationConfiguration" not in resources["Archive"]["Properties"]


def test_every_event_type_and_filter_is_one_notification() -> None:
    photos = Bucket(id="Photos")
    fn = _function("Thumbnailer", events=[S3Event(
        bucket=photos, prefix="in/", suffix=".png",
        events=["s3:ObjectCreated:Put", "s3:ObjectCreated:Post"])])
    resources = _transformed(App(name="s3", functions=[fn]))["Resources"]
    rules = [{"Name": "prefix", "Value": "in/"}, {"Name": "suffix", "Value": ".png"}]
    assert [configuration for _, configuration in _notified(resources)] == [
        {"Event": event, "Filter": {"S3Key": {"Rules": rules}},
         "Function": {"Fn::GetAtt": ["Thumbnailer", "Arn"]}}
        for event in ("s3:ObjectCreated:Put", "s3:ObjectCreated:Post")]
    assert "Events" not in resources["Thumbnailer"]["Properties"]


@pytest.mark.parametrize(("first_id", "second_id"), [
    ("Uploads", "UpLoads"),
    ("IncomingCustomerUploadsOfTheDay1", "IncomingCustomerUploadsOfTheDay2"),
])
def test_notifying_buckets_whose_ids_give_one_name_are_lk202(first_id: str,
                                                               second_id: str) -> None:
    first, second = Bucket(id=first_id), Bucket(id=second_id)
    app = App(name="s3", functions=[
        _function("Indexer", events=[S3Event(bucket=first), S3Event(bucket=second)]),
        _function("Auditor", events=[S3Event(bucket=second, events=["s3:ObjectRemoved:*"])])])
    [diagnostic] = [d for d in check_app(app) if d.code == "LK202"]
    assert diagnostic.subject == second_id
    assert first_id in diagnostic.message


def test_a_named_bucket_never_shares_a_generated_name() -> None:
    app = App(name="s3", functions=[_function("Indexer", events=[
        S3Event(bucket=Bucket(id="Uploads")),
        S3Event(bucket=Bucket(id="UpLoads", name="uploads-of-the-day"))])])
    assert [d for d in check_app(app) if d.code == "LK202"] == []
