import type { InspectionFinding } from "./inspection-finding.js";
import { type FindingSeverity, FindingSeveritySchema } from "./inspection-finding.js";

/**
 * What a finding requires of the records it touches. The caller applies them (e.g.
 * `transitionModel` with `suspend`, `suspendCommendation`) in the same transaction.
 *
 * @example for (const i of findingImplications(finding)) if (i.kind === "suspend-model") suspend(i.modelId, i.reason);
 */
export type FindingImplication =
  | { readonly kind: "suspend-model"; readonly modelId: string; readonly findingId: string; readonly reason: string }
  | { readonly kind: "reinstate-model"; readonly modelId: string; readonly findingId: string }
  | {
      readonly kind: "suspend-commendation";
      readonly commendationId: string;
      readonly findingId: string;
      readonly from: string;
      readonly reason: string;
    }
  | {
      readonly kind: "lift-commendation-suspension";
      readonly commendationId: string;
      readonly findingId: string;
      readonly until: string;
    };

/**
 * Decides what a finding implies: at or above `suspendAt` severity (default `major`), a
 * finding about a model suspends the model and one about a commendation suspends the
 * commendation from the day it was recorded; once re-verified as resolved, it reinstates
 * or lifts instead. Lower severities and findings about the unit in general imply nothing
 * (their corrective actions are followed up on their own).
 *
 * @example
 * findingImplications({ ...finding, severity: "critical", subject: { kind: "commendation", commendationId: "c1" } })
 * // [{ kind: "suspend-commendation", commendationId: "c1", findingId: "f1", from: "2023-05-01", reason: "..." }]
 */
export function findingImplications(
  finding: InspectionFinding,
  options: { readonly suspendAt?: FindingSeverity } = {},
): readonly FindingImplication[] {
  const severities = FindingSeveritySchema.options;
  if (severities.indexOf(finding.severity) < severities.indexOf(options.suspendAt ?? "major")) return [];
  const resolved = finding.reverification?.outcome === "resolved";
  const subject = finding.subject;
  switch (subject.kind) {
    case "unit":
      return [];
    case "model":
      return resolved
        ? [{ kind: "reinstate-model", modelId: subject.modelId, findingId: finding.id }]
        : [{ kind: "suspend-model", modelId: subject.modelId, findingId: finding.id, reason: finding.description }];
    case "commendation":
      return resolved
        ? [
            {
              kind: "lift-commendation-suspension",
              commendationId: subject.commendationId,
              findingId: finding.id,
              until: finding.reverification?.on ?? finding.recordedOn,
            },
          ]
        : [
            {
              kind: "suspend-commendation",
              commendationId: subject.commendationId,
              findingId: finding.id,
              from: finding.recordedOn,
              reason: finding.description,
            },
          ];
    default: {
      const never: never = subject;
      return never;
    }
  }
}
