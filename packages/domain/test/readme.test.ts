import blocks from "virtual:readme-blocks";
import { describe, expect, it } from "vitest";

describe("README.md", () => {
  it("has code blocks to run, and only TypeScript ones (each is run below)", () => {
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.map((b) => b.language)).toEqual(blocks.map(() => "ts"));
  });

  it.each(blocks.map((b) => [b.line, b]))("runs the block at line %i", async (_line, block) => {
    await block.run();
  });
});
