import { deterministicUuid } from "./deterministic-uuid.js";
import type { ScaleValue } from "./table-loader.js";

/** The 63 provinces and centrally-run cities before the 2025 merger. */
const provinceNames: readonly string[] = [
  "Hà Nội",
  "Hồ Chí Minh",
  "Hải Phòng",
  "Đà Nẵng",
  "Cần Thơ",
  "An Giang",
  "Bà Rịa - Vũng Tàu",
  "Bắc Giang",
  "Bắc Kạn",
  "Bạc Liêu",
  "Bắc Ninh",
  "Bến Tre",
  "Bình Định",
  "Bình Dương",
  "Bình Phước",
  "Bình Thuận",
  "Cà Mau",
  "Cao Bằng",
  "Đắk Lắk",
  "Đắk Nông",
  "Điện Biên",
  "Đồng Nai",
  "Đồng Tháp",
  "Gia Lai",
  "Hà Giang",
  "Hà Nam",
  "Hà Tĩnh",
  "Hải Dương",
  "Hậu Giang",
  "Hòa Bình",
  "Hưng Yên",
  "Khánh Hòa",
  "Kiên Giang",
  "Kon Tum",
  "Lai Châu",
  "Lâm Đồng",
  "Lạng Sơn",
  "Lào Cai",
  "Long An",
  "Nam Định",
  "Nghệ An",
  "Ninh Bình",
  "Ninh Thuận",
  "Phú Thọ",
  "Phú Yên",
  "Quảng Bình",
  "Quảng Nam",
  "Quảng Ngãi",
  "Quảng Ninh",
  "Quảng Trị",
  "Sóc Trăng",
  "Sơn La",
  "Tây Ninh",
  "Thái Bình",
  "Thái Nguyên",
  "Thanh Hóa",
  "Thừa Thiên Huế",
  "Tiền Giang",
  "Trà Vinh",
  "Tuyên Quang",
  "Vĩnh Long",
  "Vĩnh Phúc",
  "Yên Bái",
];

interface Body {
  readonly suffix: string;
  readonly kind: string;
  readonly name: string;
}

const provinceBodies: readonly Body[] = [
  { suffix: "UBND", kind: "peoples-committee", name: "Ủy ban nhân dân tỉnh" },
  { suffix: "MTTQ", kind: "fatherland-front", name: "Ủy ban Mặt trận Tổ quốc tỉnh" },
  { suffix: "CA", kind: "police", name: "Công an tỉnh" },
  { suffix: "BCHQS", kind: "military-command", name: "Bộ Chỉ huy Quân sự tỉnh" },
  { suffix: "DTN", kind: "youth-union", name: "Tỉnh đoàn" },
  { suffix: "HPN", kind: "womens-union", name: "Hội Liên hiệp Phụ nữ tỉnh" },
  { suffix: "CCB", kind: "veterans-association", name: "Hội Cựu chiến binh tỉnh" },
  { suffix: "HND", kind: "farmers-association", name: "Hội Nông dân tỉnh" },
  { suffix: "TTR", kind: "inspectorate", name: "Thanh tra tỉnh" },
];
const districtBodies: readonly Body[] = [
  { suffix: "UBND", kind: "peoples-committee", name: "Ủy ban nhân dân huyện" },
  { suffix: "MTTQ", kind: "fatherland-front", name: "Ủy ban Mặt trận Tổ quốc huyện" },
  { suffix: "CA", kind: "police", name: "Công an huyện" },
  { suffix: "BCHQS", kind: "military-command", name: "Ban Chỉ huy Quân sự huyện" },
  { suffix: "DTN", kind: "youth-union", name: "Huyện đoàn" },
  { suffix: "HPN", kind: "womens-union", name: "Hội Liên hiệp Phụ nữ huyện" },
];
const communeBodies: readonly Body[] = [
  { suffix: "UBND", kind: "peoples-committee", name: "Ủy ban nhân dân xã" },
  { suffix: "CA", kind: "police", name: "Công an xã" },
  { suffix: "DTN", kind: "youth-union", name: "Đoàn Thanh niên xã" },
  { suffix: "HPN", kind: "womens-union", name: "Hội Phụ nữ xã" },
];

