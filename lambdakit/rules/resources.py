"""Checks of owned and existing resources, grants and raw statements."""

from __future__ import annotations

import re

from lambdakit.errors import UNKNOWN, Diagnostic
from lambdakit.iam.arns import has_arn
from lambdakit.iam.catalogue import CATALOGUE, access_levels
from lambdakit.iam.grants import kind_of
from lambdakit.iam.permissions import condition_operators
from lambdakit.iam.reach import broad_actions, manages_permissions
from lambdakit.limits import quotas as q
from lambdakit.limits.arns import (
    ACCOUNT,
    ARN,
    ARN_EXAMPLE,
    ARN_PREFIX,
    ARN_RESOURCE,
    GLOBAL_KINDS,
    PARTITIONS,
    REGION,
)
from lambdakit.limits.naming import NAMES_TAKEN
from lambdakit.model import (
    Bucket,
    Function,
    Grant,
    Key,
    Parameter,
    Queue,
    Resource,
    Statement,
    Stream,
    StreamConsumer,
    Table,
)
from lambdakit.model.resources.secret import Secret
from lambdakit.rules.context import RuleContext
from lambdakit.rules.structure import check_acknowledgements

ACTION = re.compile(r"^(?:\*|[a-z0-9-]+:[A-Za-z0-9*]+)$")  # "*": every action (LK214)
# (field, low, high, unit) per kind, from the services' API references (RANGE_SOURCES).
RANGES: dict[type[Resource], tuple[tuple[str, int, int, str], ...]] = {
    Queue: (("visibility_timeout", 0, q.SQS_VISIBILITY_TIMEOUT_MAX_S.value, "s"),
            ("retention", q.SQS_RETENTION_MIN_S.value, q.SQS_RETENTION_MAX_S.value, "s"),
            ("delay", 0, q.SQS_DELAY_MAX_S.value, "s"),
            ("max_receive_count", 1, q.SQS_MAX_RECEIVE_COUNT_MAX.value, "receives")),
    Stream: (("retention_hours", q.KINESIS_RETENTION_MIN_HOURS.value,
              q.KINESIS_RETENTION_MAX_HOURS.value, "hours"), ("shards", 1, 10_000, "shards")),
    Secret: (("length", 1, q.SECRET_PASSWORD_LENGTH_MAX.value, "characters"),),
    Key: (("pending_window_days", q.KMS_PENDING_WINDOW_MIN_DAYS.value,
           q.KMS_PENDING_WINDOW_MAX_DAYS.value, "days"),),
}
RANGE_SOURCES: dict[type[Resource], str] = {
    Queue: q.SQS_SET_QUEUE_ATTRIBUTES, Stream: q.KINESIS_LIMITS,
    Secret: q.SECRETS_RANDOM_PASSWORD, Key: q.KMS_SCHEDULE_KEY_DELETION,
}
# Secure defaults a reason relaxes, with an example reason for the hint.
RELAXED_DEFAULTS = {
    "delete_with_stack": "preview stack, rebuilt from fixtures",
    "without_dead_letter": "jobs are recomputed every minute",
    "without_versioning": "objects are rebuilt from the source of truth nightly",
}


def check_resources(ctx: RuleContext, functions: list[Function]) -> None:
    app = ctx.app
    for resource in app.all_resources():
        check_acknowledgements(ctx, resource, resource.acknowledge)
        if resource.is_existing:
            _check_existing(ctx, resource)
        else:
            _check_owned(ctx, resource)
        if isinstance(resource, Queue):
            _check_redrive(ctx, resource)
    for fn in functions:
        for grant in fn.grants:
            _check_grant(ctx, fn, grant)
        for statement in fn.statements:
            _check_statement(ctx, fn, statement)


def _check_existing(ctx: RuleContext, resource: Resource) -> None:
    _check_owner_account(ctx, resource)
    arn = resource.existing_arn
    if arn is None:
        _check_name(ctx, resource, resource.existing_name or "",
                    f"or pass the ARN: {type(resource).__name__}.existing(arn=...)")
        return
    problem = _arn_problem(resource, arn)
    if problem:
        ctx.report("LK203", resource,
                   f"{arn!r} is not the ARN of {_article(resource.kind)} "
                   f"({resource.service} service): {problem}",
                   f"pass the {type(resource).__name__}'s own ARN, "
                   f"{ARN_EXAMPLE.get(resource.kind, 'arn:aws:SERVICE:REGION:ACCOUNT:...')}")


