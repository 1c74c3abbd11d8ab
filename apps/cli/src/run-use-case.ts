import { type Actor, commandLineActor, createApp, type UseCase } from "@lantoa/app";
import { migrateToLatest, sessionUserByUsername } from "@lantoa/db";
import type * as z from "zod";
import { CliFailure, ExitCode } from "./cli-failure.js";
import { type Lang, say } from "./messages.js";
import { withDatabase } from "./open-database.js";

/**
 * Runs a use case of `@lantoa/app` on the database, as the command-line operator (a
 * system admin without an account) or as the user named by `as`, and returns its value.
 * A refusal becomes a one-line failure in the chosen language: exit 2 when the input
 * itself was wrong, 1 for any other refusal.
 */
export async function runUseCase<Schema extends z.ZodType, Output, Prepared>(
  lang: Lang,
  useCase: UseCase<Schema, Output, Prepared>,
  input: z.input<Schema>,
  options: { as?: string } = {},
): Promise<Output> {
  return withDatabase(async ({ db }) => {
    await migrateToLatest(db);
    const actor: Actor | null =
      options.as === undefined ? commandLineActor : await sessionUserByUsername(db, options.as);
    if (!actor) {
      throw new CliFailure(ExitCode.usage, say(lang, `Không có tài khoản “${options.as}”`, `No user “${options.as}”`));
    }
    const result = await createApp({ db }).run(useCase, actor, input);
    if (result.ok) return result.value;
    const { code, message } = result.error;
    throw new CliFailure(
      code === "INPUT.INVALID" ? ExitCode.usage : ExitCode.problems,
      `${say(lang, message.vi, message.en)} (${code})`,
    );
  });
}
