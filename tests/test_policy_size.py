"""IAM policy size: the worst-case estimate, the split into managed policies, and LK210."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FIXED_DAY, diagnostics_of_file, second_opinion_findings, synth_file
from hypothesis import given
from hypothesis import strategies as st

from lambdakit.cli.loader import load_app
from lambdakit.errors import format_diagnostics
from lambdakit.iam.permissions import _Merged
from lambdakit.iam.size import (
    GENERATED_NAME_EXTRA,
    PolicyLimits,
    document_chars,
    plan_policies,
    resolution_bounds,
    statement_chars,
    statement_data,
    sub_length,
    worst_case_chars,
    worst_case_length,
)
from lambdakit.limits import quotas as q
from lambdakit.limits.account import AccountQuotas
from lambdakit.model import Function
from lambdakit.plan.policies import LIMITS, policy_plan
from lambdakit.rules import check_app
from lambdakit.synthesis import synthesize

ROOT = Path(__file__).resolve().parent.parent
QUICKSTART = ROOT / "examples" / "quickstart" / "app.py"
HANDLER = "def handle(event, context):\n    return event\n"

INLINE_APP = """\
from lambdakit import App, Bucket, Function, Queue, Table

tables = [Table(id=f"Table{n:02d}", partition_key="pk") for n in range(1, 9)]
named = Table(id="Named", name="orders-named", partition_key="pk")
uploads = Bucket(id="Uploads")
inbox = Queue(id="Inbox")
worker = Function(id="Worker", handler="app.handle", code="src", runtime="python3.13",
                  grants=[*(t.read_write() for t in tables), named.read(),
                          uploads.read(prefix="incoming/"), inbox.send()])
app = App(name="inline", functions=[worker])
"""

# Fourteen tables read and written: one statement per grant is more than IAM's inline limit,
# the same actions merged over all fourteen tables fit.
MERGEABLE_APP = """\
from lambdakit import App, Function, Table

tables = [Table(id=f"Table{n:02d}", partition_key="pk") for n in range(1, 15)]
worker = Function(id="Worker", handler="app.handle", code="src", runtime="python3.13",
                  grants=[t.read_write() for t in tables])
app = App(name="mergeable", functions=[worker])
"""

# Forty buckets, each read under its own prefix: the object statements merge, the listings
# cannot (each bucket's condition names its own prefix), and they are too many to stay inline.
SPLIT_APP = """\
from lambdakit import App, Bucket, Function, Statement

buckets = [Bucket(id=f"Bucket{n:02d}") for n in range(1, 41)]
worker = Function(id="Worker", handler="app.handle", code="src", runtime="python3.13",
                  grants=[b.read(prefix=f"in{n}/") for n, b in enumerate(buckets, start=1)],
                  statements=[Statement(actions=["textract:AnalyzeDocument"],
                                        reason="Textract's analysis has no resource type",
                                        acknowledge={"LK211": "reviewed"})])
<extra>app = App(name="split", functions=[worker<extra_functions>])
"""

# Fifteen statements of one action on distinct objects, each too large to merge with another:
# they need more managed policies than IAM's default quota of 10, fewer than a raised 20.
TOO_MANY_APP = """\
from lambdakit import App, Function, Statement

statements = []
for n in range(15):
    statements.append(Statement(
        actions=["s3:GetObject"],
        resources=[f"arn:aws:s3:::example-bucket-{n:02d}-{i:03d}/*" for i in range(100 + n)],
        reason="objects of the partner buckets"))
worker = Function(id="Worker", handler="app.handle", code="src", runtime="python3.13",
                  statements=statements)
app = App(name="toolarge", functions=[worker], acknowledge={"LK211": "reviewed"})
"""

OVERSIZED_APP = """\
from lambdakit import App, Function, Statement

wide = Statement(actions=["s3:GetObject"],
                 resources=[f"arn:aws:s3:::example-bucket-{i:03d}/*" for i in range(160)],
                 reason="objects of the partner buckets")
