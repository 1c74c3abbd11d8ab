import { describe, expect, it } from "vitest";
import { buildUnitTree } from "../org/unit-tree.js";
import { sampleModel } from "../test-support/sample-model.js";
import { thanhLiemUnits } from "../test-support/thanh-liem-units.js";
import { authorizeModelAction } from "./authorize-model-action.js";
import { draftModel } from "./draft-model.js";
import { editModel } from "./edit-model.js";
import { modelLifecycle } from "./model-lifecycle.js";
import { parseModel } from "./parse-model.js";
import { StatusHistoryEntrySchema } from "./status-history-entry.js";
import { transitionModel } from "./transition-model.js";

const tree = (() => {
  const t = buildUnitTree(thanhLiemUnits);
  if (!t.ok) throw new Error(t.error.message.en);
  return t.value;
})();
const officer = { userId: "u1", role: "unit-officer" as const, unitId: "chqs" };
const districtAdmin = { userId: "u2", role: "unit-admin" as const, unitId: "huyen" };

describe("authorizeModelAction says why an actor may not act", () => {
  it("names an action the lifecycle does not have", () => {
    const lifecycle = modelLifecycle.filter((r) => r.action !== "archive");
    expect(authorizeModelAction({ actor: officer, action: "archive", ownerUnitId: "chqs", tree, lifecycle })).toEqual({
      ok: false,
      error: {
        code: "MODEL.UNKNOWN_ACTION",
        message: { vi: 'Quy trình không có thao tác "archive"', en: 'The lifecycle has no action "archive"' },
        details: { action: "archive" },
      },
    });
  });

  it("names an owner unit that is not in the tree", () => {
    expect(authorizeModelAction({ actor: officer, action: "submit", ownerUnitId: "ghost", tree })).toEqual({
      ok: false,
      error: {
        code: "ORG.UNIT_NOT_FOUND",
        message: { vi: "Không tìm thấy đơn vị ghost", en: "Unit ghost not found" },
        details: { unitId: "ghost" },
      },
    });
  });

  it("names the role that may not take the action", () => {
    expect(authorizeModelAction({ actor: officer, action: "approve", ownerUnitId: "chqs", tree })).toEqual({
      ok: false,
      error: {
        code: "MODEL.FORBIDDEN",
        message: {
          vi: 'Vai trò unit-officer không được thực hiện thao tác "approve"',
          en: "Role unit-officer may not approve a model",
        },
        details: { reason: "role", action: "approve", role: "unit-officer" },
      },
    });
  });

  it("names the unit the actor has no authority over", () => {
    const ownAdmin = { userId: "u3", role: "unit-admin" as const, unitId: "chqs" };
    expect(authorizeModelAction({ actor: ownAdmin, action: "approve", ownerUnitId: "chqs", tree })).toEqual({
      ok: false,
      error: {
        code: "MODEL.FORBIDDEN",
        message: {
          vi: 'Đơn vị của người dùng không có thẩm quyền "approve" với mô hình của Ban CHQS huyện Thanh Liêm',
          en: "The actor's unit has no authority to approve a model of Ban CHQS huyện Thanh Liêm",
        },
        details: {
          reason: "scope",
          action: "approve",
          authority: "unit-above",
          actorUnitId: "chqs",
          ownerUnitId: "chqs",
        },
      },
    });
  });

  it("refuses an actor without a unit, even where the owner has no parent", () => {
    const parentRule = modelLifecycle.map((r) =>
      r.action === "approve" ? { ...r, authority: "parent-unit" as const } : r,
    );
    const unitless = { userId: "u4", role: "unit-admin" as const, unitId: null };
    const r = authorizeModelAction({
      actor: unitless,
      action: "approve",
      ownerUnitId: "tinh",
      tree,
      lifecycle: parentRule,
    });
    expect(r.ok ? "ok" : [r.error.code, r.error.details?.reason]).toEqual(["MODEL.FORBIDDEN", "scope"]);
  });

  it.each([
    ["owner-unit", "chqs", true],
    ["owner-unit", "huyen", false],
    ["parent-unit", "huyen", true],
    ["parent-unit", "tinh", false],
    ["unit-above", "tinh", true],
    ["unit-above", "chqs", false],
    ["owner-or-above", "chqs", true],
    ["owner-or-above", "tinh", true],
    ["owner-or-above", "xa-a", false],
  ] as const)("with authority %s, an admin of %s may act on a model of chqs: %s", (authority, unitId, allowed) => {
    const lifecycle = modelLifecycle.map((r) => (r.action === "approve" ? { ...r, authority } : r));
    const actor = { userId: "u5", role: "unit-admin" as const, unitId };
    expect(authorizeModelAction({ actor, action: "approve", ownerUnitId: "chqs", tree, lifecycle }).ok).toBe(allowed);
  });
});

