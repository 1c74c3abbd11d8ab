import type { IsoDate } from "../internal/iso-date.js";
import type { CorrectiveAction } from "./corrective-action.js";

/**
 * The status of a corrective action on a date: `open` until the due date (inclusive),
 * `overdue` after it; `completed` (or `completed-late`, after the due date) once done;
 * `verified` once the inspecting unit checked it.
 *
 * @example correctiveActionStatusOn({ ...a, dueDate: "2023-06-30", completedOn: null, verifiedOn: null }, "2023-07-01") // "overdue"
 */
export function correctiveActionStatusOn(
  action: CorrectiveAction,
  date: IsoDate,
): "open" | "overdue" | "completed" | "completed-late" | "verified" {
  if (action.verifiedOn !== null && action.verifiedOn <= date) return "verified";
  if (action.completedOn !== null && action.completedOn <= date) {
    return action.completedOn > action.dueDate ? "completed-late" : "completed";
  }
  return date > action.dueDate ? "overdue" : "open";
}
