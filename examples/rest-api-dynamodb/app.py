"""rest-api-dynamodb: a POST endpoint whose function writes one record into a DynamoDB table.

Corpus case `shared/corpus/rest-api-dynamodb` (aws-samples/serverless-patterns,
`apigw-lambda-dynamodb`). Same function (logical id, runtime, handler, memory, timeout,
architecture, physical name) and the same table (name, key); lambdakit adds its secure defaults
(log group with retention, X-Ray, point-in-time recovery, Retain, deletion protection).

The corpus's `ApiEvent` (`POST /` on SAM's implicit REST API, stage `Prod`) is an explicit
`RestApi` here: lambdakit never uses the implicit API, which has no access log, tracing or
throttle of its own. It keeps the stage `Prod`, so the URL has the corpus's shape; its id is
`WeatherApi` (SAM reserves `ServerlessRestApi` for the implicit API, LK349).
The route stays public, as in the corpus, with its reason written down (spec.md lists the
unauthenticated endpoint as a gap: a real service would drop `auth="none"` for IAM or put an
authorizer in front). The API adds access logs, X-Ray and a throttle. SAM writes API Gateway's
`lambda:InvokeFunction` permission, scoped to this API and `POST /`; the role gains nothing.
The output `WeatherApiUrl` is the corpus's `EndpointUrl` (same value, for this API).
"""

from lambdakit import App, Function, Table
from lambdakit.events import ApiEvent, RestApi, Throttling

# AWS::Serverless::SimpleTable: partition key `id` (String), on demand. The corpus pins the
# physical name, so two stacks in one account and region collide; kept as the corpus has it.
weather = Table(id="DynamoDBTable", name="WeatherData", partition_key="id")

api = RestApi(
    id="WeatherApi",
    stage_name="Prod",
    # A public demo endpoint: a low cap bounds what abuse can cost (the corpus has none).
    throttling=Throttling(rate=10, burst=20),
)

function = Function(
    id="LambdaFunction",
    function_name="WeatherFunction",  # pinned in the corpus; not stack-unique
    # The corpus writes this at the resource level, where SAM ignores it; here it is applied.
    description="Lambda function inserts data into DynamoDB table",
    handler="index.lambda_handler",
    code="src/",
    runtime="python3.14",
    architecture="x86_64",  # the corpus's (SAM's) default
    memory=128,             # SAM's default, as in the corpus
    timeout=3,              # SAM's default, as in the corpus
    # The corpus hard-codes the table name in the handler; lambdakit passes it instead.
    environment={"TABLE_NAME": weather},
    # spec.md's least-privilege view: dynamodb:PutItem on this table only. `put()` is exactly
    # that; `write()` would also allow update, delete and batch writes.
    grants=[weather.put()],
    events=[ApiEvent(
        name="ApiEvent", api=api, method="POST", path="/", auth="none",
        public="the corpus's weather sample takes records from anyone; it stores them only",
    )],
)

app = App(name="rest-api-dynamodb", functions=[function])
