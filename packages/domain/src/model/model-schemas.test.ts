import { describe, expect, it } from "vitest";
import type { Actor } from "../org/actor.js";
import { buildUnitTree } from "../org/unit-tree.js";
import { sampleModel } from "../test-support/sample-model.js";
import { thanhLiemUnits } from "../test-support/thanh-liem-units.js";
import { unwrap } from "../test-support/unwrap.js";
import { authorizeModelAction } from "./authorize-model-action.js";
import { ModelChangesSchema } from "./edit-model.js";
import { EvidenceSchema } from "./evidence.js";
import type { ModelCommand } from "./model-command.js";
import { ModelActionSchema, ModelCommandSchema } from "./model-command.js";
import { defaultModelFields, ModelFieldSchema } from "./model-field.js";
import { ModelTransitionRuleSchema, modelLifecycle, UnitAuthoritySchema } from "./model-lifecycle.js";
import type { ModelStatus } from "./model-status.js";
import { ModelStatusSchema } from "./model-status.js";
import { parseModel } from "./parse-model.js";
import { transitionModel } from "./transition-model.js";

// The model's vocabularies and defaults are built once, when the module loads; these tests
// pin them value by value, as stored rows and API inputs rely on each one.
const tree = unwrap(buildUnitTree(thanhLiemUnits));
const ownAdmin: Actor = { userId: "own-admin", role: "unit-admin", unitId: "chqs" };
const sysAdmin: Actor = { userId: "root", role: "system-admin", unitId: null };
const at = "2022-01-01T00:00:00Z";

describe("model vocabularies", () => {
  it("knows exactly the seven model statuses", () => {
    expect(ModelStatusSchema.options).toEqual([
      "draft",
      "submitted",
      "returned",
      "approved",
      "active",
      "suspended",
      "archived",
    ]);
  });

  it("knows exactly the nine lifecycle actions, drafting included", () => {
    expect(ModelActionSchema.options).toEqual([
      "draft",
      "submit",
      "withdraw",
      "approve",
      "return",
      "activate",
      "suspend",
      "reinstate",
      "archive",
    ]);
  });

  it("knows exactly four unit authorities", () => {
    expect(UnitAuthoritySchema.options).toEqual(["owner-unit", "parent-unit", "unit-above", "owner-or-above"]);
  });

  it.each(["submit", "withdraw", "approve", "return", "activate", "suspend", "reinstate", "archive"])(
    "parses a %s command with its reason",
    (kind) => {
      expect(ModelCommandSchema.parse({ kind, reason: "Lý do" })).toEqual({ kind, reason: "Lý do" });
    },
  );

  it("ships the fields named in emulation movements", () => {
    expect(defaultModelFields.map((f) => f.code)).toEqual([
      "economy",
      "culture-society",
      "defence-security",
      "party-building",
      "administrative-reform",
      "environment",
      "social-welfare",
      "education",
      "health",
    ]);
    for (const field of defaultModelFields) expect(ModelFieldSchema.parse(field)).toEqual(field);
  });

  it.each([
    ["social-welfare", true],
    ["a1-b2", true],
    ["Social-welfare", false],
    [" social-welfare", false],
    ["social-welfare ", false],
    ["social--welfare", false],
    ["-welfare", false],
    ["social-!", false],
  ])("takes the field code %j: %s", (code, valid) => {
    expect(ModelFieldSchema.safeParse({ code, label: { vi: "Nhãn", en: "Label" } }).success).toBe(valid);
  });
});

