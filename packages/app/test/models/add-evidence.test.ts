import { type App, addEvidence, createApp, createModel, type EvidenceFiles } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, NOW, startAppHarness } from "../support/app-harness.js";

/** Evidence files kept in memory, so the test sees what was stored and removed. */
function memoryFiles(): EvidenceFiles & { readonly stored: Map<string, Uint8Array>; failNextPut: boolean } {
  const stored = new Map<string, Uint8Array>();
  return {
    stored,
    failNextPut: false,
    async put(key, file) {
      if (this.failNextPut) {
        this.failNextPut = false;
        throw new Error("disk full");
      }
      stored.set(key, new Uint8Array(await file.arrayBuffer()));
    },
    async remove(key) {
      stored.delete(key);
    },
  };
}

describe.each(testEngines())("addEvidence on %s", (engine) => {
  let h: AppHarness;
  let app: App;
  let files: ReturnType<typeof memoryFiles>;
  beforeAll(async () => {
    h = await startAppHarness(engine);
    files = memoryFiles();
    app = createApp({ db: h.database.db, clock: () => NOW, evidenceFiles: files });
  });
  afterAll(async () => {
    await h?.close();
  });

  const newDraft = async () =>
    accepted(
      await app.run(createModel, await h.as("phunu.canbo"), {
        code: h.unique("HPN-EVIDENCE-"),
        name: "Tổ phụ nữ tiết kiệm",
        ownerUnitId: await h.unit("TL-HPN"),
        fields: ["social-welfare"],
        problem: "Thiếu vốn",
        solution: "Góp vốn",
        startDate: "2023-01-15",
      }),
    ).id;
  const pdf = (bytes = 1024) => new File([new Uint8Array(bytes).fill(37)], "bien-ban.pdf", { type: "application/pdf" });

  it("stores the file, records it as a document and bumps the model's version, audited", async () => {
    const id = await newDraft();
    const officer = await h.as("phunu.canbo");
    accepted(
      await app.run(addEvidence, officer, { modelId: id, title: "Biên bản họp", file: pdf(), expectedVersion: 1 }),
    );
    const rows = await h.database.db.selectFrom("evidence").selectAll().where("model_id", "=", id).execute();
    expect(rows).toEqual([
      expect.objectContaining({
        kind: "document",
        title: "Biên bản họp",
        mime_type: "application/pdf",
        uploaded_by: officer.userId,
      }),
    ]);
    expect(files.stored.get(rows[0]!.storage_key!)).toEqual(new Uint8Array(1024).fill(37));
    const model = await h.database.db
      .selectFrom("models")
      .select("version")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(model.version).toBe(2);
  });

  it("refuses a file of another type, storing nothing", async () => {
    const id = await newDraft();
    const before = files.stored.size;
    const exe = new File([new Uint8Array(10)], "x.exe", { type: "application/x-msdownload" });
    await h.expectRefusal("EVIDENCE.NOT_ACCEPTED", async () =>
      app.run(addEvidence, await h.as("phunu.canbo"), { modelId: id, title: "X", file: exe, expectedVersion: 1 }),
    );
    expect(files.stored.size).toBe(before);
  });

  it("refuses a stale model version, storing nothing", async () => {
    const id = await newDraft();
    const before = files.stored.size;
    await h.expectRefusal("DB.STALE_VERSION", async () =>
      app.run(addEvidence, await h.as("phunu.canbo"), { modelId: id, title: "X", file: pdf(), expectedVersion: 2 }),
    );
    expect(files.stored.size).toBe(before);
  });

  it("leaves neither a row nor a file when storing fails", async () => {
    const id = await newDraft();
    const before = files.stored.size;
    files.failNextPut = true;
    await expect(
      app.run(addEvidence, await h.as("phunu.canbo"), { modelId: id, title: "X", file: pdf(), expectedVersion: 1 }),
    ).rejects.toThrow("disk full");
    expect(files.stored.size).toBe(before);
    expect(await h.database.db.selectFrom("evidence").select("id").where("model_id", "=", id).execute()).toEqual([]);
  });
});
