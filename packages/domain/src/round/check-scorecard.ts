import type { CompiledCriteriaSet, CompiledScale } from "../criteria/index.js";
import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";

/**
 * Checks a scorecard before it is submitted: every rating criterion of the set rated,
 * each rating on its scale (between min and max, on a step), no rating of an unknown
 * criterion, and — when the round asks for it — a comment for every rating. A draft
 * may be saved incomplete; this is the gate for submitting. Errors name the criteria.
 *
 * @example
 * checkScorecard(compiled, { novelty: 25, effectiveness: 8.5, reach: 7, theme: 4 }, {}, { commentsRequired: false }) // ok
 * checkScorecard(compiled, { novelty: 31 }, {}, { commentsRequired: false }) // err ROUND.SCORECARD_INCOMPLETE
 */
export function checkScorecard(
  compiled: CompiledCriteriaSet,
  ratings: Readonly<Record<string, number>>,
  comments: Readonly<Record<string, string>>,
  options: { commentsRequired: boolean },
): Result<true, DomainError<"ROUND.SCORECARD_INCOMPLETE">> {
  const missing: string[] = [];
  const offScale: string[] = [];
  const uncommented: string[] = [];
  const known = new Set<string>();
  for (const c of compiled.scored) {
    if (c.criterion.kind !== "rating") continue;
    const scale = c.scale as CompiledScale;
    const id = c.criterion.id;
    known.add(id);
    const value = ratings[id];
    if (value === undefined) {
      missing.push(id);
      continue;
    }
    const milli = Math.round(value * 1000);
    const { minMilli, maxMilli, stepMilli } = scale;
    if (!Number.isFinite(value) || milli < minMilli || milli > maxMilli || (milli - minMilli) % stepMilli !== 0) {
      offScale.push(id);
    }
    if (options.commentsRequired && (comments[id] ?? "").trim() === "") uncommented.push(id);
  }
  const unknown = Object.keys(ratings).filter((id) => !known.has(id));
  if (missing.length + offScale.length + uncommented.length + unknown.length === 0) return ok(true);
  return err(
    domainError(
      "ROUND.SCORECARD_INCOMPLETE",
      {
        vi: `Phiếu chấm chưa hợp lệ: ${[
          missing.length ? `chưa chấm ${missing.join(", ")}` : "",
          offScale.length ? `điểm ngoài thang ${offScale.join(", ")}` : "",
          uncommented.length ? `thiếu nhận xét ${uncommented.join(", ")}` : "",
          unknown.length ? `tiêu chí không có trong bộ ${unknown.join(", ")}` : "",
        ]
          .filter(Boolean)
          .join("; ")}.`,
        en: `The scorecard is not valid: ${[
          missing.length ? `not rated ${missing.join(", ")}` : "",
          offScale.length ? `off the scale ${offScale.join(", ")}` : "",
          uncommented.length ? `comment missing for ${uncommented.join(", ")}` : "",
          unknown.length ? `not in the set ${unknown.join(", ")}` : "",
        ]
          .filter(Boolean)
          .join("; ")}.`,
      },
      { missing, offScale, uncommented, unknown },
    ),
  );
}
