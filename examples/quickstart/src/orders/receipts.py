"""Receipt writer: renders a receipt for a processed order and files it in S3."""

import os

import boto3

RECEIPTS_BUCKET = os.environ.get("RECEIPTS_BUCKET", "")
s3 = boto3.client("s3")


def render(result: dict) -> str:
    return f"order {result['order_id']}: {result['total']:.2f}\n"


def handle(event, context):
    key = f"receipts/{event['order_id']}.txt"
    s3.put_object(Bucket=RECEIPTS_BUCKET, Key=key, Body=render(event).encode())
    return {"receipt": key}