def _check_owner_account(ctx: RuleContext, resource: Resource) -> None:
    account = getattr(resource, "account", None)
    if account is not None and not resource.is_existing:
        ctx.report("LK204", resource, "account is for an existing bucket",
                   "an owned bucket is the stack's account's; leave account unset")
    elif account is not None and not re.fullmatch(r"\d{12}", account):
        ctx.report("LK204", resource, f"account must be a 12-digit AWS account id "
                                      f"(got {account!r})",
                   "the id of the account that owns the bucket: account='111122223333'")


def _arn_problem(resource: Resource, arn: str) -> str:
    """What is wrong with an existing resource's ARN, or ""."""
    match = ARN.match(arn)
    if match is None:
        return "an ARN has six parts, arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE"
    if match["partition"] not in PARTITIONS:
        return f"{match['partition']!r} is no AWS partition (one of {', '.join(PARTITIONS)})"
    if match["service"] != resource.service:
        return f"its service is {match['service']!r}"
    expected = ARN_RESOURCE.get(resource.kind)
    if expected and not re.fullmatch(expected, match["resource"]):
        return f"{match['resource']!r} is not how the service names one (no wildcards)"
    where = (("region", match["region"], REGION), ("account", match["account"], ACCOUNT))
    for part, value, pattern in where:
        if resource.kind in GLOBAL_KINDS and value:
            return f"a {_words(resource.kind)} ARN has no {part} (got {value!r})"
        if resource.kind not in GLOBAL_KINDS and not pattern.match(value):
            return (f"its {part} is empty, and the service needs one" if not value else
                    f"{value!r} is not an AWS {part}")
    return ""


def _check_owned(ctx: RuleContext, resource: Resource) -> None:
    _check_owner_account(ctx, resource)
    if resource.name is not None:
        _check_name(ctx, resource, resource.name,
                    "or leave name unset and let CloudFormation name it")
        if resource.name in NAMES_TAKEN.get(resource.kind, ()):
            ctx.report("LK202", resource, f"name {resource.name!r} is taken in every account",
                       f"the account's {resource.name!r} {_words(resource.kind)} exists already: "
                       f"{type(resource).__name__}.existing(name={resource.name!r}) uses it")
    fifo = getattr(resource, "fifo", None)
    if resource.name is not None and fifo is not None and fifo != resource.name.endswith(".fifo"):
        ctx.report("LK202", resource,
                   f"name {resource.name!r} {'must' if fifo else 'must not'} end in .fifo "
                   f"for a {'FIFO' if fifo else 'standard'} {resource.kind}",
                   "AWS requires the .fifo suffix exactly on FIFO queues and topics")
    for field, low, high, unit in RANGES.get(type(resource), ()):
        value = getattr(resource, field)
        if value is not None and not low <= value <= high:
            ctx.report("LK204", resource,
                       f"{field} must be {low:,}–{high:,} {unit} (got {value:,})",
                       f"set {field} within that range; limits: {RANGE_SOURCES[type(resource)]}")
    if isinstance(resource, Table) and not resource.partition_key:
        ctx.report("LK209", resource, "an owned table needs partition_key",
                   f'name the attribute every item is keyed by: Table(id="{resource.id}", '
                   'partition_key="pk"), or Table.existing(name=...) for a table managed '
                   "elsewhere")
    if isinstance(resource, StreamConsumer) and resource.stream is None:
        ctx.report("LK209", resource, "an owned stream consumer needs stream",
                   f'StreamConsumer(id="{resource.id}", stream=...), or '
                   "StreamConsumer.existing(arn=...) for one registered elsewhere")
    if isinstance(resource, Parameter) and not resource.value:  # SSM takes no empty value
        ctx.report("LK209", resource, "an owned parameter needs a value",
                   f'Parameter(id="{resource.id}", value="..."), or Parameter.existing(name=...) '
                   "for a parameter managed elsewhere")
    if isinstance(resource, Bucket) and not resource.versioned \
            and resource.without_versioning is None:
        ctx.report("LK213", resource, "versioned=False needs a reason",
                   'say why overwritten and deleted objects need not be recoverable: '
                   f'without_versioning="{RELAXED_DEFAULTS["without_versioning"]}"; it is '
                   "written into the template's Metadata")
    for field, example in RELAXED_DEFAULTS.items():
        reason = getattr(resource, field, None)
        if reason is not None and not reason.strip():
            ctx.report("LK213", resource, f"{field} needs a reason (got {reason!r})",
                       f'say why the default does not fit here: {field}="{example}"; it is '
                       "written into the template's Metadata")


