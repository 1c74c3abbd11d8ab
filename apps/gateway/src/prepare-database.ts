import { type Database, migrateToLatest, seedConfiguration, seedDemoData } from "@lantoa/db";
import type { Kysely } from "kysely";
import type { GatewayConfig } from "./config.js";

/**
 * Migrates the database, loads the demo data on first run (when `LANTOA_SEED_DEMO` allows)
 * and the configuration every database needs. Run once before serving: by the gateway
 * itself, or by the primary of several workers before it forks them, so that workers never
 * race on migrations or seeding.
 */
export async function prepareDatabase(
  db: Kysely<Database>,
  config: Pick<GatewayConfig, "seedDemo">,
): Promise<{ seeded: boolean }> {
  await migrateToLatest(db);
  const { seeded } = config.seedDemo ? await seedDemoData(db) : { seeded: false };
  await seedConfiguration(db);
  return { seeded };
}
