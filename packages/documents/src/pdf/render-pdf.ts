import { createRequire } from "node:module";
import { notoSerif } from "../fonts.js";

// pdfmake is CommonJS exporting one printer object; load it as such.
const pdfmake = createRequire(import.meta.url)("pdfmake") as typeof import("pdfmake");

/** A pdfmake document: content, page size and margins, styles. */
export type PdfDefinition = Parameters<typeof pdfmake.createPdf>[0];
/** One piece of a pdfmake document's content. */
export type PdfContent = Extract<PdfDefinition["content"], readonly unknown[]>[number];

const FONT = "NotoSerif";
const fontFiles = new Set<string>(Object.values(notoSerif));
let configured = false;

/** pdfmake is one module-wide printer: give it the font once, and let it read nothing but the font files. */
function printer(): typeof pdfmake {
  if (!configured) {
    pdfmake.setFonts({ [FONT]: { ...notoSerif } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));
    configured = true;
  }
  return pdfmake;
}

/**
 * Lays a pdfmake document out as PDF bytes, set in Noto Serif (embedded, subset to the
 * letters used). No file or address outside the font is ever read.
 *
 * @example const pdf = await renderPdf({ content: [{ text: "Xin chào" }] });
 */
export async function renderPdf(definition: PdfDefinition): Promise<Uint8Array> {
  const buffer = await printer()
    .createPdf({ ...definition, defaultStyle: { font: FONT, ...definition.defaultStyle } })
    .getBuffer();
  return new Uint8Array(buffer);
}
