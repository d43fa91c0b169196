"""s3-resize-external-layer: a `.jpeg` uploaded to the source bucket is resized by a function
(GraphicsMagick from a layer) and written to the destination bucket.

Corpus case `shared/corpus/s3-resize-external-layer` (aws-samples/serverless-patterns,
`s3-lambda-resizing-python`). Same function (id, runtime, handler, 2048 MB, timeout, SAM's
default architecture, `DESTINATION_BUCKETNAME`) and the same two buckets.

Differences, each on purpose:
  * The corpus names the buckets from the parameters `SourceBucketName` and
    `DestinationBucketName`, whose defaults (`my-source-bucket-name`, ...) collide with every
    other deployment. lambdakit has no template parameters; leaving `name` unset gives names
    unique to the stack (CloudFormation's for the destination; `sourcebucket-<stack UUID>` for
    the source, whose name its invoke permission must know before it exists), and the
    function receives the destination's name through the environment. The outputs echoing
    the parameters are not expressed.
  * Permissions are on the bucket resources, not on name parameters, and narrower than the
    corpus's S3ReadPolicy + S3CrudPolicy (no lifecycle, ACL or delete access).
  * lambdakit adds versioning, encryption, public access block and TLS-only policies to both
    buckets, and Retain.
  * Timeout stays at the corpus's 3 s (SAM's default); spec.md notes it is likely too short for
    image processing at 2 GB. Raise it after measuring.
  * The `S3` event `FileUpload` on `SourceBucket` (`s3:ObjectCreated:*`, key suffix `.jpeg`)
    implies S3's `lambda:InvokeFunction` permission scoped to that bucket and this account
    (the corpus's SAM event scopes it to the account only); the notification is written into
    the bucket, which is created after the function and its permission.
    The read grant on the source therefore sits in `ResizerFunctionTriggerPolicy`, attached
    once the bucket exists: in the role itself it would be a circular dependency. The function
    writes only to the destination bucket, so the trigger cannot loop (LK361).
  * S3 invokes asynchronously: the corpus has no on-failure destination, so a resize that fails
    Lambda's retries is lost (spec.md's gap). `on_failure=` sends its event and error to the
    queue `FailedResizes` instead (implying `sqs:SendMessage` on that queue only).

The external layer `graphicsmagick:2` (another account's, pinned version, published in each
region under one name: its ARN keeps `${AWS::Region}`) provides `/opt/bin/gm`. A published layer
implies no permission in this account.
"""

from lambdakit import App, Bucket, Function, Layer, Queue
from lambdakit.events import S3Event

source = Bucket(id="SourceBucket")
destination = Bucket(id="DestinationBucket")
failed_resizes = Queue(id="FailedResizes")

resizer = Function(
    id="ResizerFunction",
    handler="app.lambda_handler",
    code="src/",
    runtime="python3.14",
    architecture="x86_64",  # SAM's default, as in the corpus (the layer is x86_64)
    memory=2048,
    timeout=3,
    environment={"DESTINATION_BUCKETNAME": destination},
    # read(): GetObject on source objects (+ ListBucket, so a missing key reads as 404);
    # write(): PutObject on destination objects (+ AbortMultipartUpload for failed uploads).
    grants=[source.read(), destination.write()],
    events=[S3Event(bucket=source, name="FileUpload", suffix=".jpeg")],
    on_failure=failed_resizes,
    layers=[Layer.existing(arn="arn:aws:lambda:${AWS::Region}:175033217214:layer:graphicsmagick:2")],
)

app = App(name="s3-resize-external-layer", functions=[resizer])
