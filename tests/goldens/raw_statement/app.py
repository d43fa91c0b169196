# Raw statements: access the catalogue does not cover, each with its reason, acknowledged once
# reviewed (LK211). A '*' resource carries the statement's reason into the role's Metadata.
from lambdakit import App, Function, Statement

worker = Function(
    id="Worker", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    statements=[
        Statement(actions=["textract:AnalyzeDocument", "textract:DetectDocumentText"],
                  resources=["*"],
                  reason="Textract's synchronous analysis actions have no resource type",
                  acknowledge={"LK211": "reviewed in SEC-142"}),
        Statement(actions=["s3:GetObject"],
                  resources=["arn:aws:s3:::partner-drop-example/reports/*"],
                  reason="reads reports a partner drops into their own bucket",
                  # Both keys must reach the policy: only shared reports, only that account.
                  conditions={"StringEquals": {
                      "s3:ExistingObjectTag/classification": "shared",
                      "aws:ResourceAccount": "111122223333"}},
                  acknowledge={"LK211": "reviewed in SEC-143"}),
    ],
)

app = App(name="raw-statement", functions=[worker])