narrow = Statement(actions=["s3:PutObject"],
                   resources=[f"arn:aws:s3:::example-drop-{i:03d}/*" for i in range(100)],
                   reason="drops into the partner buckets")
worker = Function(id="Worker", handler="app.handle", code="src", runtime="python3.13",
                  statements=[wide, narrow])
app = App(name="toolarge", functions=[worker], acknowledge={"LK211": "reviewed"})
"""


def _write(tmp_path: Path, source: str) -> Path:
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "app.py").write_text(HANDLER)
    app = tmp_path / "app.py"
    app.write_text(source)
    return app


def _split_app(extra_functions: str = "", extra: str = "") -> str:
    return SPLIT_APP.replace("<extra_functions>", extra_functions).replace("<extra>", extra)


def _worker(path: Path) -> Function:
    return next(fn for fn in load_app(str(path)).all_functions() if fn.id == "Worker")


# --------------------------------------------------------------------------- the estimate


def test_limits_are_the_quota_table() -> None:
    assert PolicyLimits(10240, 6144) == LIMITS
    assert q.ROLE_MANAGED_POLICIES_MAX.value == 10


def test_intrinsics_count_at_their_longest_value() -> None:
    bounds = {"Orders.Arn": 215, "Alerts": 300}
    assert worst_case_length({"Fn::GetAtt": ["Orders", "Arn"]}, bounds) == 215
    assert worst_case_length({"Fn::GetAtt": "Orders.Arn"}, bounds) == 215
    assert worst_case_length({"Ref": "Alerts"}, bounds) == 300
    assert worst_case_length({"Ref": "AWS::AccountId"}, bounds) == 12
    # arn: + partition (10) + :s3::: + name, and a literal ${!...} keeps its text
    assert sub_length("arn:${AWS::Partition}:s3:::b/*", bounds) == 4 + 10 + 6 + 3
    assert sub_length("${Orders.Arn}/index/*", bounds) == 215 + 8
    assert sub_length("${!Literal}", bounds) == len("${Literal}")
    # Unknown values count as the longest ARN IAM accepts.
    assert worst_case_length({"Ref": "Nowhere"}, bounds) == q.ARN_MAX_CHARS.value
    assert worst_case_length({"Fn::Join": ["", []]}, bounds) == q.ARN_MAX_CHARS.value


def test_arn_bounds_per_kind(tmp_path: Path) -> None:
    bounds = resolution_bounds(_worker(_write(tmp_path, INLINE_APP)))
    generated = 128 + len("Table01") + GENERATED_NAME_EXTRA  # 151 < DynamoDB's 255
    # arn:<10>:dynamodb:<20>:<12>:table/<name>
    assert bounds["Table01.Arn"] == len("arn::dynamodb:::table/") + 10 + 20 + 12 + generated
    assert bounds["Named.Arn"] == len("arn::dynamodb:::table/") + 42 + len("orders-named")
    assert bounds["Table01.StreamArn"] == bounds["Table01.Arn"] + len(
        "/stream/2015-05-11T21:21:33.291")
    assert bounds["Uploads.Arn"] == len("arn::s3:::") + 10 + 63  # bucket names stop at 63
    assert bounds["Inbox.Arn"] == len("arn::sqs:::") + 42 + 80  # queue names stop at 80
    # /aws/lambda/${AWS::StackName}/Worker, and a log group's Arn ends in :*
    log_group = len("/aws/lambda/") + 128 + len("/Worker")
    assert bounds["WorkerLogGroup.Arn"] == len("arn::logs:::log-group::*") + 42 + log_group


def test_quickstart_role_measured() -> None:
    measured = {}
    for fn in load_app(str(QUICKSTART)).all_functions():
        plan = policy_plan(fn)
        assert plan is not None and plan.managed == ()
        measured[fn.id] = plan.inline_chars
    # At worst (every ARN at its longest): far below IAM's 10,240 inline characters.
    # OrderWorker: logs, X-Ray, the table's read and write, invoking ReceiptWriter;
    # ReceiptWriter: logs, X-Ray, putting objects under receipts/.
    assert measured == {"OrderWorker": 1768, "ReceiptWriter": 711}


def test_many_grants_stay_inline_with_the_exact_size(tmp_path: Path) -> None:
    app = _write(tmp_path, INLINE_APP)
    plan = policy_plan(_worker(app))
    assert plan is not None
    assert plan.inline_chars == 7765 and plan.all_inline_chars == 7765
    assert plan.managed == () and plan.fits
    named = next(s for s in plan.inline if s.sid == "TableReadNamed")
    written = {"Sid": "TableReadNamed", "Effect": "Allow",
               "Action": ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem",
                          "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"],
               "Resource": ["x" * 76]}
    assert named.chars == len(json.dumps(written, separators=(",", ":"))) == 250
    # The inline size: the policy's name, the envelope, the statements and their commas.
    assert plan.inline_chars == len("execution") + len(
        '{"Version":"2012-10-17","Statement":[]}') + sum(s.chars for s in plan.inline) + len(
        plan.inline) - 1
    template = synth_file(app).template
    assert "AWS::IAM::ManagedPolicy" not in {r["Type"] for r in template["Resources"].values()}
    assert "DependsOn" not in template["Resources"]["Worker"]


# --------------------------------------------------------------------------- the split


def test_statements_that_differ_only_in_resources_merge_when_too_large(
        tmp_path: Path) -> None:
    app = _write(tmp_path, MERGEABLE_APP)
    fn = _worker(app)
    plan = policy_plan(fn)
    assert plan is not None and plan.managed == () and plan.fits
    # One statement per grant would take 11660 characters, more than IAM's 10,240 inline.
    unmerged = plan_policies(fn, PolicyLimits(10**6, 6144))
    assert len(unmerged.inline) == 30 and unmerged.all_inline_chars == 11660
    assert plan.all_inline_chars == plan.inline_chars == 6954
    assert [s.sid for s in plan.inline] == ["TableReadTable01", "TableWriteTable01",
                                            "WriteOwnLogs", "XRayTracing"]
    # Every table's statement is in the merged one, and explain finds where it went.
    assert plan.policy_of("TableReadTable09") == "execution"
    assert next(s for s in plan.inline if s.sid == "TableReadTable01").holds("TableReadTable14")
    result = synth_file(app)
    resources = result.template["Resources"]
    assert "AWS::IAM::ManagedPolicy" not in {r["Type"] for r in resources.values()}
    statements = resources["WorkerRole"]["Properties"]["Policies"][0]["PolicyDocument"][
        "Statement"]
    read = next(s for s in statements if s["Sid"] == "TableReadTable01")
    assert read["Action"] == ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem",
                              "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"]
    # The union of the resources, in a fixed order: the same app, the same bytes.
    assert read["Resource"] == sorted(
        ({"Fn::GetAtt": [f"Table{n:02d}", "Arn"]} for n in range(1, 15)),
        key=lambda r: json.dumps(r, sort_keys=True))
    assert second_opinion_findings(result.template, result.origins) == []
    assert synth_file(app).text == result.text


def test_a_large_role_splits_into_managed_policies(tmp_path: Path) -> None:
    app = _write(tmp_path, _split_app())
    result = synth_file(app)
    assert result.warnings == []
    resources = result.template["Resources"]
    policies = sorted(k for k, r in resources.items() if r["Type"] == "AWS::IAM::ManagedPolicy")
    assert policies == ["WorkerPolicy1", "WorkerPolicy2", "WorkerPolicy3"]
    assert resources["Worker"]["DependsOn"] == policies
    role = resources["WorkerRole"]
    inline = role["Properties"]["Policies"]
    assert [p["PolicyName"] for p in inline] == ["execution"]
    assert [s["Sid"] for s in inline[0]["PolicyDocument"]["Statement"]] == [
        "WriteOwnLogs", "XRayTracing"]
    assert role["Metadata"]["lambdakit"]["wildcards"] == [
        {"Sid": "XRayTracing", "Reason": role["Metadata"]["lambdakit"]["wildcards"][0]["Reason"]}]
    sids: list[str] = []
    for number, policy_id in enumerate(policies, start=1):
        policy = resources[policy_id]
        assert policy["Properties"]["Roles"] == [{"Ref": "WorkerRole"}]
        assert "ManagedPolicyName" not in policy["Properties"]
        assert policy["Properties"]["Description"] == (
            f"Grants of Worker, part {number} of 3 (its inline policy would exceed IAM's "
            "10240 characters)")
        statements = policy["Properties"]["PolicyDocument"]["Statement"]
        assert [s["Sid"] for s in statements] == sorted(s["Sid"] for s in statements)
        sids.extend(s["Sid"] for s in statements)
    # Every grant statement once, packed first-fit in Sid order; the object statements of
    # all forty buckets are one, the listings (each with its own prefix condition) are not.
    expected = ["Statement1", "BucketReadBucket01Objects",
                *(f"BucketReadBucket{n:02d}Listing" for n in range(1, 41))]
    assert sorted(sids) == sorted(expected) and len(sids) == len(expected)
    objects = next(s for policy_id in policies
                   for s in resources[policy_id]["Properties"]["PolicyDocument"]["Statement"]
                   if s["Sid"] == "BucketReadBucket01Objects")
    assert len(objects["Resource"]) == 40
    # The raw '*' statement's reason travels with the policy that holds it.
    assert resources["WorkerPolicy2"]["Metadata"]["lambdakit"]["wildcards"] == [
        {"Sid": "Statement1", "Reason": "Textract's analysis has no resource type"}]
    assert "Metadata" not in resources["WorkerPolicy1"]
    assert result.origins["WorkerPolicy1"].label() == "Worker"
    assert second_opinion_findings(result.template, result.origins) == []
    # Same input, same bytes.
    assert synth_file(app).text == result.text


def test_the_split_packs_first_fit_within_the_limits(tmp_path: Path) -> None:
    fn = _worker(_write(tmp_path, _split_app()))
    plan = plan_policies(fn, LIMITS)
    assert plan.all_inline_chars == 13615 > LIMITS.inline_chars
    assert plan.managed_chars == [6142, 6137, 962]
    assert all(chars <= LIMITS.managed_chars for chars in plan.managed_chars)
    assert plan.policy_of("Statement1") == "WorkerPolicy2"
    assert plan.policy_of("BucketReadBucket30Objects") == "WorkerPolicy1"
    assert plan.policy_of("XRayTracing") == "execution"
    # First-fit: no statement of a later policy would have fitted into the first.
    first = list(plan.managed[0])
    assert all(document_chars([*first, s]) > LIMITS.managed_chars
               for later in plan.managed[1:] for s in later)
    # Tighter limits: more, smaller policies, and merged statements no larger than one;
    # too tight: nothing fits and LK210 is due.
    smaller = plan_policies(fn, PolicyLimits(10240, 2000))
    assert len(smaller.managed) > 3 and smaller.fits and smaller.attaches(10)
    assert not smaller.attaches(3)
    assert all(chars <= 2000 for chars in smaller.managed_chars)
    oversized = plan_policies(fn, PolicyLimits(10240, 200)).oversized
    assert oversized and all(document_chars([s]) > 200 for s in oversized)


def test_managed_policy_ids_take_part_in_lk003(tmp_path: Path) -> None:
    extra = ('clash = Function(id="WorkerPolicy2", handler="app.handle", code="src", '
             'runtime="python3.13")\n')
    app = _write(tmp_path, _split_app(", clash", extra))
    report = [d.headline() for d in diagnostics_of_file(app)]
    assert len(report) == 1
    assert "error LK003 " in report[0] and "'WorkerPolicy2'" in report[0]


def test_managed_policies_count_toward_the_resource_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = _write(tmp_path, _split_app())
    # A limit one above what the template holds without its two managed policies: LK007.
    template = synth_file(app).template
    without_policies = len(template["Resources"]) - 2
    monkeypatch.setattr(q, "STACK_RESOURCES_MAX",
                        q.Quota(without_policies + 1, "count", q.CFN_QUOTAS))
    codes = [d.code for d in diagnostics_of_file(app)]
    assert codes == ["LK007"]
    monkeypatch.setattr(q, "STACK_RESOURCES_MAX",
                        q.Quota(without_policies + 2, "count", q.CFN_QUOTAS))
    assert diagnostics_of_file(app) == []


# --------------------------------------------------------------------------- LK210


def test_too_many_managed_policies_is_lk210(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    app = _write(tmp_path, TOO_MANY_APP)
    monkeypatch.chdir(tmp_path)
    assert format_diagnostics(diagnostics_of_file(app)) == (
        "app.py:9: error LK210 Worker: its policies take 75479 characters at worst even with "
        "statements that differ only in resources merged: more than the 10240 IAM allows "
        "inline, and split into managed policies of at most 6144 they need 15, IAM attaches at "
        "most 10 to a role by default (up to 20 once AWS raises the account's quota; then set "
        "managed_policies_per_role in [tool.lambdakit.account]); largest grants: "
        "Statement(s3:GetObject) at app.py:5 (5322 characters), Statement(s3:GetObject) at "
        "app.py:5 (5276 characters), Statement(s3:GetObject) at app.py:5 (5230 characters)\n"
        "  hint: narrow the grants, or give the resources they name a name= (a given name is "
        "counted at its length, a generated one at its longest), or split the function; "
        "`lambdakit explain` lists every grant\n"
        "  see: docs/errors.md#lk210\n"
        "1 error, 0 warnings")


def test_an_account_with_a_raised_quota_takes_more_managed_policies(tmp_path: Path) -> None:
    loaded = load_app(str(_write(tmp_path, TOO_MANY_APP)))
    raised = check_app(loaded, FIXED_DAY, account=AccountQuotas(managed_policies_per_role=20))
    assert raised == []
    [diagnostic] = check_app(loaded, FIXED_DAY,
                             account=AccountQuotas(managed_policies_per_role=12))
    assert ("they need 15, the account attaches at most 12 to a role "
            "(managed_policies_per_role in [tool.lambdakit.account])") in diagnostic.message
    template = synthesize(loaded, base_dir=tmp_path,
                          account=AccountQuotas(managed_policies_per_role=20)).template
    managed = [k for k, r in template["Resources"].items()
               if r["Type"] == "AWS::IAM::ManagedPolicy"]
    assert len(managed) == 15


def test_a_statement_larger_than_a_managed_policy_is_lk210(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = _write(tmp_path, OVERSIZED_APP)
    monkeypatch.chdir(tmp_path)
    (diagnostic,) = diagnostics_of_file(app)
    assert diagnostic.code == "LK210" and diagnostic.origin.line == 9
    # Statement1: 160 ARNs of 40 characters at worst (partition 10), quoted, with commas, and
    # 77 characters of Sid, Effect, Action and brackets.
    assert diagnostic.message == (
        "its policies take 11622 characters at worst even with statements that differ only in "
        "resources merged: more than the 10240 IAM allows inline, "
        f"and statement Statement1 alone takes {160 * 43 - 1 + 77}, more than the 6144 of a "
        "managed policy; largest grants: Statement(s3:GetObject) at app.py:3 (6957 characters), "
        "Statement(s3:PutObject) at app.py:6 (4177 characters)")


_INTRINSICS = st.one_of(
    st.builds(lambda name: {"Ref": name}, st.sampled_from(["Orders", "AWS::Region", "Other"])),
    st.builds(lambda name: {"Fn::GetAtt": [name, "Arn"]}, st.sampled_from(["Orders", "Other"])),
    st.builds(lambda text: {"Fn::Sub": text}, st.text(max_size=30)),
)
# Keys that do not make a one-key dict an intrinsic.
_KEYS = st.text(max_size=8).filter(lambda key: key != "Ref" and not key.startswith("Fn::"))
_VALUES = st.recursive(
    st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none(), _INTRINSICS),
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.dictionaries(_KEYS, children, max_size=3)),
    max_leaves=12,
)


@given(_VALUES)
def test_worst_case_chars_counts_the_resolved_json(value: object) -> None:
    """Counted without writing it: the length of the compact JSON with each intrinsic written
    as a string of its longest resolved length (escapes and non-ASCII text included)."""
    bounds = {"Orders": 17, "Orders.Arn": 40}

    def resolved(item: object) -> object:
        if isinstance(item, dict):
            if len(item) == 1 and next(iter(item)) in ("Ref", "Fn::GetAtt", "Fn::Sub"):
                return "x" * worst_case_length(item, bounds)
            return {key: resolved(inner) for key, inner in item.items()}
        if isinstance(item, list):
            return [resolved(inner) for inner in item]
        return item

    expected = len(json.dumps(resolved(value), separators=(",", ":"), ensure_ascii=False))
    assert worst_case_chars(value, bounds) == expected


def test_a_condition_is_sized_as_it_is_written(tmp_path: Path) -> None:
    """The estimate counts the operator as the policy writes it (`ForAnyValue:StringLike`, one
    character longer than awacs's `ForAnyValueStringLike`), and every key of it."""
    app = _write(tmp_path, """\
from lambdakit import App, Function, Statement

worker = Function(id="Worker", handler="app.handle", code="src", runtime="python3.13",
                  statements=[Statement(actions=["s3:GetObject"], resources=["arn:aws:s3:::b/*"],
                                        reason="objects with the team's tags",
                                        conditions={"ForAnyValueStringLike": {
                                            "aws:TagKeys": ["team*", "cost*"]},
                                                    "StringEquals": {"aws:PrincipalTag/a": "x",
                                                                     "aws:PrincipalTag/b": "y"}},
                                        acknowledge={"LK211": "reviewed"})])
app = App(name="sized", functions=[worker])
""")
    plan = policy_plan(_worker(app))
    assert plan is not None
    [sized] = [s for s in plan.inline if s.sid == "Statement1"]
    policy = synth_file(app).template["Resources"]["WorkerRole"]["Properties"]["Policies"][0]
    [written] = [s for s in policy["PolicyDocument"]["Statement"] if s["Sid"] == "Statement1"]
    assert written["Condition"] == {
        "ForAnyValue:StringLike": {"aws:TagKeys": ["cost*", "team*"]},
        "StringEquals": {"aws:PrincipalTag/a": ["x"], "aws:PrincipalTag/b": ["y"]}}
    # Sized as deployed: the ARN's partition at its longest (aws-us-gov).
    assert written["Resource"] == [{"Fn::Sub": "arn:${AWS::Partition}:s3:::b/*"}]
    deployed = {**written, "Resource": ["arn:aws-us-gov:s3:::b/*"]}
    assert sized.chars == len(json.dumps(deployed, separators=(",", ":"), ensure_ascii=False))


_SHORT = st.text(max_size=6)


@given(sid=_SHORT, actions=st.sets(_SHORT, max_size=3),
       resources=st.lists(st.one_of(_SHORT, _INTRINSICS), max_size=3),
       conditions=st.dictionaries(_SHORT, st.dictionaries(_SHORT, st.sets(_SHORT, max_size=2),
                                                          max_size=2), max_size=2))
def test_a_statement_is_sized_as_its_written_data(
        sid: str, actions: set[str], resources: list[object],
        conditions: dict[str, dict[str, set[str]]]) -> None:
    """Counted in two parts (the Sid, actions and conditions once per process; the resources
    each time), the statement still takes what its written data takes."""
    bounds = {"Orders": 17, "Orders.Arn": 40}
    entry = _Merged(set(actions), {json.dumps(r, sort_keys=True): r for r in resources},
                    conditions)
    expected = worst_case_chars(statement_data(sid, entry), bounds)
    assert statement_chars(sid, entry, bounds) == expected
    assert statement_chars(sid, entry, {}) == worst_case_chars(statement_data(sid, entry), {})
