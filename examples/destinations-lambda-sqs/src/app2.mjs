// OnSuccessLambdaFunction: receives the main function's success destination records.
import { summarise } from "./orders.mjs";

export const handler = async (record) => {
  const summary = summarise(record);
  console.log(JSON.stringify({ succeeded: summary }));
  return summary;
};
