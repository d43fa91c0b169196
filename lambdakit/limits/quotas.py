"""Lambda and CloudFormation limits lambdakit enforces, each with the AWS page that states it.

A limit AWS raises is a one-line change here.

Values were read from AWS's own Markdown export of each page (docs.aws.amazon.com serves
``<page>.md``), editions current in the second half of 2026.

Units: the Lambda quotas page says "The Lambda documentation, log messages, and console use
the abbreviation MB (rather than MiB) to refer to 1,024 KB", so Lambda's KB is 1,024 bytes
and "4 KB" of environment variables is 4,096 bytes. AWS does not write down how the 4 KB is
measured beyond "for all environment variables associated with the function, in
aggregate". The error Lambda returns when it is exceeded ("... exceeded the 4KB limit.
String measured: {...}") quotes the variables as one JSON object, so the measured string
is the serialized map (keys, values, quotes, colons, commas, braces), which is larger than
keys plus values alone; that error text is the API's, not a documentation statement.

Environment variable names (``LAMBDA_ENVIRONMENT_API``, ``Environment`` in the Lambda API
reference): "Key Pattern: ``[a-zA-Z]([a-zA-Z0-9_])+``". The developer guide says the same in
words: "Keys start with a letter and are at least two characters", "only contain letters,
numbers, and the underscore character", "aren't reserved by Lambda", and "The total size of
all environment variables doesn't exceed 4 KB".

Reserved names (``RESERVED_ENV_VARS_SOURCE``, "Defined runtime environment variables"): "The
keys for these environment variables are reserved and cannot be set in your function
configuration." The page lists ``_HANDLER``, ``_X_AMZN_TRACE_ID``, ``AWS_DEFAULT_REGION``,
``AWS_REGION``, ``AWS_EXECUTION_ENV``, ``AWS_LAMBDA_FUNCTION_NAME``,
``AWS_LAMBDA_FUNCTION_MEMORY_SIZE``, ``AWS_LAMBDA_FUNCTION_VERSION``,
``AWS_LAMBDA_INITIALIZATION_TYPE``, ``AWS_LAMBDA_LOG_GROUP_NAME``,
``AWS_LAMBDA_LOG_STREAM_NAME``, ``AWS_ACCESS_KEY``, ``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY``, ``AWS_SESSION_TOKEN``, ``AWS_LAMBDA_RUNTIME_API``,
``LAMBDA_TASK_ROOT``, ``LAMBDA_RUNTIME_DIR``, and, newer, ``AWS_LAMBDA_MAX_CONCURRENCY``
(Lambda Managed Instances), ``AWS_LAMBDA_METADATA_API`` and ``AWS_LAMBDA_METADATA_TOKEN``.
The two names that start with ``_`` already fail the name pattern.

"Unreserved environment variables" that Lambda sets but you may extend or override:
``LANG``, ``PATH``, ``LD_LIBRARY_PATH``, ``NODE_PATH``, ``NODE_OPTIONS``, ``PYTHONPATH``,
``GEM_PATH``, ``AWS_XRAY_CONTEXT_MISSING``, ``AWS_XRAY_DAEMON_ADDRESS``,
``AWS_LAMBDA_DOTNET_PREJIT`` and ``TZ``. ``AWS_LAMBDA_EXEC_WRAPPER``, ``JAVA_TOOL_OPTIONS``
and ``DOTNET_STARTUP_HOOKS`` are documented as variables you set
(https://docs.aws.amazon.com/lambda/latest/dg/runtimes-modify.html). None of them is reserved.

Function names (``LAMBDA_CREATE_FUNCTION``): the name part of the API pattern
is ``[a-zA-Z0-9-_]+`` and "If you specify only the function name, it is limited to 64
characters in length."
"""

from __future__ import annotations

from typing import NamedTuple


class Quota(NamedTuple):
    value: int
    unit: str          # "MB", "GB", "s", "ms", "bytes", "characters", "count", "days", "factor"
    source: str        # AWS documentation URL
    note: str = ""     # adjustable? default? anything a user should know


