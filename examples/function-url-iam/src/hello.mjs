// Business logic, apart from the handler: the answer to a signed request.

export function hello(requestContext) {
  const caller = requestContext?.authorizer?.iam?.userArn ?? "anonymous";
  return { message: "Hello World", caller };
}