describe("the default lifecycle", () => {
  it("parses every default rule, reinstate's way back to the previous status included", () => {
    for (const rule of modelLifecycle) expect(ModelTransitionRuleSchema.parse(rule)).toEqual(rule);
    expect(modelLifecycle.find((r) => r.action === "reinstate")?.to).toBe("previous");
  });

  it.each(["draft", "submit", "activate"] as const)("lets the owner unit's admin %s, as its officers may", (action) => {
    const r = authorizeModelAction({ actor: ownAdmin, action, ownerUnitId: "chqs", tree });
    expect(r.ok ? r.value.action : r.error.code).toBe(action);
  });

  it("archives a suspended model", () => {
    const r = transitionModel(
      sampleModel({ status: "suspended" }),
      [],
      { kind: "archive", reason: "Kết thúc giai đoạn" },
      { actor: ownAdmin, at, tree },
    );
    expect(r.ok ? r.value.model.status : r.error.code).toBe("archived");
  });

  it.each<[ModelCommand["kind"], ModelStatus, string]>([
    ["submit", "active", "Không thể gửi duyệt mô hình đang ở trạng thái “Đang triển khai”"],
    ["return", "draft", "Không thể trả lại mô hình đang ở trạng thái “Nháp”"],
    ["activate", "submitted", "Không thể triển khai mô hình đang ở trạng thái “Đã gửi duyệt”"],
    ["suspend", "returned", "Không thể tạm dừng mô hình đang ở trạng thái “Bị trả lại”"],
    ["reinstate", "archived", "Không thể khôi phục mô hình đang ở trạng thái “Lưu trữ”"],
    ["archive", "approved", "Không thể lưu trữ mô hình đang ở trạng thái “Đã duyệt”"],
    ["withdraw", "suspended", "Không thể rút lại mô hình đang ở trạng thái “Tạm dừng”"],
    ["approve", "draft", "Không thể duyệt mô hình đang ở trạng thái “Nháp”"],
  ])("refuses to %s a model that is %s, in Vietnamese words", (kind, status, vi) => {
    const r = transitionModel(sampleModel({ status }), [], { kind, reason: "Lý do" }, { actor: sysAdmin, at, tree });
    expect(r.ok ? null : [r.error.code, r.error.message.vi]).toEqual(["MODEL.TRANSITION_NOT_ALLOWED", vi]);
  });
});

describe("a model's description", () => {
  it("trims its code, name, annual theme, problem and solution", () => {
    const r = parseModel(
      sampleModel({ code: " QS-01 ", name: " Đường hoa ", annualTheme: " Chủ đề ", problem: " P ", solution: " S " }),
    );
    expect(r.ok ? [r.value.code, r.value.name, r.value.annualTheme, r.value.problem, r.value.solution] : null).toEqual([
      "QS-01",
      "Đường hoa",
      "Chủ đề",
      "P",
      "S",
    ]);
  });

  it("keeps an individual model's trimmed person name, and refuses one on a collective model", () => {
    const individual = parseModel({ ...sampleModel(), kind: "individual", personName: " Nguyễn Văn A " });
    expect(individual.ok && individual.value.kind === "individual" ? individual.value.personName : null).toBe(
      "Nguyễn Văn A",
    );
    expect(parseModel({ ...sampleModel(), personName: "Nguyễn Văn A" }).ok).toBe(false);
  });

  it("says why repeated field codes and a model of its own origin are refused", () => {
    const issues = (model: ReturnType<typeof sampleModel>) => {
      const r = parseModel(model);
      return r.ok ? [] : r.error.details?.issues;
    };
    expect(issues(sampleModel({ fieldCodes: ["economy", "economy"] }))).toEqual([
      { path: "fieldCodes", message: "field codes must be unique", messageVi: "mã lĩnh vực không được trùng nhau" },
    ]);
    expect(issues(sampleModel({ originModelId: "m-qs" }))).toEqual([
      {
        path: "originModelId",
        message: "a model cannot be its own origin",
        messageVi: "mô hình không thể là mô hình gốc của chính nó",
      },
    ]);
  });

  it("takes changes to the description only, never to the status", () => {
    expect(ModelChangesSchema.parse({ name: "Heo đất", annualTheme: null })).toEqual({
      name: "Heo đất",
      annualTheme: null,
    });
    expect(ModelChangesSchema.safeParse({ status: "approved" }).success).toBe(false);
  });
});

describe("evidence", () => {
  const file = { title: "Quyết định", location: { kind: "storage", storageKey: "e/1.pdf" }, sizeBytes: 10 };

  it("parses a document at a URI, a photo in storage and a link, keeping a trimmed title", () => {
    const document = {
      kind: "document",
      ...file,
      location: { kind: "uri", uri: "https://baohanam.com.vn/qd.pdf" },
      mimeType: "application/pdf",
    };
    expect(EvidenceSchema.parse(document)).toEqual(document);
    const photo = { kind: "photo", ...file, mimeType: "image/jpeg" };
    expect(EvidenceSchema.parse(photo)).toEqual(photo);
    const link = { kind: "link", title: " Báo ", uri: "https://baohanam.com.vn/x" };
    expect(EvidenceSchema.parse(link)).toEqual({ ...link, title: "Báo" });
  });

  it.each([
    ["document", "application/pdf", true],
    ["document", " application/pdf", false],
    ["document", "application/pdf; charset=x", false],
    ["photo", "image/jpeg", true],
    ["photo", " image/jpeg", false],
    ["photo", "image/jpeg; q=1", false],
  ])("a %s with MIME type %j: %s", (kind, mimeType, valid) => {
    expect(EvidenceSchema.safeParse({ kind, ...file, mimeType }).success).toBe(valid);
  });
});