def _check_name(ctx: RuleContext, resource: Resource, name: str, alternative: str) -> None:
    """A physical name, owned or existing, by the service's naming rule: never a pattern, so a
    grant on it names one resource (`Table.existing(name="*")` would be every table)."""
    if resource.name_rule is None:
        return
    pattern, described, _ = resource.name_rule
    if not re.fullmatch(pattern, name):
        ctx.report("LK202", resource,
                   f"name {name!r} is not a valid {_words(resource.kind)} name",
                   f"use {described}; {alternative}")


def _check_redrive(ctx: RuleContext, queue: Queue) -> None:
    target = queue.dead_letter_queue
    if queue.is_existing:
        return
    if target is not None and target.fifo != queue.fifo:
        kind = "FIFO" if queue.fifo else "standard"
        ctx.report("LK207", queue,
                   f"a {kind} queue needs a {kind} dead-letter queue ({target.id} is not)",
                   f"set fifo={queue.fifo} on {target.id}")
    # Only a standard queue keeps a message's first enqueue time when the message moves to its
    # dead-letter queue; a FIFO queue resets it (SQS developer guide, "Setting-up dead-letter
    # queue retention"), so there a shorter retention cannot expire messages on arrival.
    if (target is not None and not target.is_existing and not queue.fifo
            and target.retention <= queue.retention):
        longest = q.SQS_RETENTION_MAX_S.value
        fix = (f"set retention={longest} (14 days, the most SQS allows) on {target.id}"
               if target.retention < longest else
               f"{target.id} already keeps messages 14 days, the most SQS allows: shorten this "
               "queue's retention")
        ctx.report("LK205", queue,
                   f"dead-letter queue {target.id} keeps messages {_duration(target.retention)}, "
                   f"no longer than this queue's {_duration(queue.retention)}",
                   "a message's age counts from its first enqueue, so it can expire as it "
                   f"arrives; {fix}")
    redrives = target is not None or queue.needs_own_dead_letter(False)
    recommended = q.SQS_MAX_RECEIVE_COUNT_MIN.value
    if redrives and queue.max_receive_count < recommended:
        ctx.report("LK206", queue,
                   f"max_receive_count={queue.max_receive_count}: a message moves to the "
                   "dead-letter queue after so few receives that throttling alone can put it "
                   "there", f"set max_receive_count={recommended} or more, as AWS "
                            "recommends")


def _check_grant(ctx: RuleContext, fn: Function, grant: Grant) -> None:
    resource, access, prefix = grant.resource, grant.access, grant.prefix
    kind = kind_of(resource)
    label = resource.label()

    def report(message: str, hint: str) -> None:
        # At the line that asked for the access (`orders.read_stream()`), about the function
        # that gets it; an error, so there is nothing to acknowledge.
        where = fn.origin if grant.origin == UNKNOWN else grant.origin
        ctx.found.append(Diagnostic("LK208", message, where, fn.label(), hint))

    if (kind, access) not in CATALOGUE:
        report(f"{label} has no access level {access!r}",
               f"levels for a {kind.replace('_', ' ')}: "
               f"{', '.join(access_levels(kind)) or 'none'}")
    if isinstance(resource, Table) and access == "read_stream" and not (
            resource.is_existing or resource.stream):
        report(f"{label}.read_stream(): the table has no stream",
               f'set stream="NEW_AND_OLD_IMAGES" (or another view) on {label}')
    if prefix is not None and (prefix.startswith("/") or "*" in prefix or "?" in prefix):
        report(f"prefix {prefix!r} must be a plain key prefix",
               "no leading slash and no wildcards: prefix='incoming/'")


