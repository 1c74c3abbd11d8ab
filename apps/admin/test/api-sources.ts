import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root, for reading the API's sources from the admin's tests. */
export const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "test-support" || name === "seed" ? [] : sourceFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

/**
 * The TypeScript sources (not tests, seeds or test support) below the given folders of the
 * repository that exist: what answers the API, read as text.
 *
 * @example apiSourceFiles(["apps/gateway/src", "packages/app/src"])
 */
export function apiSourceFiles(dirs: readonly string[]): string[] {
  return dirs
    .map((dir) => join(repositoryRoot, dir))
    .filter(existsSync)
    .flatMap(sourceFiles);
}
