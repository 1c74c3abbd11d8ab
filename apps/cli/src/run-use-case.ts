import { type Actor, commandLineActor, createApp, type UseCase } from "@lantoa/app";
import { type Db, migrateToLatest, sessionUserByUsername } from "@lantoa/db";
import type * as z from "zod";
import { CliFailure, ExitCode } from "./cli-failure.js";
import { type Lang, say } from "./messages.js";
import { withDatabase } from "./open-database.js";

/**
 * Runs a use case of `@lantoa/app` on the database, as the command-line operator (a
 * system admin without an account) or as the user named by `as`, and returns its value.
 * `input` may be a function of the database (to look up ids by code first). A refusal
 * becomes a one-line failure in the chosen language with its code: exit 2 when the input
 * itself was wrong, 1 for any other refusal, an unknown user included.
 */
export async function runUseCase<Schema extends z.ZodType, Output, Prepared>(
  lang: Lang,
  useCase: UseCase<Schema, Output, Prepared>,
  input: z.input<Schema> | ((db: Db) => Promise<z.input<Schema>>),
  options: { as?: string } = {},
): Promise<Output> {
  return withDatabase(async ({ db }) => {
    await migrateToLatest(db);
    const actor: Actor | null =
      options.as === undefined ? commandLineActor : await sessionUserByUsername(db, options.as);
    if (!actor) {
      throw new CliFailure(
        ExitCode.problems,
        say(lang, `Không có tài khoản “${options.as}” đang hoạt động`, `No enabled account “${options.as}”`),
      );
    }
    const resolved = typeof input === "function" ? await (input as (db: Db) => Promise<z.input<Schema>>)(db) : input;
    const result = await createApp({ db }).run(useCase, actor, resolved);
    if (result.ok) return result.value;
    const { code, message } = result.error;
    throw new CliFailure(code === "INPUT.INVALID" ? ExitCode.usage : ExitCode.problems, `${message[lang]} [${code}]`);
  });
}
