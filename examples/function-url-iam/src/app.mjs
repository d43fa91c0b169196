// Function URL handler (payload format 2.0). The URL requires SigV4-signed requests.
import { hello } from "./hello.mjs";

export const handler = async (event) => ({
  statusCode: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(hello(event?.requestContext)),
});
