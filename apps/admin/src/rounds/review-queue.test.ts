import { describe, expect, it } from "vitest";
import { type QueueItem, queuePosition, reviewQueue } from "./review-queue";

const item = (code: string, status: string | null): QueueItem => ({
  modelId: `id-${code}`,
  modelCode: code,
  modelName: `Mô hình ${code}`,
  unitName: "Xã Thanh Hà",
  scorecardStatus: status,
});

describe("a reviewer's queue", () => {
  it("keeps only the viewer's assignments without a declared conflict, in code order", () => {
    const queue = reviewQueue(
      [
        { modelId: "c", modelCode: "C", reviewerUsername: "giamkhao.1" },
        { modelId: "a", modelCode: "A", reviewerUsername: "giamkhao.1", scorecardStatus: "draft" },
        { modelId: "b", modelCode: "B", reviewerUsername: "giamkhao.2" },
        { modelId: "d", modelCode: "D", reviewerUsername: "giamkhao.1", conflictDeclared: true },
      ],
      "giamkhao.1",
    );
    expect(queue.map((q) => [q.modelCode, q.scorecardStatus])).toEqual([
      ["A", "draft"],
      ["C", null],
    ]);
  });

  it("counts the submitted cards and names the neighbours of a model", () => {
    const queue = [item("A", "submitted"), item("B", "draft"), item("C", null)];
    expect(queuePosition(queue, "id-B")).toMatchObject({
      index: 2,
      total: 3,
      submitted: 1,
      previous: { modelCode: "A" },
      next: { modelCode: "C" },
    });
  });

  it("moves on to the next model still to score, past submitted ones and round to the start", () => {
    const queue = [item("A", null), item("B", "submitted"), item("C", "submitted"), item("D", "draft")];
    expect(queuePosition(queue, "id-D").nextUnscored?.modelCode).toBe("A");
    expect(queuePosition(queue, "id-A").nextUnscored?.modelCode).toBe("D");
  });

  it("has no next model to score once every other card is submitted", () => {
    const queue = [item("A", "submitted"), item("B", null)];
    expect(queuePosition(queue, "id-B").nextUnscored).toBeNull();
  });
});
