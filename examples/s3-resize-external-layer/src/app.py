"""S3 upload handler: download, resize with GraphicsMagick, upload to the destination bucket."""

import os
import subprocess
import tempfile
import uuid

import boto3
from resize import resize_command, resized_key, uploads

DESTINATION_BUCKET = os.environ["DESTINATION_BUCKETNAME"]
s3 = boto3.client("s3")


def lambda_handler(event, context):
    done = []
    for bucket, key in uploads(event):
        with tempfile.TemporaryDirectory() as scratch:
            original = os.path.join(scratch, f"{uuid.uuid4()}.jpeg")
            resized = os.path.join(scratch, "resized.jpeg")
            s3.download_file(bucket, key, original)
            subprocess.run(resize_command(original, resized), check=True)
            s3.upload_file(resized, DESTINATION_BUCKET, resized_key(key))
        done.append(key)
    return {"resized": done}
