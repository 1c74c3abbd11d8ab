import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";

const run = promisify(execFile);
// jsQR is CommonJS with its function on `default`.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;

/** Whether Debian's poppler-utils (pdftotext, pdftoppm) are here to read PDFs back. */
export async function canReadPdf(): Promise<boolean> {
  try {
    await run("pdftotext", ["-v"]);
    return true;
  } catch {
    return false;
  }
}

async function withPdfFile<T>(pdf: Uint8Array, use: (dir: string, path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "lantoa-pdf-"));
  try {
    const path = join(dir, "document.pdf");
    await writeFile(path, pdf);
    return await use(dir, path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The PDF's text layer as poppler's `pdftotext` reads it (what a search engine or a
 * screen reader gets), pages separated by form feeds.
 *
 * @example expect(await pdfText(pdf)).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
 */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return withPdfFile(pdf, async (_dir, path) => (await run("pdftotext", ["-enc", "UTF-8", path, "-"])).stdout);
}

/** How many pages the PDF has (poppler's `pdfinfo`). */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return withPdfFile(pdf, async (_dir, path) => {
    const { stdout } = await run("pdfinfo", [path]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
  });
}

/**
 * One page rendered to PNG by poppler's `pdftoppm` (1-based page, `dpi` resolution).
 *
 * @example await writeFile("page.png", await pdfPagePng(pdf, 1));
 */
export async function pdfPagePng(pdf: Uint8Array, page: number, dpi = 150): Promise<Uint8Array> {
  return withPdfFile(pdf, async (dir, path) => {
    const prefix = join(dir, "page");
    await run("pdftoppm", [
      "-png",
      "-r",
      String(dpi),
      "-f",
      String(page),
      "-l",
      String(page),
      "-singlefile",
      path,
      prefix,
    ]);
    return new Uint8Array(await readFile(`${prefix}.png`));
  });
}

/**
 * The text of the QR code found in a PNG image (decoded by jsQR), or null when there is none.
 *
 * @example await decodeQr(await pdfPagePng(pdf, 1)) // "http://…/xac-minh/KT-3F9A2C7B1D"
 */
export function decodeQr(png: Uint8Array): string | null {
  const image = PNG.sync.read(Buffer.from(png));
  const found = jsQR(
    new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
    image.width,
    image.height,
  );
  return found?.data ?? null;
}

/**
 * The paragraphs of a DOCX's body (tables included, a cell's paragraphs each), read from
 * its `word/document.xml`, as Word would show their text.
 *
 * @example expect(await docxParagraphs(docx)).toContain("BÁO CÁO")
 */
export function docxParagraphs(docx: Uint8Array): string[] {
  const files = unzipSync(docx);
  const xml = files["word/document.xml"];
  if (!xml) throw new Error("not a DOCX: no word/document.xml");
  const body = strFromU8(xml);
  const paragraphs = body.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs.map((p) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
      .map((m) => (m[1] === undefined ? " " : unescapeXml(m[1])))
      .join(""),
  );
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
