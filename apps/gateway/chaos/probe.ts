import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** What the probe measured: how a small query fared while something else went on. */
export interface ProbeFigures {
  readonly requests: number;
  readonly errors: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** The latencies' figures, in milliseconds. */
export function figures(latencies: readonly number[], errors: number): ProbeFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { requests: latencies.length, errors, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
}

/**
 * Starts the probe ({@link ./probe-process.ts}) against a gateway. `mark()` opens a window
 * whose figures the returned function gives; `stop()` ends the probe with the figures of
 * its whole run.
 */
export function startProbe(url: string): { stop(): ProbeFigures; mark(): () => Promise<ProbeFigures> } {
  const samples: { at: number; ms: number; ok: boolean }[] = [];
  const child = spawn(process.execPath, [fileURLToPath(new URL("./probe-process.js", import.meta.url)), url], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let pending = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) samples.push(JSON.parse(line));
  });
  const between = (from: number, to: number) => {
    const inside = samples.filter((s) => s.at >= from && s.at <= to);
    return figures(
      inside.map((s) => s.ms),
      inside.filter((s) => !s.ok).length,
    );
  };
  return {
    stop: () => {
      child.kill("SIGTERM");
      return between(0, Number.POSITIVE_INFINITY);
    },
    mark: () => {
      const from = Date.now();
      return async () => {
        // A probe sent inside the window but still waiting for its answer belongs to it.
        const to = Date.now();
        const deadline = to + 35_000;
        while (!samples.some((s) => s.at > to) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return between(from, to);
      };
    },
  };
}
