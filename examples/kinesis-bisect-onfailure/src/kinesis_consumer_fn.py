"""Kinesis consumer: valid readings are logged, anomalous ones go to the anomaly queue.

Anything else raised here fails the batch: the event source mapping retries it, bisects it,
and after 5 attempts or an hour sends the failed records' metadata to the same queue.
"""

import json
import logging
import os

import boto3
from elements import Anomaly, decode, validate

STREAM_NAME = os.environ["KINESIS_STREAM_NAME"]
ANOMALY_QUEUE_URL = os.environ["ANOMALY_QUEUE_URL"]
sqs = boto3.client("sqs")
logger = logging.getLogger()


def lambda_handler(event, context):
    valid = 0
    for record in event["Records"]:
        sequence = record["kinesis"]["sequenceNumber"]
        try:
            reading = validate(decode(record))
        except (Anomaly, json.JSONDecodeError, UnicodeDecodeError) as problem:
            sqs.send_message(QueueUrl=ANOMALY_QUEUE_URL, MessageBody=json.dumps({
                "stream": STREAM_NAME, "sequenceNumber": sequence, "problem": str(problem),
                "data": record["kinesis"]["data"]}))
            logger.warning("anomalous record %s set aside: %s", sequence, problem)
            continue
        logger.info("element %s (%s)", reading["Element"], reading["Symbol"])
        valid += 1
    return {"valid": valid, "records": len(event["Records"])}
