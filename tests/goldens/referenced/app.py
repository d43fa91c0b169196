# A function reachable only through another's environment still belongs to the app.
from lambdakit import App, Function

audit = Function(id="Audit", handler="svc/handler.handle", code="../_code", runtime="nodejs22.x")
front = Function(id="Front", handler="svc.handler.handle", code="../_code", runtime="python3.13",
                 environment={"AUDIT_FUNCTION": audit.name})

app = App(name="referenced", functions=[front])