describe("draftModel", () => {
  const input = { ...sampleModel(), status: "active" };
  const at = "2019-03-01T08:00:00+07:00";

  it("forces the status to draft and records where it came from", () => {
    const r = draftModel(input, { actor: officer, at, tree });
    expect(r).toMatchObject({
      ok: true,
      value: {
        model: { status: "draft" },
        entry: { from: null, to: "draft", command: "draft", by: "u1", at, reason: null },
      },
    });
  });

  it("uses the lifecycle it is given", () => {
    const lifecycle = modelLifecycle.map((r) => (r.action === "draft" ? { ...r, roles: ["unit-admin" as const] } : r));
    const r = draftModel(input, { actor: officer, at, tree, lifecycle });
    expect(r.ok ? "ok" : [r.error.code, r.error.details?.reason]).toEqual(["MODEL.FORBIDDEN", "role"]);
  });

  it("refuses an invalid model before asking who acts", () => {
    const r = draftModel({ ...input, name: "" }, { actor: { ...officer, unitId: "xa-a" }, at, tree });
    expect(r.ok ? "ok" : r.error.code).toBe("MODEL.INVALID");
  });

  it("refuses a unit that may not draft for the owner", () => {
    const r = draftModel(input, { actor: { ...officer, unitId: "xa-a" }, at, tree });
    expect(r.ok ? "ok" : [r.error.code, r.error.details?.reason]).toEqual(["MODEL.FORBIDDEN", "scope"]);
  });
});

describe("editModel", () => {
  it("changes the person's name of an individual model, not of a collective one", () => {
    const person = sampleModel({ kind: "individual", personName: "Nguyễn Văn A" } as never);
    expect(editModel(person, { personName: "Trần Thị B" })).toMatchObject({
      ok: true,
      value: { personName: "Trần Thị B" },
    });
    const edited = editModel(sampleModel(), { personName: "Trần Thị B" });
    expect(edited.ok).toBe(true);
    expect(edited.ok && "personName" in edited.value).toBe(false);
    expect(editModel(person, { name: "Mới" })).toMatchObject({ ok: true, value: { personName: "Nguyễn Văn A" } });
  });

  it("keeps what is given as undefined, and trims a new annual theme", () => {
    const draft = sampleModel({ annualTheme: "Dân vận khéo" });
    const r = editModel(draft, { name: undefined, annualTheme: "  Chuyển đổi số  " });
    expect(r).toMatchObject({ ok: true, value: { name: draft.name, annualTheme: "Chuyển đổi số" } });
    expect(editModel(draft, { name: "X" })).toMatchObject({ ok: true, value: { annualTheme: "Dân vận khéo" } });
    expect(editModel(draft, { annualTheme: null })).toMatchObject({ ok: true, value: { annualTheme: null } });
  });
});

