import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unwrap } from "../test-support/unwrap.js";
import { adoptersOf } from "./adopters-of.js";
import {
  addReplicationLink,
  buildReplicationForest,
  emptyReplicationForest,
  type ReplicationForest,
} from "./replication-forest.js";
import type { ReplicationLink } from "./replication-link.js";
import { replicationLinksFromModels } from "./replication-links-from-models.js";

const link = (originModelId: string, adopterModelId: string): ReplicationLink => ({
  originModelId,
  adopterModelId,
  adoptedOn: "2020-01-01",
});

describe("replication forest", () => {
  it("builds origin → adopters and lists adopters by generation", () => {
    const forest = unwrap(buildReplicationForest([link("p", "a"), link("p", "b"), link("a", "c")]));
    expect(forest.adoptersOf.get("p")).toEqual(["a", "b"]);
    expect(adoptersOf(forest, "p")).toEqual([
      { modelId: "a", generation: 1 },
      { modelId: "b", generation: 1 },
      { modelId: "c", generation: 2 },
    ]);
    expect(adoptersOf(forest, "c")).toEqual([]);
  });

  it("refuses a second origin for one adopter", () => {
    expect(buildReplicationForest([link("p", "a"), link("q", "a")])).toMatchObject({
      ok: false,
      error: { code: "REPLICATION.ALREADY_HAS_ORIGIN", details: { existingOriginModelId: "p" } },
    });
  });

  it("refuses a self link and a link that closes a loop, with the path", () => {
    expect(addReplicationLink(emptyReplicationForest, link("a", "a"))).toMatchObject({
      ok: false,
      error: { code: "REPLICATION.SELF_LINK" },
    });
    const chain = unwrap(buildReplicationForest([link("a", "b"), link("b", "c")]));
    expect(addReplicationLink(chain, link("c", "a"))).toMatchObject({
      ok: false,
      error: { code: "REPLICATION.CYCLE", details: { path: ["a", "b", "c"] } },
    });
  });

  it("does not change the forest it was given", () => {
    const before = unwrap(buildReplicationForest([link("a", "b")]));
    unwrap(addReplicationLink(before, link("a", "c")));
    expect(before.adoptersOf.get("a")).toEqual(["b"]);
    expect(before.originOf.has("c")).toBe(false);
  });

  it("derives links from models' originModelId, adopted on their start date", () => {
    expect(
      replicationLinksFromModels([
        { id: "p", originModelId: null, startDate: "2019-03-01" },
        { id: "a", originModelId: "p", startDate: "2020-05-01" },
      ]),
    ).toEqual([{ originModelId: "p", adopterModelId: "a", adoptedOn: "2020-05-01" }]);
  });
});

function reachesItself(forest: ReplicationForest): boolean {
  for (const start of forest.originOf.keys()) {
    const seen = new Set<string>();
    for (let id: string | undefined = start; id !== undefined; id = forest.originOf.get(id)?.originModelId) {
      if (seen.has(id)) return true;
      seen.add(id);
    }
  }
  return false;
}

describe("replication invariants", () => {
  it("stays acyclic with one origin per adopter whatever links are tried, refusing exactly the loops", () => {
    const ids = fc.constantFrom("a", "b", "c", "d", "e", "f", "g");
    fc.assert(
      fc.property(fc.array(fc.tuple(ids, ids), { maxLength: 30 }), (pairs) => {
        let forest = emptyReplicationForest;
        for (const [o, a] of pairs) {
          const r = addReplicationLink(forest, link(o, a));
          if (r.ok) {
            forest = r.value;
          } else if (r.error.code === "REPLICATION.CYCLE") {
            // It really would have closed a loop: the origin descends from the adopter.
            if (!adoptersOf(forest, a).some((x) => x.modelId === o)) return false;
          }
          if (reachesItself(forest)) return false;
        }
        const adopterCount = [...forest.adoptersOf.values()].reduce((n, xs) => n + xs.length, 0);
        return adopterCount === forest.originOf.size;
      }),
      { numRuns: 500 },
    );
  });
});