# --------------------------------------------------------------------------- sources
LAMBDA_QUOTAS = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"
LAMBDA_CREATE_FUNCTION = "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html"
LAMBDA_ENVIRONMENT_API = "https://docs.aws.amazon.com/lambda/latest/api/API_Environment.html"
LAMBDA_ENVVARS = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html"
LAMBDA_RESERVED_CONCURRENCY = (
    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html"
)
LAMBDA_SQS_CONFIGURE = "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html"
LAMBDA_CREATE_ESM = (
    "https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html"
)
LAMBDA_SQS_PARAMETERS = (
    "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html"
)
LAMBDA_SQS_SCALING = "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html"
LAMBDA_EVENT_FILTERING = (
    "https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html"
)
LAMBDA_FILTER_API = "https://docs.aws.amazon.com/lambda/latest/api/API_Filter.html"
LAMBDA_EVENT_INVOKE_CONFIG = (
    "https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html"
)
IAM_QUOTAS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html"
IAM_ROLE_API = "https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html"
IAM_POLICY_SIZE_KC = "https://repost.aws/knowledge-center/iam-increase-policy-size"
CFN_QUOTAS = (
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html"
)
LOG_GROUP_RESOURCE = (
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/"
    "aws-resource-logs-loggroup.html"
)
LOGS_PUT_RETENTION_POLICY = (
    "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/"
    "API_PutRetentionPolicy.html"
)
TAGGING_LIMITS = (
    "https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html"
)
APIGW_REST_QUOTAS = (
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
    "api-gateway-execution-service-limits-table.html"
)
APIGW_HTTP_QUOTAS = "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html"

# --------------------------------------------------------------------------- Lambda function
MEMORY_MIN_MB = Quota(128, "MB", LAMBDA_QUOTAS, "1-MB increments; also the default")
MEMORY_MAX_MB = Quota(
    10240, "MB", LAMBDA_QUOTAS,
    "1-MB increments; CPU scales with memory (one vCPU at 1,769 MB). New accounts can have a "
    "reduced memory quota until AWS raises it. The CreateFunction API range goes to 32,768 "
    "for Lambda Managed Instances only",
)
TIMEOUT_MIN_S = Quota(1, "s", LAMBDA_CREATE_FUNCTION, "CreateFunction Timeout valid range")
TIMEOUT_MAX_S = Quota(
    900, "s", LAMBDA_QUOTAS,
    "15 minutes, not adjustable. Lambda Managed Instances allow 5,400 s for asynchronous and "
    "event-source-mapping invocations (not Amazon MQ or DocumentDB); see CreateFunction",
)
EPHEMERAL_STORAGE_MIN_MB = Quota(512, "MB", LAMBDA_QUOTAS, "/tmp; also the default")
EPHEMERAL_STORAGE_MAX_MB = Quota(
    10240, "MB", LAMBDA_QUOTAS, "/tmp, 1-MB increments; SnapStart allows only 512",
)
ENVIRONMENT_MAX_BYTES = Quota(
    4096, "bytes", LAMBDA_QUOTAS,
    "AWS: '4 KB, for all environment variables associated with the function, in aggregate'; "
    "KB = 1,024 bytes per the same page. Lambda's error quotes the variables as a JSON object "
    "('String measured: {...}'), so keys + values alone undercount; not adjustable",
)
LAYERS_MAX_PER_FUNCTION = Quota(5, "count", LAMBDA_QUOTAS, "not adjustable")
PACKAGE_ZIPPED_DIRECT_UPLOAD_MAX_MB = Quota(
    50, "MB", LAMBDA_QUOTAS,
    "zipped, uploaded through the Lambda API, SDKs or console; upload larger files via S3",
)
PACKAGE_UNZIPPED_MAX_MB = Quota(
    250, "MB", LAMBDA_QUOTAS,
    "unzipped contents of the deployment package including layers and custom runtimes",
)
FUNCTION_NAME_MAX_CHARS = Quota(
    64, "characters", LAMBDA_CREATE_FUNCTION, "for the bare name; a full ARN may reach 140",
)
DESCRIPTION_MAX_CHARS = Quota(256, "characters", LAMBDA_CREATE_FUNCTION)
HANDLER_MAX_CHARS = Quota(128, "characters", LAMBDA_CREATE_FUNCTION, "pattern [^\\s]+")

FUNCTION_NAME_PATTERN = r"^[a-zA-Z0-9_-]{1,64}$"

# --------------------------------------------------------------------------- concurrency
ACCOUNT_CONCURRENCY_DEFAULT = Quota(
    1000, "count", LAMBDA_QUOTAS,
    "per Region, adjustable to tens of thousands; new accounts can start lower",
)
UNRESERVED_CONCURRENCY_MIN = Quota(
    100, "count", LAMBDA_RESERVED_CONCURRENCY,
    "you can reserve up to the unreserved account concurrency minus 100",
)

