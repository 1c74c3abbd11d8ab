import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "../org/actor.js";
import { buildUnitTree } from "../org/unit-tree.js";
import { propertyRuns } from "../test-support/property-runs.js";
import { sampleModel } from "../test-support/sample-model.js";
import { thanhLiemUnits } from "../test-support/thanh-liem-units.js";
import { unwrap } from "../test-support/unwrap.js";
import { authorizeModelAction } from "./authorize-model-action.js";
import { draftModel } from "./draft-model.js";
import type { Model } from "./model.js";
import type { ModelCommand } from "./model-command.js";
import type { ModelStatus } from "./model-status.js";
import type { StatusHistoryEntry } from "./status-history-entry.js";
import { transitionModel } from "./transition-model.js";

const tree = unwrap(buildUnitTree(thanhLiemUnits));
const officer: Actor = { userId: "officer", role: "unit-officer", unitId: "chqs" };
const ownAdmin: Actor = { userId: "own-admin", role: "unit-admin", unitId: "chqs" };
const districtAdmin: Actor = { userId: "district-admin", role: "unit-admin", unitId: "huyen" };
const provinceAdmin: Actor = { userId: "province-admin", role: "unit-admin", unitId: "tinh" };
const siblingAdmin: Actor = { userId: "sibling-admin", role: "unit-admin", unitId: "thanh-tra" };
const otherDistrictAdmin: Actor = { userId: "other", role: "unit-admin", unitId: "huyen-2" };
const sysAdmin: Actor = { userId: "root", role: "system-admin", unitId: null };
const viewer: Actor = { userId: "viewer", role: "viewer", unitId: "huyen" };
const reviewer: Actor = { userId: "reviewer", role: "reviewer", unitId: "huyen" };

/** 2022-01-01 plus `minute` minutes, as an ISO instant (no clock: the domain never reads one). */
function at(minute: number): string {
  const h = String(Math.floor(minute / 60)).padStart(2, "0");
  const m = String(minute % 60).padStart(2, "0");
  return `2022-01-01T${h}:${m}:00Z`;
}

/** Runs commands in order, failing the test on the first error. */
function run(steps: readonly [ModelCommand, Actor][]): { model: Model; history: StatusHistoryEntry[] } {
  const first = unwrap(draftModel(sampleModel(), { actor: officer, at: at(0), tree }));
  let model = first.model;
  const history = [first.entry];
  steps.forEach(([command, actor], i) => {
    const next = unwrap(transitionModel(model, history, command, { actor, at: at(i + 1), tree }));
    model = next.model;
    history.push(next.entry);
  });
  return { model, history };
}

