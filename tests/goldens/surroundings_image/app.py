# Container-image functions (PackageType Image): one with the image's own CMD, named by digest;
# one overriding CMD, ENTRYPOINT and WORKDIR, on x86_64, its account and region left to
# CloudFormation and a per-build tag (LK422 acknowledged). No Handler, Runtime or CodeUri.
from lambdakit import App, Function

DIGEST = "sha256:" + "0123456789abcdef" * 4

resizer = Function(
    id="Resizer",
    image_uri=f"123456789012.dkr.ecr.us-east-1.amazonaws.com/images/resizer@{DIGEST}",
    memory=1024,
)
reporter = Function(
    id="Reporter",
    image_uri="${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/reporter:build-1842",
    image_command=["report.handler"], image_entry_point=["/lambda-entrypoint.sh"],
    image_working_directory="/var/task", architecture="x86_64",
    acknowledge={"LK422": "the pipeline tags every build with its build number"},
)

app = App(name="surroundings-image", functions=[resizer, reporter])
