import * as z from "zod/mini";

/**
 * One reviewer's scores for one model (phiếu chấm): rating-criterion id → value on the
 * criterion's scale. `role: "self"` is the unit's self-assessment, kept apart from the
 * verified score and reported beside it.
 *
 * @example
 * ScorecardSchema.parse({ reviewerId: "r1", scores: { novelty: 25, effectiveness: 8.5 } }) // role "verifier"
 */
export const ScorecardSchema = z.strictObject({
  reviewerId: z.string().check(z.minLength(1)),
  role: z._default(z.enum(["verifier", "self"]), "verifier"),
  scores: z.record(z.string(), z.number()),
});
/**
 * A value of {@link ScorecardSchema}.
 *
 * @example
 * const value: Scorecard = ScorecardSchema.parse(json);
 */
export type Scorecard = z.infer<typeof ScorecardSchema>;

/**
 * The facts about a model that gates, indicators and formulas read.
 *
 * @example
 * SubjectFactsSchema.parse({ startDate: "2021-03-01", evidenceCount: 4, disciplined: false, indicators: { adopters: 5 } })
 */
export const SubjectFactsSchema = z.strictObject({
  startDate: z.iso.date(),
  evidenceCount: z.int().check(z.nonnegative()),
  disciplined: z.boolean(),
  indicators: z._default(z.record(z.string(), z.number()), {}),
});
/**
 * A value of {@link SubjectFactsSchema}.
 *
 * @example
 * const value: SubjectFacts = SubjectFactsSchema.parse(json);
 */
export type SubjectFacts = z.infer<typeof SubjectFactsSchema>;

/**
 * What scoring needs to know about one model in a round, decoupled from the Model
 * schema: ids, the unit group its quota is counted in, when it was registered (a
 * tie-break), facts and scorecards. Parse untrusted data with this schema first.
 *
 * @example
 * ScoringSubjectSchema.parse({
 *   modelId: "m-flower-road", unitId: "u-military", unitGroup: "armed-forces",
 *   registeredAt: "2022-05-10T09:00:00+07:00",
 *   facts: { startDate: "2019-01-15", evidenceCount: 6, disciplined: false, indicators: { adopters: 5 } },
 *   scorecards: [{ reviewerId: "r1", scores: { novelty: 27, effectiveness: 9, reach: 9, theme: 5 } }],
 * })
 */
export const ScoringSubjectSchema = z.strictObject({
  modelId: z.string().check(z.minLength(1)),
  unitId: z.string().check(z.minLength(1)),
  unitGroup: z.optional(z.string().check(z.minLength(1))),
  registeredAt: z.iso.datetime({ offset: true }),
  facts: SubjectFactsSchema,
  scorecards: z._default(z.array(ScorecardSchema), []),
});
/**
 * A value of {@link ScoringSubjectSchema}.
 *
 * @example
 * const value: ScoringSubject = ScoringSubjectSchema.parse(json);
 */
export type ScoringSubject = z.infer<typeof ScoringSubjectSchema>;

/**
 * Options of a round: the reference date gates measure "running for N months" at
 * (passed in: the domain has no clock); whether to write explanations for every model;
 * and `breakdown: "points"` to keep only totals, per-criterion points, gates and flags
 * (no per-reviewer detail) — several times faster for large rounds; get one model's
 * full breakdown with `scoreModel(set, subject, { referenceDate, subjects })`.
 *
 * @example
 * ScoreRoundOptionsSchema.parse({ referenceDate: "2025-06-30" }) // { referenceDate: "2025-06-30", explain: false, breakdown: "full" }
 */
export const ScoreRoundOptionsSchema = z.strictObject({
  referenceDate: z.iso.date(),
  explain: z._default(z.boolean(), false),
  breakdown: z._default(z.enum(["full", "points"]), "full"),
});
/**
 * The JSON accepted by {@link ScoreRoundOptionsSchema}.
 *
 * @example
 * const value: ScoreRoundOptions = ScoreRoundOptionsSchema.parse(json);
 */
export type ScoreRoundOptions = z.input<typeof ScoreRoundOptionsSchema>;