describe("transitionModel says why a transition is refused", () => {
  const tree2 = tree;
  const at = (minute: number) => `2022-01-01T00:${String(minute).padStart(2, "0")}:00Z`;
  const entry = (from: string | null, to: string, minute: number) => ({
    modelId: "m-qs",
    from,
    to,
    command: "submit",
    by: "u",
    at: at(minute),
    reason: null,
  });

  it("names the action and the status, in English too", () => {
    const r = transitionModel(
      sampleModel(),
      [entry(null, "draft", 0)] as never,
      { kind: "approve" },
      {
        actor: districtAdmin,
        at: at(1),
        tree: tree2,
      },
    );
    expect(r.ok ? null : [r.error.message.en, r.error.details]).toEqual([
      "Cannot approve a model that is draft",
      { from: "draft", action: "approve", allowedFrom: ["submitted"] },
    ]);
  });

  it("asks for a reason, naming the action", () => {
    const r = transitionModel(
      sampleModel({ status: "submitted" }),
      [entry("draft", "submitted", 0)] as never,
      { kind: "return", reason: " " },
      {
        actor: districtAdmin,
        at: at(1),
        tree: tree2,
      },
    );
    expect(r.ok ? null : r.error).toEqual({
      code: "MODEL.REASON_REQUIRED",
      message: { vi: 'Cần nêu lý do khi "return" mô hình', en: "A reason is required to return a model" },
      details: { action: "return" },
    });
  });

  it("says when a transition is dated before the previous one", () => {
    const r = transitionModel(
      sampleModel({ status: "submitted" }),
      [entry("draft", "submitted", 5)] as never,
      { kind: "approve" },
      {
        actor: districtAdmin,
        at: at(4),
        tree: tree2,
      },
    );
    expect(r.ok ? null : r.error).toEqual({
      code: "MODEL.TIME_OUT_OF_ORDER",
      message: {
        vi: "Thời điểm chuyển trạng thái sớm hơn lần chuyển trước",
        en: "The transition is dated before the previous one",
      },
      details: { at: at(4), previousAt: at(5) },
    });
  });

  it("says how the history does not match the status", () => {
    const model = sampleModel({ status: "submitted" });
    const r = transitionModel(
      model,
      [entry(null, "draft", 0)] as never,
      { kind: "approve" },
      { actor: districtAdmin, at: at(1), tree: tree2 },
    );
    expect(r.ok ? null : r.error).toEqual({
      code: "MODEL.HISTORY_INCONSISTENT",
      message: {
        vi: "Lịch sử trạng thái của mô hình QS-01 không khớp với trạng thái hiện tại",
        en: "The status history of model QS-01 does not match its status (last entry leads to draft, model is submitted)",
      },
      details: { modelId: "m-qs", status: "submitted" },
    });
    const suspended = sampleModel({ status: "suspended" });
    const orphan = transitionModel(
      suspended,
      [entry(null, "suspended", 0)] as never,
      { kind: "reinstate" },
      {
        actor: districtAdmin,
        at: at(1),
        tree: tree2,
      },
    );
    expect(orphan.ok ? null : orphan.error.message.en).toBe(
      "The status history of model QS-01 does not match its status (no history entry leads to suspended)",
    );
  });

  it("uses the lifecycle it is given", () => {
    const lifecycle = modelLifecycle.map((r) => (r.action === "submit" ? { ...r, roles: ["unit-admin" as const] } : r));
    const r = transitionModel(
      sampleModel(),
      [entry(null, "draft", 0)] as never,
      { kind: "submit" },
      {
        actor: officer,
        at: at(1),
        tree: tree2,
        lifecycle,
      },
    );
    expect(r.ok ? "ok" : [r.error.code, r.error.details?.reason]).toEqual(["MODEL.FORBIDDEN", "role"]);
  });
});

describe("a status history entry", () => {
  const entry = {
    modelId: "m",
    from: null,
    to: "draft",
    command: "draft",
    by: "u",
    at: "2022-01-01T00:00:00Z",
    reason: null,
  };
  it("takes an entry with a trimmed reason, and refuses a blank one", () => {
    expect(StatusHistoryEntrySchema.parse({ ...entry, reason: "  Thiếu minh chứng " }).reason).toBe("Thiếu minh chứng");
    expect(StatusHistoryEntrySchema.safeParse({ ...entry, reason: "   " }).success).toBe(false);
    expect(StatusHistoryEntrySchema.safeParse({ ...entry, by: "" }).success).toBe(false);
    expect(StatusHistoryEntrySchema.safeParse(entry).success).toBe(true);
  });
});

describe("model errors' words", () => {
  it("says a model that is not a draft or returned cannot be edited", () => {
    const r = editModel(sampleModel({ status: "active" }), { name: "X" });
    expect(r.ok ? null : r.error.message).toEqual({
      vi: "Chỉ sửa được mô hình đang là bản nháp hoặc bị trả lại.",
      en: "Only a draft or returned model can be edited.",
    });
  });

  it("says an invalid model is invalid", () => {
    const r = parseModel({ ...sampleModel(), code: "" });
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual([
      "MODEL.INVALID",
      { vi: "Mô hình không hợp lệ", en: "Invalid model" },
    ]);
  });
});
