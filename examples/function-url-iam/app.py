"""function-url-iam: one function behind a Lambda function URL that requires SigV4 (IAM) auth.

Corpus case `shared/corpus/function-url-iam` (aws-samples/serverless-patterns,
`lambda-function-url`). Same function: id, runtime, handler, memory and architecture (SAM's
defaults in the corpus), timeout 3 s. The function touches no AWS service, so its role holds
logging and tracing only, as in spec.md.

The function URL keeps the corpus's `AWS_IAM` auth (lambdakit's default for URLs) and BUFFERED
invoke mode on `$LATEST`. With IAM auth the URL implies no resource-based permission: callers
need `lambda:InvokeFunctionUrl` in their own identity policies, which this app grants to nobody.
CORS is narrowed, as spec.md says it should be: the corpus allows any origin (`*`), yet names no
browser client; `ALLOWED_ORIGINS` lists the one web origin that may call (replace the
placeholder with the real one). The output `FURLFunctionUrl` is the corpus's
`FunctionURLEndpoint` (the URL, which the corpus's description calls the function name).
"""

from lambdakit import App, Function
from lambdakit.events import Cors, FunctionUrl

# The browser origins allowed to call the URL (each request is still SigV4-signed).
ALLOWED_ORIGINS = ["https://app.example.com"]

function = Function(
    id="FURLFunction",
    handler="app.handler",
    code="src/",
    runtime="nodejs24.x",
    architecture="x86_64",  # SAM's default, as in the corpus
    memory=128,             # SAM's default, as in the corpus
    timeout=3,
    events=[FunctionUrl(auth="iam", cors=Cors(allow_origins=ALLOWED_ORIGINS))],
)

app = App(name="function-url-iam", functions=[function])
