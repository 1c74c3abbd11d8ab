import { MODEL_ORDERS, type ModelOrder } from "@lantoa/db";
import { builder } from "../builder.js";

const descriptions: Record<ModelOrder, string> = {
  code: "By code.",
  name: "By name, then code.",
  status: "By status code (alphabetical: active, approved, archived, draft, …), then code.",
  newest: "Latest start date first, then code from the last.",
};

/** How a list of models is ordered; every order pages by cursor. */
export const ModelOrderEnum = builder.enumType("ModelOrder", {
  description: "How a list of models is ordered; each order pages by cursor, in either direction.",
  values: Object.fromEntries(
    MODEL_ORDERS.map((order) => [order.toUpperCase(), { value: order, description: descriptions[order] }]),
  ) as Record<Uppercase<ModelOrder>, { value: ModelOrder; description: string }>,
});
