/**
 * The round benchmark of issue 7: runs the `computeRoundResults` use case on a round of
 * BENCH_ROUND_MODELS (10,000) models with 3 reviewers each — in one transaction: lock the
 * round, load the subjects and scorecards, score with the domain engine (explanations
 * included), write the results, audit — and prints the time against its parts measured
 * in the same run (loading alone, scoring alone in memory).
 * In-memory PGlite by default; a fresh database on PostgreSQL with BENCH_DATABASE_URL.
 *
 *   pnpm --filter @lantoa/app bench:round
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres pnpm --filter @lantoa/app bench:round
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { commandLineActor, computeRoundResults, createApp } from "@lantoa/app";
import { contentHash, insertUnit, loadRound, loadScoringSubjects, seedConfiguration } from "@lantoa/db";
import { createTestDatabase } from "@lantoa/db/testing";
import { defaultCriteriaSet, publishCriteriaSet } from "@lantoa/domain/criteria";
import { scoreRound } from "@lantoa/domain/scoring";

const modelCount = Number(process.env.BENCH_ROUND_MODELS ?? 10_000);
const reviewersPerModel = 3;
const url = process.env.BENCH_DATABASE_URL;
const engine = url ? "postgres" : "pglite";
const database = await createTestDatabase(engine, { TEST_DATABASE_URL: url });
const db = database.db;

async function chunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 2000) await insert(rows.slice(i, i + 2000));
}

// A deterministic generator so every run scores the same round.
let state = 7;
const random = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 2 ** 32;
};

console.log(`Preparing a round of ${modelCount} models × ${reviewersPerModel} reviewers on ${engine}…`);
const prepared = performance.now();
await seedConfiguration(db);
const root = await insertUnit(db, {
  code: "BENCH",
  name: "Tỉnh thử nghiệm",
  parentId: null,
  level: "province",
  kind: "party-committee",
});
const units: Array<{ id: string }> = [];
for (let i = 0; i < 100; i++) {
  units.push(
    await insertUnit(db, {
      code: `BENCH-${i}`,
      name: `Xã ${i}`,
      parentId: root.id,
      level: "commune",
      kind: "party-committee",
    }),
  );
}
const reviewers: string[] = [];
for (let i = 0; i < 12; i++) {
  const { id } = await db
    .insertInto("users")
    .values({ username: `bench.reviewer.${i}`, display_name: `Giám khảo ${i}`, password_hash: "-", unit_id: root.id })
    .returning("id")
    .executeTakeFirstOrThrow();
  reviewers.push(id);
}
const published = publishCriteriaSet(defaultCriteriaSet, { version: 1, publishedAt: "2025-01-01T00:00:00Z" });
if (!published.ok) throw new Error(published.error.message.en);
const { id: setId } = await db
  .insertInto("criteria_sets")
  .values({ code: "bench", name: "Bộ tiêu chí thử" })
  .returning("id")
  .executeTakeFirstOrThrow();
const { id: versionId } = await db
  .insertInto("criteria_set_versions")
  .values({
    criteria_set_id: setId,
    version_number: 1,
    status: "published",
    definition: JSON.stringify(published.value),
    content_hash: contentHash(published.value),
    published_at: "2025-01-01T00:00:00Z",
  })
  .returning("id")
  .executeTakeFirstOrThrow();
const models = Array.from({ length: modelCount }, (_, i) => ({
  id: randomUUID(),
  code: `BENCH-M-${String(i).padStart(6, "0")}`,
  name: `Mô hình thử ${i}`,
  owner_unit_id: units[i % units.length]?.id as string,
  kind: "collective" as const,
  fields: ["economy"],
  start_date: `20${18 + (i % 6)}-0${1 + (i % 9)}-15`,
  status: "active" as const,
  registered_at: `2024-01-01T00:00:${String(i % 60).padStart(2, "0")}Z`,
}));
await chunked(models, (chunk) => db.insertInto("models").values(chunk).execute());
await chunked(
  models.map((m) => ({ model_id: m.id, kind: "link" as const, title: "Báo cáo", uri: "https://example.org" })),
  (chunk) => db.insertInto("evidence").values(chunk).execute(),
);
const { id: roundId } = await db
  .insertInto("rounds")
  .values({
    code: "BENCH-ROUND",
    name: "Đợt thử nghiệm",
    criteria_version_id: versionId,
    organizer_unit_id: root.id,
    status: "review",
    period: "2024",
    reference_date: "2024-12-15",
    settings: JSON.stringify({ reviewersPerModel }),
    draw_seed: "bench",
  })
  .returning("id")
  .executeTakeFirstOrThrow();
await chunked(
  models.map((m) => ({ round_id: roundId, model_id: m.id, eligible: true, gate_outcomes: "[]" })),
  (chunk) => db.insertInto("round_models").values(chunk).execute(),
);
const ratings = () => {
  const q = random();
  const step = (max: number, s: number) => Math.round((q * max * 0.8 + random() * max * 0.2) / s) * s;
  return { novelty: step(30, 1), effectiveness: step(10, 0.5), reach: step(10, 0.5), theme: step(5, 1) };
};
const assignments = [];
const cards = [];
for (const [i, m] of models.entries()) {
  for (let r = 0; r < reviewersPerModel; r++) {
    const reviewer = reviewers[(i + r * 5) % reviewers.length] as string;
    assignments.push({ round_id: roundId, model_id: m.id, reviewer_user_id: reviewer, source: "draw" as const });
    cards.push({
      round_id: roundId,
      model_id: m.id,
      kind: "review" as const,
      reviewer_user_id: reviewer,
      ratings: JSON.stringify(ratings()),
      status: "submitted" as const,
    });
  }
  cards.push({
    round_id: roundId,
    model_id: m.id,
    kind: "self" as const,
    reviewer_user_id: null,
    ratings: JSON.stringify(ratings()),
    status: "submitted" as const,
  });
}
await chunked(assignments, (chunk) => db.insertInto("reviewer_assignments").values(chunk).execute());
await chunked(cards, (chunk) => db.insertInto("scorecards").values(chunk).execute());
console.log(`  prepared in ${((performance.now() - prepared) / 1000).toFixed(1)} s`);

const app = createApp({ db });
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const times: number[] = [];
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const computed = await app.run(computeRoundResults, commandLineActor, { roundId });
  const ms = performance.now() - started;
  if (!computed.ok) throw new Error(computed.error.message.en);
  times.push(ms);
  console.log(
    `  run ${run + 1}: ${(ms / 1000).toFixed(2)} s (the use case: load + score + write) — ${computed.value.models} models, tiers ${JSON.stringify(computed.value.tierCounts)}`,
  );
}
// The parts, measured now as the baseline: load alone, and scoring alone on the loaded subjects.
const round = await loadRound(db, roundId);
if (!round) throw new Error("bench round missing");
let t = performance.now();
const subjects = await loadScoringSubjects(db, round.row);
const loadMs = performance.now() - t;
t = performance.now();
const scored = scoreRound(round.set, subjects, { referenceDate: round.row.reference_date, explain: true });
const scoreMs = performance.now() - t;
if (!scored.ok) throw new Error(scored.error.message.en);
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `Round of ${modelCount} models × ${reviewersPerModel} reviewers on ${engine}: median ${seconds(median)} for the use case (load ≈ ${seconds(loadMs)}, score ≈ ${seconds(scoreMs)}, write and the rest ≈ ${seconds(Math.max(0, median - loadMs - scoreMs))}); ${(median / (loadMs + scoreMs)).toFixed(2)}× loading and scoring alone.`,
);
await database.close();
