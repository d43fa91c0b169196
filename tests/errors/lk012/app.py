"""LK012: a description that expects CloudFormation to fill in the stack's name."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    handler="app.handler",
    code="src/",
    runtime="python3.13",
    description="worker of ${AWS::StackName}",
)

app = App(name="lk012", functions=[worker])
