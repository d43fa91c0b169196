"""LK422: an image named by the tag `latest`, which moves with every push."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/worker:latest",
)

app = App(name="lk422", functions=[worker])
