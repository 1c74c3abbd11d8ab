import { testEngines } from "@lantoa/db/testing";
import { canReadPdf, decodeQr, docxParagraphs, pdfPageCount, pdfPagePng, pdfText } from "@lantoa/documents/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";
import { getPublic } from "./support/public-site.js";

const CERTIFICATE = `query($id: ID!) { commendationCertificate(id: $id) { filename mimeType base64 bytes } }`;
const ISSUE = `mutation($i: IssueCommendationInput!, $k: String!) { issueCommendation(input: $i, idempotencyKey: $k) { ... on MutationIssueCommendationSuccess { data { commendation { id version verificationCode verificationUrl } } } ... on Error { code } } }`;
const REVOKE = `mutation($id: ID!, $v: Int!) { revokeCommendation(id: $id, revokedOn: "2023-08-15", reason: "Kê khai thành tích không trung thực", decisionNumber: "77-QĐ/HU", expectedVersion: $v) { __typename ... on Error { code } } }`;
const CREATE_DRAFT = `mutation($u: ID!, $from: Int!, $to: Int!) { createReportDraft(input: { unitId: $u, fromYear: $from, toYear: $to }) { ... on MutationCreateReportDraftSuccess { data { reportDraft { id version subject superiorBody issuingBody place reportDate recipients } } } ... on Error { code } } }`;
const SAVE_DRAFT = `mutation($i: SaveReportDraftInput!) { saveReportDraft(input: $i) { ... on MutationSaveReportDraftSuccess { data { reportDraft { id version } } } ... on Error { code } } }`;
const REPORT = `query($id: ID!, $f: ReportFormat!) { periodicReport(draftId: $id, format: $f) { filename mimeType base64 } }`;
const SET_PUBLIC = `mutation($id: ID!, $p: Boolean!) { setModelPublic(id: $id, isPublic: $p) { ... on MutationSetModelPublicSuccess { data { model { isPublic } } } ... on Error { code } } }`;

const decode = (file: { base64: string }) => new Uint8Array(Buffer.from(file.base64, "base64"));
const flat = (text: string) => text.replace(/\s+/g, " ");

let poppler = false;
beforeAll(async () => {
  poppler = await canReadPdf();
  if (!poppler && process.env.CI === "true")
    throw new Error("CI=true but poppler-utils (pdftotext, pdftoppm) are missing");
});

