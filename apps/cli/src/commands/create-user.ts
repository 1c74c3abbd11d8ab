import { createInterface } from "node:readline";
import { createUser } from "@lantoa/app";
import { type Role, RoleSchema } from "@lantoa/domain/org";
import { CliFailure, ExitCode } from "../cli-failure.js";
import { type Lang, print, say } from "../messages.js";
import { runUseCase } from "../run-use-case.js";

/** The roles an account may be given, in the domain's order. */
export const roles = RoleSchema.options;
export type { Role };

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

/** `lantoa create-user`: an account with one role, scoped to a unit (all units for a system admin); audited. */
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
  await runUseCase(lang, createUser, {
    username: options.username,
    displayName: options.name,
    password,
    role: options.role,
    unitCode: options.unit ?? null,
  });
  print(
    say(
      lang,
      `Đã tạo tài khoản ${options.username} (${options.role}).`,
      `Created user ${options.username} (${options.role}).`,
    ),
  );
}