# --------------------------------------------------------------------------- environment
ENV_VAR_NAME_PATTERN = r"^[a-zA-Z][a-zA-Z0-9_]+$"

RESERVED_ENV_VARS: frozenset[str] = frozenset({
    "_HANDLER",
    "_X_AMZN_TRACE_ID",
    "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "AWS_DEFAULT_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_LAMBDA_MAX_CONCURRENCY",
    "AWS_LAMBDA_METADATA_API",
    "AWS_LAMBDA_METADATA_TOKEN",
    "AWS_LAMBDA_RUNTIME_API",
    "AWS_REGION",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "LAMBDA_RUNTIME_DIR",
    "LAMBDA_TASK_ROOT",
})
RESERVED_ENV_VARS_SOURCE = LAMBDA_ENVVARS + "#configuration-envvars-runtime"


# --------------------------------------------------------------------------- IAM
ROLE_INLINE_POLICY_MAX_CHARS = Quota(
    10240, "characters", IAM_QUOTAS,
    "sum of all inline policies of one role; IAM does not count white space; not adjustable",
)
ROLE_MANAGED_POLICIES_MAX = Quota(
    10, "count", IAM_QUOTAS,
    "default quota 'Managed policies attached to an IAM role', adjustable. AWS's knowledge-"
    "center article IAM_POLICY_SIZE_KC: the default limit for managed policies is 10, raised to "
    "at most 20 on a Service Quotas request (an earlier reading of the quotas page here had 20 "
    "as the default; 10 is the safe side). An account with a raised quota says so in "
    "[tool.lambdakit.account] managed_policies_per_role (lambdakit.limits.account)",
)
MANAGED_POLICY_MAX_CHARS = Quota(
    6144, "characters", IAM_QUOTAS, "each customer managed policy; white space not counted",
)
ARN_MAX_CHARS = Quota(
    2048, "characters", IAM_ROLE_API,
    "the longest ARN IAM takes (Role.Arn; IAM's arnType): the bound of an ARN lambdakit cannot "
    "size more closely",
)
IAM_ROLE_NAME_MAX_CHARS = Quota(
    64, "characters", IAM_QUOTAS,
    "for console Switch Role, path plus role name must also fit in 64",
)

# --------------------------------------------------------------------------- CloudWatch Logs
LOG_RETENTION_DEFAULT_DAYS = Quota(
    30, "days", LOG_GROUP_RESOURCE,
    "lambdakit's default, not an AWS quota; AWS keeps logs forever when RetentionInDays is unset",
)
LOG_RETENTION_ALLOWED_DAYS: tuple[int, ...] = (
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
    1096, 1827, 2192, 2557, 2922, 3288, 3653,
)
LOG_RETENTION_SOURCE = LOG_GROUP_RESOURCE  # same list: LOGS_PUT_RETENTION_POLICY

# --------------------------------------------------------------------------- CloudFormation
STACK_RESOURCES_MAX = Quota(
    500, "count", CFN_QUOTAS, "resources declared in one template; split with nested stacks",
)
TEMPLATE_BODY_INLINE_MAX_BYTES = Quota(
    51200, "bytes", CFN_QUOTAS, "TemplateBody in CreateStack/UpdateStack/ValidateTemplate",
)
TEMPLATE_S3_MAX_BYTES = Quota(
    1_000_000, "bytes", CFN_QUOTAS,
    "AWS states '1 MB' without defining MB; the smaller, decimal reading is used so a template "
    "lambdakit passes is never refused",
)
STACK_OUTPUTS_MAX = Quota(200, "count", CFN_QUOTAS)
STACK_NAME_MAX_CHARS = Quota(128, "characters", CFN_QUOTAS)
# "must start with an alphabetic character", then letters, digits and hyphens
# (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html).
STACK_NAME_PATTERN = rf"^[A-Za-z][A-Za-z0-9-]{{0,{STACK_NAME_MAX_CHARS.value - 1}}}$"


# --------------------------------------------------------------------------- tags
LAMBDA_TAGS_MAX = Quota(
    50, "count", TAGGING_LIMITS,
    "user-created tags per resource (general AWS rule; the Lambda guide states no own figure); "
    "tags with the reserved aws: prefix don't count and can't be set",
)
TAG_KEY_MAX_CHARS = Quota(128, "characters", TAGGING_LIMITS, "minimum 1; Unicode, UTF-8")
TAG_VALUE_MAX_CHARS = Quota(256, "characters", TAGGING_LIMITS, "minimum 0; Unicode, UTF-8")

