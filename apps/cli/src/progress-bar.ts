import cliProgress from "cli-progress";

/** A progress bar on stderr (drawn only on a terminal); `update` may change the total and label. */
export interface ProgressBar {
  update(label: string, done: number, total: number): void;
  stop(): void;
}

/** Starts a progress bar for long work; quiet when stderr is not a terminal. */
export function progressBar(): ProgressBar {
  const bar = new cliProgress.SingleBar(
    { format: "{label} [{bar}] {percentage}% | {value}/{total}", hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(label, done, total) {
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { label });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
