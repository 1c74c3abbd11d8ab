import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkflowHarness, type WorkflowHarness } from "./support/workflow-harness.js";

const LIST = `query($f: CommendationFilter) { commendations(first: 200, filter: $f) {
  totalCount edges { node { id decisionNumber status model { code } } } } }`;
const ISSUE = `mutation($input: IssueCommendationInput!, $key: String!) { issueCommendation(input: $input, idempotencyKey: $key) {
  __typename ... on MutationIssueCommendationSuccess { data { commendation { id version status decisionNumber form fromRound model { code } } } }
  ... on Error { code } } }`;
const REVOKE = `mutation($id: ID!, $on: String!, $reason: String!, $v: Int!) { revokeCommendation(id: $id, revokedOn: $on, reason: $reason, decisionNumber: "77-QĐ/HU", expectedVersion: $v) {
  __typename ... on MutationRevokeCommendationSuccess { data { commendation { status version revokedOn revokedReason revocationDecisionNumber } } }
  ... on Error { code } } }`;
const NOMINATE = `mutation($input: CreateGoldenBookEntryInput!, $key: String!) { createGoldenBookEntry(input: $input, idempotencyKey: $key) {
  __typename ... on MutationCreateGoldenBookEntrySuccess { data { entry { id status version nominatedBy subjectName } } } ... on Error { code } } }`;
const DECIDE = `mutation($id: ID!, $outcome: GoldenBookDecision!, $reason: String, $v: Int!) { verifyGoldenBookEntry(id: $id, outcome: $outcome, reason: $reason, expectedVersion: $v) {
  __typename ... on MutationVerifyGoldenBookEntrySuccess { data { entry { status verifiedBy decisionReason version } } } ... on Error { code } } }`;