# --------------------------------------------------------------------------- API Gateway
API_REST_INTEGRATION_TIMEOUT_DEFAULT_S = Quota(
    29, "s", APIGW_REST_QUOTAS,
    "default maximum (range 50 ms - 29 s); Regional and private APIs can request more, which may "
    "lower the account's Region throttle quota; edge-optimized APIs cannot",
)
API_HTTP_INTEGRATION_TIMEOUT_MAX_S = Quota(30, "s", APIGW_HTTP_QUOTAS, "not adjustable")

# --------------------------------------------------------------------------- resources
SQS_SET_QUEUE_ATTRIBUTES = (
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/"
    "API_SetQueueAttributes.html"
)
KINESIS_LIMITS = "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html"
SECRETS_RANDOM_PASSWORD = (
    "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetRandomPassword.html"
)
KMS_SCHEDULE_KEY_DELETION = (
    "https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html"
)
SQS_VISIBILITY_TIMEOUT_MAX_S = Quota(43_200, "s", SQS_SET_QUEUE_ATTRIBUTES, "12 hours; min 0")
SQS_RETENTION_MIN_S = Quota(60, "s", SQS_SET_QUEUE_ATTRIBUTES, "MessageRetentionPeriod")
SQS_RETENTION_MAX_S = Quota(1_209_600, "s", SQS_SET_QUEUE_ATTRIBUTES, "14 days")
SQS_DELAY_MAX_S = Quota(900, "s", SQS_SET_QUEUE_ATTRIBUTES, "DelaySeconds, 15 minutes; min 0")
SQS_MAX_RECEIVE_COUNT_MAX = Quota(
    1000, "count", SQS_SET_QUEUE_ATTRIBUTES, "RedrivePolicy maxReceiveCount; min 1",
)
KINESIS_RETENTION_MIN_HOURS = Quota(24, "hours", KINESIS_LIMITS, "the default")
KINESIS_RETENTION_MAX_HOURS = Quota(8760, "hours", KINESIS_LIMITS, "365 days")
SECRET_PASSWORD_LENGTH_MAX = Quota(
    4096, "characters", SECRETS_RANDOM_PASSWORD, "PasswordLength; min 1, default 32",
)
KMS_PENDING_WINDOW_MIN_DAYS = Quota(7, "days", KMS_SCHEDULE_KEY_DELETION, "PendingWindowInDays")
KMS_PENDING_WINDOW_MAX_DAYS = Quota(30, "days", KMS_SCHEDULE_KEY_DELETION, "also the default")

# --------------------------------------------------------------------------- SQS event source
SQS_VISIBILITY_FACTOR = Quota(
    6, "factor", LAMBDA_SQS_CONFIGURE,
    "recommended: queue visibility timeout >= 6 x function timeout (+ MaximumBatchingWindow"
    "InSeconds when set). Enforced: function timeout must be <= the visibility timeout",
)
SQS_BATCH_SIZE_MAX = Quota(
    10000, "count", LAMBDA_CREATE_ESM,
    "standard queues; default 10; above 10 needs MaximumBatchingWindowInSeconds >= 1",
)
SQS_FIFO_BATCH_SIZE_MAX = Quota(10, "count", LAMBDA_CREATE_ESM, "FIFO queues")
SQS_MAX_RECEIVE_COUNT_MIN = Quota(
    5, "count", LAMBDA_SQS_CONFIGURE, "recommended maxReceiveCount of the source queue's redrive",
)
BATCHING_WINDOW_MAX_S = Quota(300, "s", LAMBDA_CREATE_ESM, "MaximumBatchingWindowInSeconds")
SQS_UNBATCHED_BATCH_SIZE_MAX = Quota(
    10, "count", LAMBDA_CREATE_ESM,
    "standard queues without a batching window; larger batches need MaximumBatchingWindow"
    "InSeconds >= 1. FIFO queues support no batching window at all (LAMBDA_SQS_PARAMETERS)",
)
SQS_MAXIMUM_CONCURRENCY_MIN = Quota(2, "count", LAMBDA_SQS_SCALING, "ScalingConfig")
SQS_MAXIMUM_CONCURRENCY_MAX = Quota(1000, "count", LAMBDA_SQS_SCALING, "ScalingConfig")

# --------------------------------------------------------------------------- event filtering
FILTERS_PER_SOURCE_MAX = Quota(
    5, "count", LAMBDA_EVENT_FILTERING, "per event source mapping; adjustable up to 10",
)
FILTER_PATTERN_MAX_CHARS = Quota(4096, "characters", LAMBDA_FILTER_API, "each pattern")

