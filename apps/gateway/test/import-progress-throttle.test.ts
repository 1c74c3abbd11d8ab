import { describe, expect, it } from "vitest";
import { throttledProgress } from "../src/import-progress.js";

type Step = { phase: string; done: number; total: number };

describe("throttledProgress", () => {
  it("passes each phase's first and last step, and between them one step per interval", () => {
    const sent: Step[] = [];
    let now = 0;
    const publish = throttledProgress<Step>(
      (step) => sent.push(step),
      100,
      () => now,
    );
    publish({ phase: "write", done: 0, total: 4 });
    now = 10;
    publish({ phase: "write", done: 1, total: 4 });
    now = 150;
    publish({ phase: "write", done: 2, total: 4 });
    now = 160;
    publish({ phase: "write", done: 3, total: 4 });
    now = 170;
    publish({ phase: "write", done: 4, total: 4 });
    publish({ phase: "done", done: 4, total: 4 });
    expect(sent.map((s) => `${s.phase}:${s.done}`)).toEqual(["write:0", "write:2", "write:4", "done:4"]);
  });

  it("passes a new phase at once, however soon it follows", () => {
    const sent: Step[] = [];
    const publish = throttledProgress<Step>(
      (step) => sent.push(step),
      100,
      () => 0,
    );
    publish({ phase: "read", done: 5, total: 10 });
    publish({ phase: "check", done: 5, total: 10 });
    expect(sent.map((s) => s.phase)).toEqual(["read", "check"]);
  });
});
