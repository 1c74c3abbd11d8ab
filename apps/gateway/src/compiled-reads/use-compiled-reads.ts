import { countModelsMatchingRead, isDatabaseUnavailable, listModelsRead, type ModelOrder } from "@lantoa/db";
import { type ModelStatus, ModelStatusSchema } from "@lantoa/domain/model";
import { PothosValidationError } from "@pothos/core";
import { complexityFromQuery } from "@pothos/plugin-complexity";
import { decodeGlobalID, resolveCursorConnection } from "@pothos/plugin-relay";
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { type RawBuilder, sql } from "kysely";
import * as z from "zod";
import { COMPLEXITY_LIMIT } from "../builder.js";
import type { Context } from "../context.js";
import { MODEL_FILTER_RULES, modelListFilter, readsModelAtOnce } from "../schema/model.js";
import { decodeModelCursor, modelCursor } from "../schema/model-cursor.js";
import { parseUuid } from "../schema/unit.js";
import { type CollectedFields, collectFields, type Fragments, selectJson, signDownloads } from "./select-json.js";

/**
 * Answers the hottest reads, a page of models (`models`) and one model (`node`), with one
 * statement whose JSON PostgreSQL builds (select-json.ts) and the gateway passes through
 * to the response untouched, instead of rows parsed, resolved field by field and
 * serialized again: that rebuilding was most of a page's cost in the gateway.
 *
 * It answers only what it can answer exactly as the executor would, and hands everything
 * else to the executor: another root field or several, a field it does not compile, a
 * directive, an argument outside the checks below, a query over the cost limit, and any
 * failure (a bad cursor, a forbidden unit, an error of the database). Authorization is
 * the schema's: the field's signed-in check, the list's scope (`modelListFilter`, the
 * resolver's own), and each model's check decided without a lookup (`readsModelAtOnce`);
 * a model that would need more (a reviewer outside their units) sends the request to the
 * executor, which decides and words any refusal.
 */
export function useCompiledReads(): Plugin<Context> {
  const plans = new WeakMap<DocumentNode, Plan | null>();
  let warn: (...args: unknown[]) => void = () => {};
  // A refusal (a bad cursor, a forbidden unit) or a lost database is the executor's to word;
  // anything else is a fault of the compiled read, shown rather than silently paid for.
  const declined = (error: unknown) => {
    if (!(error instanceof GraphQLError || error instanceof PothosValidationError || isDatabaseUnavailable(error))) {
      warn("A compiled read failed; the executor answered instead.", error);
    }
    return null;
  };
  return {
    onYogaInit({ yoga }) {
      warn = (...args) => yoga.logger.warn(...args);
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      let plan = plans.get(args.document);
      if (plan === undefined) {
        plan = planFor(args.schema, args.document);
        plans.set(args.document, plan);
      }
      if (plan === null) return;
      const compiled = plan;
      setExecuteFn(
        async (executeArgs) => (await answer(compiled, executeArgs).catch(declined)) ?? executeFn(executeArgs),
      );
    },
  };
}

/** A JSON text passed through to the response as it is. */
class RawJson {
  constructor(readonly text: string) {}
  /** For anyone serializing the result another way (the response cache measuring it). */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** The result as JSON, RawJson texts spliced in; yoga calls it as the result's `stringify`. */
function writeJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(writeJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const members: string[] = [];
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined && typeof member !== "function")
        members.push(`${JSON.stringify(key)}:${writeJson(member)}`);
    }
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The fields of a connection, edge or page info asked for, by response key. */
type Shape = readonly {
  readonly key: string;
  readonly field: string;
  readonly sub?: Shape;
  readonly typename?: string;
}[];

interface PlanBase {
  readonly operation: OperationDefinitionNode;
  readonly document: DocumentNode;
  readonly key: string;
  readonly field: GraphQLField<unknown, unknown>;
  readonly node: FieldNode;
  /** The model's JSON over a row aliased `m`. */
  readonly modelJson: RawBuilder<unknown>;
}

type Plan =
  | (PlanBase & { readonly kind: "node" })
  | (PlanBase & { readonly kind: "models"; readonly shape: Shape; readonly totalCount: boolean });

