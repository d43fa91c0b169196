# Function URLs: the default (IAM auth, buffered, no CORS); IAM with CORS and response
# streaming; and a public URL with its reason, whose permissions SAM writes open to every
# principal, limited to calls through the URL.
from lambdakit import App, Function
from lambdakit.events import Cors, FunctionUrl

private = Function(
    id="Private", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[FunctionUrl()],
)
streaming = Function(
    id="Streaming", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[FunctionUrl(invoke_mode="RESPONSE_STREAM",
                        cors=Cors(allow_origins=["https://app.example.com"],
                                  allow_methods=["GET"], max_age=300))],
)
webhook = Function(
    id="Webhook", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[FunctionUrl(auth="none", public="payment provider webhook; the handler verifies "
                                              "the provider's signature on every request")],
)

app = App(name="events-http-url", functions=[private, streaming, webhook])
