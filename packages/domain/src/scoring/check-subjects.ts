import { type DomainError, domainError, type ShapeIssue } from "../errors/index.js";
import { NameIndex } from "../internal/name-index.js";
import { safeParseShape } from "../internal/shape-issues.js";
import { type ScoringSubject, ScoringSubjectSchema } from "./scoring-subject.js";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isName = (v: unknown) => typeof v === "string" && v.length > 0;

const known = (...keys: string[]) => new Map(keys.map((key, i) => [key, i]));
const SUBJECT_KEYS = known("modelId", "unitId", "unitGroup", "registeredAt", "facts", "scorecards");
const FACT_KEYS = known("startDate", "evidenceCount", "disciplined", "indicators");
const CARD_KEYS = known("reviewerId", "role", "scores");

/** The known keys of each object of a subject, looked up by position: one per check of a round. */
interface ShapeKeys {
  readonly subject: NameIndex;
  readonly facts: NameIndex;
  readonly card: NameIndex;
}

function onlyKnownKeys(value: Record<string, unknown>, known: NameIndex): boolean {
  let at = 0;
  // Stryker disable next-line UpdateOperator: the position is only NameIndex's cache hint; any position gives the same answer
  for (const key in value) if (known.get(key, at++) === -1 && Object.hasOwn(value, key)) return false;
  return true;
}

function numbers(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key) && typeof value[key] !== "number") return false;
  return true;
}

/**
 * Whether a value has the shape of a {@link ScoringSubject} — the checks zod would make,
 * written out so a round of 100,000 models pays a few property reads per model, not a parse.
 * Dates are checked later, model by model.
 */
function hasSubjectShape(s: unknown, keys: ShapeKeys): boolean {
  if (!isObject(s) || !onlyKnownKeys(s, keys.subject)) return false;
  if (!isName(s.modelId) || !isName(s.unitId) || typeof s.registeredAt !== "string") return false;
  if (s.unitGroup !== undefined && !isName(s.unitGroup)) return false;
  const facts = s.facts;
  if (!isObject(facts) || !onlyKnownKeys(facts, keys.facts)) return false;
  if (typeof facts.startDate !== "string" || typeof facts.disciplined !== "boolean") return false;
  const evidence = facts.evidenceCount;
  // Stryker disable next-line ConditionalExpression: Number.isInteger is false for anything but a number; typeof only narrows the type
  if (typeof evidence !== "number" || !Number.isInteger(evidence) || evidence < 0) return false;
  if (!numbers(facts.indicators)) return false;
  const cards = s.scorecards;
  if (!Array.isArray(cards)) return false;
  for (const card of cards) {
    if (!isObject(card) || !onlyKnownKeys(card, keys.card) || !isName(card.reviewerId)) return false;
    if (card.role !== undefined && card.role !== "verifier" && card.role !== "self") return false;
    // Each rating is read (and a non-number refused, per model) when the model is scored.
    if (!isObject(card.scores)) return false;
  }
  return true;
}

/**
 * Checks raw input meant as a round's subjects (parsed JSON, say) before scoring reads
 * it: an array of objects of the {@link ScoringSubjectSchema} shape, with no unknown keys.
 * Subjects that leave out what the schema defaults (`scorecards`, `indicators`, a card's
 * `role`) are returned with the defaults filled in. `SCORING.INVALID_INPUT` lists each
 * problem with its path (`subjects.3.facts.startDate`) and, for an unknown key, the key
 * meant. Data-level problems (a rating off the scale, a bad date) are left to scoring,
 * which reports them per model.
 *
 * @example
 * const checked = prepareSubjects(JSON.parse(body));
 * if ("code" in checked) checked.details?.issues // [{ path: "subjects.0.facts.evidenceCount", ... }]
 */
export function prepareSubjects(
  subjects: unknown,
): { readonly subjects: readonly ScoringSubject[] } | DomainError<"SCORING.INVALID_INPUT"> {
  if (!Array.isArray(subjects)) {
    return invalidInput([
      {
        path: "subjects",
        message: "Expected an array of scoring subjects",
        messageVi: "Cần một mảng các đối tượng chấm điểm",
      },
    ]);
  }
  const keys: ShapeKeys = {
    subject: new NameIndex(SUBJECT_KEYS),
    facts: new NameIndex(FACT_KEYS),
    card: new NameIndex(CARD_KEYS),
  };
  const issues: ShapeIssue[] = [];
  let prepared: ScoringSubject[] | undefined;
  for (let i = 0; i < subjects.length; i++) {
    const s: unknown = subjects[i];
    if (hasSubjectShape(s, keys)) continue;
    const parsed = safeParseShape(ScoringSubjectSchema, s);
    if (parsed.success) {
      prepared ??= subjects.slice();
      prepared[i] = parsed.data;
      continue;
    }
    for (const issue of parsed.issues) {
      issues.push({ ...issue, path: issue.path === "" ? `subjects.${i}` : `subjects.${i}.${issue.path}` });
    }
    if (issues.length >= 100) break;
  }
  if (issues.length > 0) return invalidInput(issues);
  return { subjects: prepared ?? (subjects as ScoringSubject[]) };
}

function invalidInput(issues: ShapeIssue[]): DomainError<"SCORING.INVALID_INPUT"> {
  const first = issues[0] as ShapeIssue;
  return domainError(
    "SCORING.INVALID_INPUT",
    {
      vi: `Dữ liệu chấm điểm không đúng cấu trúc (${issues.length} lỗi); đầu tiên tại ${first.path}: ${first.messageVi}`,
      en: `The scoring input is malformed (${issues.length} issue(s)); first at ${first.path}: ${first.message}`,
    },
    { issues },
  );
}
