import { createHash } from "node:crypto";
import { defaultCriteriaSet, publishCriteriaSet } from "@lantoa/domain/criteria";
import { type ScoringSubject, scoreRound } from "@lantoa/domain/scoring";
import type { Transaction } from "kysely";
import type { Database } from "../database.js";
import { hashRoundResults } from "../rounds/hash-round-results.js";
import { saveRoundResults } from "../rounds/save-round-results.js";
import { seededRandom } from "./seeded-random.js";

/** The demo's finished round: Thanh Liêm's 2022 review of its models. */
export const DEMO_ROUND_CODE = "TL-BINHXET-2022";

const reviewerUsernames = ["giamkhao.1", "giamkhao.2", "giamkhao.3", "giamkhao.4"];

/** A stable digest of any JSON value (keys sorted), for content hashes shown to councils. */
export function contentHash(value: unknown): string {
  const canonical = JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * Runs Thanh Liêm's 2022 round over the demo data as it would have happened:
 * publishes the default criteria set, scopes the article's models and a sample of
 * generated ones, assigns two reviewers per model away from conflicts (never a
 * reviewer whose unit is the owner or above it), adds a third where the first two
 * disagree, scores with the domain engine, records the council's vote and
 * finalizes with a content hash, and issues commendations to the top tiers.
 */
export async function seedDemoRound(trx: Transaction<Database>): Promise<{ models: number; commended: number }> {
  const published = publishCriteriaSet(defaultCriteriaSet, { version: 1, publishedAt: "2022-10-01T08:00:00+07:00" });
  if (!published.ok) throw new Error(`The default criteria set does not publish: ${published.error.message.en}`);
  const set = published.value;
  const { id: criteriaSetId } = await trx
    .insertInto("criteria_sets")
    .values({ code: "default", name: set.name.vi })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { id: versionId } = await trx
    .insertInto("criteria_set_versions")
    .values({
      criteria_set_id: criteriaSetId,
      version_number: 1,
      status: "published",
      definition: JSON.stringify(set),
      content_hash: contentHash(set),
      published_at: set.publishedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const organizer = await trx.selectFrom("units").select("id").where("code", "=", "TL").executeTakeFirstOrThrow();
  const models = await trx
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select([
      "m.id",
      "m.code",
      "m.generated",
      "m.start_date",
      "m.registered_at",
      "u.path",
      "u.unit_group",
      "m.owner_unit_id",
    ])
    .where("u.path", "like", `%${organizer.id}/%`)
    .where("m.start_date", "<=", "2022-06-30")
    .orderBy("m.code")
    .execute();
  const random = seededRandom(2022);
  const scoped = models.filter((m) => !m.generated || random.next() < 0.05);
  const adopters = await trx
    .selectFrom("replications")
    .select(["origin_model_id"])
    .select((eb) => eb.fn.countAll<number>().as("count"))
    // Only adoptions the council could know of at the round's reference date.
    .where("adopted_on", "<=", "2022-12-15")
    .groupBy("origin_model_id")
    .execute();
  const adoptersOf = new Map(adopters.map((a) => [a.origin_model_id, Number(a.count)]));
  const reviewers = await trx
    .selectFrom("users as r")
    .innerJoin("units as u", "u.id", "r.unit_id")
    .select(["r.id", "r.username", "u.path"])
    .where("r.username", "in", reviewerUsernames)
    .orderBy("r.username")
    .execute();

  const { id: roundId } = await trx
    .insertInto("rounds")
    .values({
      code: DEMO_ROUND_CODE,
      name: "Bình xét mô hình học tập và làm theo Bác năm 2022",
      criteria_version_id: versionId,
      organizer_unit_id: organizer.id,
      status: "draft",
      period: "2022",
      reference_date: "2022-12-15",
      scope: JSON.stringify({
        withinUnitCode: "TL",
        startedBy: "2022-06-30",
        sample: "article models and a 5% sample of generated ones",
      }),
      settings: JSON.stringify({ quorum: 2 / 3, approvalThreshold: 0.7, reviewersPerModel: 2 }),
      draw_seed: "2022",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("round_models")
    .values(scoped.map((m) => ({ round_id: roundId, model_id: m.id, eligible: true, gate_outcomes: "[]" })))
    .execute();

  const subjects: ScoringSubject[] = [];
  const assignments: Array<{ model_id: string; reviewer_user_id: string; source: "draw" | "disagreement" }> = [];
  const scorecards: Array<{
    model_id: string;
    reviewer_user_id: string | null;
    kind: "self" | "review";
    ratings: string;
  }> = [];
  for (const [index, model] of scoped.entries()) {
    // A reviewer whose unit is the owner or above it has a conflict of interest.
    const free = reviewers.filter((r) => !model.path.startsWith(r.path));
    const panel = [free[index % free.length], free[(index + 1) % free.length], free[(index + 2) % free.length]];
    const quality = model.generated ? random.next() * 0.6 + 0.3 : random.next() * 0.25 + 0.72;
    const rate = (max: number, step: number, jitter: number) =>
      Math.min(max, Math.max(0, Math.round((quality * max + (random.next() - 0.5) * jitter) / step) * step));
    const ratingsOf = (jitter: number) => ({
      novelty: rate(30, 1, jitter * 3),
      effectiveness: rate(10, 0.5, jitter),
      reach: rate(10, 0.5, jitter),
      theme: rate(5, 1, jitter / 2),
    });
    const first = ratingsOf(1.5);
    // Every seventh model gets a harsh second reviewer, so a third is needed.
    const second =
      index % 7 === 3 ? { ...ratingsOf(1.5), effectiveness: Math.max(0, first.effectiveness - 5) } : ratingsOf(1.5);
    const cards = [
      { reviewerId: panel[0]?.id as string, role: "verifier" as const, scores: first },
      { reviewerId: panel[1]?.id as string, role: "verifier" as const, scores: second },
    ];
    const self = { ...ratingsOf(0.5), novelty: Math.min(30, first.novelty + 2) };
    const subject: ScoringSubject = {
      modelId: model.id,
      unitId: model.owner_unit_id,
      unitGroup: model.unit_group ?? "other",
      registeredAt: new Date(model.registered_at).toISOString(),
      facts: {
        startDate: model.start_date,
        evidenceCount: model.generated && index % 11 === 5 ? 0 : 2,
        disciplined: false,
        indicators: { adopters: adoptersOf.get(model.id) ?? 0 },
      },
      scorecards: [...cards, { reviewerId: model.owner_unit_id, role: "self", scores: self }],
    };
    subjects.push(subject);
    for (const card of cards)
      assignments.push({ model_id: model.id, reviewer_user_id: card.reviewerId, source: "draw" });
    for (const card of cards) {
      scorecards.push({
        model_id: model.id,
        reviewer_user_id: card.reviewerId,
        kind: "review",
        ratings: JSON.stringify(card.scores),
      });
    }
    scorecards.push({ model_id: model.id, reviewer_user_id: null, kind: "self", ratings: JSON.stringify(self) });
  }

  // First pass: whoever disagrees beyond the gap gets a third reviewer, then score again.
  const firstPass = scoreRound(set, subjects, { referenceDate: "2022-12-15" });
  if (!firstPass.ok) throw new Error(`Demo round does not score: ${firstPass.error.message.en}`);
  for (const modelId of firstPass.value.needsAnotherReviewer) {
    const subject = subjects.find((s) => s.modelId === modelId) as ScoringSubject;
    const model = scoped.find((m) => m.id === modelId);
    const used = new Set(subject.scorecards.map((c) => c.reviewerId));
    const third = reviewers.find((r) => !used.has(r.id) && model && !model.path.startsWith(r.path));
    if (!third) continue;
    const firstCard = subject.scorecards[0]?.scores ?? {};
    const scores = { ...firstCard, effectiveness: Math.max(0, (firstCard.effectiveness ?? 0) - 1) };
    subject.scorecards.push({ reviewerId: third.id, role: "verifier", scores });
    assignments.push({ model_id: modelId, reviewer_user_id: third.id, source: "disagreement" });
    scorecards.push({ model_id: modelId, reviewer_user_id: third.id, kind: "review", ratings: JSON.stringify(scores) });
  }
  const scored = scoreRound(set, subjects, { referenceDate: "2022-12-15", explain: true });
  if (!scored.ok) throw new Error(`Demo round does not score: ${scored.error.message.en}`);
  const result = scored.value;
  if (result.unscored.length > 0)
    throw new Error(`Demo round left models unscored: ${JSON.stringify(result.unscored)}`);

  await trx
    .insertInto("reviewer_assignments")
    .values(assignments.map((a) => ({ ...a, round_id: roundId, assigned_at: "2022-11-01T08:00:00+07:00" })))
    .execute();
  await trx
    .insertInto("scorecards")
    .values(
      scorecards.map((c) => ({
        ...c,
        round_id: roundId,
        status: "submitted" as const,
        submitted_at: "2022-11-25T17:00:00+07:00",
      })),
    )
    .execute();
  await saveRoundResults(trx, roundId, result.models, "2022-12-15T08:00:00+07:00");
  await trx
    .insertInto("council_decisions")
    .values({
      round_id: roundId,
      members: 9,
      present: 8,
      votes_for: 7,
      votes_against: 1,
      abstentions: 0,
      outcome: "approved",
      chair_note: "Hội đồng thống nhất kết quả bình xét năm 2022.",
      decided_at: "2022-12-20T09:00:00+07:00",
    })
    .execute();
  // The same digest finalization stores for live rounds (see hashRoundResults).
  const hash = await hashRoundResults(trx, roundId);
  await trx
    .updateTable("rounds")
    .set({
      status: "published",
      results_hash: hash,
      finalized_at: "2022-12-20T10:00:00+07:00",
      published_at: "2022-12-28T08:00:00+07:00",
    })
    .where("id", "=", roundId)
    .execute();

  const commended = result.models.filter((m) => m.tierId === "excellent" || m.tierId === "good");
  if (commended.length > 0) {
    await trx
      .insertInto("commendations")
      .values(
        commended.map((m, i) => ({
          decision_number: `${512 + (m.tierId === "excellent" ? 0 : 1)}-QĐ/HU`,
          decision_date: "2022-12-28",
          issuer: "Ban Thường vụ Huyện ủy Thanh Liêm",
          level: "district",
          form: m.tierId === "excellent" ? "certificate-of-merit" : "certificate-of-commendation",
          recipient_kind: "model" as const,
          recipient_model_id: m.modelId,
          round_id: roundId,
          valid_until: null,
          created_at: `2022-12-28T08:${String(i % 60).padStart(2, "0")}:00+07:00`,
        })),
      )
      .execute();
  }
  return { models: scoped.length, commended: commended.length };
}
