import { type CompiledCriteriaSet, type CriteriaSet, compileCriteriaSet } from "../criteria/index.js";
import { domainError, err, ok, type Result } from "../errors/index.js";
import { buildRoundContext, type RoundContext } from "./build-round-context.js";
import { prepareSubjects } from "./check-subjects.js";
import type { ModelScore } from "./model-score.js";
import { ModelView } from "./model-view.js";
import { scoreColumns } from "./score-columns.js";
import type { ScoringSubject } from "./scoring-subject.js";

const NO_BEST: ReadonlyMap<string, number> = new Map();
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Scores one model against a compiled set; the engine under {@link scoreModel}.
 * `context` carries round-wide data (best values, calibration; see
 * {@link buildRoundContext}); `breakdown: false` keeps points only (no per-criterion
 * detail).
 *
 * @example
 * scoreCompiledModel(compiled, subject, "2025-06-30", buildRoundContext(compiled, subjects, "2025-06-30"), { breakdown: false })
 */
export function scoreCompiledModel(
  compiled: CompiledCriteriaSet,
  subject: ScoringSubject,
  referenceDate: string,
  context: RoundContext | undefined,
  options: { explain?: boolean; breakdown?: boolean } = {},
): Result<ModelScore> {
  const prepared = prepareSubjects([subject]);
  if ("code" in prepared) return err(prepared);
  if (!DATE.test(referenceDate)) {
    return err(
      domainError(
        "SCORING.INVALID_DATE",
        { vi: "Ngày phải có dạng YYYY-MM-DD", en: "Dates must look like YYYY-MM-DD" },
        { referenceDate },
      ),
    );
  }
  if (compiled.set.aggregation.calibration.enabled && context === undefined) {
    return err(
      domainError(
        "SCORING.ROUND_CONTEXT_REQUIRED",
        { vi: "Hiệu chỉnh người chấm cần dữ liệu cả đợt", en: "Reviewer calibration needs the round context" },
        { modelId: subject.modelId },
      ),
    );
  }
  const columns = scoreColumns(compiled, prepared.subjects, {
    referenceDate,
    full: options.breakdown ?? true,
    best: context?.best ?? NO_BEST,
    calibration: context?.calibration ?? new Map(),
  });
  // A model has an error exactly when it could not be scored.
  const problem = columns.errors.get(0);
  if (problem !== undefined) return err(problem);
  return ok(new ModelView(columns, 0, options.explain ?? false).toScore());
}

/**
 * Scores one model: gates, each criterion (raw → normalized → points), the exact total
 * rounded once to milli-points, its tier before quotas, reviewer disagreement, the
 * self-assessment beside the verified score, and an explanation in Vietnamese and
 * English. Sets with `relative-to-best` rules or calibration need the round: pass
 * `subjects` (all models of the round) or use {@link scoreRound}; without them such sets
 * give `SCORING.ROUND_CONTEXT_REQUIRED`. Raw JSON comes back as an error value, never a throw.
 *
 * @example
 * const r = scoreModel(defaultCriteriaSet, subject, { referenceDate: "2025-06-30" });
 * if (r.ok) console.log(formatMilli(r.value.totalMilli), r.value.scoreTierId, r.value.explanation?.vi);
 */
export function scoreModel(
  set: CriteriaSet,
  subject: ScoringSubject,
  options: { referenceDate: string; subjects?: readonly ScoringSubject[] },
): Result<ModelScore> {
  const compiled = compileCriteriaSet(set);
  if (!compiled.ok) return compiled;
  let context: RoundContext | undefined;
  if (options.subjects !== undefined) {
    const prepared = prepareSubjects(options.subjects);
    if ("code" in prepared) return err(prepared);
    context = buildRoundContext(compiled.value, prepared.subjects, options.referenceDate);
  }
  return scoreCompiledModel(compiled.value, subject, options.referenceDate, context, { explain: true });
}
