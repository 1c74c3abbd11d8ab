import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

/** The built gateway (`lantoa-gateway`) running as a process of its own. */
export interface GatewayProcess {
  readonly child: ChildProcess;
  /** e.g. `http://127.0.0.1:41234`, read from its start banner. */
  readonly url: string;
  /** Everything it printed so far (banner, warnings). */
  output(): string;
  /** SIGTERM, resolved once it has exited. */
  stop(): Promise<void>;
  /** SIGKILL: no chance to finish what it was doing. */
  kill(): Promise<void>;
}

/**
 * Starts `dist/main.js` as `npm start` would, on 127.0.0.1 and a free port, with `env` on top
 * of this process's environment; resolves once its banner is out, rejects with what it printed
 * if it exits first.
 */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      printed += chunk.toString("utf8");
      if (printed.includes("Stop with")) resolve();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      printed += chunk.toString("utf8");
    });
    child.once("exit", (code) => reject(new Error(`gateway exited with ${code}:\n${printed}`)));
  });
  const url = /Admin app:\s+(http:\/\/[^/\s]+)\//.exec(printed)?.[1];
  if (!url) throw new Error(`no address in the gateway's banner:\n${printed}`);
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { child, url, output: () => printed, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}
