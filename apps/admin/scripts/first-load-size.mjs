// The JavaScript a browser loads before the first page shows, gzipped: the entry script in
// dist/index.html and every chunk it imports statically (what Vite preloads), plus, with
// `--route NAME`, a lazily loaded page chunk and its static imports (e.g. dashboard-page, the
// signed-in first page). Run after `vite build`:
//   node scripts/first-load-size.mjs [--route dashboard-page] [--max-kb 400]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const defaultDist = fileURLToPath(new URL("../dist/", import.meta.url));
// Static imports only (`import … from "./x.js"` and bare `import "./x.js"`), not `import()`.
const staticImport = /(?:^|[;\n}])\s*import\s*(?:[\w$*{},\s]+from\s*)?["']\.\/([^"']+\.js)["']/g;

/** Files, raw and gzipped bytes of the first load (with a route's chunk when named). */
export function firstLoadSize(route, dist = defaultDist) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error("no module script in dist/index.html");
  const roots = [entry];
  if (route) {
    const chunk = readdirSync(join(dist, "assets")).find((f) => f.startsWith(`${route}-`) && f.endsWith(".js"));
    if (!chunk) throw new Error(`no chunk named ${route}-*.js`);
    roots.push(`assets/${chunk}`);
  }
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(join(dist, file), "utf8").matchAll(staticImport)) visit(`assets/${match[1]}`);
  };
  for (const root of roots) visit(root);
  let raw = 0;
  let gzipped = 0;
  for (const file of seen) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: seen.size, raw, gzipped };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const route = option("--route");
  const { files, raw, gzipped } = firstLoadSize(route);
  const kb = (n) => (n / 1024).toFixed(1);
  process.stdout.write(
    `first load${route ? ` + ${route}` : ""}: ${files} files, ${kb(raw)} KB raw, ${kb(gzipped)} KB gzipped\n`,
  );
  const max = Number(option("--max-kb") ?? Number.NaN);
  if (Number.isFinite(max) && gzipped / 1024 > max) {
    process.stderr.write(`over the ${max} KB budget\n`);
    process.exit(1);
  }
}
