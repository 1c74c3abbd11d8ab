import { describe, expect, it } from "vitest";
import type { CorrectiveAction } from "./corrective-action.js";
import { correctiveActionStatusOn } from "./corrective-action-status-on.js";
import { findingImplications } from "./finding-implications.js";
import type { InspectionFinding } from "./inspection-finding.js";
import { parseInspectionPlan } from "./parse-register-records.js";

const action: CorrectiveAction = {
  id: "a1",
  description: "Bổ sung minh chứng",
  dueDate: "2023-06-30",
  completedOn: null,
  verifiedOn: null,
};
const finding: InspectionFinding = {
  id: "f1",
  severity: "major",
  description: "Số liệu kết quả không có minh chứng",
  recordedOn: "2023-05-01",
  subject: { kind: "model", modelId: "m-qs" },
  correctiveActions: [action],
  reverification: null,
};
const plan = {
  id: "k1",
  kind: "inspection",
  inspectedUnitId: "xa-a",
  inspectingUnitId: "huyen",
  period: { from: "2022-01-01", to: "2022-12-31" },
  visits: [{ id: "v1", date: "2023-05-01" }],
  findings: [finding],
};

describe("correctiveActionStatusOn", () => {
  it("is open through the due date and overdue the day after", () => {
    expect(correctiveActionStatusOn(action, "2023-06-30")).toBe("open");
    expect(correctiveActionStatusOn(action, "2023-07-01")).toBe("overdue");
  });

  it("is completed on time, completed late, then verified", () => {
    expect(correctiveActionStatusOn({ ...action, completedOn: "2023-06-30" }, "2023-07-10")).toBe("completed");
    expect(correctiveActionStatusOn({ ...action, completedOn: "2023-07-01" }, "2023-07-10")).toBe("completed-late");
    expect(correctiveActionStatusOn({ ...action, completedOn: "2023-07-01" }, "2023-06-15")).toBe("open");
    expect(
      correctiveActionStatusOn({ ...action, completedOn: "2023-06-01", verifiedOn: "2023-06-05" }, "2023-06-05"),
    ).toBe("verified");
  });
});

describe("findingImplications", () => {
  it("suspends a model for a major finding, and reinstates it once resolved", () => {
    expect(findingImplications(finding)).toEqual([
      { kind: "suspend-model", modelId: "m-qs", findingId: "f1", reason: "Số liệu kết quả không có minh chứng" },
    ]);
    const resolved = { ...finding, reverification: { on: "2023-07-15", by: "u", outcome: "resolved" as const } };
    expect(findingImplications(resolved)).toEqual([{ kind: "reinstate-model", modelId: "m-qs", findingId: "f1" }]);
    const unresolved = { ...finding, reverification: { on: "2023-07-15", by: "u", outcome: "unresolved" as const } };
    expect(findingImplications(unresolved)[0]?.kind).toBe("suspend-model");
  });

  it("suspends a commendation from the day of the finding, and lifts it on re-verification", () => {
    const aboutAward = {
      ...finding,
      severity: "critical" as const,
      subject: { kind: "commendation" as const, commendationId: "c1" },
    };
    expect(findingImplications(aboutAward)).toEqual([
      {
        kind: "suspend-commendation",
        commendationId: "c1",
        findingId: "f1",
        from: "2023-05-01",
        reason: finding.description,
      },
    ]);
    const resolved = { ...aboutAward, reverification: { on: "2023-07-15", by: "u", outcome: "resolved" as const } };
    expect(findingImplications(resolved)).toEqual([
      { kind: "lift-commendation-suspension", commendationId: "c1", findingId: "f1", until: "2023-07-15" },
    ]);
  });

  it("implies nothing below the threshold or about the unit in general", () => {
    expect(findingImplications({ ...finding, severity: "minor" })).toEqual([]);
    expect(findingImplications({ ...finding, severity: "observation" })).toEqual([]);
    expect(findingImplications({ ...finding, severity: "critical", subject: { kind: "unit" } })).toEqual([]);
    expect(findingImplications({ ...finding, severity: "minor" }, { suspendAt: "minor" })).toHaveLength(1);
    expect(findingImplications(finding, { suspendAt: "critical" })).toEqual([]);
  });
});

describe("parseInspectionPlan", () => {
  it("accepts a plan with visits, findings and actions", () => {
    expect(parseInspectionPlan(plan).ok).toBe(true);
  });

  it("refuses self-inspection, an inverted period, an action due before its finding and a verification before completion", () => {
    expect(parseInspectionPlan({ ...plan, inspectingUnitId: "xa-a" })).toMatchObject({
      ok: false,
      error: { code: "INSPECTION.INVALID" },
    });
    expect(parseInspectionPlan({ ...plan, period: { from: "2023-01-01", to: "2022-12-31" } }).ok).toBe(false);
    const early = { ...finding, correctiveActions: [{ ...action, dueDate: "2023-04-30" }] };
    expect(parseInspectionPlan({ ...plan, findings: [early] }).ok).toBe(false);
    const unverifiable = { ...finding, correctiveActions: [{ ...action, verifiedOn: "2023-06-01" }] };
    expect(parseInspectionPlan({ ...plan, findings: [unverifiable] }).ok).toBe(false);
  });
});
