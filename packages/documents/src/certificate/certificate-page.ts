import { administrativeDate, placeAndDate } from "@lantoa/domain/document";
import QRCode from "qrcode";
import type { PdfContent } from "../pdf/render-pdf.js";
import type { CertificateSheet } from "./certificate-sheet.js";

const RED = "#9b1c1c";
const INK = "#1a1a1a";

/** What a certificate printed while it is not in force says across its top. */
function standingNotice(sheet: CertificateSheet): PdfContent[] {
  const { status, date } = sheet.standing;
  const text =
    status === "revoked"
      ? `KHEN THƯỞNG NÀY ĐÃ BỊ THU HỒI TỪ ${administrativeDate(date).toLocaleUpperCase("vi")}`
      : status === "suspended"
        ? `KHEN THƯỞNG NÀY ĐANG BỊ TẠM ĐÌNH CHỈ TỪ ${administrativeDate(date).toLocaleUpperCase("vi")}`
        : status === "expired"
          ? `KHEN THƯỞNG NÀY ĐÃ HẾT HIỆU LỰC SAU ${administrativeDate(date).toLocaleUpperCase("vi")}`
          : null;
  return text === null
    ? []
    : [{ text, color: RED, bold: true, fontSize: 10, alignment: "center", margin: [0, 0, 0, 4] }];
}

/**
 * One certificate as a landscape A4 page: the national title and motto, the issuer, the
 * form in large capitals, the recipient, the model and the reason; at the foot the QR code
 * of the verification page with its code and the content's SHA-256, the decision, and the
 * place and date with room for the signature and seal.
 *
 * @example const content = await certificatePage(sheet, { first: true });
 */
export async function certificatePage(sheet: CertificateSheet, options: { first: boolean }): Promise<PdfContent> {
  const c = sheet.content;
  const qr = await QRCode.toString(sheet.verificationUrl, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  const hash = sheet.contentHash;
  const recipient: PdfContent[] = [
    { text: "Tặng", italics: true, fontSize: 15, margin: [0, 6, 0, 2] },
    { text: c.recipient.toLocaleUpperCase("vi"), bold: true, fontSize: 20, color: INK },
  ];
  if (c.recipientUnit) recipient.push({ text: c.recipientUnit, fontSize: 13, margin: [0, 2, 0, 0] });
  if (c.model) {
    recipient.push({ text: `Mô hình “${c.model}”`, bold: true, italics: true, fontSize: 16, margin: [0, 6, 0, 0] });
  }
  return {
    pageBreak: options.first ? undefined : "before",
    stack: [
      ...standingNotice(sheet),
      {
        alignment: "center",
        stack: [
          { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, fontSize: 13 },
          { text: "Độc lập - Tự do - Hạnh phúc", bold: true, fontSize: 13, margin: [0, 1, 0, 0] },
          { canvas: [{ type: "line", x1: 0, y1: 0, x2: 150, y2: 0, lineWidth: 0.8 }], margin: [0, 2, 0, 10] },
          { text: c.issuer.toLocaleUpperCase("vi"), bold: true, fontSize: 13 },
          { text: c.title, bold: true, fontSize: 40, color: RED, margin: [0, 8, 0, 0], characterSpacing: 2 },
          ...recipient,
          { text: c.reason, fontSize: 14, margin: [60, 10, 60, 0], lineHeight: 1.2 },
        ],
      },
      {
        absolutePosition: { x: 60, y: 420 },
        columns: [
          {
            width: 250,
            columns: [
              { svg: qr, width: 86, height: 86 },
              {
                width: "*",
                margin: [8, 4, 0, 0],
                fontSize: 7.5,
                stack: [
                  { text: "Xác minh tại / Verify at:", italics: true },
                  { text: sheet.verificationUrl, fontSize: 7, margin: [0, 1, 0, 3] },
                  { text: `Mã xác minh: ${c.verificationCode}`, bold: true },
                  { text: "SHA-256 nội dung:", margin: [0, 3, 0, 0] },
                  { text: hash.slice(0, 32), fontSize: 6.5 },
                  { text: hash.slice(32), fontSize: 6.5 },
                ],
              },
            ],
          },
          {
            width: "*",
            alignment: "center",
            fontSize: 11,
            margin: [0, 30, 0, 0],
            stack: [`Quyết định số ${c.decisionNumber}`, administrativeDate(c.decisionDate)],
          },
          {
            width: 260,
            alignment: "center",
            stack: [
              { text: placeAndDate(c.place, c.decisionDate), italics: true, fontSize: 12 },
              { text: c.issuer.toLocaleUpperCase("vi"), bold: true, fontSize: 11, margin: [0, 4, 0, 0] },
              { text: "(Ký tên, đóng dấu)", italics: true, fontSize: 9, color: "#555555" },
            ],
          },
        ],
      },
    ],
  };
}
