"""Order worker: records an order and asks the receipt writer for a receipt.

Clients are built once per execution environment, outside the handler; the business logic
(`price`) is a plain function, testable without AWS. No lambdakit import at run time.
"""

import json
import logging
import os

import boto3

logger = logging.getLogger()
ORDERS_TABLE = os.environ.get("ORDERS_TABLE", "")
RECEIPT_FUNCTION = os.environ.get("RECEIPT_FUNCTION", "")
dynamodb = boto3.resource("dynamodb")
lambda_client = boto3.client("lambda")


def price(order: dict) -> dict:
    """The order's total; raises ValueError on an order that cannot be priced."""
    if not order.get("id"):
        raise ValueError("order without id")
    total = sum(item["price"] * item["quantity"] for item in order.get("items", []))
    return {"order_id": order["id"], "total": total}


def handle(event, context):
    result = price(event)
    dynamodb.Table(ORDERS_TABLE).put_item(
        Item={"pk": f"ORDER#{result['order_id']}", "sk": "TOTAL", "total": str(result["total"])})
    # Synchronous: a failed receipt fails this invocation, so nothing is lost silently.
    lambda_client.invoke(FunctionName=RECEIPT_FUNCTION, InvocationType="RequestResponse",
                         Payload=json.dumps(result).encode())
    logger.info(json.dumps({"processed": result["order_id"]}))
    return result
