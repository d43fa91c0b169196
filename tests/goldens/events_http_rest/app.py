# REST API routes: a default API (IAM on every route, access logs, X-Ray, Regional) with an IAM
# route and a public route with its reason; a second API with every option (edge endpoint,
# named stage, throttling, a name and description, Cognito as the API's default, a Lambda token
# authorizer on one route and a request authorizer on another, longer access-log retention).
from lambdakit import App, Function
from lambdakit.events import (
    ApiEvent,
    CognitoAuthorizer,
    LambdaAuthorizer,
    RestApi,
    Throttling,
)

api = RestApi(id="OrdersApi")
users = CognitoAuthorizer(
    name="Users",
    user_pool_arn="arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_Abc123",
)

check_token = Function(id="CheckToken", handler="svc.handler.handle", code="../_code",
                       runtime="python3.13", timeout=5)
check_request = Function(id="CheckRequest", handler="svc.handler.handle", code="../_code",
                         runtime="python3.13", timeout=5)
token = LambdaAuthorizer(name="Token", function=check_token)
request = LambdaAuthorizer(name="Request", function=check_request, type="request",
                           identity_headers=["Authorization", "X-Tenant"], cache_ttl=0)
partner_api = RestApi(
    id="PartnerApi", name="partner-api", description="Routes for partners", stage_name="v1",
    endpoint="EDGE", auth=users, throttling=Throttling(rate=50, burst=20),
    access_log_retention_days=90,
)

orders = Function(
    id="Orders", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    events=[
        ApiEvent(api=api, method="POST", path="/orders"),
        ApiEvent(api=api, method="GET", path="/orders/{id}"),
        ApiEvent(api=api, method="GET", path="/health", auth="none",
                 public="load balancer health check; answers 200 and nothing else"),
    ],
)
partners = Function(
    id="Partners", handler="svc.handler.handle", code="../_code", runtime="python3.13",
    timeout=29,
    events=[
        ApiEvent(api=partner_api, method="ANY", path="/partners/{proxy+}"),
        ApiEvent(api=partner_api, method="PUT", path="/stock/{sku}", auth=token),
        ApiEvent(api=partner_api, method="DELETE", path="/stock/{sku}", auth=request,
                 name="RemoveStock"),
    ],
)

app = App(name="events-http-rest", functions=[orders, partners])
