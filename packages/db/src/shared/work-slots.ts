/** A fixed number of slots for heavy work: callers beyond them wait in line. */
export interface WorkSlots {
  /** Runs `work` once a slot is free; a finishing run hands its slot to the next in line. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** How many callers wait for a slot. */
  waiting(): number;
}

/**
 * Bounds how much CPU-heavy work (password hashing, spreadsheet imports) runs at once, so
 * the rest of the machine keeps serving everyone else.
 *
 * @example
 * const hashing = workSlots(1);
 * const hash = await hashing.run(() => scryptAsync(password, salt, 32));
 */
export function workSlots(slots: number): WorkSlots {
  let running = 0;
  const line: Array<() => void> = [];
  return {
    async run(work) {
      if (running < slots) running++;
      else await new Promise<void>((resolve) => line.push(resolve));
      try {
        return await work();
      } finally {
        const next = line.shift();
        if (next) next();
        else running--;
      }
    },
    waiting: () => line.length,
  };
}
