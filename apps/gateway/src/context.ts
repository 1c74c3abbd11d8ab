import type { Database } from "@lantoa/db";
import type { Kysely } from "kysely";

/** What every resolver receives; built fresh for each request. */
export interface Context {
  readonly db: Kysely<Database>;
}
