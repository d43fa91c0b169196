"""rest-api-dynamodb: a POST endpoint whose function writes one record into a DynamoDB table.

Corpus case `/work/shared/corpus/rest-api-dynamodb` (aws-samples/serverless-patterns,
`apigw-lambda-dynamodb`). Same function (logical id, runtime, handler, memory, timeout,
architecture, physical name) and the same table (name, key); lambdakit adds its secure defaults
(log group with retention, X-Ray, point-in-time recovery, Retain, deletion protection).

TODO(events): the corpus's `ApiEvent` (implicit REST API, `POST /`, stage `Prod`, output
`EndpointUrl`) is not expressed yet. The API event will bring SAM's `lambda:InvokeFunction`
permission for API Gateway, scoped to the API, stage, method and path; nothing here grants it.
"""

from lambdakit import App, Function, Table

# AWS::Serverless::SimpleTable: partition key `id` (String), on demand. The corpus pins the
# physical name, so two stacks in one account and region collide; kept as the corpus has it.
weather = Table(id="DynamoDBTable", name="WeatherData", partition_key="id")

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
)

app = App(name="rest-api-dynamodb", functions=[function])
