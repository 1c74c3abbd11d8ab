import { rebuildRollups } from "@lantoa/db";
import { type Lang, print, say } from "../messages.js";
import { withDatabase } from "../open-database.js";

/** `lantoa rollups rebuild`: recomputes the report rollups from the raw rows (after a bulk load, or to check for drift). */
export async function runRollupsRebuild(lang: Lang): Promise<void> {
  const seconds = await withDatabase(async ({ db }) => {
    const started = performance.now();
    await rebuildRollups(db);
    return (performance.now() - started) / 1000;
  });
  print(
    say(
      lang,
      `Đã tính lại số liệu tổng hợp cho báo cáo trong ${seconds.toFixed(1)} giây.`,
      `Rebuilt the report rollups in ${seconds.toFixed(1)} s.`,
    ),
  );
}