# --------------------------------------------------------------------------- async invocation
ASYNC_RETRY_MAX = Quota(2, "count", LAMBDA_EVENT_INVOKE_CONFIG, "range 0-2; default 2")
ASYNC_EVENT_AGE_MIN_S = Quota(60, "s", LAMBDA_EVENT_INVOKE_CONFIG, "MaximumEventAgeInSeconds")
ASYNC_EVENT_AGE_MAX_S = Quota(
    21600, "s", LAMBDA_EVENT_INVOKE_CONFIG, "six hours; also the default",
)

# --------------------------------------------------------------------------- streams
STREAM_PARALLELIZATION_MAX = Quota(
    10, "count", LAMBDA_CREATE_ESM, "ParallelizationFactor, Kinesis and DynamoDB Streams; min 1",
)
STREAM_BATCH_SIZE_MAX = Quota(10000, "count", LAMBDA_CREATE_ESM, "Kinesis and DynamoDB Streams")

# --------------------------------------------------------------------------- stream sources
# (Kinesis and DynamoDB Streams quotas beyond the batch and parallelization above)
LAMBDA_ESM_DESTINATIONS = (
    "https://docs.aws.amazon.com/lambda/latest/api/API_OnFailure.html"
)
LAMBDA_KINESIS_ERRORS = (
    "https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html"
)
STREAM_RETRY_ATTEMPTS_MAX = Quota(
    10000, "count", LAMBDA_CREATE_ESM,
    "MaximumRetryAttempts, range -1 to 10,000; -1 (AWS's default) retries until the record "
    "expires. Splitting a batch (BisectBatchOnFunctionError) does not count as a retry",
)
STREAM_RECORD_AGE_MIN_S = Quota(
    60, "s", LAMBDA_CREATE_ESM,
    "MaximumRecordAgeInSeconds, 60-604,800 or -1 (AWS's default: until the record expires)",
)
STREAM_RECORD_AGE_MAX_S = Quota(604800, "s", LAMBDA_CREATE_ESM, "one week")
STREAM_TUMBLING_WINDOW_MAX_S = Quota(
    900, "s", LAMBDA_CREATE_ESM, "TumblingWindowInSeconds, Kinesis and DynamoDB Streams; min 0",
)

# --------------------------------------------------------------------------- Kafka, MQ, DocumentDB
LAMBDA_KAFKA_CONFIG = (
    "https://docs.aws.amazon.com/lambda/latest/api/API_SelfManagedKafkaEventSourceConfig.html"
)
BROKER_BATCH_SIZE_MAX = Quota(
    10000, "count", LAMBDA_CREATE_ESM, "Amazon MSK, self-managed Kafka, Amazon MQ, DocumentDB; "
    "default 100",
)
KAFKA_TOPIC_MAX_CHARS = Quota(
    249, "characters", LAMBDA_CREATE_ESM, "Topics: one topic, pattern ^[^.]([a-zA-Z0-9\\-_.]+)",
)
KAFKA_TOPIC_PATTERN = r"^[a-zA-Z0-9\-_][a-zA-Z0-9\-_.]*$"  # Kafka's own legal characters
KAFKA_CONSUMER_GROUP_MAX_CHARS = Quota(
    200, "characters", LAMBDA_KAFKA_CONFIG, "ConsumerGroupId, pattern [a-zA-Z0-9-\\/*:_+=.@-]*",
)
KAFKA_CONSUMER_GROUP_PATTERN = r"^[a-zA-Z0-9\-/*:_+=.@]+$"
KAFKA_BOOTSTRAP_SERVER_PATTERN = (
    r"^(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9])\.)*"
    r"([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9\-]*[A-Za-z0-9]):[0-9]{1,5}$"
)
KAFKA_BOOTSTRAP_SOURCE = "https://docs.aws.amazon.com/lambda/latest/api/API_SelfManagedEventSource.html"
MQ_QUEUE_MAX_CHARS = Quota(1000, "characters", LAMBDA_CREATE_ESM, "Queues: one queue")
DOCDB_DATABASE_MAX_CHARS = Quota(
    63, "characters", "https://docs.aws.amazon.com/lambda/latest/api/"
    "API_DocumentDBEventSourceConfig.html", "DatabaseName",
)
DOCDB_COLLECTION_MAX_CHARS = Quota(
    57, "characters", "https://docs.aws.amazon.com/lambda/latest/api/"
    "API_DocumentDBEventSourceConfig.html", "CollectionName",
)

