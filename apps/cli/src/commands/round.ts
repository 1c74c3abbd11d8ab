import { advanceRound } from "@lantoa/app";
import { findRoundByCode } from "@lantoa/db";
import { type RoundStep, RoundStepSchema } from "@lantoa/domain/round";
import { CliFailure, ExitCode } from "../cli-failure.js";
import { type Lang, print, say } from "../messages.js";
import { runUseCase } from "../run-use-case.js";

/** The status each step leads to: `--step` takes either (`open-review` or `review`). */
const stepTo: Record<RoundStep, string> = {
  "open-self-assessment": "self-assessment",
  "open-review": "review",
  "open-council": "council",
  finalize: "finalized",
  publish: "published",
};

/** Every value `--step` accepts: the domain's steps, then the statuses they lead to. */
export const stepNames: readonly string[] = [...RoundStepSchema.options, ...Object.values(stepTo)];

/** The step a `--step` value names. */
function stepOf(name: string): RoundStep {
  const step = RoundStepSchema.options.find((s) => s === name || stepTo[s] === name);
  if (!step) throw new CliFailure(ExitCode.usage, `--step ${name}?`);
  return step;
}

/**
 * `lantoa round advance --code CODE --step STEP [--as USERNAME]`: takes one step of a round
 * through the `advanceRound` use case, as the command-line operator (a system admin) or
 * as the named user with their roles, at the round's current version.
 */
export async function runRoundAdvance(lang: Lang, options: { code: string; step: string; as?: string }): Promise<void> {
  const step = stepOf(options.step);
  const moved = await runUseCase(
    lang,
    advanceRound,
    async (db) => {
      const round = await findRoundByCode(db, options.code);
      if (!round) {
        throw new CliFailure(
          ExitCode.problems,
          say(lang, `Không có đợt bình xét mã “${options.code}”`, `No round has code “${options.code}”`),
        );
      }
      return { roundId: round.id, step, expectedVersion: round.version };
    },
    options,
  );
  const { from, status, version, resultsHash } = moved;
  print(
    say(
      lang,
      `Đợt ${options.code}: ${from} → ${status} (phiên bản ${version}).`,
      `Round ${options.code}: ${from} → ${status} (version ${version}).`,
    ),
  );
  if (step === "finalize" && resultsHash) print(`SHA-256: ${resultsHash}`);
}
