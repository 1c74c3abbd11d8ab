import { renderPdf } from "../pdf/render-pdf.js";
import { certificatePage } from "./certificate-page.js";
import type { CertificateSheet } from "./certificate-sheet.js";

const GOLD = "#b08d2b";

/**
 * Certificates as one print-ready PDF, a landscape A4 page each (one for a single
 * commendation, a whole round's in one file), framed, set in an embedded font with every
 * Vietnamese letter, each with the QR code of its verification page.
 *
 * @example await writeFile("giay-khen.pdf", await renderCertificates([sheet]));
 */
export async function renderCertificates(sheets: readonly CertificateSheet[]): Promise<Uint8Array> {
  if (sheets.length === 0) throw new Error("renderCertificates: no certificate to print");
  const pages = await Promise.all(sheets.map((sheet, i) => certificatePage(sheet, { first: i === 0 })));
  return renderPdf({
    info: {
      title:
        sheets.length === 1
          ? `${sheets[0]?.content.title} ${sheets[0]?.content.decisionNumber}`
          : "Giấy khen, bằng khen",
      creator: "Lan Tỏa",
    },
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [56, 44, 56, 40],
    background: (_page, size) => ({
      canvas: [
        { type: "rect", x: 18, y: 18, w: size.width - 36, h: size.height - 36, lineWidth: 3, lineColor: GOLD },
        { type: "rect", x: 26, y: 26, w: size.width - 52, h: size.height - 52, lineWidth: 0.8, lineColor: GOLD },
      ],
    }),
    content: pages,
  });
}
