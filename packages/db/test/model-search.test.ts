import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countModelsMatching,
  countUnits,
  listUnits,
  searchGoldenBook,
  searchModels,
  searchModelsPage,
} from "../src/index.js";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

describe.each(testEngines())("searching models by code and words on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  const firstCodes = async (text: string, n = 3) =>
    (await searchModelsPage(database.db, { text }, { offset: 0, limit: n })).map((m) => m.code);

  it("puts the model whose code is typed exactly first, whatever its case", async () => {
    expect((await firstCodes("TL-2018-HUGAO"))[0]).toBe("TL-2018-HUGAO");
    expect((await firstCodes("tl-2018-hugao"))[0]).toBe("TL-2018-HUGAO");
  });

  it("finds a model by a part of its code", async () => {
    expect((await firstCodes("HUGAO"))[0]).toBe("TL-2018-HUGAO");
  });

  it("ranks codes starting with the text before codes merely holding it", async () => {
    const codes = await firstCodes("TL-2021", 50);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((code) => code.startsWith("TL-2021"))).toBe(true);
  });

  it("ranks the closest name first among word matches: the pilot before its five copies", async () => {
    const hits = await searchModelsPage(database.db, { text: "duong hoa" }, { offset: 0, limit: 6 });
    expect(hits[0]?.name).toBe("Đường hoa quân sự");
    expect(hits.slice(1).every((m) => m.name.startsWith("Đường hoa quân sự ("))).toBe(true);
  });

  it("pages the ranked list without repeating or skipping a model", async () => {
    const all = await searchModelsPage(database.db, { text: "duong" }, { offset: 0, limit: 40 });
    const pages = [
      ...(await searchModelsPage(database.db, { text: "duong" }, { offset: 0, limit: 7 })),
      ...(await searchModelsPage(database.db, { text: "duong" }, { offset: 7, limit: 33 })),
    ];
    expect(pages.map((m) => m.id)).toEqual(all.map((m) => m.id));
  });

  it("counts code matches and word matches alike", async () => {
    expect(await countModelsMatching(database.db, { text: "HUGAO" })).toBeGreaterThanOrEqual(1);
    expect(await countModelsMatching(database.db, { text: "hu gao" })).toBeGreaterThanOrEqual(1);
  });
});

describe.each(testEngines())("LIKE wildcards in a search text are plain characters on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("finds no model for a lone % or _ (which LIKE would read as 'anything')", async () => {
    expect(await countModelsMatching(database.db, { text: "%" })).toBe(0);
    expect(await countModelsMatching(database.db, { text: "_" })).toBe(0);
    expect(await searchModels(database.db, "%")).toEqual([]);
  });

  it("does not let _ stand for the - of a code", async () => {
    expect(await countModelsMatching(database.db, { text: "TL_2018_HUGAO" })).toBe(0);
  });

  it("finds no unit or golden-book entry for % or _ either", async () => {
    expect(await countUnits(database.db, { search: "%" })).toBe(0);
    expect(await listUnits(database.db, { search: "_" }, { limit: 5 })).toEqual([]);
    expect(await searchGoldenBook(database.db, "%")).toEqual([]);
  });

  it("still finds units by a part of their name", async () => {
    expect(await countUnits(database.db, { search: "Thanh Liêm" })).toBeGreaterThan(0);
  });
});