/** One generated unit, with what the later passes need to know about it. */
export interface ScaleUnit {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly path: string;
  readonly level: "province" | "district" | "commune";
  readonly kind: string;
  readonly group: string;
}

/** How many of each tier a country of at least `target` units has. */
export interface CountryShape {
  readonly provinces: number;
  readonly districtsPerProvince: number;
  readonly communesPerDistrict: number;
}

/**
 * The smallest regular shape (up to 63 provinces, up to 10 districts each) with at
 * least `target` units: a province is its party committee and 9 bodies, a district
 * 1 + 6, a commune 1 + 4.
 */
export function countryShape(target: number): CountryShape {
  const provinces = Math.min(provinceNames.length, Math.max(1, Math.ceil(target / 150)));
  const perProvince = target / provinces;
  const provinceUnits = 1 + provinceBodies.length;
  const districtUnits = 1 + districtBodies.length;
  const communeUnits = 1 + communeBodies.length;
  const districtsPerProvince = Math.min(
    10,
    Math.max(1, Math.floor((perProvince - provinceUnits) / (districtUnits + communeUnits))),
  );
  const communesPerDistrict = Math.max(
    1,
    Math.ceil(
      (perProvince - provinceUnits - districtsPerProvince * districtUnits) / (districtsPerProvince * communeUnits),
    ),
  );
  return { provinces, districtsPerProvince, communesPerDistrict };
}

/** Units of the country, parents before children (the order they can be inserted in). */
export function generateCountry(seed: number, target: number): ScaleUnit[] {
  const shape = countryShape(target);
  const units: ScaleUnit[] = [];
  const add = (parent: ScaleUnit | null, unit: Omit<ScaleUnit, "id" | "parentId" | "path">): ScaleUnit => {
    const id = deterministicUuid(seed, 1, units.length);
    const created: ScaleUnit = { ...unit, id, parentId: parent?.id ?? null, path: `${parent?.path ?? ""}${id}/` };
    units.push(created);
    return created;
  };
  const addBodies = (parent: ScaleUnit, bodies: readonly Body[], place: string, group: string) => {
    for (const body of bodies) {
      add(parent, {
        code: `${parent.code}-${body.suffix}`,
        name: `${body.name} ${place}`,
        level: parent.level,
        kind: body.kind,
        group,
      });
    }
  };
  for (let p = 0; p < shape.provinces; p++) {
    const provinceName = provinceNames[p] ?? `Tỉnh ${p + 1}`;
    const province = add(null, {
      code: `P${String(p + 1).padStart(2, "0")}`,
      name: `Tỉnh ủy ${provinceName}`,
      level: "province",
      kind: "party-committee",
      group: "province",
    });
    addBodies(province, provinceBodies, provinceName, "province-body");
    for (let d = 0; d < shape.districtsPerProvince; d++) {
      const districtName = `huyện số ${d + 1}, ${provinceName}`;
      const district = add(province, {
        code: `${province.code}-H${String(d + 1).padStart(2, "0")}`,
        name: `Huyện ủy ${districtName}`,
        level: "district",
        kind: "party-committee",
        group: "district",
      });
      addBodies(district, districtBodies, districtName, "district-body");
      for (let c = 0; c < shape.communesPerDistrict; c++) {
        const communeName = `xã số ${c + 1}, ${districtName}`;
        const commune = add(district, {
          code: `${district.code}-X${String(c + 1).padStart(2, "0")}`,
          name: `Đảng ủy ${communeName}`,
          level: "commune",
          kind: "party-committee",
          group: "commune",
        });
        addBodies(commune, communeBodies, communeName, "commune-body");
      }
    }
  }
  return units;
}

/** Columns of {@link unitRows}, in order. */
export const unitColumns = ["id", "code", "name", "parent_id", "path", "level", "kind", "unit_group"] as const;

export function* unitRows(units: readonly ScaleUnit[]): Generator<ScaleValue[]> {
  for (const u of units) yield [u.id, u.code, u.name, u.parentId, u.path, u.level, u.kind, u.group];
}