# --------------------------------------------------------------------------- HTTP sources
# The integration timeouts are API_REST_INTEGRATION_TIMEOUT_DEFAULT_S and
# API_HTTP_INTEGRATION_TIMEOUT_MAX_S above.
APIGW_QUOTAS = "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html"
APIGW_STAGE_API = "https://docs.aws.amazon.com/apigateway/latest/api/API_Stage.html"
APIGW_AUTHORIZER_API = "https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html"
LAMBDA_URL_CORS = "https://docs.aws.amazon.com/lambda/latest/dg/API_Cors.html"
APIGW_THROTTLE_BURST_ACCOUNT = Quota(
    5000, "count", APIGW_QUOTAS,
    "token bucket size per account and Region; set by AWS from the rate quota, not adjustable "
    "on request; 1,250 in some newer Regions",
)
# "Stage names can only contain alphanumeric characters, hyphens, and underscores. Maximum
# length is 128 characters." HTTP APIs also take `$default`.
APIGW_STAGE_NAME_MAX_CHARS = Quota(128, "characters", APIGW_STAGE_API, "stageName")
APIGW_STAGE_NAME_PATTERN = rf"^[A-Za-z0-9_-]{{1,{APIGW_STAGE_NAME_MAX_CHARS.value}}}$"
APIGW_STAGE_NAME_SOURCE = APIGW_STAGE_API
LAMBDA_AUTHORIZER_TTL_MAX_S = Quota(
    3600, "s", APIGW_AUTHORIZER_API, "authorizerResultTtlInSeconds; 0 disables caching",
)
CORS_MAX_AGE_MAX_S = Quota(
    86400, "s", LAMBDA_URL_CORS,
    "MaxAge of a function URL's CORS; an HTTP API's CORS maxAge has the same ceiling",
)
# A function URL's CORS AllowMethods takes these values only (no OPTIONS: preflight is answered
# by Lambda itself).
FUNCTION_URL_CORS_METHODS = frozenset({"GET", "PUT", "HEAD", "POST", "PATCH", "DELETE", "*"})
FUNCTION_URL_CORS_METHODS_SOURCE = LAMBDA_URL_CORS


# --------------------------------------------------------------------------- push sources
SAM_S3_EVENT = (
    "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/"
    "sam-property-function-s3.html"
)
S3_EVENT_TYPES_DOC = (
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/"
    "notification-how-to-event-types-and-destinations.html"
)
S3_NOTIFICATION_OVERLAP_DOC = (
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html"
)
S3_OBJECT_KEYS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html"
S3_BUCKET_NAMING = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html"
S3_BUCKET_NAME_MAX_CHARS = Quota(63, "characters", S3_BUCKET_NAMING,
                                 "a general purpose bucket's name (3 at least); bounds the "
                                 "name lambdakit gives an unnamed bucket that notifies functions")
S3_KEY_MAX_BYTES = Quota(1024, "bytes", S3_OBJECT_KEYS,
                         "an object key's UTF-8 length, so the longest prefix or suffix filter")
SNS_FIFO_DOC = "https://docs.aws.amazon.com/sns/latest/dg/fifo-sns-subscriptions.html"
SNS_SQS_DOC = "https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html"
SNS_FILTER_POLICY_DOC = (
    "https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html"
)
SNS_FILTER_POLICY_KEYS_MAX = Quota(5, "count", SNS_FILTER_POLICY_DOC, "keys of one policy")
SNS_FILTER_POLICY_COMBINATIONS_MAX = Quota(
    150, "count", SNS_FILTER_POLICY_DOC,
    "the product of the number of values of each key's array",
)
SNS_FILTER_POLICY_MAX_BYTES = Quota(256 * 1024, "bytes", SNS_FILTER_POLICY_DOC, "256 KB")
EVENTBRIDGE_PATTERNS_DOC = (
    "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html"
)
EVENTBRIDGE_QUOTAS = "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html"
EVENTBRIDGE_TARGET_API = "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Target.html"
EVENTBRIDGE_RETRY_API = (
    "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html"
)
EVENTBRIDGE_TRANSFORMER_API = (
    "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_InputTransformer.html"
)
EVENTBRIDGE_DLQ_DOC = (
    "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-event-delivery.html"
    "#eb-rule-dlq"
)
EVENTBRIDGE_PATTERN_MAX_CHARS = Quota(
    2048, "characters", EVENTBRIDGE_QUOTAS, "event pattern size; adjustable up to 4,096",
)
EVENTBRIDGE_INPUT_MAX_CHARS = Quota(8192, "characters", EVENTBRIDGE_TARGET_API,
                                    "Target Input; InputTransformer's InputTemplate the same")
