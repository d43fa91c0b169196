"""canary-linear-pretraffic: two API functions shifted by CodeDeploy, one pre-traffic hook.

Corpus case `shared/corpus/canary-linear-pretraffic` (danilop/evolutionary-serverless-
architectures-with-safe-deployments). At deployment time the hook scores the stack's "fitness"
(are its buckets and tables encrypted, do the functions answer) and publishes it as a metric.

Logical ids: the corpus's camelCase ids are not valid construct ids, so `myFirstFunction` is
`MyFirstFunction`, `encryptedBucket` is `EncryptedBucket`, and so on.

Runtime: the corpus uses nodejs8.10, which Lambda has refused for new functions since
2020-02-04 (lambdakit/limits/runtimes.py, LK122). All three functions are upgraded to
nodejs24.x, the newest Node.js runtime that is not deprecated; the handlers are ES modules
using the AWS SDK for JavaScript v3 that the runtime ships.

The `Api` events (`ANY /first`, `ANY /second`, stage `Prod`) are routes on an explicit
`RestApi` (`PublicApi`; lambdakit never uses SAM's implicit API, which has no access log or
tracing), public as in the corpus, with the reason written down; the API adds access logs and
X-Ray. The integrations invoke the `live` aliases, and SAM writes API Gateway's
`lambda:InvokeFunction` permission per route, scoped to this API, method and path. The corpus's
outputs `FirstAPI`/`SecondAPI` are the API's URL (`PublicApiUrl`) followed by `/first/` and
`/second/`.

Safe deployments, as in the corpus: `alias="live"` publishes a version per deploy; CodeDeploy
shifts the first function linearly (10 % every minute) and the second as a canary (10 %, the
rest after 5 minutes), both after `PreTrafficHook` reports success. Tighter than the corpus:
  * CodeDeploy assumes one role per function (`<Fn>DeploymentRole`), allowed to move that
    function's alias, to read its rollback alarm and to invoke this hook, instead of SAM's
    `CodeDeployServiceRole` with the managed AWSCodeDeployRoleForLambda (alias updates on `*`,
    any `CodeDeployHook_*` function). So the hook no longer needs the `CodeDeployHook_` name
    the managed policy demands; it gets a generated one, and the stack deploys twice in one
    account.
  * Each deployment rolls back on an alarm (spec.md: "no alarms, no metric-based rollback"):
    any error of the new version in a minute.
  * The hook's `codedeploy:PutLifecycleEventHookExecutionStatus` is implied by its
    `PreTrafficHook` events, on this stack's deployment groups, as in the corpus.
The hook is declared on the hook (`events=[PreTrafficHook(function=first), ...]`), so it can
reference the functions it checks: `CurrentVersion` is the first function's new version
(`first.version`, the corpus's `!Ref myFirstFunction.Version`).
"""

from lambdakit import App, Bucket, Canary, Function, Linear, Statement, Table
from lambdakit.events import ApiEvent, PreTrafficHook, RestApi

RUNTIME = "nodejs24.x"  # corpus: nodejs8.10, blocked since 2020-02-04 (see above)

# The hook compares encrypted and unencrypted resources. lambdakit has no way to build an
# unencrypted bucket or table, by design: every Bucket is encrypted (SSE-S3 unless key= names a
# customer key) and every Table uses the AWS-managed DynamoDB key. So:
#  * `encryptedBucket` asked for SSE-KMS with the AWS-managed `aws/s3` key, which lambdakit
#    cannot select; it gets SSE-S3 like its sibling (a customer Key would be KMS, at a cost
#    and with key administration the corpus does not have).
#  * `encryptedTable` (SSEEnabled: true) is exactly lambdakit's default; `unencryptedTable`
#    (AWS-owned key) is raised to it.
# Both tables keep hash key `id` (S), range key `version` (N) and NEW_AND_OLD_IMAGES streams;
# lambdakit tables are on demand, so the corpus's provisioned 5/5 capacity is not expressed.
# lambdakit also adds versioning, public access block, TLS-only policies, point-in-time
# recovery and Retain, none of which the corpus has.
encrypted_bucket = Bucket(id="EncryptedBucket")
unencrypted_bucket = Bucket(id="UnencryptedBucket")
encrypted_table = Table(id="EncryptedTable", partition_key="id", sort_key="version",
                        sort_key_type="N", stream="NEW_AND_OLD_IMAGES")
unencrypted_table = Table(id="UnencryptedTable", partition_key="id", sort_key="version",
                          sort_key_type="N", stream="NEW_AND_OLD_IMAGES")

