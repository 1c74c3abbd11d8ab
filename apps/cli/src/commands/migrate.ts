import { migrateToLatest, seedConfiguration } from "@lantoa/db";
import { type Lang, print, say } from "../messages.js";
import { databaseTarget, withDatabase } from "../open-database.js";

/** `lantoa migrate`: applies pending migrations and the default configuration (levels, kinds, fields, indicators). */
export async function runMigrate(lang: Lang): Promise<void> {
  const applied = await withDatabase(async ({ db }) => {
    const names = await migrateToLatest(db);
    await seedConfiguration(db);
    return names;
  });
  print(
    applied.length === 0
      ? say(
          lang,
          `Cơ sở dữ liệu đã ở phiên bản mới nhất (${databaseTarget().describe}).`,
          `The database is up to date (${databaseTarget().describe}).`,
        )
      : say(
          lang,
          `Đã áp dụng ${applied.length} bản nâng cấp: ${applied.join(", ")}`,
          `Applied ${applied.length} migrations: ${applied.join(", ")}`,
        ),
  );
}
