# A permissions boundary and a KMS key given as ARNs come out partition-agnostic.
from lambdakit import App, Function

app = App(
    name="boundary-kms",
    functions=[Function(
        id="Secure",
        handler="svc.handler.handle",
        code="../_code",
        runtime="python3.13",
        environment={"MODE": "strict"},
        kms_key_arn="arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    )],
    permissions_boundary="arn:aws:iam::123456789012:policy/team/Boundary",
)
