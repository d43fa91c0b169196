// ANY /first: greets the caller. Reached through the `live` alias once events and aliases land.
import { greet, response } from "./greeting.mjs";

export const handler = async (event) => {
  const name = event?.queryStringParameters?.name;
  return response(200, greet(name, "/first"));
};
