import type { RoundStep } from "@lantoa/client";

/** The round's statuses in order, as the stepper shows them. */
export const roundStatuses = ["draft", "self-assessment", "review", "council", "finalized", "published"] as const;

/** The step that leaves each status, or null at the end. */
export function nextStep(status: string | null | undefined): RoundStep | null {
  switch (status) {
    case "draft":
      return "OPEN_SELF_ASSESSMENT";
    case "self-assessment":
      return "OPEN_REVIEW";
    case "review":
      return "OPEN_COUNCIL";
    case "council":
      return "FINALIZE";
    case "finalized":
      return "PUBLISH";
    default:
      return null;
  }
}
