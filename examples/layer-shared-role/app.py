"""layer-shared-role: a PyMySQL layer and two otherwise identical functions, one with the layer
(its import succeeds) and one without (its import fails: the demo's point).

Corpus case `shared/corpus/layer-shared-role` (aws-samples/serverless-patterns,
`lambda-layer`). Same functions: ids, runtime, handler, code, memory, timeout, architecture
(SAM's default), descriptions; no environment, no events (invoked by hand).

The layer `PyMySQLLayer` (`pymysql-layer`) is built from `dependencies/` by `sam build`
(`build_method`: it installs requirements.txt into the layer's `python/`) and attached to
`PyMySQLLayerLambdaFunction` only. Differences from the corpus, on purpose: its runtime is listed
once (the corpus lists python3.14 twice), and it declares the x86_64 architecture it is built
for, so lambdakit warns if it is ever attached to an arm64 function. It is retained when a new
version replaces it, as SAM's default does. A layer implies no IAM permission.

Not reproduced on purpose: the corpus's shared `LambdaRole` (one role for both functions, with
the AWSLambdaBasicExecutionRole managed policy on every log group of the account). lambdakit
gives each function its own role that may write only to its own log group; here both roles hold
logging and tracing only, which is all spec.md asks.
"""

from lambdakit import App, Function, Layer

SETTINGS: dict = {"handler": "app.lambda_handler", "code": "src/", "runtime": "python3.14",
                  "architecture": "x86_64", "memory": 128, "timeout": 3}

pymysql = Layer(
    id="PyMySQLLayer",
    name="pymysql-layer",
    code="dependencies/",
    build_method="python3.14",
    compatible_runtimes=["python3.14"],
    compatible_architectures=["x86_64"],
)

with_layer = Function(
    id="PyMySQLLayerLambdaFunction",
    description="Lambda Function that imports PyMySQL and has the PyMySQL layer",
    layers=[pymysql],
    **SETTINGS,
)
without_layer = Function(
    id="PyMySQLNoLayerLambdaFunction",
    description="Lambda Function that imports PyMySQL but does not have the PyMySQL layer",
    **SETTINGS,
)

app = App(name="layer-shared-role", functions=[with_layer, without_layer])
