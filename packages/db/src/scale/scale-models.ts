import { seededRandom } from "../seed/seeded-random.js";
import { deterministicUuid } from "./deterministic-uuid.js";
import type { ScaleUnit } from "./scale-units.js";
import type { ScaleValue } from "./table-loader.js";

/** Id kinds of {@link deterministicUuid}, so units, models and the rest never collide. */
export const ID_KIND = { unit: 1, model: 2, goldenBook: 3, registry: 4 } as const;

const fieldCodes = [
  "economy",
  "culture-society",
  "defence-security",
  "party-building",
  "administrative-reform",
  "environment",
  "social-welfare",
  "education",
  "health",
] as const;

const activities: Readonly<Record<(typeof fieldCodes)[number], readonly string[]>> = {
  economy: ["Nuôi ong lấy mật", "Hợp tác xã rau an toàn", "Chuyển đổi đất lúa trồng cây ăn quả", "Cánh đồng mẫu lớn"],
  "culture-society": ["Câu lạc bộ văn nghệ", "Tủ sách cộng đồng", "Khu dân cư văn hóa"],
  "defence-security": ["Camera an ninh", "Tổ tự quản an ninh trật tự", "Xóm bình yên"],
  "party-building": ["Chi bộ bốn tốt", "Đảng viên gương mẫu nơi cư trú", "Dân vận khéo"],
  "administrative-reform": ["Việc chưa xong, ngày chưa hết", "Thứ bảy cùng dân", "Ngày không giấy tờ"],
  environment: ["Con đường hoa", "Nhà sạch, ngõ sạch", "Phân loại rác tại nguồn", "Thắp sáng đường quê"],
  "social-welfare": ["Hũ gạo tiết kiệm", "Heo đất", "Bò giống cho hội viên nghèo", "Bánh yêu thương"],
  education: ["Nâng bước em đến trường", "Khuyến học dòng họ"],
  health: ["Tủ thuốc nhân đạo", "Bữa cơm dinh dưỡng"],
};

/**
 * The indicators a model of each field reports (at least five each; the
 * administrative-reform list keeps the resolved-complaints percent with its weight).
 */
const indicatorsByField: Readonly<Record<(typeof fieldCodes)[number], readonly string[]>> = {
  economy: ["money-raised", "workdays", "households-participating", "land-donated", "people-helped", "road-length"],
  "culture-society": ["people-helped", "households-participating", "workdays", "money-raised", "satisfaction"],
  "defence-security": ["households-participating", "people-helped", "workdays", "money-raised", "satisfaction"],
  "party-building": ["people-helped", "workdays", "households-participating", "satisfaction", "money-raised"],
  "administrative-reform": ["complaints-received", "complaints-resolved", "satisfaction", "people-helped", "workdays"],
  environment: ["road-length", "wall-removed", "land-donated", "workdays", "households-participating", "money-raised"],
  "social-welfare": ["rice-donated", "money-raised", "cattle-donated", "people-helped", "households-participating"],
  education: ["people-helped", "money-raised", "workdays", "households-participating", "satisfaction"],
  health: ["people-helped", "households-participating", "money-raised", "workdays", "satisfaction"],
};

const indicatorUnits: Readonly<Record<string, string>> = {
  "road-length": "km",
  "wall-removed": "m",
  "land-donated": "m2",
  "money-raised": "vnd",
  workdays: "workday",
  "rice-donated": "kg",
  "cattle-donated": "head",
  "people-helped": "person",
  "households-participating": "household",
  "complaints-received": "count",
  "complaints-resolved": "percent",
  satisfaction: "percent",
};

function sampleValue(code: string, random: ReturnType<typeof seededRandom>): number {
  switch (code) {
    case "road-length":
      return random.int(1, 60) / 10;
    case "money-raised":
      return random.int(1, 500) * 1_000_000;
    case "complaints-resolved":
    case "satisfaction":
      return random.int(600, 1000) / 10;
    case "cattle-donated":
      return random.int(1, 10);
    default:
      return random.int(10, 3000);
  }
}

/** Share of models started each year 2017-2025: the movement grows, then settles. */
const yearWeights: ReadonlyArray<[year: number, weight: number]> = [
  [2017, 6],
  [2018, 8],
  [2019, 10],
  [2020, 11],
  [2021, 12],
  [2022, 13],
  [2023, 13],
  [2024, 14],
  [2025, 13],
];
const statusWeights: ReadonlyArray<[status: string, weight: number]> = [
  ["active", 55],
  ["approved", 10],
  ["archived", 15],
  ["submitted", 7],
  ["draft", 6],
  ["returned", 3],
  ["suspended", 4],
];

function weighted<T>(items: ReadonlyArray<[T, number]>, random: ReturnType<typeof seededRandom>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [item, w] of items) {
    roll -= w;
    if (roll < 0) return item;
  }
  return (items.at(-1) as [T, number])[0];
}

const EPOCH = Date.UTC(2017, 0, 1);
const DAY = 86_400_000;
/** An ISO date from days since 2017-01-01. */
export function dayToDate(day: number): string {
  return new Date(EPOCH + day * DAY).toISOString().slice(0, 10);
}

