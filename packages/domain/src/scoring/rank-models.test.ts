import { describe, expect, it } from "vitest";
import { rankByKeys, rankKeys } from "./rank-models.js";

describe("the last keys of the order", () => {
  it("orders models equal on merit and registration by id, whatever their order in the round", () => {
    // Ten models tied on everything but their id, given in no order: the order must follow the
    // ids (m0 first), not the models' places in the round (nor those places reversed).
    const ids = ["m3", "m7", "m0", "m9", "m1", "m5", "m2", "m8", "m4", "m6"];
    const keys = rankKeys(ids.length, 0);
    keys.total.fill(4000);
    const { order, ranks } = rankByKeys(keys, (i) => ids[i] as string);
    expect(Array.from(order, (i) => ids[i])).toEqual([...ids].sort());
    expect(Array.from(ranks)).toEqual(Array(10).fill(1));
  });
});

describe("totals too large for the packed sort", () => {
  it("orders them exactly with the comparator", () => {
    // A disqualified model's packed key is (top + 1) + (top − total), times 4 (two bits for the
    // index): past 2^53 with top = 2^51, where the index bits would round away. The packed sort
    // must not be used; the comparator gives qualified by total, then the disqualified.
    const keys = rankKeys(3, 0);
    keys.total.set([5, 2 ** 51, 1]);
    keys.disqualified.set([0, 0, 1]);
    const { order, ranks } = rankByKeys(keys, (i) => `m${i}`);
    expect(Array.from(order)).toEqual([1, 0, 2]);
    expect(Array.from(ranks)).toEqual([1, 2, 0]);
  });
});
