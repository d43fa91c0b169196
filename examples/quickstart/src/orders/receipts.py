"""Receipt writer: formats a receipt line for a processed order."""


def render(result: dict) -> str:
    return f"order {result['order_id']}: {result['total']:.2f}"


def handle(event, context):
    return {"receipt": render(event)}
