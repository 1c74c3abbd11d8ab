// `pnpm run check:package` in a published package (@lantoa/domain, @lantoa/db, @lantoa/client, @lantoa/app):
// what a registry page and a consumer need, checked on what `npm pack` would publish.
// - LICENSE: the repository's, in the package;
// - package.json: license, repository (with its directory), homepage, bugs, engines, ESM;
// - the packed files: README (and what it links to) and LICENSE, no tests, every source
//   map's sources shipped, no build output left behind by a deleted source.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";

const packageDir = process.cwd();
const root = join(packageDir, "../..");
const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const problems = [];
const need = (ok, message) => {
  if (!ok) problems.push(message);
};

need(existsSync(join(packageDir, "LICENSE")), "no LICENSE in the package");
if (existsSync(join(packageDir, "LICENSE"))) {
  need(
    readFileSync(join(packageDir, "LICENSE"), "utf8") === readFileSync(join(root, "LICENSE"), "utf8"),
    "LICENSE differs from the repository's",
  );
}
const directory = relative(root, packageDir).split("\\").join("/");
need(pkg.license === "MIT", `license is ${pkg.license}, not MIT`);
need(pkg.type === "module", "not an ES module package");
need(pkg.repository?.type === "git" && /^git\+https:\/\//.test(pkg.repository?.url ?? ""), "no git repository url");
need(pkg.repository?.directory === directory, `repository.directory is not ${directory}`);
need(typeof pkg.homepage === "string" && pkg.homepage.startsWith("https://"), "no homepage");
need(typeof pkg.bugs?.url === "string", "no bugs url");
need(pkg.engines?.node === ">=20.19", "engines.node is not >=20.19");

const [packed] = JSON.parse(
  execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { encoding: "utf8" }),
);
const files = new Set(packed.files.map((f) => f.path));
need(files.has("README.md"), "README.md is not packed");
// A README stands alone on a registry page: what it links to inside the package is shipped.
for (const [, target] of readFileSync(join(packageDir, "README.md"), "utf8").matchAll(/\]\(\.\/([^)#]+)\)/g)) {
  need(files.has(target), `README.md links to ${target}, which is not packed`);
}
need(files.has("LICENSE"), "LICENSE is not packed");
for (const file of files) {
  need(!/\.test\.tsx?$|\/test-support\//.test(file), `a test is packed: ${file}`);
  if (file.startsWith("dist/") && file.endsWith(".js")) {
    const source = file.replace(/^dist\//, "src/").replace(/\.js$/, ".ts");
    need(files.has(source) || files.has(`${source}x`), `${file} has no source (left from a deleted file?)`);
  }
  if (!file.endsWith(".map")) continue;
  const map = JSON.parse(readFileSync(join(packageDir, file), "utf8"));
  for (const source of map.sources) {
    const resolved = posix.normalize(posix.join(posix.dirname(file), map.sourceRoot ?? "", source));
    need(files.has(resolved), `${file} points at ${resolved}, which is not packed`);
  }
}

if (problems.length > 0) {
  process.stderr.write(
    `${pkg.name}: ${problems.length} packaging problem(s)\n${problems.map((p) => `  - ${p}`).join("\n")}\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `${pkg.name}: ${files.size} files packed, ${[...files].filter((f) => f.endsWith(".map")).length} source maps all resolve\n`,
);