describe.each(testEngines())("certificates, verification and the periodic report on %s", (engine) => {
  let h: GatewayHarness;
  let admin: string;
  let modelGid: (code: string) => Promise<string>;
  let count = 0;

  beforeAll(async () => {
    h = await startGatewayHarness(engine);
    admin = await h.signInAs("thanhliem.admin");
    modelGid = async (code) =>
      globalId(
        "Model",
        (await h.database.db.selectFrom("models").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id,
      );
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A fresh commendation of the flower road with a reason, issued through the API. */
  async function issueFlowerRoadCommendation() {
    const result = await h.call(
      ISSUE,
      {
        i: {
          modelId: await modelGid("TL-2021-DUONGHOA"),
          decisionNumber: `${600 + ++count}-QĐ/HU`,
          decisionDate: "2023-05-19",
          issuer: "Ban Thường vụ Huyện ủy Thanh Liêm",
          level: "district",
          form: "certificate-of-commendation",
          reason: "Đã có thành tích xuất sắc trong phong trào “Dân vận khéo”, trồng 3 km đường hoa trên trục ĐT 499B.",
        },
        k: `paperwork-${engine}-${count}`,
      },
      admin,
    );
    const commendation = result.data?.issueCommendation?.data?.commendation;
    if (!commendation) throw new Error(JSON.stringify(result));
    return commendation as { id: string; version: number; verificationCode: string; verificationUrl: string };
  }

  it("prints a certificate whose QR code opens its verification page, and the page says at once when it is revoked", async (context) => {
    if (!poppler) context.skip();
    const commendation = await issueFlowerRoadCommendation();
    const file = (await h.call(CERTIFICATE, { id: commendation.id }, admin)).data.commendationCertificate;
    expect(file).toMatchObject({
      mimeType: "application/pdf",
      filename: `giay-khen-${commendation.verificationCode}.pdf`,
    });
    const pdf = decode(file);
    const text = flat(await pdfText(pdf));
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("GIẤY KHEN");
    expect(text).toContain("BAN CHỈ HUY QUÂN SỰ HUYỆN THANH LIÊM");
    expect(text).toContain("trồng 3 km đường hoa trên trục ĐT 499B");

    const address = decodeQr(await pdfPagePng(pdf, 1));
    expect(address).toBe(`http://test/xac-minh/${commendation.verificationCode}`);
    expect(address).toBe(commendation.verificationUrl);
    const path = new URL(address as string).pathname;
    const before = await (await getPublic(h, path)).text();
    expect(before).toContain("Còn hiệu lực");
    expect(before).toContain("Đường hoa quân sự");

    expect(
      (await h.call(REVOKE, { id: commendation.id, v: commendation.version }, admin)).data.revokeCommendation
        .__typename,
    ).toBe("MutationRevokeCommendationSuccess");
    const after = await getPublic(h, path);
    expect(after.headers.get("cache-control")).toBe("no-cache");
    const page = await after.text();
    expect(page).toContain("Đã bị thu hồi");
    expect(page).toContain("từ ngày 15/08/2023");
    expect(page).toContain("Kê khai thành tích không trung thực");
    expect(page).toContain("77-QĐ/HU");
    expect(page).not.toContain("Còn hiệu lực");
    // The digest covers what the certificate says, which revocation does not change.
    const digest = /<p class="hash">([0-9a-f]{64})<\/p>/;
    expect(digest.exec(page)?.[1]).toBe(digest.exec(before)?.[1]);
    const reprinted = flat(
      await pdfText(decode((await h.call(CERTIFICATE, { id: commendation.id }, admin)).data.commendationCertificate)),
    );
    expect(reprinted).toContain("KHEN THƯỞNG NÀY ĐÃ BỊ THU HỒI TỪ NGÀY 15 THÁNG 8 NĂM 2023");
  });

  it("prints every certificate of a round in one PDF, a page each", async (context) => {
    if (!poppler) context.skip();
    const round = await h.database.db.selectFrom("rounds").select("id").executeTakeFirstOrThrow();
    const issued = await h.database.db
      .selectFrom("commendations")
      .select("id")
      .where("round_id", "=", round.id)
      .execute();
    const result = await h.call(
      `query($r: ID!) { roundCertificates(roundId: $r) { filename base64 } }`,
      { r: globalId("Round", round.id) },
      admin,
    );
    expect(await pdfPageCount(decode(result.data.roundCertificates))).toBe(issued.length);
  });

  it("writes Thanh Liêm's 2017-2022 report as a Word document carrying the source article's figures", async () => {
    const created = (
      await h.call(CREATE_DRAFT, { u: globalId("Unit", h.units.TL as string), from: 2017, to: 2022 }, admin)
    ).data.createReportDraft.data.reportDraft;
    expect(created).toMatchObject({
      subject: "Tổng kết xây dựng, nhân rộng mô hình giai đoạn 2017 - 2022",
      superiorBody: "Tỉnh ủy Hà Nam",
      issuingBody: "Huyện ủy Thanh Liêm",
      place: "Thanh Liêm",
      reportDate: "2022-12-31",
    });
    const saved = await h.call(
      SAVE_DRAFT,
      {
        i: {
          id: created.id,
          fromYear: 2017,
          toYear: 2022,
          superiorBody: created.superiorBody,
          issuingBody: created.issuingBody,
          numberSymbol: "125-BC/HU",
          place: created.place,
          reportDate: "2022-12-30",
          subject: "Tổng kết 5 năm xây dựng, nhân rộng mô hình học tập và làm theo Bác (2017 - 2022)",
          sections: [{ key: "LESSONS", text: "Cấp ủy phải sâu sát, cụ thể hóa các bước tiến hành." }],
          recipients: created.recipients,
          signerTitle: "T/M Ban Thường vụ",
          signerName: "",
          expectedVersion: created.version,
        },
      },
      admin,
    );
    expect(saved.data.saveReportDraft.data.reportDraft.version).toBe(2);
    const file = (await h.call(REPORT, { id: created.id, f: "DOCX" }, admin)).data.periodicReport;
    expect(file).toMatchObject({
      filename: "bao-cao-2017-2022.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    const paragraphs = docxParagraphs(decode(file));
    const text = paragraphs.join("\n");

    // The administrative parts (Nghị định 30/2020/NĐ-CP).
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        "HUYỆN ỦY THANH LIÊM",
        "Số: 125-BC/HU",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Thanh Liêm, ngày 30 tháng 12 năm 2022",
        "BÁO CÁO",
        "Cấp ủy phải sâu sát, cụ thể hóa các bước tiến hành.",
      ]),
    );
    // 698 models in five years.
    expect(text).toMatch(/đã xây dựng được 698 mô hình/);
    // The charity models: 3,450 kg of rice, over 2.1 billion đồng, 25 cows.
    const charity = paragraphs.find((p) => p.startsWith("Các mô hình lĩnh vực An sinh xã hội")) ?? "";
    expect(charity).toContain("gạo quyên góp: 3.450 kg");
    expect(charity).toContain("bò tặng hộ nghèo: 25 con");
    const billions = Number(/kinh phí huy động: ([\d,]+) tỷ đồng/.exec(charity)?.[1]?.replace(",", "."));
    expect(billions).toBeGreaterThan(2.1);
    expect(billions).toBeLessThan(2.2);
    // The flower road, replicated to five districts.
    expect(text).toContain(
      "Mô hình “Đường hoa quân sự” của Ban Chỉ huy Quân sự huyện Thanh Liêm được nhân rộng ra 5 đơn vị: Ban Chỉ huy Quân sự Phủ Lý, Ban Chỉ huy Quân sự Duy Tiên, Ban Chỉ huy Quân sự Kim Bảng, Ban Chỉ huy Quân sự Lý Nhân, Ban Chỉ huy Quân sự Bình Lục.",
    );
  });

  it("prints each year's models and the commendations as the tables themselves count them", async () => {
    const created = (
      await h.call(CREATE_DRAFT, { u: globalId("Unit", h.units.TL as string), from: 2017, to: 2022 }, admin)
    ).data.createReportDraft.data.reportDraft;
    const file = (await h.call(REPORT, { id: created.id, f: "DOCX" }, admin)).data.periodicReport;
    const paragraphs = docxParagraphs(decode(file));
    // Counted here from the rows, not through the report's code: models of Thanh Liêm's subtree by start year.
    const db = h.database.db;
    const tl = await db.selectFrom("units").select("path").where("code", "=", "TL").executeTakeFirstOrThrow();
    const inSubtree = await db.selectFrom("units").select(["id", "path"]).execute();
    const subtreeIds = new Set(inSubtree.filter((u) => u.path.startsWith(tl.path)).map((u) => u.id));
    const owned = await db
      .selectFrom("models")
      .select(["owner_unit_id", "start_date"])
      .where("start_date", ">=", "2017-01-01")
      .where("start_date", "<=", "2022-12-31")
      .execute();
    const byYear = new Map<string, number>();
    for (const m of owned.filter((m) => subtreeIds.has(m.owner_unit_id))) {
      const year = m.start_date.slice(0, 4);
      byYear.set(year, (byYear.get(year) ?? 0) + 1);
    }
    expect([...byYear.values()].reduce((sum, n) => sum + n, 0)).toBe(698);
    const yearTable = paragraphs.indexOf("Số mô hình");
    expect(paragraphs[yearTable - 1]).toBe("Năm");
    const printed = new Map<string, number>();
    for (let i = yearTable + 1; paragraphs[i] !== "Tổng cộng"; i += 2) {
      printed.set(paragraphs[i] as string, Number((paragraphs[i + 1] as string).replace(/\./g, "")));
    }
    expect(Object.fromEntries(printed)).toEqual(Object.fromEntries([...byYear].sort()));

    // Commendations decided by the end of 2022 for the subtree's models or units, revoked ones apart.
    const commendations = await db
      .selectFrom("commendations as c")
      .leftJoin("models as m", "m.id", "c.recipient_model_id")
      .select(["c.revoked_on", "m.owner_unit_id", "c.recipient_unit_id"])
      .where("c.decision_date", ">=", "2017-01-01")
      .where("c.decision_date", "<=", "2022-12-31")
      .execute();
    const standing = commendations.filter(
      (c) => c.revoked_on === null && subtreeIds.has((c.owner_unit_id ?? c.recipient_unit_id) as string),
    );
    const deeds = await db
      .selectFrom("golden_book_entries")
      .select(["unit_id"])
      .where("status", "=", "verified")
      .where("deed_date", ">=", "2017-01-01")
      .where("deed_date", "<=", "2022-12-31")
      .execute();
    const verified = deeds.filter((d) => subtreeIds.has(d.unit_id)).length;
    expect(paragraphs.join("\n")).toMatch(
      new RegExp(
        `Các cấp đã khen thưởng ${standing.length} lượt tập thể, cá nhân, mô hình(?: \\(không kể \\d+ lượt đã thu hồi\\))?; ghi danh ${verified} việc tốt`,
      ),
    );
  });

  it("writes the same report as a PDF", async (context) => {
    if (!poppler) context.skip();
    const created = (
      await h.call(CREATE_DRAFT, { u: globalId("Unit", h.units.TL as string), from: 2017, to: 2022 }, admin)
    ).data.createReportDraft.data.reportDraft;
    const file = (await h.call(REPORT, { id: created.id, f: "PDF" }, admin)).data.periodicReport;
    expect(file.mimeType).toBe("application/pdf");
    const text = flat(await pdfText(decode(file)));
    expect(text).toContain("đã xây dựng được 698 mô hình");
    expect(text).toContain("gạo quyên góp: 3.450 kg");
    expect(text).toContain("được nhân rộng ra 5 đơn vị");
  });

  it("shows a model on the showcase once an admin makes it public, and takes it off again", async () => {
    const id = await modelGid("TL-2019-DACANH");
    const listed = async () =>
      (await (await getPublic(h, "/mo-hinh?q=da+canh")).text()).includes("/mo-hinh/TL-2019-DACANH");
    expect(await listed()).toBe(true);
    expect((await h.call(SET_PUBLIC, { id, p: false }, admin)).data.setModelPublic.data.model.isPublic).toBe(false);
    expect(await listed()).toBe(false);
    expect((await getPublic(h, "/mo-hinh/TL-2019-DACANH")).status).toBe(404);
    await h.call(SET_PUBLIC, { id, p: true }, admin);
    expect(await listed()).toBe(true);
    expect((await getPublic(h, "/mo-hinh/TL-2019-DACANH")).status).toBe(200);
  });
});
