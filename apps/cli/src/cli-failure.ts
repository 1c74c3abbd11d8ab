/** Exit codes the CLI promises: scripts branch on them. */
export const ExitCode = {
  ok: 0,
  /** The input was read but has problems (an import's dry run found some, a user exists…). */
  problems: 1,
  /** The command line itself is wrong: unknown command, missing or bad option. */
  usage: 2,
  /** Something failed while working: the database, a file, pg_dump. */
  runtime: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the CLI reports in one line and exits with `exitCode`. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = "CliFailure";
  }
}