EVENTBRIDGE_INPUT_PATH_MAX_CHARS = Quota(256, "characters", EVENTBRIDGE_TARGET_API, "InputPath")
EVENTBRIDGE_INPUT_PATHS_MAX = Quota(100, "count", EVENTBRIDGE_TRANSFORMER_API, "InputPathsMap")
EVENTBRIDGE_RETRY_ATTEMPTS_MAX = Quota(
    185, "count", EVENTBRIDGE_RETRY_API,
    "MaximumRetryAttempts, min 0, default 185; EventBridge Scheduler's RetryPolicy the same",
)
EVENTBRIDGE_EVENT_AGE_MIN_S = Quota(60, "s", EVENTBRIDGE_RETRY_API, "MaximumEventAgeInSeconds")
EVENTBRIDGE_EVENT_AGE_MAX_S = Quota(
    86400, "s", EVENTBRIDGE_RETRY_API,
    "MaximumEventAgeInSeconds, default 24 hours; EventBridge Scheduler's the same",
)
SCHEDULER_EXPRESSIONS_DOC = (
    "https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html"
)
SCHEDULER_FLEXIBLE_WINDOW_API = (
    "https://docs.aws.amazon.com/scheduler/latest/APIReference/API_FlexibleTimeWindow.html"
)
SCHEDULER_TARGET_API = "https://docs.aws.amazon.com/scheduler/latest/APIReference/API_Target.html"
SCHEDULER_FLEXIBLE_WINDOW_MIN = Quota(1, "minutes", SCHEDULER_FLEXIBLE_WINDOW_API,
                                      "MaximumWindowInMinutes")
SCHEDULER_FLEXIBLE_WINDOW_MAX = Quota(1440, "minutes", SCHEDULER_FLEXIBLE_WINDOW_API,
                                      "MaximumWindowInMinutes, 24 hours")
SCHEDULER_INPUT_MAX_CHARS = Quota(8192, "characters", SCHEDULER_TARGET_API, "Target Input")

# (second half: CloudWatch Logs subscriptions, Cognito, IoT, Alexa)
LOGS_PUT_SUBSCRIPTION_FILTER = (
    "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/"
    "API_PutSubscriptionFilter.html"
)
LAMBDA_ADD_PERMISSION = "https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html"
COGNITO_LAMBDA_CONFIG = (
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/"
    "aws-properties-cognito-userpool-lambdaconfig.html"
)
ALEXA_SKILL_ID_SOURCE = (
    "https://developer.amazon.com/en-US/docs/alexa/custom-skills/"
    "host-a-custom-skill-as-an-aws-lambda-function.html"
)
LOGS_SUBSCRIPTION_FILTERS_PER_GROUP = Quota(
    2, "count", LOGS_PUT_SUBSCRIPTION_FILTER,
    "'Each log group can have up to two subscription filters associated with it'",
)
LOGS_FILTER_PATTERN_MAX_CHARS = Quota(1024, "characters", LOGS_PUT_SUBSCRIPTION_FILTER,
                                      "filterPattern; empty matches every event")
LOG_GROUP_NAME_MAX_CHARS = Quota(512, "characters", LOGS_PUT_SUBSCRIPTION_FILTER,
                                 "logGroupName, pattern [.-_/#A-Za-z0-9]+")
LOG_GROUP_NAME_PATTERN = r"^[.\-_/#A-Za-z0-9]+$"
EVENT_SOURCE_TOKEN_MAX_CHARS = Quota(
    256, "characters", LAMBDA_ADD_PERMISSION,
    "EventSourceToken (an Alexa skill id), pattern [a-zA-Z0-9._\\-]+",
)


# --------------------------------------------------------------------------- surroundings
# (layers, VPC, EFS, images; LAYERS_MAX_PER_FUNCTION and the package sizes are above)
LAMBDA_PUBLISH_LAYER_VERSION = (
    "https://docs.aws.amazon.com/lambda/latest/api/API_PublishLayerVersion.html"
)
LAMBDA_VPC_CONFIG_API = "https://docs.aws.amazon.com/lambda/latest/dg/API_VpcConfig.html"
LAMBDA_VPC = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html"
LAMBDA_VPC_INTERNET = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html"
LAMBDA_FILE_SYSTEM_CONFIG = (
    "https://docs.aws.amazon.com/lambda/latest/dg/API_FileSystemConfig.html"
)
LAMBDA_EFS = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-filesystem.html"
LAMBDA_IMAGES = "https://docs.aws.amazon.com/lambda/latest/dg/images-create.html"

