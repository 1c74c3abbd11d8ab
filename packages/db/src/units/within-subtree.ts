import { type RawBuilder, sql } from "kysely";

/**
 * A condition: the unit whose materialized path is in `pathColumn` is `unitId` or
 * lies below it. A prefix match on the path, served by `units_path_idx`.
 *
 * @example
 * db.selectFrom("units as u").where(withinSubtree("u.path", scopeId))
 * // where "u"."path" like (select s.path from units s where s.id = $1) || '%'
 */
export function withinSubtree(pathColumn: string, unitId: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(pathColumn)} like (select s.path from units s where s.id = ${unitId}) || '%'`;
}