describe("transitionModel", () => {
  it("walks the happy path draft → submitted → approved → active → archived", () => {
    const { model, history } = run([
      [{ kind: "submit" }, officer],
      [{ kind: "approve" }, districtAdmin],
      [{ kind: "activate" }, officer],
      [{ kind: "archive", reason: "Kết thúc giai đoạn 2017-2022" }, ownAdmin],
    ]);
    expect(model.status).toBe("archived");
    expect(history.map((e) => [e.from, e.to])).toEqual([
      [null, "draft"],
      ["draft", "submitted"],
      ["submitted", "approved"],
      ["approved", "active"],
      ["active", "archived"],
    ]);
    expect(history[2]).toMatchObject({ by: "district-admin", at: at(2), reason: null, command: "approve" });
  });

  it("lets a returned model be submitted again", () => {
    const { model, history } = run([
      [{ kind: "submit" }, officer],
      [{ kind: "return", reason: "Thiếu minh chứng" }, districtAdmin],
      [{ kind: "submit" }, officer],
      [{ kind: "approve" }, provinceAdmin],
    ]);
    expect(model.status).toBe("approved");
    expect(history[2]?.reason).toBe("Thiếu minh chứng");
  });

  it("reinstates a suspended model to the status it was suspended from", () => {
    const fromApproved = run([
      [{ kind: "submit" }, officer],
      [{ kind: "approve" }, districtAdmin],
      [{ kind: "suspend", reason: "Kết luận kiểm tra" }, districtAdmin],
      [{ kind: "reinstate" }, districtAdmin],
    ]);
    expect(fromApproved.model.status).toBe("approved");
    const fromActive = run([
      [{ kind: "submit" }, officer],
      [{ kind: "approve" }, districtAdmin],
      [{ kind: "activate" }, officer],
      [{ kind: "suspend", reason: "Kết luận kiểm tra" }, districtAdmin],
      [{ kind: "reinstate" }, districtAdmin],
    ]);
    expect(fromActive.model.status).toBe("active");
  });

  it("lets the owner unit withdraw a submission back to draft, and submit it again", () => {
    const { model, history } = run([
      [{ kind: "submit" }, officer],
      [{ kind: "withdraw" }, ownAdmin],
      [{ kind: "submit" }, officer],
    ]);
    expect(model.status).toBe("submitted");
    expect(history[2]).toMatchObject({ from: "submitted", to: "draft", command: "withdraw", by: "own-admin" });
  });

  it("refuses a withdrawal once approved, and by a unit above the owner", () => {
    const approved = run([
      [{ kind: "submit" }, officer],
      [{ kind: "approve" }, districtAdmin],
    ]);
    const late = transitionModel(
      approved.model,
      approved.history,
      { kind: "withdraw" },
      { actor: officer, at: at(5), tree },
    );
    expect(late).toMatchObject({
      ok: false,
      error: { code: "MODEL.TRANSITION_NOT_ALLOWED", details: { from: "approved" } },
    });
    if (!late.ok) expect(late.error.message.vi).toBe("Không thể rút lại mô hình đang ở trạng thái “Đã duyệt”");
    const submitted = run([[{ kind: "submit" }, officer]]);
    const above = transitionModel(
      submitted.model,
      submitted.history,
      { kind: "withdraw" },
      { actor: districtAdmin, at: at(5), tree },
    );
    expect(above).toMatchObject({ ok: false, error: { code: "MODEL.FORBIDDEN", details: { reason: "scope" } } });
  });

  it("refuses a command the current status does not allow", () => {
    const { model, history } = run([]);
    const r = transitionModel(model, history, { kind: "approve" }, { actor: districtAdmin, at: at(5), tree });
    expect(r).toMatchObject({ ok: false, error: { code: "MODEL.TRANSITION_NOT_ALLOWED", details: { from: "draft" } } });
    // The Vietnamese message speaks Vietnamese, not the English codes.
    if (!r.ok) expect(r.error.message.vi).toBe("Không thể duyệt mô hình đang ở trạng thái “Nháp”");
  });

  it.each([
    ["return", ["submit"]],
    ["suspend", ["submit", "approve"]],
    ["archive", ["submit", "approve", "activate"]],
  ] as const)("requires a non-blank reason to %s", (kind, before) => {
    const actors: Record<string, Actor> = { submit: officer, approve: districtAdmin, activate: officer };
    const { model, history } = run(before.map((k) => [{ kind: k }, actors[k] as Actor]));
    for (const reason of [undefined, "", "   "]) {
      const r = transitionModel(model, history, { kind, reason }, { actor: districtAdmin, at: at(9), tree });
      expect(r).toMatchObject({ ok: false, error: { code: "MODEL.REASON_REQUIRED" } });
    }
  });

  it("refuses a transition dated before the previous one, and a history that does not match", () => {
    const { model, history } = run([[{ kind: "submit" }, officer]]);
    const early = transitionModel(model, history, { kind: "approve" }, { actor: districtAdmin, at: at(0), tree });
    expect(early).toMatchObject({ ok: false, error: { code: "MODEL.TIME_OUT_OF_ORDER" } });
    const sameTime = transitionModel(model, history, { kind: "approve" }, { actor: districtAdmin, at: at(1), tree });
    expect(sameTime.ok).toBe(true);
    const stale = transitionModel(
      model,
      history.slice(0, 1),
      { kind: "approve" },
      { actor: districtAdmin, at: at(5), tree },
    );
    expect(stale).toMatchObject({ ok: false, error: { code: "MODEL.HISTORY_INCONSISTENT" } });
  });

  it("cannot reinstate without a history entry that shows where it came from", () => {
    const r = transitionModel(
      sampleModel({ status: "suspended" }),
      [],
      { kind: "reinstate" },
      { actor: districtAdmin, at: at(1), tree },
    );
    expect(r).toMatchObject({ ok: false, error: { code: "MODEL.HISTORY_INCONSISTENT" } });
  });
});