LAYER_COMPATIBLE_RUNTIMES_MAX = Quota(
    15, "count", LAMBDA_PUBLISH_LAYER_VERSION,
    "CompatibleRuntimes; Lambda uses them only to filter ListLayers, it does not enforce them",
)
LAYER_DESCRIPTION_MAX_CHARS = Quota(256, "characters", LAMBDA_PUBLISH_LAYER_VERSION)
VPC_SUBNETS_MAX = Quota(16, "count", LAMBDA_VPC_CONFIG_API, "SubnetIds")
VPC_SECURITY_GROUPS_MAX = Quota(5, "count", LAMBDA_VPC_CONFIG_API, "SecurityGroupIds")
EFS_MOUNT_PATH_MAX_CHARS = Quota(160, "characters", LAMBDA_FILE_SYSTEM_CONFIG, "LocalMountPath")
# The patterns of FileSystemConfig (mount path, access point ARN) are in lambdakit.model.vpc.

# ------------------------------------------------------------------- provisioned concurrency
PROVISIONED_CONCURRENCY = Quota(
    1, "count", "https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html",
    "minimum per alias or version; at most the function's reserved concurrency when it has "
    "one, and counted against the account's unreserved concurrency otherwise",
)

# --------------------------------------------------------------------------- gradual deployments
DEPLOYMENT_SHIFT_MINUTES_MAX = Quota(
    2880, "minutes", "https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html",
    "an AWS Lambda deployment runs at most 50 hours: 48 between the first and the last traffic "
    "shift, plus one for each of the two lifecycle hooks (not adjustable)",
)
DEPLOYMENT_GROUP_ALARMS_MAX = Quota(
    10, "count", "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/"
                 "aws-properties-codedeploy-deploymentgroup-alarmconfiguration.html",
    "rollback alarms of one deployment group; each name once (CodeDeploy's "
    "AlarmsLimitExceededException). The CodeDeploy quotas page lists 50 associated alarms, "
    "but a deployment group's AlarmConfiguration takes at most 10",
)
ALARM_NAME_MAX_CHARS = Quota(
    255, "characters", "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/"
                       "aws-properties-codedeploy-deploymentgroup-alarm.html",
    "an alarm name in a deployment group's AlarmConfiguration",
)
CUSTOM_DEPLOYMENT_CONFIGS_MAX = Quota(
    50, "count", "https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html",
    "custom deployment configurations per account and Region (not adjustable); lambdakit "
    "writes one per distinct canary or linear shape that is not predefined",
)

# Target tracking of provisioned concurrency (Application Auto Scaling). The metric,
# ProvisionedConcurrencyUtilization, is the fraction of provisioned environments busy: it never
# exceeds 1, and the policy scales out only while it stays above the target, so a target must lie
# strictly between 0 and 1 (AWS's example holds 0.7).
PROVISIONED_UTILIZATION_MAX = Quota(
    1, "factor", "https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html",
    "exclusive: utilization cannot rise above 1, so a target of 1 or more never scales out",
)
SCALING_COOLDOWN_MIN_S = Quota(
    0, "s",
    "https://docs.aws.amazon.com/autoscaling/application/APIReference/"
    "API_TargetTrackingScalingPolicyConfiguration.html",
    "ScaleInCooldown and ScaleOutCooldown; Application Auto Scaling's default for Lambda is 0",
)
# Scheduled changes of the range (Application Auto Scaling scheduled actions on the alias's
# scalable target).
SCHEDULED_ACTIONS_MAX = Quota(
    200, "count",
    "https://docs.aws.amazon.com/autoscaling/application/userguide/"
    "application-auto-scaling-quotas.html",
    "scheduled actions per scalable target (not adjustable)",
)
SCHEDULED_ACTION_NAME_MAX_CHARS = Quota(
    256, "characters",
    "https://docs.aws.amazon.com/autoscaling/application/APIReference/"
    "API_PutScheduledAction.html",
    "ScheduledActionName: unique per scalable target; no ':', '/' or '|', no control "
    "characters, no leading or trailing space",
)
