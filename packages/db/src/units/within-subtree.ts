import { type RawBuilder, sql } from "kysely";

/**
 * A condition: the unit whose materialized path is in `pathColumn` is `unitId` or
 * lies below it. Written as a range on the path (the scope's path up to that path
 * followed by '~') rather than `LIKE (subquery) || '%'`: the planner cannot see a
 * prefix through a subquery, but it turns a range into an index range scan on
 * `units_path_idx`. Paths hold only hex digits, '-' and '/', all below '~'.
 *
 * @example
 * db.selectFrom("units as u").where(withinSubtree("u.path", scopeId))
 * // where "u"."path" ~>=~ (select path …) and "u"."path" ~<~ ((select path …) || '~')
 */
export function withinSubtree(pathColumn: string, unitId: string): RawBuilder<boolean> {
  const scope = sql<string>`(select s.path from units s where s.id = ${unitId})`;
  return sql<boolean>`(${sql.ref(pathColumn)} ~>=~ ${scope} and ${sql.ref(pathColumn)} ~<~ (${scope} || '~'))`;
}
