"""LK421: an image from Docker Hub; Lambda runs images from Amazon ECR only."""

from lambdakit import App, Function

worker = Function(
    id="Worker",
    image_uri="docker.io/library/python:3.13",
)

app = App(name="lk421", functions=[worker])
