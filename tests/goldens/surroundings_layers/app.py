# Layers: one built from a directory with every option (name, description, runtimes,
# architectures, license, sam build method, deleted with the stack with a reason), one with the
# defaults (retained, nothing declared so nothing checked), and a layer AWS publishes by ARN
# (written partition-agnostic, its region left to CloudFormation): Powertools' arm64 build for
# Python 3.13, whose name states both, so nothing need be declared (rules.public_layers). Two
# functions share the first; the order of `layers` is the order Lambda extracts them to /opt.
# A layer implies no IAM permission: the roles hold logging and tracing only.
from lambdakit import App, Function, Layer

shared = Layer(
    id="SharedLayer", code="../_layers/shared", name="shared-helpers",
    description="Helpers shared by the workers", compatible_runtimes=["python3.13", "python3.12"],
    compatible_architectures=["arm64"], license_info="MIT", build_method="python3.13",
    delete_with_stack="rebuilt from source on every deploy; no other stack names its versions",
)
tools = Layer(id="ToolsLayer", code="../_layers/tools")
powertools = Layer.existing(
    arn="arn:aws:lambda:${AWS::Region}:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-arm64:27")

worker = Function(
    id="Worker", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    layers=[shared, tools, powertools],
)
reporter = Function(
    id="Reporter", handler="svc.handler.handle", code="../_code", runtime="python3.12",
    layers=[shared],
)

app = App(name="surroundings-layers", functions=[worker, reporter])
