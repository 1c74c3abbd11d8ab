import { seededRandom } from "../seed/seeded-random.js";
import { deterministicUuid } from "./deterministic-uuid.js";
import { dayToDate, ID_KIND, type ModelFacts, modelId } from "./scale-models.js";
import type { ScaleUnit } from "./scale-units.js";
import type { ScaleValue } from "./table-loader.js";

const deeds = [
  "Nhặt được của rơi trả lại người mất",
  "Hiến đất mở rộng đường làng",
  "Cứu người đuối nước",
  "Giúp đỡ hộ nghèo xây nhà",
  "Tặng bò giống cho hội viên khó khăn",
  "Dũng cảm bắt giữ đối tượng trộm cắp",
];
const deedFields = [
  "social-welfare",
  "economy",
  "defence-security",
  "social-welfare",
  "social-welfare",
  "defence-security",
];

export const goldenBookColumns = [
  "id",
  "unit_id",
  "subject_kind",
  "subject_name",
  "deed",
  "field",
  "deed_date",
  "nominated_by",
  "verified_by",
  "verified_at",
  "status",
] as const;

/** `perUnit` golden-book entries for every unit, 2017-2025. */
export function* goldenBookRows(seed: number, units: readonly ScaleUnit[], perUnit: number): Generator<ScaleValue[]> {
  const random = seededRandom(seed + 3);
  let n = 0;
  for (const unit of units) {
    for (let k = 0; k < perUnit; k++) {
      const deed = random.int(0, deeds.length - 1);
      const person = random.next() < 0.8;
      const date = dayToDate(random.int(0, 9 * 365 - 1));
      const roll = random.next();
      const status = roll < 0.7 ? "verified" : roll < 0.9 ? "nominated" : "rejected";
      yield [
        deterministicUuid(seed, ID_KIND.goldenBook, n++),
        unit.id,
        person ? "person" : "collective",
        person ? `Công dân số ${n}` : `Tập thể số ${n}`,
        deeds[deed] as string,
        deedFields[deed] as string,
        date,
        unit.name,
        status === "verified" ? "Ban Thi đua - Khen thưởng" : null,
        status === "verified" ? `${date}T10:00:00Z` : null,
        status,
      ];
    }
  }
}

/** Ids of the one criteria set, its published version and the finished round. */
export function roundIds(seed: number): { criteriaSetId: string; versionId: string; roundId: string } {
  return {
    criteriaSetId: deterministicUuid(seed, ID_KIND.registry, 0),
    versionId: deterministicUuid(seed, ID_KIND.registry, 1),
    roundId: deterministicUuid(seed, ID_KIND.registry, 2),
  };
}

export const roundResultColumns = [
  "round_id",
  "model_id",
  "total_milli",
  "max_milli",
  "eliminated",
  "tier",
  "rank",
  "breakdown",
  "explanation",
] as const;

function tierOf(totalMilli: number): string {
  return totalMilli >= 90_000 ? "excellent" : totalMilli >= 70_000 ? "typical" : totalMilli >= 50_000 ? "pass" : "fail";
}

/**
 * Results of the finished round for `count` models spread evenly over all of them:
 * totals out of 100 points (in thousandths), tiers on the 90/70/50 bands, ranks by
 * total with the model order breaking ties.
 */
export function roundResultRows(seed: number, facts: ModelFacts, count: number): ScaleValue[][] {
  const random = seededRandom(seed + 4);
  const n = Math.min(count, facts.count);
  const step = facts.count / Math.max(1, n);
  const scored = Array.from({ length: n }, (_, k) => ({
    index: Math.floor(k * step),
    total: random.int(30_000, 100_000),
  }));
  scored.sort((a, b) => b.total - a.total || a.index - b.index);
  const { roundId } = roundIds(seed);
  return scored.map((s, rank) => [
    roundId,
    modelId(seed, s.index),
    s.total,
    100_000,
    false,
    tierOf(s.total),
    rank + 1,
    "{}",
    "{}",
  ]);
}
