"""POST / handler: store one weather record. Clients are built once per execution environment."""

import json
import os

import boto3
from weather import WeatherError, to_item

TABLE_NAME = os.environ["TABLE_NAME"]
dynamodb = boto3.client("dynamodb")


def lambda_handler(event, context):
    try:
        item = to_item(json.loads(event.get("body") or "{}"))
    except (ValueError, WeatherError) as error:
        return {"statusCode": 400, "body": json.dumps({"error": str(error)})}
    dynamodb.put_item(TableName=TABLE_NAME, Item=item)
    return {"statusCode": 200, "body": json.dumps({"stored": item["id"]["S"]})}
