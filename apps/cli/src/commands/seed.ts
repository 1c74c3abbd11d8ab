import { migrateToLatest, seedDemoData } from "@lantoa/db";
import { type Lang, print, say } from "../messages.js";
import { withDatabase } from "../open-database.js";

/** `lantoa seed`: loads the Thanh Liêm demo data into a database without units (migrating first). */
export async function runSeed(lang: Lang): Promise<void> {
  const result = await withDatabase(async ({ db }) => {
    await migrateToLatest(db);
    return seedDemoData(db);
  });
  print(
    result.seeded
      ? say(
          lang,
          `Đã nạp dữ liệu mẫu: ${result.units} đơn vị, ${result.models} mô hình.`,
          `Loaded the demo data: ${result.units} units, ${result.models} models.`,
        )
      : say(
          lang,
          "Cơ sở dữ liệu đã có đơn vị: không nạp dữ liệu mẫu.",
          "The database already has units: demo data not loaded.",
        ),
  );
}
