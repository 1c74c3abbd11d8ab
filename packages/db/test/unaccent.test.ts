import { normalizeForSearch, removeDiacritics, vietnameseSampleExpectations } from "@lantoa/domain/text";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

describe.each(testEngines())("Vietnamese text on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("unaccent() gives what the corpus expects and what removeDiacritics gives", async () => {
    expect(vietnameseSampleExpectations.length).toBeGreaterThan(20);
    for (const sample of vietnameseSampleExpectations) {
      const { rows } = await sql<{ plain: string; key: string }>`
        select public.unaccent(${sample.input}) as plain, lantoa_search_text(${sample.input}) as key`.execute(
        database.db,
      );
      expect(rows[0]?.plain, sample.input).toBe(sample.unaccented);
      expect(removeDiacritics(sample.input), sample.input).toBe(sample.unaccented);
      // The search key in SQL and in TypeScript agree too (whitespace collapsing aside).
      expect(rows[0]?.key.replace(/\s+/g, " ").trim(), sample.input).toBe(normalizeForSearch(sample.input));
    }
  });
});
