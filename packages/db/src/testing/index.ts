export { type DatabaseSnapshot, snapshotDatabase } from "./database-snapshot.js";
export { createDemoTestDatabase } from "./demo-test-database.js";
export {
  createTestDatabase,
  requirePostgresInCi,
  TEST_DATABASE_URL_VAR,
  type TestDatabase,
  type TestEngine,
  testEngines,
} from "./test-engines.js";
export { zipWithOneEntry } from "./zip-with-one-entry.js";
