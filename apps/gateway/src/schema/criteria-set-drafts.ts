import {
  CreateCriteriaSetInput as CreateCriteriaSet,
  type CriteriaProblem,
  createCriteriaSet,
  ExpectedVersion,
  IdempotencyKey,
  isCriteriaInvalid,
  newCriteriaDraft,
  publishCriteriaVersion,
  type RunOptions,
  SaveCriteriaDraftInput,
  saveCriteriaDraft,
  type UseCase,
} from "@lantoa/app";
import type * as z from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { CriteriaInvalidFailure, CriteriaProblemRef } from "./criteria-problem.js";
import { CriteriaSetRef, CriteriaSetVersionRef } from "./criteria-set.js";
import { DomainFailure } from "./errors.js";
import { perform, requireViewer } from "./mutation-support.js";

/**
 * Runs a criteria use case like `perform`, answering a refused definition as
 * CriteriaInvalidError (with its problems) and any other refusal as DomainError.
 */
async function performCriteria<Schema extends z.ZodType, Output>(
  context: Context,
  useCase: UseCase<Schema, Output>,
  input: z.input<Schema>,
  options?: RunOptions,
): Promise<Output> {
  const result = await context.app.run(useCase, requireViewer(context), input, options);
  if (result.ok) return result.value;
  throw isCriteriaInvalid(result.error) ? new CriteriaInvalidFailure(result.error) : new DomainFailure(result.error);
}

const CriteriaStartEnum = builder.enumType("CriteriaStart", {
  description: "What a new criteria set starts from (ignored when copyOfVersionId is given).",
  values: { DEFAULT: { description: "The default rubric of DOMAIN.md." }, BLANK: { description: "One criterion." } },
});

const CreateCriteriaSetInput = builder.inputType("CreateCriteriaSetInput", {
  fields: (t) => ({
    code: t.string({
      required: true,
      description: "Letters, digits, - and _ (e.g. hoi-thi-2026).",
      validate: CreateCriteriaSet.shape.code,
    }),
    name: t.string({ required: true, validate: CreateCriteriaSet.shape.name }),
    nameEn: t.string({ validate: CreateCriteriaSet.shape.nameEn }),
    startFrom: t.field({ type: CriteriaStartEnum }),
    copyOfVersionId: t.globalID({ for: CriteriaSetVersionRef, description: "Start from a copy of this version." }),
  }),
});

const CriteriaSetPayload = builder.objectRef<{ setId: string; versionId: string }>("CriteriaSetPayload").implement({
  fields: (t) => ({
    criteriaSet: t.field({ nullable: false, type: CriteriaSetRef, resolve: (p) => p.setId }),
    draft: t.field({ nullable: false, type: CriteriaSetVersionRef, resolve: (p) => p.versionId }),
  }),
});

const CriteriaVersionPayload = builder
  .objectRef<{ versionId: string; problems?: CriteriaProblem[] }>("CriteriaVersionPayload")
  .implement({
    fields: (t) => ({
      version: t.field({ nullable: false, type: CriteriaSetVersionRef, resolve: (p) => p.versionId }),
      problems: t.field({
        nullable: false,
        type: [CriteriaProblemRef],
        description:
          "What still keeps a saved draft from being published (empty when it is ready): a draft may be saved unfinished.",
        resolve: (p) => p.problems ?? [],
      }),
    }),
  });

builder.mutationField("createCriteriaSet", (t) =>
  t.field({
    type: CriteriaSetPayload,
    description:
      "Creates a criteria set with a first draft: the default rubric, a blank one or a copy of a version. Retrying with the same idempotencyKey returns the first result.",
    authScopes: { systemAdmin: true },
    errors: { types: [CriteriaInvalidFailure, DomainFailure] },
    args: {
      input: t.arg({ type: CreateCriteriaSetInput, required: true }),
      idempotencyKey: t.arg.string({ required: true, validate: IdempotencyKey }),
    },
    resolve: (_root, { input, idempotencyKey }, context) =>
      performCriteria(
        context,
        createCriteriaSet,
        { ...input, copyOfVersionId: input.copyOfVersionId?.id ?? null },
        { idempotencyKey },
      ),
  }),
);

builder.mutationField("saveCriteriaDraft", (t) =>
  t.field({
    type: CriteriaVersionPayload,
    description:
      "Replaces a draft's definition. An unfinished draft is saved with the problems the domain finds (formula problems with line and column), returned in `problems`; publishing needs none. A malformed definition (not JSON, wrong structure) is refused as CriteriaInvalidError and nothing is saved.",
    authScopes: { systemAdmin: true },
    errors: { types: [CriteriaInvalidFailure, DomainFailure] },
    args: {
      versionId: t.arg.globalID({ required: true, for: CriteriaSetVersionRef }),
      definition: t.arg.string({ required: true, validate: SaveCriteriaDraftInput.shape.definition }),
      expectedVersion: t.arg.int({ required: true, validate: ExpectedVersion }),
    },
    resolve: (_root, args, context) =>
      performCriteria(context, saveCriteriaDraft, {
        versionId: args.versionId.id,
        definition: args.definition,
        expectedVersion: args.expectedVersion,
      }),
  }),
);

builder.mutationField("publishCriteriaVersion", (t) =>
  t.field({
    type: CriteriaVersionPayload,
    description:
      "Validates a draft and freezes it as a published version with a content hash; rounds pin published versions, and nothing can change one afterwards.",
    authScopes: { systemAdmin: true },
    errors: { types: [CriteriaInvalidFailure, DomainFailure] },
    args: {
      versionId: t.arg.globalID({ required: true, for: CriteriaSetVersionRef }),
      expectedVersion: t.arg.int({ required: true, validate: ExpectedVersion }),
    },
    resolve: (_root, args, context) =>
      performCriteria(context, publishCriteriaVersion, {
        versionId: args.versionId.id,
        expectedVersion: args.expectedVersion,
      }),
  }),
);

builder.mutationField("newCriteriaDraft", (t) =>
  t.field({
    type: CriteriaVersionPayload,
    description:
      "Starts the next draft of a set from one of its published versions (at most one draft per set). Retrying with the same idempotencyKey returns the first draft.",
    authScopes: { systemAdmin: true },
    errors: { types: [DomainFailure] },
    args: {
      fromVersionId: t.arg.globalID({ required: true, for: CriteriaSetVersionRef }),
      idempotencyKey: t.arg.string({ required: true, validate: IdempotencyKey }),
    },
    resolve: (_root, args, context) =>
      perform(
        context,
        newCriteriaDraft,
        { fromVersionId: args.fromVersionId.id },
        { idempotencyKey: args.idempotencyKey },
      ),
  }),
);
