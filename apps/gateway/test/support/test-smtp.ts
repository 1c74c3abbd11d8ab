import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message the test SMTP server accepted. */
export interface ReceivedMail {
  /** The envelope's recipients. */
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
}

/** An SMTP server in the test's process on 127.0.0.1, keeping what it accepts. */
export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>` */
  readonly url: string;
  readonly received: ReceivedMail[];
  /** While true, every message is refused with a temporary 451 (the server is "down" for mail). */
  refusing: boolean;
  /** How many messages were refused. */
  refused(): number;
  /** Stops listening (connections are refused) until {@link TestSmtp.resume}. */
  pause(): Promise<void>;
  /** Listens again on the same port. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts an SMTP server (smtp-server) on a free port of 127.0.0.1, without TLS or sign-in,
 * parsing each accepted message (mailparser).
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const state = { refusing: false };
  const newServer = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          if (state.refusing) {
            refusals += 1;
            const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
            callback(error);
            return;
          }
          simpleParser(Buffer.concat(chunks)).then(
            (mail) => {
              received.push({
                to: session.envelope.rcptTo.map((r) => r.address),
                subject: mail.subject ?? "",
                text: mail.text ?? "",
              });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
  const listen = (server: SMTPServer, port: number) =>
    new Promise<void>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  let server = newServer();
  await listen(server, 0);
  const { port } = server.server.address() as AddressInfo;
  let listening = true;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
    });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get refusing() {
      return state.refusing;
    },
    set refusing(value: boolean) {
      state.refusing = value;
    },
    refused: () => refusals,
    pause: stop,
    async resume() {
      server = newServer();
      await listen(server, port);
      listening = true;
    },
    close: stop,
  };
}

/** Waits until `ready()` holds, checking every 100 ms, failing after `timeoutMs`. */
export async function eventually(ready: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
