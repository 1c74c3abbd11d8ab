import { generateScaleData, migrateToLatest } from "@lantoa/db";
import { type Lang, print, say } from "../messages.js";
import { withDatabase } from "../open-database.js";
import { progressBar } from "../progress-bar.js";

/** `lantoa generate-scale`: fills an empty database with deterministic country-scale data. */
export async function runGenerateScale(
  lang: Lang,
  options: { models: number; units: number; seed: number },
): Promise<void> {
  const bar = progressBar();
  const summary = await withDatabase(async ({ db, engine }) => {
    await migrateToLatest(db);
    const copyUrl = engine === "postgres" ? process.env.DATABASE_URL : undefined;
    let step = 0;
    try {
      return await generateScaleData(db, {
        models: options.models,
        units: options.units,
        seed: options.seed,
        ...(copyUrl ? { copyUrl } : {}),
        // The generator reports one line per table loaded; seven tables in all.
        log: (line) => bar.update(line.slice(0, 40), ++step, Math.max(step, 7)),
      });
    } finally {
      bar.stop();
    }
  });
  print(
    say(
      lang,
      `Đã tạo ${summary.units} đơn vị, ${summary.models} mô hình, ${summary.indicatorValues} kết quả trong ${summary.totalSeconds.toFixed(1)} giây.`,
      `Generated ${summary.units} units, ${summary.models} models, ${summary.indicatorValues} values in ${summary.totalSeconds.toFixed(1)} s.`,
    ),
  );
}
