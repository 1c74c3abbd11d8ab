import type { ModelRow } from "./models.table.js";

/**
 * The orders a list of models pages in, each total (ties broken by the unique code)
 * and each served by an index ending in the code:
 * - `code`: by code;
 * - `name`: by name in the Vietnamese alphabet (a ă â b c d đ e ê …, case and tones
 *   aside: "Ăn…" after every "An…", "Đường…" after every "D…", not after Z), then code;
 * - `status`: by status code (alphabetical: active, approved, archived, draft, …), then code;
 * - `newest`: latest start date first, then code from the last.
 */
export const MODEL_ORDERS = ["code", "name", "status", "newest"] as const;
export type ModelOrder = (typeof MODEL_ORDERS)[number];

/**
 * Where a row stands in an order, what a keyset cursor holds: the order's sort value
 * (name, status or start date as YYYY-MM-DD; absent for `code`) and the code.
 */
export interface ModelPosition {
  readonly value?: string | undefined;
  readonly code: string;
}

/**
 * The sort column of each order besides the code, the SQL function that makes its sort key
 * (as its index holds it; the column itself when absent) and whether the order runs downwards.
 */
export const modelOrderKeys = {
  code: { column: null, descending: false },
  name: { column: "m.name", keyFunction: "lantoa_name_order_key", descending: false },
  status: { column: "m.status", descending: false },
  newest: { column: "m.start_date", descending: true },
} as const satisfies Record<ModelOrder, { column: string | null; keyFunction?: string; descending: boolean }>;

/**
 * A row's position in an order (to make a cursor from the last row of a page).
 *
 * @example
 * modelPosition(row, "newest"); // { value: "2024-05-01", code: "SC-0000042" }
 */
export function modelPosition(
  row: Pick<ModelRow, "code" | "name" | "status" | "start_date">,
  order: ModelOrder,
): ModelPosition {
  switch (order) {
    case "code":
      return { code: row.code };
    case "name":
      return { value: row.name, code: row.code };
    case "status":
      return { value: row.status, code: row.code };
    case "newest":
      return { value: row.start_date, code: row.code };
    default: {
      const unknown: never = order;
      throw new Error(`unknown model order ${String(unknown)}`);
    }
  }
}
