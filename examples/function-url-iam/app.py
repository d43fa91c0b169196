"""function-url-iam: one function behind a Lambda function URL that requires SigV4 (IAM) auth.

Corpus case `/work/shared/corpus/function-url-iam` (aws-samples/serverless-patterns,
`lambda-function-url`). Same function: id, runtime, handler, memory and architecture (SAM's
defaults in the corpus), timeout 3 s. The function touches no AWS service, so its role holds
logging and tracing only, as in spec.md.

TODO(events): the function URL is not expressed yet: `FunctionUrlConfig` with
`AuthType: AWS_IAM` (lambdakit's default for URLs), CORS `AllowOrigins: ["*"]`, BUFFERED invoke
mode on `$LATEST`, and the output `FunctionURLEndpoint`. With AWS_IAM auth the URL implies no
resource-based permission: callers need `lambda:InvokeFunctionUrl` in their own identity
policies, which this app grants to nobody. When URLs land, narrow the CORS origins to the
callers that exist (spec.md: `*` is broader than needed).
"""

from lambdakit import App, Function

function = Function(
    id="FURLFunction",
    handler="app.handler",
    code="src/",
    runtime="nodejs24.x",
    architecture="x86_64",  # SAM's default, as in the corpus
    memory=128,             # SAM's default, as in the corpus
    timeout=3,
)

app = App(name="function-url-iam", functions=[function])