function planFor(schema: GraphQLSchema, document: DocumentNode): Plan | null {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  if (operations.length !== 1 || operation?.operation !== "query" || operation.directives?.length) return null;
  const fragments: Fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const root = collectFields(schema, "Query", [operation.selectionSet], fragments);
  const [entry, ...others] = root ?? [];
  if (!entry || others.length > 0 || entry[1].length !== 1) return null;
  const [key, [node]] = entry as [string, [FieldNode]];
  const field = schema.getQueryType()?.getFields()[node.name.value];
  if (!field || !node.selectionSet) return null;
  const base = { operation, document, key, field, node };
  if (node.name.value === "node") {
    const modelJson = selectJson(schema, "Model", "m", [node.selectionSet], fragments);
    return modelJson && { ...base, kind: "node", modelJson };
  }
  if (node.name.value !== "models") return null;
  const connectionType = getNamedType(field.type).name;
  let modelJson: RawBuilder<unknown> | null = null;
  let totalCount = false;
  const shapeOf = (typeName: string, fields: CollectedFields | null, allowed: readonly string[]): Shape | null => {
    if (fields === null) return null;
    const shape: Shape[number][] = [];
    for (const [fieldKey, nodes] of fields) {
      const name = nodes[0]?.name.value ?? "";
      if (!allowed.includes(name) || nodes.some((n) => n.name.value !== name || (n.arguments?.length ?? 0) > 0)) {
        return null;
      }
      const sets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
      if (name === "__typename") shape.push({ key: fieldKey, field: name, typename: typeName });
      else if (name === "totalCount") {
        totalCount = true;
        shape.push({ key: fieldKey, field: name });
      } else if (name === "node") {
        modelJson = selectJson(schema, "Model", "m", sets, fragments);
        if (modelJson === null) return null;
        shape.push({ key: fieldKey, field: name });
      } else if (name === "edges" || name === "pageInfo") {
        const parent = schema.getType(typeName);
        const subField = isObjectType(parent) ? parent.getFields()[name] : undefined;
        if (!subField) return null;
        const subType = getNamedType(subField.type).name;
        const sub = shapeOf(
          subType,
          collectFields(schema, subType, sets, fragments),
          name === "edges"
            ? ["__typename", "cursor", "node"]
            : ["__typename", "hasNextPage", "hasPreviousPage", "startCursor", "endCursor"],
        );
        if (sub === null) return null;
        shape.push({ key: fieldKey, field: name, sub });
      } else shape.push({ key: fieldKey, field: name });
    }
    return shape;
  };
  const shape = shapeOf(connectionType, collectFields(schema, connectionType, [node.selectionSet], fragments), [
    "__typename",
    "edges",
    "pageInfo",
    "totalCount",
  ]);
  return shape && modelJson && { ...base, kind: "models", shape, totalCount, modelJson };
}

/** The filter arguments answered here, with the schema's rules; any other (a search) goes to the executor. */
const CompiledFilter = z.strictObject({
  withinUnitId: z.string().nullish(),
  status: z.enum(ModelStatusSchema.options).nullish(),
  level: MODEL_FILTER_RULES.level.nullish(),
  unitKind: MODEL_FILTER_RULES.unitKind.nullish(),
  field: MODEL_FILTER_RULES.field.nullish(),
  annualTheme: MODEL_FILTER_RULES.annualTheme.nullish(),
  fromYear: MODEL_FILTER_RULES.fromYear.nullish(),
  toYear: MODEL_FILTER_RULES.toYear.nullish(),
  excludeGenerated: z.boolean().nullish(),
  pilots: z.boolean().nullish(),
});

/** The columns a page's cursors and each model's check read, with the model's JSON. */
interface ModelJsonRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly status: ModelStatus;
  readonly start_date: string;
  readonly owner_path: string;
  readonly is_pilot: boolean;
  readonly json: string;
}

const MODEL_JSON_COLUMNS = [
  "m.id",
  "m.code",
  "m.name",
  "m.status",
  "m.start_date",
  "m.owner_path",
  "m.is_pilot",
] as const;
const asText = (json: RawBuilder<unknown>) => sql<string>`${json}::text`.as("json");

