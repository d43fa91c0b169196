"""SQS batch handler: reports only the failed messages, so only they are received again."""

import logging

from work import process

logger = logging.getLogger()


def lambda_handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            result = process(record["body"])
        except Exception:  # any failure: report this message, keep the rest of the batch
            logger.exception("message %s failed", record["messageId"])
            failures.append({"itemIdentifier": record["messageId"]})
            continue
        logger.info("message %s: %s", record["messageId"], result)
    return {"batchItemFailures": failures}
