import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml } from "../src/public/html.js";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";
import { getPublic, linksOf, uploadPhoto } from "./support/public-site.js";

const SET_EVIDENCE_PUBLIC = `mutation($id: ID!, $p: Boolean!) { setEvidencePublic(id: $id, isPublic: $p) { __typename ... on Error { code } } }`;

describe.each(testEngines())("the public pages on %s", (engine) => {
  let h: GatewayHarness;
  let modelId: (code: string) => Promise<string>;

  beforeAll(async () => {
    h = await startGatewayHarness(engine);
    modelId = async (code) =>
      globalId(
        "Model",
        (await h.database.db.selectFrom("models").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id,
      );
  });
  afterAll(async () => {
    await h?.close();
  });

  it("find the flower road first when a visitor types “duong hoa” without diacritics", async () => {
    const response = await getPublic(h, "/mo-hinh?q=duong+hoa");
    expect(response.status).toBe(200);
    const page = await response.text();
    const first = /<h2><a href="([^"]+)">([^<]+)<\/a><\/h2>/.exec(page);
    expect(first?.slice(1)).toEqual(["/mo-hinh/TL-2021-DUONGHOA", "Đường hoa quân sự"]);
  });

  it("tell the flower road with its outcomes, its five adopters and its commendations' verification links", async () => {
    const page = await (await getPublic(h, "/mo-hinh/TL-2021-DUONGHOA")).text();
    expect(page).toContain("<h1>Đường hoa quân sự</h1>");
    expect(page).toContain("3 km");
    expect(page).toContain("120 triệu đồng");
    expect(page).toContain("Đã được nhân rộng tới 5 đơn vị.");
    expect(page).toMatch(/href="\/xac-minh\/KT-[0-9A-F]{10}"/);
  });

  it("say how many adopters are named when some of them do not show their model", async () => {
    const db = h.database.db;
    const origin = await db
      .selectFrom("models")
      .select("id")
      .where("code", "=", "TL-2021-DUONGHOA")
      .executeTakeFirstOrThrow();
    const adopters = await db
      .selectFrom("replications as r")
      .innerJoin("models as m", "m.id", "r.adopter_model_id")
      .select(["m.id", "m.code", "m.is_public"])
      .where("r.origin_model_id", "=", origin.id)
      .orderBy("m.code")
      .execute();
    const hidden = adopters[0];
    if (!hidden?.is_public) throw new Error("the demo's first adopter of the flower road should be public");
    await db.updateTable("models").set({ is_public: false }).where("id", "=", hidden.id).execute();
    try {
      const page = await (await getPublic(h, "/mo-hinh/TL-2021-DUONGHOA")).text();
      expect(page).toContain(
        `Đã được nhân rộng tới ${adopters.length} đơn vị; ${adopters.length - 1} đơn vị công khai mô hình của mình, có tên dưới đây.`,
      );
      expect(page).not.toContain(`href="/mo-hinh/${hidden.code}"`);
      for (const shown of adopters.slice(1)) expect(page).toContain(`href="/mo-hinh/${shown.code}"`);
    } finally {
      await db.updateTable("models").set({ is_public: true }).where("id", "=", hidden.id).execute();
    }
  });

  it("give every page a language, a title, a description, a canonical address and a share image that is a PNG", async () => {
    const page = await (await getPublic(h, "/mo-hinh/TL-2021-DUONGHOA?lang=en")).text();
    expect(page).toMatch(/^<!doctype html><html lang="en">/);
    expect(page).toContain("<title>Đường hoa quân sự · Lan Tỏa</title>");
    expect(page).toMatch(/<meta name="description" content="Ban Chỉ huy Quân sự huyện Thanh Liêm\. [^"]+">/);
    expect(page).toContain('<link rel="canonical" href="http://test/mo-hinh/TL-2021-DUONGHOA?lang=en">');
    expect(page).toContain('<link rel="alternate" hreflang="vi" href="http://test/mo-hinh/TL-2021-DUONGHOA">');
    const image = /<meta property="og:image" content="http:\/\/test([^"]+)">/.exec(page)?.[1] ?? "";
    const png = await getPublic(h, image);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
  });

  it("switch the words to English and keep the search when switching back", async () => {
    const english = await (await getPublic(h, "/mo-hinh?q=hu+gao&lang=en")).text();
    expect(english).toContain("<h1>Exemplary models</h1>");
    expect(english).toContain('href="/mo-hinh?q=hu+gao" hreflang="vi" lang="vi">Tiếng Việt</a>');
  });

  it("answer 404 for a model its unit keeps private, and for a generated one", async () => {
    expect((await getPublic(h, "/mo-hinh/TL-2017-KNTC")).status).toBe(404);
    expect((await getPublic(h, "/mo-hinh/TL-GEN-0001")).status).toBe(404);
  });

  it("show a photo only once an admin of its unit makes it public, and hide it again", async () => {
    const id = await uploadPhoto(h, await modelId("TL-2018-NUOIONG"), "Đàn ong dưới tán vải", "thanhliem.admin");
    const localId = Buffer.from(id, "base64").toString().split(":")[1] as string;
    const photo = `/mo-hinh/TL-2018-NUOIONG/anh/${localId}`;
    expect(await (await getPublic(h, "/mo-hinh/TL-2018-NUOIONG")).text()).not.toContain(localId);
    expect((await getPublic(h, photo)).status).toBe(404);
    const admin = await h.signInAs("thanhliem.admin");
    expect((await h.call(SET_EVIDENCE_PUBLIC, { id, p: true }, admin)).data.setEvidencePublic.__typename).toBe(
      "MutationSetEvidencePublicSuccess",
    );
    expect(await (await getPublic(h, "/mo-hinh/TL-2018-NUOIONG")).text()).toContain(
      `<img src="${photo}" alt="Đàn ong dưới tán vải"`,
    );
    const served = await getPublic(h, photo);
    expect(served.headers.get("content-type")).toBe("image/png");
    await h.call(SET_EVIDENCE_PUBLIC, { id, p: false }, admin);
    expect((await getPublic(h, photo)).status).toBe(404);
  });

  it("answer a verification code typed in lower case with a redirect to its page", async () => {
    const code = (await h.database.db.selectFrom("commendations").select("verification_code").executeTakeFirstOrThrow())
      .verification_code;
    const response = await getPublic(h, `/xac-minh?ma=${encodeURIComponent(` ${code.toLowerCase()} `)}`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/xac-minh/${code}`);
    expect((await getPublic(h, "/xac-minh/KT-0000000000")).status).toBe(404);
  });

  it("run no script and allow none", async () => {
    const response = await getPublic(h, "/so-vang");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await response.text()).not.toContain("<script");
  });

  /**
   * The leak check: walk every public page (each link of each page, from the showcase,
   * the golden book, verification and the sitemap, in both languages, and the list under
   * every filter it offers) and look for what nobody made public.
   */
  it("show nothing that its unit did not make public, on any page", async () => {
    const db = h.database.db;
    // Things that must stay private, made for this test: a hidden photo of a public model,
    // a nominated (unverified) golden-book entry.
    await uploadPhoto(h, await modelId("TL-2019-RAUANTOAN"), "Biên bản nội bộ chưa công khai", "thanhliem.admin");
    const unit = await db.selectFrom("units").select("id").where("code", "=", "TL-HND").executeTakeFirstOrThrow();
    await db
      .insertInto("golden_book_entries")
      .values({
        unit_id: unit.id,
        subject_kind: "person",
        subject_name: "Người được đề cử chưa xác minh",
        deed: "Một việc tốt chưa được xác minh",
        deed_date: "2022-08-08",
        nominated_by: "test",
        status: "nominated",
      })
      .execute();

    const pages = new Map<string, string>();
    const queue = ["/mo-hinh", "/so-vang", "/xac-minh", "/sitemap.xml"].flatMap((p) => [p, `${p}?lang=en`]);
    const first = await (await getPublic(h, "/mo-hinh")).text();
    for (const [, name, value] of first.matchAll(/<select id="([^"]+)" name="[^"]+">([\s\S]*?)<\/select>/g)) {
      for (const [, option] of (value ?? "").matchAll(/<option value="([^"]+)"/g)) {
        queue.push(`/mo-hinh?${name}=${encodeURIComponent(option ?? "")}`);
      }
    }
    while (queue.length > 0 && pages.size < 3000) {
      const path = queue.shift() as string;
      if (pages.has(path)) continue;
      const response = await getPublic(h, path);
      const type = response.headers.get("content-type") ?? "";
      const text = type.startsWith("image/") ? "" : await response.text();
      pages.set(path, text);
      const found = type.includes("xml")
        ? [...text.matchAll(/<loc>http:\/\/test([^<]+)<\/loc>/g)].map((m) => m[1] as string)
        : linksOf(text);
      for (const link of found) if (!pages.has(link)) queue.push(link);
    }
    const all = [...pages.values()].join("\n");
    expect(pages.size).toBeGreaterThan(150);

    const shown = await db
      .selectFrom("models")
      .select(["name", "problem", "solution"])
      .where("is_public", "=", true)
      .where("status", "in", ["active", "archived"])
      .execute();
    const shownTexts = new Set(shown.flatMap((m) => [m.name, m.problem, m.solution]));
    const hidden = await db
      .selectFrom("models")
      .select(["id", "code", "name", "problem", "solution"])
      .where((eb) => eb.or([eb("is_public", "=", false), eb("status", "not in", ["active", "archived"])]))
      .execute();
    expect(hidden.length).toBeGreaterThan(600);
    const hiddenCommendations = await db
      .selectFrom("commendations")
      .select("verification_code")
      .where(
        "recipient_model_id",
        "in",
        hidden.map((m) => m.id),
      )
      .execute();
    const hiddenEvidence = await db
      .selectFrom("evidence")
      .select(["id", "title"])
      .where("is_public", "=", false)
      .execute();
    const unverified = await db
      .selectFrom("golden_book_entries")
      .select(["subject_name", "verification_code"])
      .where("status", "!=", "verified")
      .execute();
    const secrets = [
      ...hidden.flatMap((m) => [m.code, ...[m.name, m.problem, m.solution].filter((t) => t && !shownTexts.has(t))]),
      ...hiddenCommendations.map((c) => c.verification_code),
      ...hiddenEvidence.flatMap((e) => [e.id, e.title]),
      ...unverified.flatMap((e) => [e.subject_name, e.verification_code]),
    ].filter((s): s is string => typeof s === "string" && s.length > 0);
    expect(secrets).toContain("Biên bản nội bộ chưa công khai");
    expect(secrets).toContain("Người được đề cử chưa xác minh");
    const leaked = secrets.filter((s) => all.includes(s) || all.includes(escapeHtml(s)));
    expect(leaked).toEqual([]);
  }, 600_000);
});