/**
 * What later passes (indicator values, replications, rounds) need of each model,
 * kept in typed arrays so a million models cost a few megabytes.
 */
export interface ModelFacts {
  readonly count: number;
  readonly ownerIndex: Uint32Array;
  readonly startDay: Uint16Array;
  readonly field: Uint8Array;
}

export function modelId(seed: number, index: number): string {
  return deterministicUuid(seed, ID_KIND.model, index);
}

export function modelCode(index: number): string {
  return `SC-${String(index + 1).padStart(7, "0")}`;
}

/** A model is a pilot (an origin others adopt) every `PILOT_EVERY` models. */
export const PILOT_EVERY = 500;

export const modelColumns = [
  "id",
  "code",
  "name",
  "owner_unit_id",
  "kind",
  "person_name",
  "fields",
  "annual_theme",
  "start_date",
  "status",
  "suspended_from",
  "is_pilot",
  "generated",
  "registered_at",
  "updated_at",
] as const;

/** Generates the models, filling `facts` as it goes. */
export function* modelRows(seed: number, units: readonly ScaleUnit[], facts: ModelFacts): Generator<ScaleValue[]> {
  const random = seededRandom(seed);
  for (let i = 0; i < facts.count; i++) {
    const ownerIndex = random.int(0, units.length - 1);
    const owner = units[ownerIndex] as ScaleUnit;
    const fieldIndex = random.int(0, fieldCodes.length - 1);
    const field = fieldCodes[fieldIndex] as (typeof fieldCodes)[number];
    const fields = random.next() < 0.2 ? [field, random.pick(fieldCodes.filter((f) => f !== field))] : [field];
    const year = weighted(yearWeights, random);
    const startDay = Math.round((Date.UTC(year, 0, 1) - EPOCH) / DAY) + random.int(0, 364);
    const status = weighted(statusWeights, random);
    const individual = random.next() < 0.1;
    facts.ownerIndex[i] = ownerIndex;
    facts.startDay[i] = startDay;
    facts.field[i] = fieldIndex;
    const startDate = dayToDate(startDay);
    yield [
      modelId(seed, i),
      modelCode(i),
      `${random.pick(activities[field])} – ${owner.name}`,
      owner.id,
      individual ? "individual" : "collective",
      individual ? `Đảng viên số ${i + 1}` : null,
      fields,
      `Chuyên đề năm ${year}`,
      startDate,
      status,
      status === "suspended" ? "active" : null,
      i % PILOT_EVERY === 0,
      true,
      `${startDate}T08:00:00Z`,
      `${startDate}T08:00:00Z`,
    ];
  }
}

export const indicatorValueColumns = [
  "model_id",
  "indicator_code",
  "period",
  "period_year",
  "value",
  "unit_code",
] as const;

/**
 * `perModel` values (at most 5) for each model: distinct indicators of its field,
 * all for one reporting year between its start and 2025, so a percent and its
 * weight share a period.
 */
export function* indicatorValueRows(seed: number, facts: ModelFacts, perModel: number): Generator<ScaleValue[]> {
  const random = seededRandom(seed + 1);
  for (let i = 0; i < facts.count; i++) {
    const field = fieldCodes[facts.field[i] as number] as (typeof fieldCodes)[number];
    const candidates = [...indicatorsByField[field]];
    // The weighted pair stays first and together; the rest are shuffled.
    const fixed = field === "administrative-reform" ? 2 : 0;
    for (let k = candidates.length - 1; k > fixed; k--) {
      const j = random.int(fixed, k);
      [candidates[k], candidates[j]] = [candidates[j] as string, candidates[k] as string];
    }
    const startYear = new Date(EPOCH + (facts.startDay[i] as number) * DAY).getUTCFullYear();
    const year = random.int(Math.min(startYear, 2025), 2025);
    const id = modelId(seed, i);
    for (const code of candidates.slice(0, perModel)) {
      yield [id, code, String(year), year, sampleValue(code, random), indicatorUnits[code] ?? "count"];
    }
  }
}

export const replicationColumns = ["adopter_model_id", "origin_model_id", "adopted_on", "note"] as const;

/**
 * About `share` of the models adopt a pilot; one adopter in ten adopts an earlier
 * adopter instead, so the replication forest is more than one level deep.
 */
export function* replicationRows(seed: number, facts: ModelFacts, share: number): Generator<ScaleValue[]> {
  const random = seededRandom(seed + 2);
  const pilots: number[] = [];
  const adopters: number[] = [];
  for (let i = 0; i < facts.count; i++) {
    if (i % PILOT_EVERY === 0) {
      pilots.push(i);
      continue;
    }
    if (pilots.length === 0 || random.next() >= share) continue;
    const origin = adopters.length > 0 && random.next() < 0.1 ? random.pick(adopters) : random.pick(pilots);
    const adoptedDay = Math.max(facts.startDay[i] as number, (facts.startDay[origin] as number) + random.int(30, 365));
    adopters.push(i);
    yield [modelId(seed, i), modelId(seed, origin), dayToDate(adoptedDay), null];
  }
}