api = RestApi(id="PublicApi", stage_name="Prod")
PUBLIC = "the sample's two endpoints answer anyone; the safe deployment, not access, is its point"
# The pre-traffic hook may invoke both functions; it does so synchronously.
HOOK_ONLY = {"LK380": "only the pre-traffic hook invokes it outside the API, synchronously"}

# The corpus relies on SAM's defaults for the API functions: 128 MB, 3 s, x86_64.
first = Function(id="MyFirstFunction", handler="myFirstFunction.handler", code="src/",
                 runtime=RUNTIME, architecture="x86_64", memory=128, timeout=3,
                 alias="live", deployment=Linear(percent=10, every_minutes=1),
                 events=[ApiEvent(name="GetResource", api=api, method="ANY", path="/first",
                                  auth="none", public=PUBLIC)],
                 acknowledge=HOOK_ONLY)
second = Function(id="MySecondFunction", handler="mySecondFunction.handler", code="src/",
                  runtime=RUNTIME, architecture="x86_64", memory=128, timeout=3,
                  alias="live", deployment=Canary(percent=10, minutes=5),
                  events=[ApiEvent(name="GetResource", api=api, method="ANY", path="/second",
                                   auth="none", public=PUBLIC)],
                  acknowledge=HOOK_ONLY)

# TODO(catalogue): the grant catalogue has no entry for these reads, so they are reviewed raw
# statements, each exactly as spec.md's least-privilege view lists it; they become grants when
# the catalogue gains them (bucket encryption configuration, table description, CloudWatch
# metric data, Config compliance). A Statement cannot reference a construct, so the owned
# buckets and tables are named as `${LogicalId}` inside the ARN (resolved by Fn::Sub).
REVIEWED = {"LK211": "reviewed: exactly spec.md's least-privilege view for the hook; "
                     "awaits a catalogue entry"}
inspect_buckets = Statement(
    actions=["s3:GetEncryptionConfiguration"],
    resources=[encrypted_bucket, unencrypted_bucket],
    reason="the hook scores how the app's two buckets are encrypted",
    acknowledge=REVIEWED,
)
inspect_tables = Statement(
    actions=["dynamodb:DescribeTable"],
    resources=[encrypted_table, unencrypted_table],
    reason="the hook scores how the app's two tables are encrypted",
    acknowledge=REVIEWED,
)
NAMESPACE = "canary-linear-pretraffic"
publish_fitness = Statement(
    actions=["cloudwatch:PutMetricData"],
    resources=["*"],
    # Only into the hook's own namespace.
    conditions={"StringEquals": {"cloudwatch:namespace": NAMESPACE}},
    reason="cloudwatch:PutMetricData has no resource type in the IAM service authorization "
           "reference, so it can only be granted on '*'",
    acknowledge=REVIEWED,
)
read_compliance = Statement(
    actions=["config:GetComplianceDetailsByResource"],
    resources=["*"],
    reason="config:GetComplianceDetailsByResource has no resource type in the IAM service "
           "authorization reference, so it can only be granted on '*'",
    acknowledge=REVIEWED,
)

hook = Function(
    id="PreTrafficHook",
    handler="preTrafficHook.handler",
    code="src/",
    runtime=RUNTIME,
    architecture="x86_64",
    memory=128,
    timeout=60,
    environment={
        "MetricName": "Fitness",
        # The corpus's handler reads `Namespace` but the template never sets it (spec.md: the
        # stack name). lambdakit cannot pass the stack name as a value yet; the app's name
        # stands in for it.
        "Namespace": NAMESPACE,
        # The corpus passes `StackId` and lets the hook discover the stack's resources with
        # cloudformation:ListStackResources. lambdakit passes exactly the resources the hook
        # inspects, so it needs no CloudFormation permission (narrower than spec.md), and the
        # buckets and tables are part of the app through these references.
        "CurrentVersion": first.version,
        "SecondFunction": second.name,
        "EncryptedBucket": encrypted_bucket,
        "UnencryptedBucket": unencrypted_bucket,
        "EncryptedTable": encrypted_table,
        "UnencryptedTable": unencrypted_table,
    },
    # Invoke on the function and `:*` (its versions and aliases): the corpus grants the new
    # version's ARN, which changes on every deploy; a grant on it would rewrite this role, and
    # so wait on IAM, at each one.
    grants=[first.invoke(), second.invoke()],
    statements=[inspect_buckets, inspect_tables, publish_fitness, read_compliance],
    events=[PreTrafficHook(function=first), PreTrafficHook(function=second)],
)

app = App(name="canary-linear-pretraffic", functions=[first, second, hook])
