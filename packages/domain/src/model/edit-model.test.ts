import { describe, expect, it } from "vitest";
import { sampleModel } from "../test-support/sample-model.js";
import { editModel } from "./edit-model.js";

describe("editModel", () => {
  it("changes only what is given, and clears a blank annual theme", () => {
    const draft = sampleModel({ status: "draft", annualTheme: "Dân vận khéo" });
    const edited = editModel(draft, { name: "Đường hoa thanh niên", annualTheme: "  " });
    expect(edited).toMatchObject({ ok: true, value: { name: "Đường hoa thanh niên", annualTheme: null } });
    expect(edited.ok && edited.value.fieldCodes).toEqual(draft.fieldCodes);
    expect(draft.name).toBe("Đường hoa quân sự");
  });

  it("edits a returned model but not a submitted, approved or active one", () => {
    expect(editModel(sampleModel({ status: "returned" }), { problem: "Mới" }).ok).toBe(true);
    for (const status of ["submitted", "approved", "active", "suspended", "archived"] as const) {
      expect(editModel(sampleModel({ status }), { problem: "Mới" })).toMatchObject({
        ok: false,
        error: { code: "MODEL.NOT_EDITABLE", details: { status } },
      });
    }
  });

  it("refuses a result the model schema refuses, naming the field", () => {
    const edited = editModel(sampleModel({ status: "draft" }), { fieldCodes: [], startDate: "2023-02-30" });
    expect(edited).toMatchObject({ ok: false, error: { code: "MODEL.INVALID" } });
    expect(!edited.ok && edited.error.details?.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "fieldCodes" }),
        expect.objectContaining({ path: "startDate" }),
      ]),
    );
  });

  it("sets a person's name only on an individual model", () => {
    const collective = editModel(sampleModel({ status: "draft" }), { personName: "Nguyễn Văn A" });
    expect(collective.ok && "personName" in collective.value).toBe(false);
  });
});
