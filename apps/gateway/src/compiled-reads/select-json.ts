import { randomBytes } from "node:crypto";
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  isAbstractType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from "graphql";
import { type RawBuilder, sql } from "kysely";

/**
 * Compiles a GraphQL selection on a model into one SQL expression that builds its JSON
 * answer: `json_build_object` with the response keys in the selection's order, correlated
 * subqueries for the nested objects and lists. Each field below says which column or rows
 * answer it and matches its resolver in `schema/` exactly (the same rows, the same order,
 * the same formatting); a field not listed here, a directive, or a selection PostgreSQL
 * cannot build in one call makes the whole selection uncompilable (null), and the executor
 * answers instead. Only fields without arguments and without authorization of their own are
 * listed: the reader checks the model itself (see use-compiled-reads.ts).
 */

/**
 * What an uploaded evidence's `downloadUrl` is in the SQL's JSON until the gateway signs it
 * (`"<mark>:<evidence id>"`, see {@link signDownloads}): random per process, so that no text
 * a user wrote can pass for it.
 */
const DOWNLOAD_MARK = `lantoa-download-${randomBytes(16).toString("hex")}`;
const DOWNLOAD_VALUE = new RegExp(`"${DOWNLOAD_MARK}:([0-9a-f-]{36})"`, "g");

/** The JSON with each evidence's download mark replaced by its signed address, as the resolver gives it. */
export function signDownloads(json: string, sign: (evidenceId: string) => string): string {
  return json.includes(DOWNLOAD_MARK)
    ? json.replace(DOWNLOAD_VALUE, (_, id: string) => JSON.stringify(sign(id)))
    : json;
}

/** Fragments by name, as a document declares them. */
export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** The fields of one or more selection sets, by response key, as the executor would merge them. */
export type CollectedFields = Map<string, FieldNode[]>;

/**
 * The fields selected on an object of `typeName`, fragments flattened (those on another
 * type skipped, as the executor skips them); null when a directive or an unknown fragment
 * appears, since the executor's handling of those is not repeated here.
 */
export function collectFields(
  schema: GraphQLSchema,
  typeName: string,
  selectionSets: readonly SelectionSetNode[],
  fragments: Fragments,
  into: CollectedFields = new Map(),
): CollectedFields | null {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return null;
  const applies = (condition: string | undefined) => {
    if (condition === undefined || condition === typeName) return true;
    const other = schema.getType(condition);
    return isAbstractType(other) && schema.isSubType(other, type);
  };
  for (const set of selectionSets) {
    for (const selection of set.selections) {
      if (selection.directives?.length) return null;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const same = into.get(key);
        if (same) same.push(selection);
        else into.set(key, [selection]);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) return null;
      if (!applies(fragment.typeCondition?.name.value)) continue;
      if (collectFields(schema, typeName, [fragment.selectionSet], fragments, into) === null) return null;
    }
  }
  return into;
}

/** What a field compiles with: the row's alias, and its sub-selection's compiler. */
interface FieldScope {
  readonly row: string;
  /** The JSON of the field's sub-selection on `type`, over a row aliased `alias`; null when uncompilable. */
  object(type: string, alias: string): RawBuilder<unknown> | null;
  /** A fresh alias for a nested row. */
  alias(): string;
}

type FieldSql = (scope: FieldScope) => RawBuilder<unknown> | null;

const ref = (row: string, column: string) => sql.ref(`${row}.${column}`);

/** A column as it is. */
const column =
  (name: string): FieldSql =>
  ({ row }) =>
    ref(row, name);

/** A numeric column as the resolver's `Number(...)` reads it: the nearest double, written shortest. */
const float =
  (name: string): FieldSql =>
  ({ row }) =>
    sql`${ref(row, name)}::float8`;

/** Pothos' global id: base64 of `Type:id` (short enough that PostgreSQL's base64 never breaks the line). */
const globalId =
  (type: string): FieldSql =>
  ({ row }) =>
    sql`encode(convert_to(${sql.lit(`${type}:`)} || ${ref(row, "id")}::text, 'UTF8'), 'base64')`;

/** One related row or null: `from` names the table and how it joins the row. */
const object =
  (type: string, from: (row: string, alias: string) => RawBuilder<unknown>): FieldSql =>
  (scope) => {
    const alias = scope.alias();
    const json = scope.object(type, alias);
    return json && sql`(select ${json} from ${from(scope.row, alias)})`;
  };

/** Related rows as a JSON array in `order` (an empty array when none). */
const list =
  (
    type: string,
    from: (row: string, alias: string) => RawBuilder<unknown>,
    order: (alias: string) => string,
  ): FieldSql =>
  (scope) => {
    const alias = scope.alias();
    const json = scope.object(type, alias);
    return (
      json &&
      sql`(select coalesce(json_agg(${json} order by ${sql.raw(order(alias))}), '[]'::json) from ${from(scope.row, alias)})`
    );
  };

const unitById = (idColumn: string) => (row: string, alias: string) =>
  sql`units ${sql.id(alias)} where ${ref(alias, "id")} = ${ref(row, idColumn)}`;
const ofModel = (table: string, modelColumn: string) => (row: string, alias: string) =>
  sql`${sql.table(table)} ${sql.id(alias)} where ${ref(alias, modelColumn)} = ${ref(row, "id")}`;

