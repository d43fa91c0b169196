// MainLambdaFunction: invoked asynchronously; its result (or failure) goes to a destination.
import { handle } from "./orders.mjs";

export const handler = async (event) => {
  console.log(JSON.stringify({ received: event }));
  return handle(event);
};
