import { describe, expect, it } from "vitest";
import type { Unit } from "../org/unit.js";
import { buildUnitTree } from "../org/unit-tree.js";
import { unwrap } from "../test-support/unwrap.js";
import { buildReplicationForest } from "./replication-forest.js";
import { replicationLinksFromModels } from "./replication-links-from-models.js";
import { type SpreadModel, spreadMetrics } from "./spread-metrics.js";

const u = (id: string, parentId: string | null, level: string): Unit => ({
  id,
  code: id,
  name: id,
  parentId,
  level,
  kind: "military-command",
});
const tree = unwrap(
  buildUnitTree([
    u("tinh", null, "province"),
    ...["d1", "d2", "d3", "d4", "d5", "d6"].map((d) => u(d, "tinh", "district")),
    u("c1", "d2", "commune"),
  ]),
);
const districts = ["d1", "d2", "d3", "d4", "d5", "d6"];
type M = SpreadModel & { originModelId: string | null };
const m = (
  id: string,
  ownerUnitId: string,
  startDate: string,
  originModelId: string | null,
  fieldCodes = ["defence-security"],
): M => ({
  id,
  ownerUnitId,
  startDate,
  originModelId,
  fieldCodes,
});

describe("spreadMetrics", () => {
  // The "military flower road" of d1, replicated to 5 districts, one of which passed it on to a commune.
  const models = [
    m("pilot", "d1", "2019-03-01", null),
    m("a2", "d2", "2019-03-11", "pilot"),
    m("a3", "d3", "2019-04-10", "pilot", ["environment"]),
    m("a4", "d4", "2019-05-01", "pilot"),
    m("a5", "d5", "2019-06-01", "pilot"),
    m("a6", "d6", "2020-03-01", "pilot"),
    m("c1", "c1", "2020-09-01", "a2"),
  ];
  const forest = unwrap(buildReplicationForest(replicationLinksFromModels(models)));

  it("counts adopters, depth, coverage, levels, fields and time to adopt", () => {
    const r = unwrap(spreadMetrics({ forest, pilotModelId: "pilot", models, tree, eligibleUnitIds: districts }));
    expect(r.directAdopterIds).toEqual(["a2", "a3", "a4", "a5", "a6"]);
    expect(r.allAdopterIds).toHaveLength(6);
    expect(r.depth).toBe(2);
    expect(r.coverage).toEqual({
      adoptingUnitIds: ["d2", "d3", "d4", "d5", "d6"],
      eligibleUnitCount: 6,
      ratio: 5 / 6,
      outsideEligibleUnitIds: ["c1"],
    });
    expect(r.levelsReached).toEqual(["commune", "district"]);
    expect(r.fieldsReached).toEqual(["defence-security", "environment"]);
    // 10, 40, 61, 92, 366, 550 days → median of 61 and 92
    expect(r.timeToAdopt).toEqual({ count: 6, minDays: 10, medianDays: 76.5, maxDays: 550 });
  });

  it("reports a pilot without adopters with zero depth and no delays", () => {
    const r = unwrap(spreadMetrics({ forest, pilotModelId: "c1", models, tree, eligibleUnitIds: [] }));
    expect(r).toMatchObject({ depth: 0, allAdopterIds: [], timeToAdopt: null, coverage: { ratio: null } });
  });

  it("takes an odd median as the middle value and counts an adoption on the start day as 0", () => {
    const few = [
      m("p", "d1", "2019-01-01", null),
      m("x", "d2", "2019-01-01", "p"),
      m("y", "d3", "2019-01-03", "p"),
      m("z", "d4", "2019-01-11", "p"),
    ];
    const f = unwrap(buildReplicationForest(replicationLinksFromModels(few)));
    const r = unwrap(spreadMetrics({ forest: f, pilotModelId: "p", models: few, tree, eligibleUnitIds: districts }));
    expect(r.timeToAdopt).toEqual({ count: 3, minDays: 0, medianDays: 2, maxDays: 10 });
  });

  it("refuses an adoption before the pilot started, a missing model and an unknown unit", () => {
    const early = [m("p", "d1", "2019-01-02", null), m("x", "d2", "2019-01-01", "p")];
    const f = unwrap(buildReplicationForest(replicationLinksFromModels(early)));
    expect(spreadMetrics({ forest: f, pilotModelId: "p", models: early, tree, eligibleUnitIds: [] })).toMatchObject({
      ok: false,
      error: { code: "REPLICATION.ADOPTED_BEFORE_ORIGIN_START" },
    });
    expect(
      spreadMetrics({ forest, pilotModelId: "pilot", models: models.slice(0, 3), tree, eligibleUnitIds: [] }),
    ).toMatchObject({
      ok: false,
      error: { code: "REPLICATION.UNKNOWN_MODEL" },
    });
    const lost = [m("p", "d1", "2019-01-01", null), m("x", "nowhere", "2019-02-01", "p")];
    const g = unwrap(buildReplicationForest(replicationLinksFromModels(lost)));
    expect(spreadMetrics({ forest: g, pilotModelId: "p", models: lost, tree, eligibleUnitIds: [] })).toMatchObject({
      ok: false,
      error: { code: "ORG.UNIT_NOT_FOUND" },
    });
  });
});