describe.each(testEngines())("the registers on %s", (engine) => {
  let h: WorkflowHarness;

  beforeAll(async () => {
    h = await startWorkflowHarness(engine);
  });
  afterAll(async () => {
    await h?.database.close();
  });

  it("lists the commendation register of the viewer's subtree, by year and status", async () => {
    const list = await h.call(LIST, { f: { withinUnitId: h.unit("TL"), year: 2022 } }, "thanhliem.admin");
    expect(list.errors).toBeUndefined();
    expect(list.data.commendations.totalCount).toBeGreaterThan(0);
    expect(list.data.commendations.edges.every((e: any) => e.node.status === "IN_FORCE")).toBe(true);
    const none = await h.call(LIST, { f: { withinUnitId: h.unit("TL"), year: 2019 } }, "thanhliem.admin");
    expect(none.data.commendations.totalCount).toBe(0);
    const revoked = await h.call(LIST, { f: { withinUnitId: h.unit("TL"), status: "REVOKED" } }, "thanhliem.admin");
    expect(revoked.data.commendations.totalCount).toBe(0);
    const outside = await h.call(LIST, { f: { withinUnitId: h.unit("TL") } }, "phunu.canbo");
    expect(outside.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await h.call(LIST, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("costs the same number of SQL statements for a short or a long page of commendations with status, suspensions and model", async () => {
    const page = `query($n: Int!, $u: ID!) { commendations(first: $n, filter: { withinUnitId: $u }) {
      edges { node { decisionNumber status suspensions { from } model { code ownerUnit { name } commendations { form } } } } } }`;
    const total = (await h.call(LIST, { f: { withinUnitId: h.unit("TL") } }, "thanhliem.admin")).data.commendations
      .totalCount;
    expect(total).toBeGreaterThan(3);
    const cost = async (n: number) => {
      const before = h.statements();
      const result = await h.call(page, { n, u: h.unit("TL") }, "thanhliem.admin");
      expect(result.errors).toBeUndefined();
      expect(result.data.commendations.edges).toHaveLength(n);
      return h.statements() - before;
    };
    const short = await cost(2);
    const long = await cost(Math.min(total, 40));
    expect(long).toBe(short);
  });

  /** A manual commendation of TL-2021-DUONGHOA, decided on 2023-08-20. */
  const issueInput = async () => ({
    modelId: h.gid("Model", await h.modelId("TL-2021-DUONGHOA")),
    decisionNumber: "301-QĐ/HU",
    decisionDate: "2023-08-20",
    issuer: "Ban Thường vụ Huyện ủy Thanh Liêm",
    level: "district",
    form: "certificate-of-merit",
  });

  it("issues a manual commendation once per idempotency key; refuses outsiders and bad input without writing", async () => {
    const input = await issueInput();
    const first = await h.call(ISSUE, { input, key: "issue-duonghoa-1" }, "thanhliem.admin");
    const issued = first.data.issueCommendation.data.commendation;
    expect(issued).toMatchObject({
      version: 1,
      status: "IN_FORCE",
      decisionNumber: "301-QĐ/HU",
      fromRound: false,
      model: { code: "TL-2021-DUONGHOA" },
    });
    const again = await h.call(ISSUE, { input, key: "issue-duonghoa-1" }, "thanhliem.admin");
    expect(again.data.issueCommendation.data.commendation.id).toBe(issued.id);

    const before = await h.rows("commendations");
    const audit = await h.rows("audit_log");
    const officer = await h.call(ISSUE, { input, key: "issue-officer-1" }, "phunu.canbo");
    expect(officer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const otherDistrict = await h.call(
      ISSUE,
      { input: { ...input, modelId: h.gid("Model", await h.modelId("PHULY-2023-DUONGHOA")) }, key: "issue-phuly-1" },
      "thanhliem.admin",
    );
    expect(otherDistrict.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const trophy = await h.call(
      ISSUE,
      { input: { ...input, form: "trophy" }, key: "issue-trophy-1" },
      "thanhliem.admin",
    );
    expect(trophy.data.issueCommendation).toMatchObject({ code: "COMMENDATION.UNKNOWN_LEVEL_OR_FORM" });
    const backwards = await h.call(
      ISSUE,
      { input: { ...input, validUntil: "2023-01-01" }, key: "issue-backwards-1" },
      "thanhliem.admin",
    );
    expect(backwards.data.issueCommendation).toMatchObject({ code: "COMMENDATION.INVALID" });
    const badDate = await h.call(
      ISSUE,
      { input: { ...input, decisionDate: "20-08-2023" }, key: "issue-bad-1" },
      "thanhliem.admin",
    );
    expect(badDate.errors?.map((e) => [e.extensions?.code, /\binput\.decisionDate\b/.test(e.message)])).toEqual([
      ["BAD_USER_INPUT", true],
    ]);
    expect(await h.rows("commendations")).toEqual(before);
    expect(await h.rows("audit_log")).toEqual(audit);
  });

  it("revokes a commendation with a reason, once, with optimistic concurrency", async () => {
    const issued = await h.call(ISSUE, { input: await issueInput(), key: "issue-to-revoke-1" }, "thanhliem.admin");
    const issuedId = issued.data.issueCommendation.data.commendation.id;
    const before = await h.rows("commendations");
    const noReason = await h.call(REVOKE, { id: issuedId, on: "2023-09-01", reason: "  ", v: 1 }, "thanhliem.admin");
    expect(noReason.errors?.map((e) => [e.extensions?.code, /\breason\b/.test(e.message)])).toEqual([
      ["BAD_USER_INPUT", true],
    ]);
    const early = await h.call(
      REVOKE,
      { id: issuedId, on: "2023-01-01", reason: "Sai sót hồ sơ", v: 1 },
      "thanhliem.admin",
    );
    expect(early.data.revokeCommendation).toMatchObject({ code: "COMMENDATION.INVALID_DATE" });
    const officer = await h.call(REVOKE, { id: issuedId, on: "2023-09-01", reason: "Sai", v: 1 }, "phunu.canbo");
    expect(officer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const forged = await h.call(
      REVOKE,
      { id: h.gid("Model", await h.modelId("TL-2021-DUONGHOA")), on: "2023-09-01", reason: "Sai", v: 1 },
      "thanhliem.admin",
    );
    expect(forged.errors?.[0]?.extensions?.code).toBe("BAD_ID");
    expect(await h.rows("commendations")).toEqual(before);

    const revoked = await h.call(
      REVOKE,
      { id: issuedId, on: "2023-09-01", reason: "Kê khai kết quả không trung thực", v: 1 },
      "thanhliem.admin",
    );
    expect(revoked.data.revokeCommendation.data.commendation).toEqual({
      status: "REVOKED",
      version: 2,
      revokedOn: "2023-09-01",
      revokedReason: "Kê khai kết quả không trung thực",
      revocationDecisionNumber: "77-QĐ/HU",
    });
    const stale = await h.call(REVOKE, { id: issuedId, on: "2023-09-01", reason: "Lần nữa", v: 1 }, "thanhliem.admin");
    expect(stale.data.revokeCommendation).toMatchObject({ code: "DB.STALE_VERSION" });
    const twice = await h.call(REVOKE, { id: issuedId, on: "2023-09-01", reason: "Lần nữa", v: 2 }, "thanhliem.admin");
    expect(twice.data.revokeCommendation).toMatchObject({ code: "COMMENDATION.ALREADY_REVOKED" });

    const listed = await h.call(LIST, { f: { withinUnitId: h.unit("TL"), status: "REVOKED" } }, "thanhliem.admin");
    expect(listed.data.commendations.edges.map((e: any) => e.node.id)).toEqual([issuedId]);
    const inForce = await h.call(LIST, { f: { withinUnitId: h.unit("TL"), status: "IN_FORCE" } }, "thanhliem.admin");
    expect(inForce.data.commendations.edges.map((e: any) => e.node.id)).not.toContain(issuedId);
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "commendation")
      .where("entity_id", "=", Buffer.from(issuedId, "base64").toString().split(":")[1] ?? "")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["issueCommendation", "revokeCommendation"]);
  });

  it("takes golden-book nominations from the unit and lets an admin, not the nominator, decide them", async () => {
    const input = {
      unitId: h.unit("TL-HPN"),
      subjectKind: "PERSON",
      subjectName: "Nguyễn Thị Hoa",
      deed: "Nhặt được ví tiền, trả lại người đánh rơi",
      field: "social-welfare",
      deedDate: "2023-08-02",
    };
    const first = await h.call(NOMINATE, { input, key: "nominate-hoa-1" }, "phunu.canbo");
    const entry = first.data.createGoldenBookEntry.data.entry;
    expect(entry).toMatchObject({ status: "nominated", version: 1, subjectName: "Nguyễn Thị Hoa" });
    const again = await h.call(NOMINATE, { input, key: "nominate-hoa-1" }, "phunu.canbo");
    expect(again.data.createGoldenBookEntry.data.entry.id).toBe(entry.id);

    const before = await h.rows("golden_book_entries");
    const outsider = await h.call(NOMINATE, { input, key: "nominate-outsider-1" }, "thanhha.canbo");
    expect(outsider.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const unknownField = await h.call(
      NOMINATE,
      { input: { ...input, field: "astrology" }, key: "nominate-x-1" },
      "phunu.canbo",
    );
    expect(unknownField.data.createGoldenBookEntry).toMatchObject({ code: "GOLDEN_BOOK.UNKNOWN_FIELD" });
    const twin = await h.call(
      NOMINATE,
      { input: { ...input, subjectName: " nguyễn  thị HOA " }, key: "nominate-twin-1" },
      "phunu.canbo",
    );
    expect(twin.data.createGoldenBookEntry).toMatchObject({ code: "GOLDEN_BOOK.DUPLICATE_ENTRY" });
    const byOfficer = await h.call(DECIDE, { id: entry.id, outcome: "VERIFIED", v: 1 }, "phunu.canbo");
    expect(byOfficer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const noReason = await h.call(DECIDE, { id: entry.id, outcome: "REJECTED", v: 1 }, "thanhliem.admin");
    expect(noReason.data.verifyGoldenBookEntry).toMatchObject({ code: "GOLDEN_BOOK.REASON_REQUIRED" });
    expect(await h.rows("golden_book_entries")).toEqual(before);

    const verified = await h.call(DECIDE, { id: entry.id, outcome: "VERIFIED", v: 1 }, "thanhliem.admin");
    expect(verified.data.verifyGoldenBookEntry.data.entry).toEqual({
      status: "verified",
      verifiedBy: "Ban Tuyên giáo Huyện ủy Thanh Liêm",
      decisionReason: null,
      version: 2,
    });
    const twice = await h.call(DECIDE, { id: entry.id, outcome: "REJECTED", reason: "Trùng", v: 2 }, "thanhliem.admin");
    expect(twice.data.verifyGoldenBookEntry).toMatchObject({ code: "GOLDEN_BOOK.ALREADY_DECIDED" });

    const own = await h.call(
      NOMINATE,
      { input: { ...input, unitId: h.unit("TL"), subjectName: "Trần Văn Nam" }, key: "nominate-own-1" },
      "thanhliem.admin",
    );
    const ownId = own.data.createGoldenBookEntry.data.entry.id;
    const self = await h.call(DECIDE, { id: ownId, outcome: "VERIFIED", v: 1 }, "thanhliem.admin");
    expect(self.data.verifyGoldenBookEntry).toMatchObject({ code: "GOLDEN_BOOK.SELF_VERIFICATION" });
    const rejected = await h.call(
      DECIDE,
      { id: ownId, outcome: "REJECTED", reason: "Chưa đủ minh chứng", v: 1 },
      "tinhuy.admin",
    );
    expect(rejected.data.verifyGoldenBookEntry.data.entry).toMatchObject({
      status: "rejected",
      decisionReason: "Chưa đủ minh chứng",
    });
  });

  it("serves configured labels to anyone and lets only a system admin add or rename a field", async () => {
    const config = await h.call(`{ configuration {
      unitKinds { code labelVi labelEn } fields { code labelVi } levelSets { code validFrom validTo levels { code labelVi rank } }
      indicators { code labelVi unitCode } unitsOfMeasure { code labelVi symbolVi } commendationForms { code labelVi } annualThemes { theme models } } }`);
    expect(config.errors).toBeUndefined();
    const c = config.data.configuration;
    expect(c.unitKinds.find((k: any) => k.code === "police")?.labelVi).toBeTruthy();
    expect(c.levelSets.length).toBeGreaterThanOrEqual(2);
    expect(c.indicators.find((i: any) => i.code === "satisfaction")).toMatchObject({ unitCode: "percent" });
    expect(c.unitsOfMeasure.find((u: any) => u.code === "percent")).toBeTruthy();
    expect(c.commendationForms.find((f: any) => f.code === "certificate-of-merit")).toMatchObject({
      labelVi: "Bằng khen",
    });
    expect(c.annualThemes[0].models).toBeGreaterThan(0);

    const save = `mutation($code: String!, $vi: String!) { saveField(code: $code, labelVi: $vi, labelEn: "Digital transformation") { code labelVi labelEn } }`;
    const before = await h.rows("fields");
    const byUnitAdmin = await h.call(save, { code: "digital", vi: "Chuyển đổi số" }, "thanhliem.admin");
    expect(byUnitAdmin.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const badCode = await h.call(save, { code: "Chuyển đổi số", vi: "Chuyển đổi số" }, "admin");
    expect(badCode.errors?.map((e) => [e.extensions?.code, /\bcode\b/.test(e.message)])).toEqual([
      ["BAD_USER_INPUT", true],
    ]);
    expect(await h.rows("fields")).toEqual(before);
    const added = await h.call(save, { code: "digital", vi: "Chuyển đổi số" }, "admin");
    expect(added.data.saveField).toEqual({
      code: "digital",
      labelVi: "Chuyển đổi số",
      labelEn: "Digital transformation",
    });
    const renamed = await h.call(save, { code: "digital", vi: "Chuyển đổi số, dữ liệu số" }, "admin");
    expect(renamed.data.saveField.labelVi).toBe("Chuyển đổi số, dữ liệu số");
    expect(await h.rows("fields")).toHaveLength(before.length + 1);
    const kind = await h.call(
      `mutation { saveUnitKind(code: "cooperative", labelVi: "Hợp tác xã", labelEn: "Cooperative") { code labelVi } }`,
      {},
      "admin",
    );
    expect(kind.data.saveUnitKind).toEqual({ code: "cooperative", labelVi: "Hợp tác xã" });
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("entity", "in", ["field", "unit_kind"])
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "saveField", entity_id: "digital" },
      { action: "saveField", entity_id: "digital" },
      { action: "saveUnitKind", entity_id: "cooperative" },
    ]);
  });
});
