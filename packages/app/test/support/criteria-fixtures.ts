import { createCriteriaSet, publishCriteriaVersion, saveCriteriaDraft } from "@lantoa/app";
import { type AppHarness, accepted } from "./app-harness.js";

/** A stored criteria-set version as a test reads it back. */
export async function criteriaVersion(h: AppHarness, versionId: string) {
  const row = await h.database.db
    .selectFrom("criteria_set_versions")
    .selectAll()
    .where("id", "=", versionId)
    .executeTakeFirstOrThrow();
  return { ...row, definition: row.definition as Record<string, any> };
}

/** A new set with a draft (version 1) from the blank or default rubric, made by the system admin. */
export async function newCriteriaSet(
  h: AppHarness,
  startFrom: "BLANK" | "DEFAULT" = "BLANK",
): Promise<{ code: string; setId: string; versionId: string }> {
  const code = h.unique("bo-tieu-chi-");
  const created = accepted(
    await h.app.run(createCriteriaSet, await h.as("admin"), { code, name: `Bộ tiêu chí ${code}`, startFrom }),
  );
  return { code, ...created };
}

/** A new set whose first version is published (version 2 of its row). */
export async function publishedCriteriaSet(
  h: AppHarness,
  startFrom: "BLANK" | "DEFAULT" = "BLANK",
): Promise<{ code: string; setId: string; versionId: string }> {
  const set = await newCriteriaSet(h, startFrom);
  accepted(
    await h.app.run(publishCriteriaVersion, await h.as("admin"), { versionId: set.versionId, expectedVersion: 1 }),
  );
  return set;
}

/**
 * A new set whose draft (now at version 2) is saved unfinished: its two criteria's
 * points add up to 90 of 100.
 */
export async function unfinishedCriteriaSet(
  h: AppHarness,
): Promise<{ code: string; setId: string; versionId: string }> {
  const set = await newCriteriaSet(h);
  const definition = (await criteriaVersion(h, set.versionId)).definition;
  definition.criteria = [
    { ...definition.criteria[0], points: 60 },
    { ...definition.criteria[0], id: "impact", label: { vi: "Tác động", en: "Impact" }, points: 30 },
  ];
  const saved = accepted(
    await h.app.run(saveCriteriaDraft, await h.as("admin"), {
      versionId: set.versionId,
      definition: JSON.stringify(definition),
      expectedVersion: 1,
    }),
  );
  if (saved.problems.length === 0) throw new Error("the unfinished fixture has no problem");
  return set;
}
