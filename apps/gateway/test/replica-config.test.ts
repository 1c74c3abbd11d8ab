import { describe, expect, it } from "vitest";
import { describeReplica, loadConfig } from "../src/index.js";

describe("read replica settings", () => {
  it("reads several replicas separated by commas, with a lag bound of 5 s unless said otherwise", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://lantoa@db-primary/lantoa",
      DATABASE_REPLICA_URLS: "postgres://lantoa@db-replica-1/lantoa, postgresql://lantoa@db-replica-2:5433/lantoa",
    });
    expect(config.replicaUrls).toEqual([
      "postgres://lantoa@db-replica-1/lantoa",
      "postgresql://lantoa@db-replica-2:5433/lantoa",
    ]);
    expect(config.replicaMaxLagMs).toBe(5_000);
  });

  it("refuses replicas without a PostgreSQL primary, saying why", () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: "postgres://lantoa@db-replica-1/lantoa" })).toThrow(
      "Invalid configuration:\n  DATABASE_REPLICA_URLS: read replicas need a PostgreSQL primary: set DATABASE_URL",
    );
  });

  it("refuses an address that is not PostgreSQL's", () => {
    expect(() =>
      loadConfig({ DATABASE_URL: "postgres://lantoa@db/lantoa", DATABASE_REPLICA_URLS: "mysql://db-replica-1/lantoa" }),
    ).toThrow("DATABASE_REPLICA_URLS.0: PostgreSQL addresses");
  });

  it("prints a replica without its user or password", () => {
    expect(describeReplica("postgres://lantoa:secret@db-replica-1:5433/lantoa")).toBe("db-replica-1:5433/lantoa");
  });
});
