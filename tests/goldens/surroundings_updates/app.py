# Code signing and runtime updates of .zip functions: one accepts only code signed by a profile
# of a code signing configuration and takes new runtime versions with its own deploys; one pins
# its runtime version (manual updates); one states Lambda's default (auto) explicitly.
from lambdakit import App, Function

signed = Function(
    id="Signed", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    code_signing_config_arn="arn:aws:lambda:us-east-1:123456789012:code-signing-config:"
                            "csc-0123456789abcdef0",
    runtime_updates="function_update",
)
pinned = Function(
    id="Pinned", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    runtime_updates="manual",
    runtime_version_arn="arn:aws:lambda:us-east-1::runtime:"
                        "0cdcfbdefbc5e7d3343f73c2e2dd3cba17d61dea0686b404502a0c9ce83931b9",
)
current = Function(
    id="Current", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    runtime_updates="auto",
)

app = App(name="surroundings-updates", functions=[signed, pinned, current])
