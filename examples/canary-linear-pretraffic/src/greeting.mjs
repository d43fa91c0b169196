// Business logic shared by both API functions, apart from the handlers.

export function greet(name, path) {
  const who = typeof name === "string" && name.trim() ? name.trim() : "world";
  return { message: `Hello, ${who}!`, path };
}

export function response(statusCode, body) {
  return {
    statusCode,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  };
}
