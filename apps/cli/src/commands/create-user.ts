import { createInterface } from "node:readline";
import { hashPassword, migrateToLatest } from "@lantoa/db";
import { CliFailure, ExitCode } from "../cli-failure.js";
import { type Lang, print, say } from "../messages.js";
import { withDatabase } from "../open-database.js";

export const roles = ["system-admin", "unit-admin", "unit-officer", "reviewer", "viewer"] as const;
export type Role = (typeof roles)[number];

/** Reads a password from the terminal without echoing it. */
async function promptPassword(question: string): Promise<string> {
  const output = process.stderr;
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  // Replace what readline would echo with nothing while the password is typed.
  const write = output.write.bind(output);
  let muted = false;
  output.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    muted ? true : write(chunk, ...rest)) as typeof output.write;
  try {
    return await new Promise<string>((resolve) => {
      rl.question(question, (answer) => resolve(answer));
      muted = true;
    });
  } finally {
    output.write = write;
    output.write("\n");
    rl.close();
  }
}

/** `lantoa create-user`: an account with one role, scoped to a unit (all units for a system admin). */
export async function runCreateUser(
  lang: Lang,
  options: { username: string; name: string; role: Role; unit?: string },
): Promise<void> {
  if (options.role !== "system-admin" && options.unit === undefined) {
    throw new CliFailure(
      ExitCode.usage,
      say(lang, `Vai trò ${options.role} cần --unit MÃ`, `Role ${options.role} needs --unit CODE`),
    );
  }
  let password = process.env.LANTOA_NEW_PASSWORD;
  if (password === undefined) {
    if (!process.stdin.isTTY) {
      throw new CliFailure(
        ExitCode.usage,
        say(
          lang,
          "Đặt mật khẩu qua biến LANTOA_NEW_PASSWORD hoặc chạy trong terminal",
          "Give the password in LANTOA_NEW_PASSWORD or run in a terminal",
        ),
      );
    }
    password = await promptPassword(say(lang, "Mật khẩu: ", "Password: "));
  }
  if (password.length < 8) {
    throw new CliFailure(
      ExitCode.problems,
      say(lang, "Mật khẩu cần ít nhất 8 ký tự", "The password needs at least 8 characters"),
    );
  }
  const hash = await hashPassword(password);
  await withDatabase(async ({ db }) => {
    await migrateToLatest(db);
    await db.transaction().execute(async (trx) => {
      const unit =
        options.unit === undefined
          ? null
          : await trx.selectFrom("units").select("id").where("code", "=", options.unit).executeTakeFirst();
      if (options.unit !== undefined && !unit) {
        throw new CliFailure(
          ExitCode.problems,
          say(lang, `Không có đơn vị mã “${options.unit}”`, `No unit has code “${options.unit}”`),
        );
      }
      const taken = await trx
        .selectFrom("users")
        .select("id")
        .where((eb) => eb(eb.fn("lower", ["username"]), "=", options.username.toLowerCase()))
        .executeTakeFirst();
      if (taken) {
        throw new CliFailure(
          ExitCode.problems,
          say(lang, `Tên đăng nhập “${options.username}” đã có`, `Username “${options.username}” is taken`),
        );
      }
      const { id } = await trx
        .insertInto("users")
        .values({
          username: options.username,
          display_name: options.name,
          password_hash: hash,
          unit_id: unit?.id ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("role_assignments")
        .values({ user_id: id, role: options.role, unit_id: unit?.id ?? null })
        .execute();
    });
  });
  print(
    say(
      lang,
      `Đã tạo tài khoản ${options.username} (${options.role}).`,
      `Created user ${options.username} (${options.role}).`,
    ),
  );
}
