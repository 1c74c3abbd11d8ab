/** One of a reviewer's assignments in a round, as "Phiếu chấm của tôi" lists it. */
export interface QueueItem {
  readonly modelId: string;
  readonly modelCode: string;
  readonly modelName: string;
  readonly unitName: string;
  /** draft, submitted, or null while nothing is saved. */
  readonly scorecardStatus: string | null;
}

/** Where one model sits in a reviewer's queue of a round. */
export interface QueuePosition {
  /** 1-based place of the model in the queue, 0 when it is not in it. */
  readonly index: number;
  readonly total: number;
  readonly submitted: number;
  readonly previous: QueueItem | null;
  readonly next: QueueItem | null;
  /** The next model still to score after this one (wrapping round to the start), or null when none is left. */
  readonly nextUnscored: QueueItem | null;
}

/**
 * The reviewer's queue of a round: the models they are assigned to and have not declared a
 * conflict with, in code order, as the workspace steps through them.
 *
 * @example
 * reviewQueue(round.assignments, "giamkhao.1") // [{ modelId, modelCode: "TL-2018-CAMERA", … }, …]
 */
export function reviewQueue(
  assignments: readonly {
    modelId?: string | null;
    modelCode?: string | null;
    modelName?: string | null;
    unitName?: string | null;
    reviewerUsername?: string | null;
    conflictDeclared?: boolean | null;
    scorecardStatus?: string | null;
  }[],
  username: string | undefined,
): QueueItem[] {
  return assignments
    .filter((a) => a.reviewerUsername === username && !a.conflictDeclared && a.modelId)
    .map((a) => ({
      modelId: a.modelId ?? "",
      modelCode: a.modelCode ?? "",
      modelName: a.modelName ?? "",
      unitName: a.unitName ?? "",
      scorecardStatus: a.scorecardStatus ?? null,
    }))
    .sort((a, b) => (a.modelCode < b.modelCode ? -1 : a.modelCode > b.modelCode ? 1 : 0));
}

/** Progress through the queue and the neighbours of `modelId` in it. */
export function queuePosition(queue: readonly QueueItem[], modelId: string): QueuePosition {
  const at = queue.findIndex((q) => q.modelId === modelId);
  const submitted = queue.filter((q) => q.scorecardStatus === "submitted").length;
  const after = at < 0 ? queue : [...queue.slice(at + 1), ...queue.slice(0, at)];
  return {
    index: at + 1,
    total: queue.length,
    submitted,
    previous: at > 0 ? (queue[at - 1] ?? null) : null,
    next: at >= 0 && at < queue.length - 1 ? (queue[at + 1] ?? null) : null,
    nextUnscored: after.find((q) => q.scorecardStatus !== "submitted") ?? null,
  };
}
