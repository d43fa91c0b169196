"""layer-shared-role: a PyMySQL layer and two otherwise identical functions, one with the layer
(its import succeeds) and one without (its import fails: the demo's point).

Corpus case `/work/shared/corpus/layer-shared-role` (aws-samples/serverless-patterns,
`lambda-layer`). Same functions: ids, runtime, handler, code, memory, timeout, architecture
(SAM's default), descriptions; no environment, no events (invoked by hand).

TODO(layers): `PyMySQLLayer` is not expressed yet: `AWS::Serverless::LayerVersion`
`pymysql-layer` from `dependencies/` (PyMySQL, see dependencies/requirements.txt), compatible
runtime python3.14 (the corpus lists it twice), no architectures, attached to
`PyMySQLLayerLambdaFunction` only. Until then both functions fail to import PyMySQL. A layer
implies no IAM permission for a layer of the same stack; when layers land, declare
compatible architectures (x86_64) as well.

Not reproduced on purpose: the corpus's shared `LambdaRole` (one role for both functions, with
the AWSLambdaBasicExecutionRole managed policy on every log group of the account). lambdakit
gives each function its own role that may write only to its own log group; here both roles hold
logging and tracing only, which is all spec.md asks.
"""

from lambdakit import App, Function

SETTINGS: dict = {"handler": "app.lambda_handler", "code": "src/", "runtime": "python3.14",
                  "architecture": "x86_64", "memory": 128, "timeout": 3}

with_layer = Function(
    id="PyMySQLLayerLambdaFunction",
    description="Lambda Function that imports PyMySQL and has the PyMySQL layer",
    **SETTINGS,
)
without_layer = Function(
    id="PyMySQLNoLayerLambdaFunction",
    description="Lambda Function that imports PyMySQL but does not have the PyMySQL layer",
    **SETTINGS,
)

app = App(name="layer-shared-role", functions=[with_layer, without_layer])
