import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../database.js";

/** One model that replicates another, directly (depth 1) or through adopters (depth 2, 3…). */
export interface ReplicationTreeRow {
  readonly model_id: string;
  readonly origin_model_id: string;
  readonly adopted_on: string;
  readonly depth: number;
  readonly code: string;
  readonly name: string;
  readonly owner_unit_id: string;
  readonly owner_path: string;
  readonly is_pilot: boolean;
  readonly status: string;
}

/**
 * Every model replicating `originId`, down the whole tree, depth first, in one
 * recursive statement (depth capped at 50 as a guard).
 *
 * @example
 * await replicationTree(db, pilotId)
 * // with recursive tree as (select … from replications where origin_model_id = $1 union all …) select … order by path
 */
export async function replicationTree(
  db: Kysely<Database> | Transaction<Database>,
  originId: string,
): Promise<ReplicationTreeRow[]> {
  const { rows } = await sql<ReplicationTreeRow>`
    with recursive tree as (
      select r.adopter_model_id, r.origin_model_id, r.adopted_on, 1 as depth, array[r.adopter_model_id] as trail
      from replications r where r.origin_model_id = ${originId}
      union all
      select r.adopter_model_id, r.origin_model_id, r.adopted_on, t.depth + 1, t.trail || r.adopter_model_id
      from replications r join tree t on r.origin_model_id = t.adopter_model_id
      where t.depth < 50 and not r.adopter_model_id = any(t.trail)
    )
    select t.adopter_model_id as model_id, t.origin_model_id, to_char(t.adopted_on, 'YYYY-MM-DD') as adopted_on,
      t.depth, m.code, m.name, m.owner_unit_id, u.path as owner_path, m.is_pilot, m.status
    from tree t join models m on m.id = t.adopter_model_id join units u on u.id = m.owner_unit_id
    order by t.trail`.execute(db);
  return rows.map((r) => ({ ...r, depth: Number(r.depth) }));
}

/**
 * The chain of origins above a model (its origin, the origin's origin…), nearest first,
 * as replication links: what the domain needs to check a new link stays acyclic.
 *
 * @example await originChain(trx, pilotId) // [{ adopterModelId: pilotId, originModelId: …, adoptedOn: … }]
 */
export async function originChain(
  db: Kysely<Database> | Transaction<Database>,
  modelId: string,
): Promise<{ adopterModelId: string; originModelId: string; adoptedOn: string }[]> {
  const { rows } = await sql<{ adopter_model_id: string; origin_model_id: string; adopted_on: string }>`
    with recursive chain as (
      select r.adopter_model_id, r.origin_model_id, r.adopted_on, 1 as depth
      from replications r where r.adopter_model_id = ${modelId}
      union all
      select r.adopter_model_id, r.origin_model_id, r.adopted_on, c.depth + 1
      from replications r join chain c on r.adopter_model_id = c.origin_model_id
      where c.depth < 50
    )
    select adopter_model_id, origin_model_id, to_char(adopted_on, 'YYYY-MM-DD') as adopted_on from chain order by depth`.execute(
    db,
  );
  return rows.map((r) => ({
    adopterModelId: r.adopter_model_id,
    originModelId: r.origin_model_id,
    adoptedOn: r.adopted_on,
  }));
}
