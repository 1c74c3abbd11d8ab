import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { connect, openPglite, pgliteConnection } from "../connect.js";
import { migrateToLatest } from "../migrate.js";
import { seedDemoData } from "../seed/seed-demo-data.js";
import { createServerDatabase, TEST_DATABASE_URL_VAR, type TestDatabase, type TestEngine } from "./test-engines.js";

/**
 * A fingerprint of the code that builds the demo database: every source file of this
 * package but the test helpers (migrations, seeds and the repositories they call), the
 * domain's build, and the PGlite build. A change to any of them makes a new demo image.
 */
function demoFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (dir: string, root: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "testing") walk(path, root);
      } else if (/\.(js|ts)$/.test(entry.name) && !/\.(d|test)\.ts$/.test(entry.name)) {
        hash.update(relative(root, path)).update(readFileSync(path));
      }
    }
  };
  const own = fileURLToPath(new URL("..", import.meta.url));
  walk(own, own);
  // The domain's rules score the demo round: its build is part of the image too.
  const domain = dirname(fileURLToPath(import.meta.resolve("@lantoa/domain")));
  walk(domain, domain);
  hash.update(import.meta.resolve("@electric-sql/pglite"));
  return hash.digest("hex").slice(0, 16);
}

let fingerprint: string | undefined;
function demoName(): string {
  fingerprint ??= demoFingerprint();
  return `lantoa_demo_${fingerprint}`;
}

/** The migrated, seeded PGlite data folder as a gzipped tarball, built once per code version. */
async function pgliteDemoImage(): Promise<Blob> {
  const file = join(tmpdir(), `${demoName()}.tar.gz`);
  if (!existsSync(file)) {
    const pglite = await openPglite({});
    const connection = pgliteConnection(pglite);
    try {
      await migrateToLatest(connection.db);
      await seedDemoData(connection.db);
      const image = await pglite.dumpDataDir("gzip");
      // Written aside and renamed: a parallel suite never reads half a file.
      const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
      writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
      renameSync(partial, file);
    } finally {
      await connection.close();
    }
  }
  return new Blob([readFileSync(file)]);
}

/** A seeded template database on the server, built once per code version under an advisory lock. */
async function postgresDemoTemplate(adminUrl: string): Promise<string> {
  const name = demoName();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building} TEMPLATE template0 ENCODING 'UTF8'`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      const connection = await connect({ engine: "postgres", url: url.toString(), maxConnections: 2 });
      try {
        await migrateToLatest(connection.db);
        await seedDemoData(connection.db);
      } finally {
        await connection.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
  } finally {
    await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [name]).catch(() => undefined);
    await admin.end();
  }
  return name;
}

/**
 * A database of its own holding the migrated demo data, as `createTestDatabase` then
 * `seedDemoData` would give, but copied from an image built once per version of the
 * code (a PGlite dump in the temp folder; a template database on PostgreSQL), so a
 * suite starts in a second or two instead of seeding again.
 */
export async function createDemoTestDatabase(
  engine: TestEngine,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TestDatabase> {
  if (engine === "pglite") {
    const connection = pgliteConnection(await openPglite({ loadDataDir: await pgliteDemoImage() }));
    return { ...connection, name: "memory" };
  }
  const adminUrl = env[TEST_DATABASE_URL_VAR];
  if (!adminUrl) throw new Error(`${TEST_DATABASE_URL_VAR} is not set`);
  return createServerDatabase(adminUrl, await postgresDemoTemplate(adminUrl));
}
