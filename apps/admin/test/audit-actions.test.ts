import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auditActionFamilies, auditActions, auditActionWords } from "../src/audit/audit-actions";
import { messagesEn } from "../src/i18n/messages-en";
import { messagesVi } from "../src/i18n/messages-vi";
import { apiSourceFiles, repositoryRoot } from "./api-sources";

/** Everything that writes the audit log: the gateway, the use cases and the repositories. */
const sourceDirs = ["apps/gateway/src", "packages/app/src", "packages/db/src"];

/**
 * Actions written through a variable, with the values it takes in that file: the mutations
 * of configuration labels are made in a loop over their names.
 */
const actionsThroughVariables: Record<string, string[]> = {
  field: ["saveUnitKind", "saveField"],
  name: ["saveUnitKind", "saveField"],
};

/** Actions made by a function of another action: a refusal is `<use case>.refused`, in words by its use case. */
const derivedActions = ["refusedAction"];

/**
 * The `action` of every `appendAudit(…)` call in the sources: literals ("round.create", both
 * sides of a conditional), prefixes of template literals (`model.${…}` as "model."), and
 * variables by {@link actionsThroughVariables}.
 */
function auditedActions(): { literals: string[]; prefixes: string[]; unknownVariables: string[] } {
  const literals = new Set<string>();
  const prefixes = new Set<string>();
  const unknownVariables: string[] = [];
  for (const file of apiSourceFiles(sourceDirs)) {
    const text = readFileSync(file, "utf8");
    for (const call of text.matchAll(/(?:appendAudit\(\s*\w+,\s*|\.audit\(\s*)\{/g)) {
      const body = text.slice((call.index ?? 0) + call[0].length, (call.index ?? 0) + call[0].length + 500);
      // The action's value ends at the first comma outside a string (other keys may share its line).
      const line = /\baction(?::\s*((?:[^,\n"`]|"[^"]*"|`[^`]*`)*)|,)/.exec(body);
      if (!line) continue;
      const value = line[1] ?? "action";
      const strings = [...value.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
      const template = /`([^`$]*)\$\{/.exec(value);
      if (strings.length > 0) for (const s of strings) literals.add(s);
      else if (template) prefixes.add(template[1] as string);
      else {
        const name = /^(\w+)/.exec(value.trim())?.[1] ?? value;
        if (derivedActions.includes(name)) continue;
        const known = actionsThroughVariables[name];
        if (known?.every((action) => text.includes(`"${action}"`))) for (const a of known) literals.add(a);
        else unknownVariables.push(`${file.slice(repositoryRoot.length)}: action ${value.trim()}`);
      }
    }
  }
  return { literals: [...literals].sort(), prefixes: [...prefixes].sort(), unknownVariables };
}

describe("audit actions in words", () => {
  const found = auditedActions();

  it("finds the audited actions in the sources (the walk itself works)", () => {
    expect(found.literals).toContain("createUnit");
    expect(found.literals).toContain("scorecard.submit");
    expect(found.literals).toContain("saveField");
    expect(found.prefixes).toContain("model.");
    expect(found.literals.length).toBeGreaterThan(25);
    expect(found.unknownVariables).toEqual([]);
  });

  it("has Vietnamese and English words for every action the gateway audits", () => {
    const missing = found.literals.flatMap((action) =>
      [
        ["vi", messagesVi],
        ["en", messagesEn],
      ]
        .filter(([locale, table]) => {
          const label = (prefix: string, code: string) =>
            (table as Record<string, string>)[`${prefix}.${code}`] ?? code;
          return !auditActionWords(action, locale as "vi" | "en", label);
        })
        .map(([locale]) => `${action} (${locale})`),
    );
    expect(missing).toEqual([]);
    expect(found.prefixes.filter((prefix) => !auditActionFamilies[prefix])).toEqual([]);
  });

  it("has words for a refusal of every use case", () => {
    const useCases = apiSourceFiles(["packages/app/src"]).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/defineUseCase\(\{\s*name: "(\w+)"/g)].map((m) => m[1] as string),
    );
    expect(useCases.length).toBeGreaterThan(30);
    const label = (prefix: string, code: string) => (messagesVi as Record<string, string>)[`${prefix}.${code}`] ?? code;
    expect(useCases.filter((name) => auditActionWords(`${name}.refused`, "vi", label) === null)).toEqual([]);
  });

  it("names an action made from a step by its family and the step's label", () => {
    const label = (prefix: string, code: string) => (messagesVi as Record<string, string>)[`${prefix}.${code}`] ?? code;
    expect(auditActionWords("model.approve", "vi", label)).toBe("Mô hình: Duyệt");
    expect(auditActionWords("round.open-council", "vi", label)).toBe(
      `Đợt bình xét: ${messagesVi["rounds.step.OPEN_COUNCIL"]}`,
    );
    expect(auditActionWords("round.assign.manual", "vi", label)).toBe(
      `Phân công giám khảo: ${messagesVi["rounds.source.manual"]}`,
    );
    expect(auditActionWords("goldenBook.verified", "vi", label)).toBe("Sổ vàng: Đã xác minh");
    expect(auditActionWords("round.create", "en", label)).toBe("Created a round");
    expect(auditActionWords("somethingNew", "en", label)).toBeNull();
    expect(auditActionWords("renameUnit.refused", "vi", label)).toBe("Bị từ chối: Đổi tên đơn vị");
    expect(auditActionWords("model.approve.refused", "vi", label)).toBe("Bị từ chối: Mô hình: Duyệt");
    const labelEn = (prefix: string, code: string) =>
      (messagesEn as Record<string, string>)[`${prefix}.${code}`] ?? code;
    expect(auditActionWords("model.suspend", "en", labelEn)).toBe(`Model: ${messagesEn["action.suspend"]}`);
  });

  it("never says the same words in both languages", () => {
    for (const [action, { vi, en }] of Object.entries(auditActions)) expect(vi, action).not.toBe(en);
  });
});
