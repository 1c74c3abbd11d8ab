import { deflateRawSync } from "node:zlib";

/**
 * A ZIP archive holding one deflated file, for tests and load runs of the spreadsheet
 * import. `declaredSize` is the inflated size its headers claim (the true size by
 * default): declaring more than the content shows a refusal made on declared sizes alone,
 * and a large, repetitive `content` makes a real zip bomb (147 MB of sheet XML in 438 KB).
 *
 * @example zipWithOneEntry("xl/worksheets/sheet1.xml", "<worksheet/>", 147 * 1024 * 1024)
 */
export function zipWithOneEntry(name: string, content: string | Buffer, declaredSize?: number): Uint8Array {
  const raw = typeof content === "string" ? Buffer.from(content) : content;
  const data = deflateRawSync(raw, { level: 9 });
  const size = declaredSize ?? raw.length;
  const nameBytes = Buffer.from(name);
  // Local file header, then the central directory entry: version 2.0, deflate, sizes, name.
  const header = (signature: number, length: number, at: { sizes: number; name: number }) => {
    const bytes = Buffer.alloc(length);
    bytes.writeUInt32LE(signature, 0);
    bytes.writeUInt16LE(20, 4);
    bytes.writeUInt16LE(8, at.sizes - 10);
    bytes.writeUInt32LE(data.length, at.sizes);
    bytes.writeUInt32LE(size, at.sizes + 4);
    bytes.writeUInt16LE(nameBytes.length, at.name);
    return bytes;
  };
  const local = header(0x04034b50, 30, { sizes: 18, name: 26 });
  const central = header(0x02014b50, 46, { sizes: 20, name: 28 });
  central.writeUInt16LE(20, 6);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(local.length + nameBytes.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}