/** The compilable fields of each type: the rest are answered by the executor. */
const TYPES: Record<string, Record<string, FieldSql>> = {
  Model: {
    id: globalId("Model"),
    code: column("code"),
    name: column("name"),
    kind: column("kind"),
    personName: column("person_name"),
    status: column("status"),
    fields: column("fields"),
    annualTheme: column("annual_theme"),
    problem: column("problem"),
    solution: column("solution"),
    startDate: column("start_date"),
    isPilot: column("is_pilot"),
    isPublic: column("is_public"),
    generated: column("generated"),
    version: column("version"),
    ownerUnit: object("Unit", unitById("owner_unit_id")),
    indicatorValues: list(
      "IndicatorValue",
      ofModel("indicator_values", "model_id"),
      (v) => `${v}.indicator_code, ${v}.period`,
    ),
    targets: list("ModelTarget", ofModel("model_targets", "model_id"), (t) => `${t}.indicator_code`),
    // As latestPublishedResultsRead: the latest published round's result.
    latestResult: object(
      "ModelResult",
      (row, r) =>
        sql`(select r.*, o.code as round_code, o.name as round_name from round_results r join rounds o on o.id = r.round_id
          where r.model_id = ${ref(row, "id")} and o.status = 'published' order by o.published_at desc, o.id limit 1) ${sql.id(r)}`,
    ),
    statusHistory: list("StatusChange", ofModel("model_status_history", "model_id"), (h) => `${h}.at, ${h}.id`),
    evidence: list("Evidence", ofModel("evidence", "model_id"), (e) => `${e}.uploaded_at, ${e}.id`),
    commendations: list(
      "Commendation",
      ofModel("commendations", "recipient_model_id"),
      (c) => `${c}.decision_date, ${c}.id`,
    ),
  },
  Unit: {
    id: globalId("Unit"),
    code: column("code"),
    name: column("name"),
    level: column("level"),
    kind: column("kind"),
    version: column("version"),
    depth: ({ row }) => sql`array_length(string_to_array(${ref(row, "path")}, '/'), 1) - 2`,
    parent: object("Unit", unitById("parent_id")),
  },
  IndicatorValue: {
    indicatorCode: column("indicator_code"),
    period: column("period"),
    value: float("value"),
    unitCode: column("unit_code"),
  },
  ModelTarget: {
    indicatorCode: column("indicator_code"),
    targetValue: float("target_value"),
    unitCode: column("unit_code"),
  },
  ModelResult: {
    roundCode: column("round_code"),
    roundName: column("round_name"),
    total: ({ row }) => sql`${ref(row, "total_milli")}::float8 / 1000`,
    max: ({ row }) => sql`${ref(row, "max_milli")}::float8 / 1000`,
    tier: column("tier"),
    rank: column("rank"),
    eliminated: column("eliminated"),
  },
  StatusChange: {
    from: column("from_status"),
    to: column("to_status"),
    command: column("command"),
    by: column("actor_name"),
    // As the resolver's toISOString: UTC, milliseconds.
    at: ({ row }) => sql`to_char(${ref(row, "at")} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    reason: column("reason"),
  },
  Evidence: {
    // Signed by the gateway once the JSON is back (signDownloads); null for a link.
    downloadUrl: ({ row }) =>
      sql`case when ${ref(row, "storage_key")} is not null then ${sql.lit(`${DOWNLOAD_MARK}:`)} || ${ref(row, "id")}::text end`,
    id: globalId("Evidence"),
    kind: column("kind"),
    title: column("title"),
    isPublic: column("is_public"),
    mimeType: column("mime_type"),
    sizeBytes: column("size_bytes"),
    uri: column("uri"),
  },
  Commendation: {
    decisionNumber: column("decision_number"),
    decisionDate: column("decision_date"),
    issuer: column("issuer"),
    level: column("level"),
    form: column("form"),
    validUntil: column("valid_until"),
    revokedOn: column("revoked_on"),
    revokedReason: column("revoked_reason"),
  },
};

/** PostgreSQL takes at most 100 arguments in a call: 50 keys with their values. */
const MAX_KEYS = 50;

/**
 * The JSON of `selectionSets` on a row of `typeName` aliased `row`, or null when any of it
 * is not compilable. The SQL is the same for every request of a document (no parameters).
 */
export function selectJson(
  schema: GraphQLSchema,
  typeName: string,
  row: string,
  selectionSets: readonly SelectionSetNode[],
  fragments: Fragments,
): RawBuilder<unknown> | null {
  let aliases = 0;
  const build = (type: string, alias: string, sets: readonly SelectionSetNode[]): RawBuilder<unknown> | null => {
    const fields = TYPES[type];
    const collected = fields && collectFields(schema, type, sets, fragments);
    if (!fields || !collected || collected.size === 0 || collected.size > MAX_KEYS) return null;
    const pairs: RawBuilder<unknown>[] = [];
    for (const [key, nodes] of collected) {
      const name = nodes[0]?.name.value ?? "";
      if (nodes.some((node) => node.name.value !== name || (node.arguments?.length ?? 0) > 0)) return null;
      const sub = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      const value =
        name === "__typename"
          ? sql.lit(type)
          : Object.hasOwn(fields, name)
            ? (fields[name] as FieldSql)({
                row: alias,
                alias: () => `j${++aliases}`,
                object: (nested, nestedAlias) => build(nested, nestedAlias, sub),
              })
            : null;
      if (value === null) return null;
      pairs.push(sql`${sql.lit(key)}, ${value}`);
    }
    return sql`json_build_object(${sql.join(pairs)})`;
  };
  return build(typeName, row, selectionSets);
}
