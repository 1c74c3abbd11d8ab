/** What a ZIP's central directory says it holds, before anything is inflated. */
export interface ZipDeclaredSizes {
  readonly entries: number;
  /** The sum of every entry's declared uncompressed size, in bytes. */
  readonly uncompressedBytes: number;
  /** The largest declared uncompressed size of one entry, over its compressed size (at least 1 byte). */
  readonly largestRatio: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

/**
 * Reads the sizes a ZIP (an XLSX workbook) declares in its central directory, without
 * inflating anything: a zip bomb (a few hundred kilobytes that unpack to gigabytes of
 * sheet XML) shows itself here. Null when the directory cannot be read, or uses ZIP64
 * (sizes over 4 GiB, never in a spreadsheet this app takes).
 *
 * @example zipDeclaredSizes(bytes)?.uncompressedBytes // 1_843_201
 */
export function zipDeclaredSizes(file: Uint8Array): ZipDeclaredSizes | null {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let end = -1;
  for (let at = file.length - 22; at >= Math.max(0, file.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (directoryOffset === ZIP64_MARK || entries === 0xffff) return null;
  let at = directoryOffset;
  let uncompressedBytes = 0;
  let largestRatio = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > file.length || view.getUint32(at, true) !== ENTRY_SIGNATURE) return null;
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    if (compressed === ZIP64_MARK || uncompressed === ZIP64_MARK) return null;
    uncompressedBytes += uncompressed;
    largestRatio = Math.max(largestRatio, uncompressed / Math.max(1, compressed));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries, uncompressedBytes, largestRatio };
}