/** The plan's answer to one request, or null for the executor to answer. */
async function answer(plan: Plan, args: ExecutionArgs): Promise<ExecutionResult | null> {
  const context = args.contextValue as Context;
  const viewer = context.viewer;
  if (viewer === null || (args.operationName && plan.operation.name?.value !== args.operationName)) return null;
  const rawVariables = (args.variableValues ?? {}) as Record<string, unknown>;
  const variables = getVariableValues(args.schema, plan.operation.variableDefinitions ?? [], rawVariables);
  if (variables.errors) return null;
  const cost = complexityFromQuery(plan.document, { schema: args.schema, variables: rawVariables, ctx: context });
  if (
    cost.complexity > COMPLEXITY_LIMIT.complexity ||
    cost.depth > COMPLEXITY_LIMIT.depth ||
    cost.breadth > COMPLEXITY_LIMIT.breadth
  ) {
    return null;
  }
  const values = getArgumentValues(plan.field, plan.node, variables.coerced);
  const { db, reads } = context;
  const json = (row: ModelJsonRow) =>
    new RawJson(signDownloads(row.json, (evidenceId) => context.evidenceLinks.pathFor(evidenceId, context.now)));
  const result = (data: unknown): ExecutionResult =>
    ({ data: { [plan.key]: data }, stringify: writeJson }) as ExecutionResult;

  if (plan.kind === "node") {
    const global = decodeGlobalID(String(values.id));
    if (global.typename !== "Model") return null;
    const id = parseUuid(global.id);
    const [row] = await reads.run({
      query: db
        .selectFrom("models as m")
        .select(MODEL_JSON_COLUMNS)
        .select(asText(plan.modelJson))
        .where("m.id", "=", id),
      timestamps: [],
      arrange: (rows: readonly ModelJsonRow[]) => rows,
    });
    return row && readsModelAtOnce(viewer, row) ? result(json(row)) : null;
  }

  const asked = CompiledFilter.safeParse(values.filter ?? {});
  if (!asked.success) return null;
  const { withinUnitId, ...rest } = asked.data;
  let unit: { typename: string; id: string } | undefined;
  if (withinUnitId) {
    const global = decodeGlobalID(withinUnitId);
    if (global.typename !== "Unit") return null;
    unit = { typename: "Unit", id: parseUuid(global.id) };
  }
  const filter = await modelListFilter(context, { ...rest, withinUnitId: unit });
  const order = (values.orderBy ?? "code") as ModelOrder;
  let total: Promise<number> | undefined;
  const connection = await resolveCursorConnection<Promise<ModelJsonRow[]>>(
    { args: values, toCursor: (row: ModelJsonRow) => modelCursor(row, order), defaultSize: 50, maxSize: 200 },
    ({ before, after, limit, inverted }) => {
      const page = listModelsRead(db, filter, {
        order,
        after: after === undefined ? undefined : decodeModelCursor(after, order),
        before: before === undefined ? undefined : decodeModelCursor(before, order),
        limit,
        inverted,
      }).query;
      // Asked in the same turn as the page: the read batch sends both in one statement.
      const rows = reads.run({
        query: db.selectFrom(page.as("m")).select(MODEL_JSON_COLUMNS).select(asText(plan.modelJson)),
        timestamps: [],
        arrange: (found: readonly ModelJsonRow[]) => [...found],
      });
      if (plan.totalCount) total = reads.run(countModelsMatchingRead(db, filter));
      return rows;
    },
  );
  if (!connection?.edges.every((edge) => edge !== null && readsModelAtOnce(viewer, edge.node))) return null;
  const counted = await total;
  const shaped = (source: Record<string, unknown>, shape: Shape): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const { key, field, sub, typename } of shape) {
      const value = source[field];
      out[key] =
        typename ??
        (field === "totalCount"
          ? counted
          : field === "node"
            ? json(value as ModelJsonRow)
            : sub === undefined
              ? value
              : Array.isArray(value)
                ? value.map((item: Record<string, unknown>) => shaped(item, sub))
                : shaped(value as Record<string, unknown>, sub));
    }
    return out;
  };
  return result(shaped(connection as unknown as Record<string, unknown>, plan.shape));
}
