import { describe, expect, it } from "vitest";
import { sampleModel } from "../test-support/sample-model.js";
import { EvidenceSchema } from "./evidence.js";
import { defaultModelFields } from "./model-field.js";
import { parseModel } from "./parse-model.js";

describe("ModelSchema / parseModel", () => {
  it("accepts a collective model and defaults `generated` to false", () => {
    const { generated: _, ...withoutFlag } = sampleModel();
    const parsed = parseModel(withoutFlag);
    expect(parsed).toMatchObject({ ok: true, value: { generated: false, name: "Đường hoa quân sự" } });
  });

  it("requires a person name for an individual model", () => {
    const parsed = parseModel({ ...sampleModel(), kind: "individual" });
    expect(parsed).toMatchObject({ ok: false, error: { code: "MODEL.INVALID" } });
    expect(parseModel({ ...sampleModel(), kind: "individual", personName: "Nguyễn Văn A" }).ok).toBe(true);
  });

  it("needs at least one field, without repeats", () => {
    expect(parseModel(sampleModel({ fieldCodes: [] })).ok).toBe(false);
    expect(parseModel(sampleModel({ fieldCodes: ["economy", "economy"] })).ok).toBe(false);
  });

  it("refuses a model that is its own origin", () => {
    const parsed = parseModel(sampleModel({ originModelId: "m-qs" }));
    expect(!parsed.ok && parsed.error.details?.issues).toEqual([
      {
        path: "originModelId",
        message: "a model cannot be its own origin",
        messageVi: "mô hình không thể là mô hình gốc của chính nó",
      },
    ]);
  });

  it("rejects an impossible start date and a negative target", () => {
    expect(parseModel(sampleModel({ startDate: "2019-02-30" })).ok).toBe(false);
    expect(parseModel(sampleModel({ targets: [{ indicatorCode: "x", targetValue: -1, unitCode: "km" }] })).ok).toBe(
      false,
    );
  });

  it("has default fields with unique codes", () => {
    expect(new Set(defaultModelFields.map((f) => f.code)).size).toBe(defaultModelFields.length);
  });
});

describe("EvidenceSchema", () => {
  const file = {
    title: "Quyết định",
    location: { kind: "storage", storageKey: "e/1.pdf" },
    mimeType: "application/pdf",
    sizeBytes: 0,
  };

  it("accepts a document, a photo and a link", () => {
    expect(EvidenceSchema.safeParse({ kind: "document", ...file }).success).toBe(true);
    expect(EvidenceSchema.safeParse({ kind: "photo", ...file, mimeType: "image/jpeg" }).success).toBe(true);
    expect(EvidenceSchema.safeParse({ kind: "link", title: "Báo", uri: "https://baohanam.com.vn/x" }).success).toBe(
      true,
    );
  });

  it("rejects a photo that is not an image, a negative size and a bad URI", () => {
    expect(EvidenceSchema.safeParse({ kind: "photo", ...file }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ kind: "document", ...file, sizeBytes: -1 }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ kind: "link", title: "Báo", uri: "not a uri" }).success).toBe(false);
  });
});
