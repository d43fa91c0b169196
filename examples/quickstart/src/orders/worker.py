"""Order worker: validates an order and reports what it did. No lambdakit import at run time."""

import json
import logging
import os

logger = logging.getLogger()
RECEIPT_FUNCTION = os.environ.get("RECEIPT_FUNCTION", "")


def process(order: dict) -> dict:
    """Business logic, kept apart from the handler so it is testable without Lambda."""
    if not order.get("id"):
        raise ValueError("order without id")
    total = sum(item["price"] * item["quantity"] for item in order.get("items", []))
    return {"order_id": order["id"], "total": total, "receipt_function": RECEIPT_FUNCTION}


def handle(event, context):
    result = process(event)
    logger.info(json.dumps({"processed": result["order_id"]}))
    return result