def _check_statement(ctx: RuleContext, fn: Function, statement: Statement) -> None:
    assert isinstance(statement, Statement)
    if statement.broken:
        return  # reported as it loaded
    errors = len(ctx.found)
    bad = [action for action in statement.actions if not ACTION.match(action)]
    if not statement.actions or bad:
        ctx.report("LK212", statement,
                   f"actions must look like 'service:Action' (got {bad or statement.actions!r})",
                   "write each action with its service prefix, as IAM's service authorization "
                   "reference lists it: 'textract:AnalyzeDocument'")
    if not statement.reason.strip():
        ctx.report("LK212", statement, "a raw statement needs the reason it exists",
                   'Statement(..., reason="no catalogue entry for textract yet")')
    if not statement.resources:
        ctx.report("LK212", statement, "a raw statement needs at least one resource",
                   "name the exact ARNs, or '*' only for actions without a resource type")
    # IAM takes only ARNs and '*' as resources; a bare name would fail the deploy.
    not_arns = [r for r in statement.resources
                if isinstance(r, str) and r != "*" and not ARN_PREFIX.match(r)]
    if not_arns:
        ctx.report("LK212", statement,
                   f"resources must be ARNs or '*' (got {not_arns!r})",
                   "write the full ARN, e.g. 'arn:aws:s3:::my-bucket/reports/*'")
    nameless = [r.label() for r in statement.resources if not isinstance(r, str)
                and not r.broken and not has_arn(r)]
    if nameless:
        ctx.report("LK212", statement,
                   f"lambdakit cannot write the ARN of {', '.join(nameless)} from its name",
                   "reference it by ARN: X.existing(arn='arn:aws:...')")
    for operator in statement.conditions:
        if operator not in condition_operators():
            ctx.report("LK212", statement, f"unknown IAM condition operator {operator!r}",
                       _operator_hint(operator))
    if len(ctx.found) == errors:  # how far it reaches, once IAM would take it
        _check_reach(ctx, fn, statement)
    # The warning is about the statement, so it is acknowledged there (or app-wide).
    check_acknowledgements(ctx, statement, statement.acknowledge)
    if len(ctx.found) > errors:
        return  # an invalid or broad statement is an error already; no review warning on top
    shown = ", ".join(statement.actions[:3]) + (", …" if len(statement.actions) > 3 else "")
    ctx.report("LK211", statement,
               f"{fn.id} gets a raw statement ({shown}) that lambdakit cannot check",
               "prefer a typed grant; once reviewed, acknowledge it on the statement: "
               'Statement(..., acknowledge={"LK211": "reviewed in TICKET-1"})', owner=fn)


def _check_reach(ctx: RuleContext, fn: Function, statement: Statement) -> None:
    """'*' on actions that have a resource type, or permission management: an error unless the
    statement says why it must reach that far (a reason is not an acknowledgement)."""
    if statement.broad_access is not None and statement.broad_access.strip():
        return
    broad = broad_actions(statement.actions, statement.resources)
    if not broad:
        return
    managing = [action for action in broad if manages_permissions(action)]
    everywhere = [action for action in broad if action not in managing]
    reach = [f"manages permissions ({', '.join(managing)})"] if managing else []
    if everywhere:
        reach.append(f"acts on every resource of the account ({', '.join(everywhere)} on '*')")
    ctx.report("LK214", statement, f"a raw statement of {fn.id} {' and '.join(reach)}",
               "name the exact ARNs and leave permission management to the stack; if it must "
               'reach that far, say why: Statement(..., broad_access="SEC-142: the reaper '
               'deletes any stale stack")', owner=fn)


def _duration(seconds: int) -> str:
    """345600 → "4 days (345,600 s)"; 90 → "90 s"."""
    days, rest = divmod(seconds, 86_400)
    if days and not rest:
        return f"{days} day{'s' if days > 1 else ''} ({seconds:,} s)"
    return f"{seconds:,} s"


def _words(kind: str) -> str:
    return kind.replace("_", " ")


def _article(kind: str) -> str:
    words = _words(kind)
    return f"{'an' if words[0] in 'aeiou' else 'a'} {words}"


def _operator_hint(operator: str) -> str:
    import difflib  # only for a misspelt operator

    iam_names = sorted(set(condition_operators().values()))
    close = difflib.get_close_matches(operator, iam_names, n=1)
    suggestion = f"did you mean {close[0]!r}? " if close else ""
    return (f"{suggestion}write an operator of IAM's condition reference, e.g. 'StringEquals', "
            "'ArnLike', 'ForAnyValue:StringLike'")
