"""Each service's rule for the names of its resources, in one place: what an owned resource's
`name=` and an existing one's `X.existing(name=...)` must follow. A name is never a pattern: the
rules below leave out `*` and `?`, and a path (`/`) where the service has none, so a name can
only ever name one resource. A function's `alias=` and an app's `permissions_boundary` given
by policy name follow the last two.

Each rule is (regular expression, what it allows in words, the longest name), with the page it
comes from; tests/test_limits_sources.py holds each longest name against its pattern and,
where botocore's models or cfn-lint's schemas carry it, against theirs.
"""

from __future__ import annotations

from typing import NamedTuple

from lambdakit.limits import quotas as q


class NameRule(NamedTuple):
    pattern: str
    described: str
    max_chars: int


NAME_RULES: dict[str, NameRule] = {
    # https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html
    # 80 characters in all, the .fifo suffix of a FIFO queue included.
    "queue": NameRule(r"^(?:[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\.fifo)$",
                      "1–80 letters, digits, hyphens or underscores (FIFO names end in .fifo)",
                      80),
    # https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html
    "topic": NameRule(r"^(?:[A-Za-z0-9_-]{1,256}|[A-Za-z0-9_-]{1,251}\.fifo)$",
                      "1–256 letters, digits, hyphens or underscores (FIFO names end in .fifo)",
                      256),
    # https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
    "table": NameRule(r"^[A-Za-z0-9_.-]{3,255}$",
                      "3–255 letters, digits, underscores, dots, hyphens", 255),
    # https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    "bucket": NameRule(
        r"^(?!xn--|sthree-|amzn-s3-demo-)(?!.*\.\.)(?!\d+\.\d+\.\d+\.\d+$)"
        r"(?!.*(?:-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
        "3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or "
        "digit; not an IP address, no '..', none of S3's reserved prefixes (xn--, sthree-, "
        "amzn-s3-demo-) or suffixes (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3)",
        q.S3_BUCKET_NAME_MAX_CHARS.value),
    # https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html
    "stream": NameRule(r"^[a-zA-Z0-9_.-]{1,128}$",
                       "1–128 letters, digits, underscores, dots, hyphens", 128),
    # https://docs.aws.amazon.com/kinesis/latest/APIReference/API_RegisterStreamConsumer.html
    "stream_consumer": NameRule(r"^[a-zA-Z0-9_.-]{1,128}$",
                                "1–128 letters, digits, underscores, dots, hyphens", 128),
    # https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateEventBus.html
    # "/" is for partner event buses only, which only their partner puts events on.
    "event_bus": NameRule(r"^[.\-_A-Za-z0-9]{1,256}$", "1–256 letters, digits, . - _", 256),
    # https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html
    # Paths are names here ("prod/db/password"). The grant adds `-??????`, exactly the six
    # characters Secrets Manager appends, so it matches this one secret only.
    "secret": NameRule(r"^[A-Za-z0-9/_+=.@-]{1,512}$", "1–512 letters, digits and / _ + = . @ -",
                       512),
    # https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html
    # A name with a hierarchy starts with "/" ("must be a fully qualified name"), has at most 15
    # levels, and no name starts with aws or ssm.
    "parameter": NameRule(r"^(?=.{1,1011}$)(?!/?(?i:aws|ssm))"
                          r"(?:[A-Za-z0-9_.-]+|(?:/[A-Za-z0-9_.-]+){1,15})$",
                          "letters, digits and _ . -, up to 1,011; a hierarchy starts with / "
                          "(/orders/limits), at most 15 levels; not starting with aws or ssm",
                          1011),
    # https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
    "key": NameRule(r"^alias/(?!aws/)[a-zA-Z0-9/_-]{1,250}$",
                    "an alias: alias/ then letters, digits, / _ - (alias/aws/ is AWS's own)", 256),
    # https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html (FunctionName)
    "function": NameRule(q.FUNCTION_NAME_PATTERN,
                         "1–64 letters, digits, hyphens or underscores (a version or alias: "
                         "pass the qualified ARN)", q.FUNCTION_NAME_MAX_CHARS.value),
    # https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html
    "state_machine": NameRule(r"^[^\s<>{}\[\]?*\"#%\\^|~`$&,;:/\x00-\x1f\x7f-\x9f]{1,80}$",
                              "1–80 characters, without white space, brackets, ? * or "
                              "\" # % \\ ^ | ~ ` $ & , ; : /", 80),
    # https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html
    "user_pool": NameRule(r"^[\w\s+=,.@-]{1,128}$",
                          "1–128 letters, digits, spaces or + = , . @ - _", 128),
    # https://docs.aws.amazon.com/lambda/latest/api/API_PublishLayerVersion.html (LayerName)
    "layer": NameRule(r"^[A-Za-z0-9_-]{1,140}$", "1–140 letters, digits, hyphens or underscores",
                      140),
    # https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html (Name); SAM enforces
    # the same pattern for AutoPublishAlias. Digits alone name versions.
    "alias": NameRule(r"^(?!^[0-9]+$)[a-zA-Z0-9_-]{1,128}$",
                      "1–128 letters, digits, '-' or '_', not only digits (digits name versions)",
                      128),
    # https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html (PolicyName)
    "iam_policy": NameRule(r"^[\w+=,.@-]{1,128}$",
                           "1–128 letters, digits and + = , . @ - _", 128),
}
# Names an existing resource may have but an owned one may not: every account has its own
# `default` event bus already.
NAMES_TAKEN = {"event_bus": frozenset({"default"})}
