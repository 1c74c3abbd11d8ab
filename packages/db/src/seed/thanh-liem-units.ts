/**
 * The organization tree of the demo: Hà Nam province's party committee, its
 * districts, and Thanh Liêm district in detail (the source article's story).
 * Codes are stable so later seeds can refer to units by code.
 */
export interface DemoUnit {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly level: "province" | "district" | "commune";
  readonly kind: string;
}

const districtBodies: ReadonlyArray<[code: string, name: string, kind: string]> = [
  ["TL-BCHQS", "Ban Chỉ huy Quân sự huyện Thanh Liêm", "military-command"],
  ["TL-CA", "Công an huyện Thanh Liêm", "police"],
  ["TL-CB-TT", "Chi bộ Thanh tra huyện Thanh Liêm", "inspectorate"],
  ["TL-MTTQ", "Ủy ban MTTQ Việt Nam huyện Thanh Liêm", "fatherland-front"],
  ["TL-DTN", "Huyện đoàn Thanh Liêm", "youth-union"],
  ["TL-HPN", "Hội Liên hiệp Phụ nữ huyện Thanh Liêm", "womens-union"],
  ["TL-HCCB", "Hội Cựu chiến binh huyện Thanh Liêm", "veterans-association"],
  ["TL-HND", "Hội Nông dân huyện Thanh Liêm", "farmers-association"],
  ["TL-UBND", "Ủy ban nhân dân huyện Thanh Liêm", "government-office"],
];

const communes: ReadonlyArray<[code: string, name: string, town: boolean]> = [
  ["KIENKHE", "Kiện Khê", true],
  ["TANTHANH", "Tân Thanh", true],
  ["THANHHA", "Thanh Hà", false],
  ["THANHTHUY", "Thanh Thủy", false],
  ["THANHPHONG", "Thanh Phong", false],
  ["THANHHUONG", "Thanh Hương", false],
  ["THANHTAM", "Thanh Tâm", false],
  ["THANHNGHI", "Thanh Nghị", false],
  ["THANHHAI", "Thanh Hải", false],
  ["THANHNGUYEN", "Thanh Nguyên", false],
  ["LIEMPHONG", "Liêm Phong", false],
  ["LIEMCAN", "Liêm Cần", false],
  ["LIEMTHUAN", "Liêm Thuận", false],
  ["LIEMTUC", "Liêm Túc", false],
  ["LIEMSON", "Liêm Sơn", false],
];

const otherDistricts: ReadonlyArray<[code: string, name: string]> = [
  ["PHULY", "Thành ủy Phủ Lý"],
  ["DUYTIEN", "Thị ủy Duy Tiên"],
  ["KIMBANG", "Huyện ủy Kim Bảng"],
  ["LYNHAN", "Huyện ủy Lý Nhân"],
  ["BINHLUC", "Huyện ủy Bình Lục"],
];

function buildDemoUnits(): DemoUnit[] {
  const units: DemoUnit[] = [
    { code: "HN", name: "Tỉnh ủy Hà Nam", parentCode: null, level: "province", kind: "party-committee" },
    {
      code: "HN-BCHQS",
      name: "Bộ Chỉ huy Quân sự tỉnh Hà Nam",
      parentCode: "HN",
      level: "province",
      kind: "military-command",
    },
    { code: "TL", name: "Huyện ủy Thanh Liêm", parentCode: "HN", level: "district", kind: "party-committee" },
  ];
  for (const [code, name] of otherDistricts) {
    units.push({ code, name, parentCode: "HN", level: "district", kind: "party-committee" });
    units.push({
      code: `${code}-BCHQS`,
      name: `Ban Chỉ huy Quân sự ${name.replace(/^(Huyện|Thị|Thành) ủy /, "")}`,
      parentCode: code,
      level: "district",
      kind: "military-command",
    });
  }
  for (const [code, name, kind] of districtBodies) {
    units.push({ code, name, parentCode: "TL", level: "district", kind });
  }
  for (const [code, name, town] of communes) {
    const place = town ? `thị trấn ${name}` : `xã ${name}`;
    const root = `TL-${code}`;
    units.push({ code: root, name: `Đảng ủy ${place}`, parentCode: "TL", level: "commune", kind: "party-committee" });
    units.push({
      code: `${root}-UBND`,
      name: `Ủy ban nhân dân ${place}`,
      parentCode: root,
      level: "commune",
      kind: "peoples-committee",
    });
    units.push({
      code: `${root}-CA`,
      name: `Chi bộ Công an ${place}`,
      parentCode: root,
      level: "commune",
      kind: "police",
    });
    units.push({
      code: `${root}-DTN`,
      name: `Đoàn Thanh niên ${place}`,
      parentCode: root,
      level: "commune",
      kind: "youth-union",
    });
    units.push({
      code: `${root}-HPN`,
      name: `Hội Phụ nữ ${place}`,
      parentCode: root,
      level: "commune",
      kind: "womens-union",
    });
  }
  return units;
}

/** Every demo unit, parents before children. */
export const thanhLiemUnits: readonly DemoUnit[] = buildDemoUnits();
