import type { CertificateContent } from "@lantoa/domain/register";
import { beforeAll, describe, expect, it } from "vitest";
import { type CertificateSheet, renderCertificates } from "../src/index.js";
import { canReadPdf, decodeQr, pdfPageCount, pdfPagePng, pdfText } from "../src/testing/index.js";

const content: CertificateContent = {
  verificationCode: "KT-2594F42F55",
  title: "BẰNG KHEN",
  issuer: "Bộ Chỉ huy Quân sự tỉnh Hà Nam",
  decisionNumber: "85/QĐ-BCH",
  decisionDate: "2022-06-15",
  place: "Hà Nam",
  recipient: "Ban Chỉ huy Quân sự huyện Thanh Liêm",
  recipientUnit: null,
  model: "Đường hoa quân sự",
  reason: "Đã có thành tích xuất sắc trong xây dựng mô hình “Đường hoa quân sự” trên trục ĐT 499B.",
};

const sheet: CertificateSheet = {
  content,
  contentHash: "d1e027938c9e6bb7647c5c3853995761d7066fb10a6f097c115076381b4abeb9",
  standing: { status: "in-force", date: "2022-06-15", reason: null, decisionNumber: null },
  verificationUrl: "https://lantoa.example/xac-minh/KT-2594F42F55",
};

/** Text with its spacing evened out: the PDF's text layer breaks lines where the layout does. */
const flat = (text: string) => text.replace(/\s+/g, " ");

let poppler = false;
beforeAll(async () => {
  poppler = await canReadPdf();
  if (!poppler) {
    if (process.env.CI === "true") throw new Error("CI=true but poppler-utils (pdftotext, pdftoppm) are missing");
    process.stdout.write(
      "\n  skipped: certificate PDFs read back, because poppler-utils are missing (apt-get install poppler-utils).\n\n",
    );
  }
});

describe("certificates", () => {
  it("carry the national title, the motto, the form and every Vietnamese letter in the PDF's text layer", async (context) => {
    if (!poppler) context.skip();
    const text = flat(await pdfText(await renderCertificates([sheet])));
    for (const expected of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "BỘ CHỈ HUY QUÂN SỰ TỈNH HÀ NAM",
      "BẰNG KHEN",
      "BAN CHỈ HUY QUÂN SỰ HUYỆN THANH LIÊM",
      "Mô hình “Đường hoa quân sự”",
      "trên trục ĐT 499B",
      "Quyết định số 85/QĐ-BCH",
      "Hà Nam, ngày 15 tháng 6 năm 2022",
      "Mã xác minh: KT-2594F42F55",
      "d1e027938c9e6bb7647c5c3853995761",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("print a QR code that decodes to the verification address", async (context) => {
    if (!poppler) context.skip();
    const png = await pdfPagePng(await renderCertificates([sheet]), 1);
    expect(decodeQr(png)).toBe("https://lantoa.example/xac-minh/KT-2594F42F55");
  });

  it("put a batch on one page each, in order, each QR code with its own address", async (context) => {
    if (!poppler) context.skip();
    const second = {
      ...sheet,
      content: { ...content, verificationCode: "KT-00000000AA", title: "GIẤY KHEN" },
      verificationUrl: "https://lantoa.example/xac-minh/KT-00000000AA",
    };
    const pdf = await renderCertificates([sheet, second]);
    expect(await pdfPageCount(pdf)).toBe(2);
    expect(decodeQr(await pdfPagePng(pdf, 2))).toBe("https://lantoa.example/xac-minh/KT-00000000AA");
  });

  it("say across the top that a revoked commendation is revoked, and since when", async (context) => {
    if (!poppler) context.skip();
    const revoked = {
      ...sheet,
      standing: { status: "revoked" as const, date: "2023-06-01", reason: "Sai", decisionNumber: null },
    };
    expect(flat(await pdfText(await renderCertificates([revoked])))).toContain(
      "KHEN THƯỞNG NÀY ĐÃ BỊ THU HỒI TỪ NGÀY 01 THÁNG 6 NĂM 2023",
    );
  });

  it("embed the font (no font of the machine is needed)", async () => {
    const pdf = Buffer.from(await renderCertificates([sheet])).toString("latin1");
    expect(pdf).toMatch(/\/FontFile2/);
    expect(pdf).toMatch(/NotoSerif/);
  });

  it("refuse to print nothing", async () => {
    await expect(renderCertificates([])).rejects.toThrow(/no certificate/);
  });
});