describe("authorizeModelAction", () => {
  const decide = (actor: Actor, action: Parameters<typeof authorizeModelAction>[0]["action"], ownerUnitId = "chqs") =>
    authorizeModelAction({ actor, action, ownerUnitId, tree });

  it("lets the owner unit's officer draft, submit and activate, but not approve", () => {
    for (const action of ["draft", "submit", "activate"] as const) expect(decide(officer, action).ok).toBe(true);
    expect(decide(officer, "approve")).toMatchObject({
      ok: false,
      error: { code: "MODEL.FORBIDDEN", details: { reason: "role" } },
    });
  });

  it("does not let an officer draft for another unit", () => {
    expect(decide(officer, "draft", "thanh-tra")).toMatchObject({ ok: false, error: { details: { reason: "scope" } } });
    expect(decide(officer, "draft", "huyen")).toMatchObject({ ok: false, error: { details: { reason: "scope" } } });
  });

  it("lets only an admin of a unit above approve — not the owner's own admin, a sibling or another district", () => {
    expect(decide(districtAdmin, "approve").ok).toBe(true);
    expect(decide(provinceAdmin, "approve").ok).toBe(true);
    for (const actor of [ownAdmin, siblingAdmin, otherDistrictAdmin]) {
      expect(decide(actor, "approve")).toMatchObject({ ok: false, error: { details: { reason: "scope" } } });
    }
  });

  it("supports a direct-parent-only rule", () => {
    const lifecycle = [
      {
        action: "approve",
        from: ["submitted"],
        to: "approved",
        roles: ["unit-admin"],
        authority: "parent-unit",
        reasonRequired: false,
      },
    ] as const;
    const input = {
      action: "approve",
      ownerUnitId: "xa-a-doan",
      tree,
      lifecycle: [...lifecycle].map((r) => ({ ...r, from: [...r.from], roles: [...r.roles] })),
    } as const;
    expect(authorizeModelAction({ ...input, actor: { ...districtAdmin, unitId: "xa-a" } }).ok).toBe(true);
    expect(authorizeModelAction({ ...input, actor: districtAdmin }).ok).toBe(false);
  });

  it("lets viewers and reviewers change nothing, and a system admin everything", () => {
    for (const action of [
      "draft",
      "submit",
      "approve",
      "return",
      "activate",
      "suspend",
      "reinstate",
      "archive",
    ] as const) {
      expect(decide(viewer, action).ok).toBe(false);
      expect(decide(reviewer, action).ok).toBe(false);
      expect(decide(sysAdmin, action).ok).toBe(true);
    }
  });

  it("reports an unknown owner unit", () => {
    expect(decide(sysAdmin, "approve", "nowhere")).toMatchObject({ ok: false, error: { code: "ORG.UNIT_NOT_FOUND" } });
  });
});

/** Every edge the lifecycle allows, written out independently of the rule table. */
const ALLOWED_EDGES = new Set([
  "draft>submitted",
  "returned>submitted",
  "submitted>approved",
  "submitted>returned",
  "approved>active",
  "approved>suspended",
  "active>suspended",
  "suspended>approved",
  "suspended>active",
  "active>archived",
  "suspended>archived",
]);

describe("lifecycle invariants", () => {
  const command = fc.record({
    kind: fc.constantFrom("submit", "approve", "return", "activate", "suspend", "reinstate", "archive"),
    reason: fc.option(fc.constantFrom("", "  ", "Lý do"), { nil: undefined }),
  }) as fc.Arbitrary<ModelCommand>;
  const actor = fc.constantFrom(
    officer,
    ownAdmin,
    districtAdmin,
    provinceAdmin,
    siblingAdmin,
    otherDistrictAdmin,
    sysAdmin,
    viewer,
    reviewer,
  );

  it("random command sequences only take allowed edges, keep history chained, and failures change nothing", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(command, actor), { maxLength: 40 }), (steps) => {
        const first = unwrap(draftModel(sampleModel(), { actor: officer, at: at(0), tree }));
        let model = first.model;
        const history = [first.entry];
        const suspendedFrom: ModelStatus[] = [];
        for (const [i, [cmd, who]] of steps.entries()) {
          const r = transitionModel(model, history, cmd, { actor: who, at: at(i + 1), tree });
          if (!r.ok) continue;
          const { model: next, entry } = r.value;
          if (!ALLOWED_EDGES.has(`${model.status}>${next.status}`)) return false;
          if (entry.from !== model.status || entry.to !== next.status || next.id !== model.id) return false;
          if (next.status === "suspended") suspendedFrom.push(model.status);
          if (cmd.kind === "reinstate" && next.status !== suspendedFrom.at(-1)) return false;
          if (["return", "suspend", "archive"].includes(cmd.kind) && entry.reason === null) return false;
          if (who.role === "viewer" || who.role === "reviewer") return false;
          model = next;
          history.push(entry);
        }
        return model.status !== "archived" || history.at(-1)?.to === "archived";
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});
