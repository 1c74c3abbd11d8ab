import { describe, expect, it } from "vitest";
import { replicaLagMs } from "../src/replicas/replica-lag.js";
import { walPosition } from "../src/replicas/wal-position.js";
import { createWritePositions } from "../src/replicas/write-positions.js";

describe("a replica's lag", () => {
  it("is 0 for a replica of an idle primary, however long ago the primary last wrote", () => {
    const idle = [
      { lsn: 500n, at: 0 },
      { lsn: 500n, at: 60_000 },
    ];
    expect(replicaLagMs(idle, 500n, 120_000)).toBe(0);
  });

  it("is the age of the oldest position the replica has not replayed", () => {
    const busy = [
      { lsn: 100n, at: 1_000 },
      { lsn: 200n, at: 2_000 },
      { lsn: 300n, at: 3_000 },
    ];
    expect(replicaLagMs(busy, 150n, 3_500)).toBe(1_500);
    expect(replicaLagMs(busy, 300n, 3_500)).toBe(0);
  });
});

describe("WAL positions", () => {
  it("compare across the 32-bit halves PostgreSQL prints", () => {
    expect(walPosition("1/0")).toBeGreaterThan(walPosition("0/FFFFFFFF") as bigint);
    expect(walPosition("0/3001B98")).toBe(0x3001b98n);
    expect(walPosition(null)).toBeNull();
  });
});

describe("users' write positions", () => {
  it("ask a replica to have replayed a user's own write, and nothing of anyone else", () => {
    const positions = createWritePositions();
    positions.noteWrite("a", 700n);
    expect(positions.requiredFor("a")).toBe(700n);
    expect(positions.requiredFor("b")).toBe(0n);
    expect(positions.requiredFor(null)).toBe(0n);
  });

  it("keep a user's latest write when an older position arrives late (another gateway's)", () => {
    const positions = createWritePositions();
    positions.noteWrite("a", 700n);
    positions.noteWrite("a", 650n);
    expect(positions.requiredFor("a")).toBe(700n);
  });

  it("forget users once every replica has replayed their write", () => {
    const positions = createWritePositions();
    positions.noteWrite("a", 700n);
    positions.noteWrite("b", 900n);
    positions.forgetReplayed(800n);
    expect(positions.size()).toBe(1);
    expect(positions.requiredFor("a")).toBe(0n);
    expect(positions.requiredFor("b")).toBe(900n);
  });

  it("when full, forget the oldest user but make every reader wait for their write", () => {
    const positions = createWritePositions(2);
    positions.noteWrite("a", 700n);
    positions.noteWrite("b", 800n);
    positions.noteWrite("c", 900n);
    expect(positions.size()).toBe(2);
    expect(positions.requiredFor("a")).toBe(700n);
    expect(positions.requiredFor(null)).toBe(700n);
    expect(positions.requiredFor("c")).toBe(900n);
  });
});
