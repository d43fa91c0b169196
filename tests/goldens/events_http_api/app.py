# HTTP API routes: a default API ($default stage, IAM on every route, access logs) with an IAM
# route and a public one with its reason; a second API with every option (a named stage, CORS,
# throttling, a JWT authorizer as its default, a route with scopes, a route back on IAM, longer
# access-log retention, a description).
from lambdakit import App, Function
from lambdakit.events import Cors, HttpApi, HttpApiEvent, JwtAuthorizer, Throttling

api = HttpApi(id="StoreApi")
users = JwtAuthorizer(name="Users", issuer="https://issuer.example.com/users",
                      audience=["store-web", "store-mobile"])
public_api = HttpApi(
    id="CatalogApi", stage_name="v1", description="The catalog, for the web shop", auth=users,
    cors=Cors(allow_origins=["https://shop.example.com"], allow_methods=["GET", "POST"],
              allow_headers=["authorization", "content-type"], expose_headers=["x-request-id"],
              allow_credentials=True, max_age=600),
    throttling=Throttling(rate=200, burst=100), access_log_retention_days=90,
)

store = Function(
    id="Store", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[
        HttpApiEvent(api=api, method="POST", path="/carts"),
        HttpApiEvent(api=api, method="GET", path="/status", auth="none",
                     public="uptime probe; returns the service status only"),
    ],
)
catalog = Function(
    id="Catalog", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    timeout=30,
    events=[
        HttpApiEvent(api=public_api, method="GET", path="/items/{id}"),
        HttpApiEvent(api=public_api, method="POST", path="/items", scopes=["catalog/write"]),
        HttpApiEvent(api=public_api, method="DELETE", path="/items/{id}", auth="iam",
                     name="RemoveItem"),
    ],
)

app = App(name="events-http-api", functions=[store, catalog])
