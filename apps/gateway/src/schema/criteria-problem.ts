import { type CriteriaProblem, criteriaProblemsOf, parseCriteriaDefinition, SaveCriteriaDraftInput } from "@lantoa/app";
import type { DomainError } from "@lantoa/domain/errors";
import { builder } from "../builder.js";
import { DomainFailure, ErrorInterface } from "./errors.js";

/** One problem of a definition, where and what, in both languages. */
export const CriteriaProblemRef = builder.objectRef<CriteriaProblem>("CriteriaProblem").implement({
  description:
    "One problem of a criteria set: `path` names where (ids joined by dots, e.g. tiers.good or impact.reach); formula problems carry the position.",
  fields: (t) => ({
    code: t.exposeString("code", { nullable: false, description: "CRITERIA.POINTS_MISMATCH, FORMULA.UNKNOWN_INPUT…" }),
    message: t.string({ nullable: false, description: "In English.", resolve: (p) => p.message.en }),
    messageVi: t.string({ nullable: false, description: "In Vietnamese.", resolve: (p) => p.message.vi }),
    path: t.exposeString("path", { nullable: false }),
    criterionId: t.exposeString("criterionId", { nullable: true }),
    offset: t.exposeInt("offset", { nullable: true, description: "0-based offset in the formula." }),
    line: t.exposeInt("line", { nullable: true, description: "1-based line in the formula." }),
    column: t.exposeInt("column", { nullable: true, description: "1-based column in the formula." }),
    excerpt: t.exposeString("excerpt", {
      nullable: true,
      description: "The formula line with a caret under the column.",
    }),
  }),
});

/** A definition the domain refuses, with every problem; a typed member of the mutation's errors. */
export class CriteriaInvalidFailure extends DomainFailure {
  readonly problems: CriteriaProblem[];
  constructor(error: DomainError) {
    super(error);
    this.name = "CriteriaInvalidFailure";
    this.problems = criteriaProblemsOf(error);
  }
}

builder.objectType(CriteriaInvalidFailure, {
  name: "CriteriaInvalidError",
  description: "The criteria set is not valid; nothing was saved. Each problem says where and what to fix.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof CriteriaInvalidFailure,
  fields: (t) => ({
    problems: t.field({ nullable: false, type: [CriteriaProblemRef], resolve: (e) => e.problems }),
  }),
});

const CriteriaValidationRef = builder
  .objectRef<{ valid: boolean; problems: CriteriaProblem[]; totalPoints: number | null }>("CriteriaValidation")
  .implement({
    fields: (t) => ({
      valid: t.exposeBoolean("valid", { nullable: false }),
      problems: t.field({ nullable: false, type: [CriteriaProblemRef], resolve: (v) => v.problems }),
      totalPoints: t.exposeFloat("totalPoints", { nullable: true }),
    }),
  });

builder.queryField("validateCriteriaDefinition", (t) =>
  t.field({
    nullable: false,
    type: CriteriaValidationRef,
    description:
      "Checks a criteria-set definition without saving it: the problems saveCriteriaDraft reports and publishing refuses (the admin app runs the same domain check in the browser as you type).",
    authScopes: { signedIn: true },
    args: { definition: t.arg.string({ required: true, validate: SaveCriteriaDraftInput.shape.definition }) },
    resolve: (_root, args) => {
      const checked = parseCriteriaDefinition(args.definition);
      return checked.ok
        ? { valid: true, problems: [], totalPoints: checked.value.totalPoints }
        : { valid: false, problems: criteriaProblemsOf(checked.error), totalPoints: null };
    },
  }),
);
