import { createModel, recordIndicatorValues } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";

describe.each(testEngines())("recordIndicatorValues on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const newDraft = async () =>
    accepted(
      await h.app.run(createModel, await h.as("phunu.canbo"), {
        code: h.unique("HPN-VALUES-"),
        name: "Tổ phụ nữ tiết kiệm",
        ownerUnitId: await h.unit("TL-HPN"),
        fields: ["social-welfare"],
        problem: "Thiếu vốn",
        solution: "Góp vốn",
        startDate: "2023-01-15",
      }),
    ).id;
  const valuesOf = (modelId: string) =>
    h.database.db
      .selectFrom("indicator_values")
      .select(["indicator_code", "period", "value", "unit_code"])
      .where("model_id", "=", modelId)
      .orderBy("indicator_code")
      .orderBy("period")
      .execute();

  it("stores each value in its indicator's unit, bumps the version, and audits the values", async () => {
    const id = await newDraft();
    accepted(
      await h.app.run(recordIndicatorValues, await h.as("phunu.canbo"), {
        modelId: id,
        values: [
          { indicatorCode: "money-raised", period: "2023", value: 15_000_000 },
          { indicatorCode: "people-helped", period: "2023-Q1", value: 12 },
        ],
        expectedVersion: 1,
      }),
    );
    expect(await valuesOf(id)).toEqual([
      { indicator_code: "money-raised", period: "2023", value: 15_000_000, unit_code: "vnd" },
      { indicator_code: "people-helped", period: "2023-Q1", value: 12, unit_code: "person" },
    ]);
    const model = await h.database.db
      .selectFrom("models")
      .select("version")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(model.version).toBe(2);
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["createModel", "recordIndicatorValues"]);
  });

  it("corrects a figure recorded again for the same indicator and period instead of doubling it", async () => {
    const id = await newDraft();
    const officer = await h.as("phunu.canbo");
    const entry = (value: number) => [{ indicatorCode: "people-helped", period: "2023", value }];
    accepted(await h.app.run(recordIndicatorValues, officer, { modelId: id, values: entry(10), expectedVersion: 1 }));
    accepted(await h.app.run(recordIndicatorValues, officer, { modelId: id, values: entry(14), expectedVersion: 2 }));
    expect(await valuesOf(id)).toEqual([
      { indicator_code: "people-helped", period: "2023", value: 14, unit_code: "person" },
    ]);
  });

  it("refuses the whole batch when one value breaks its indicator's rule, naming its index, changing nothing", async () => {
    const id = await newDraft();
    const error = await h.expectRefusal("OUTCOME.NOT_WHOLE", async () =>
      h.app.run(recordIndicatorValues, await h.as("phunu.canbo"), {
        modelId: id,
        values: [
          { indicatorCode: "money-raised", period: "2023", value: 1_000_000 },
          { indicatorCode: "people-helped", period: "2023", value: 2.5 },
        ],
        expectedVersion: 1,
      }),
    );
    expect(error.details).toMatchObject({ index: 1 });
  });

  it("refuses an indicator that is not configured, changing nothing", async () => {
    const id = await newDraft();
    const error = await h.expectRefusal("OUTCOME.UNKNOWN_INDICATOR", async () =>
      h.app.run(recordIndicatorValues, await h.as("phunu.canbo"), {
        modelId: id,
        values: [{ indicatorCode: "tons-of-gold", period: "2023", value: 1 }],
        expectedVersion: 1,
      }),
    );
    expect(error.details).toEqual({ index: 0, indicatorCode: "tons-of-gold" });
  });

  it("refuses a stale model version, changing nothing", async () => {
    const id = await newDraft();
    await h.expectRefusal("DB.STALE_VERSION", async () =>
      h.app.run(recordIndicatorValues, await h.as("phunu.canbo"), {
        modelId: id,
        values: [{ indicatorCode: "people-helped", period: "2023", value: 3 }],
        expectedVersion: 5,
      }),
    );
  });

  it("refuses a period that is not a year, quarter or month as INPUT.INVALID, changing nothing", async () => {
    const id = await newDraft();
    await h.expectRefusal("INPUT.INVALID", async () =>
      h.app.run(recordIndicatorValues, await h.as("phunu.canbo"), {
        modelId: id,
        values: [{ indicatorCode: "people-helped", period: "2023-Q5", value: 3 }],
        expectedVersion: 1,
      }),
    );
  });
});
