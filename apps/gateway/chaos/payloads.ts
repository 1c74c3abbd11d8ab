import { zipWithOneEntry } from "@lantoa/db/testing";

/** `n` aliases of a failing login in one mutation: the alias attack of the report. */
export function aliasedLogins(n: number): string {
  return `mutation { ${Array.from({ length: n }, (_, i) => `a${i}: login(username: "x", password: "y") { __typename }`).join(" ")} }`;
}

/** `n` made-up Unit ids for nodes(ids:). */
export function unitIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    Buffer.from(`Unit:00000000-0000-4000-8000-${String(i).padStart(12, "0")}`).toString("base64"),
  );
}

/** A 2 MB CSV of a million one-column rows. */
export function millionRowCsv(): Blob {
  return new Blob([`Mã đơn vị\r\n${"x\r\n".repeat(1_000_000)}`], { type: "text/csv" });
}

/**
 * An XLSX-shaped ZIP whose one sheet inflates to `inflatedMb` MB of sheet XML: a few
 * hundred kilobytes on the wire (the report's was 429 KB for 147 MB).
 */
export function zipBomb(inflatedMb: number): Blob {
  const row = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>';
  const xml = `<?xml version="1.0"?><worksheet><sheetData>${row.repeat(Math.floor((inflatedMb * 1024 * 1024) / row.length))}</sheetData></worksheet>`;
  return new Blob([zipWithOneEntry("xl/worksheets/sheet1.xml", xml)], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

const INDICATORS = ["road-length", "money-raised", "people-helped", "complaints-received", "complaints-resolved"];

/**
 * A models file of `models` × 5 outcomes (30,000 rows for 6,000 models), owned by the
 * demo's Thanh Liêm communes: an ordinary large import.
 */
export function modelsCsv(prefix: string, models: number, unitCodes: readonly string[]): Blob {
  const lines = ["Mã mô hình,Tên mô hình,Mã đơn vị,Lĩnh vực,Ngày bắt đầu,Chỉ tiêu,Kỳ,Giá trị"];
  for (let m = 0; m < models; m++) {
    const year = 2017 + (m % 6);
    for (const [v, indicator] of INDICATORS.entries()) {
      const value = indicator === "complaints-resolved" ? 50 + (m % 50) : m * 10 + v + 1;
      lines.push(
        `${prefix}-${String(m).padStart(5, "0")},Mô hình thử số ${m},${unitCodes[m % unitCodes.length]},social-welfare,${String((m % 28) + 1).padStart(2, "0")}/0${(m % 9) + 1}/${year},${indicator},${year},${value}`,
      );
    }
  }
  return new Blob([`\uFEFF${lines.join("\r\n")}\r\n`], { type: "text/csv" });
}
