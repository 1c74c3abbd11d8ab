import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `dist/main.js` of the gateway package, found from here upwards: this file runs from
 * `test/support` under vitest and from `chaos/dist/test/support` in the chaos harness.
 */
function gatewayMain(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return join(dir, "dist/main.js");
}

/** Variables on top of this process's environment; one set to `undefined` is removed. */
export type GatewayEnv = Record<string, string | undefined>;

/** The built gateway (`lantoa-gateway`) running as a process of its own. */
export interface GatewayProcess {
  readonly child: ChildProcess;
  /** e.g. `http://127.0.0.1:41234`, read from its start banner. */
  readonly url: string;
  /** Resolves with its exit code (null after a signal). */
  readonly exited: Promise<number | null>;
  /** Everything it printed so far, stdout and stderr (banner, warnings). */
  output(): string;
  /** Whether it is still running. */
  alive(): boolean;
  /** SIGTERM, resolved with the exit code once it has exited. */
  stop(): Promise<number | null>;
  /** Another signal (SIGKILL unless said: no chance to finish what it was doing). */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** What a gateway that did not start printed before it exited. */
export interface GatewayExit {
  readonly code: number | null;
  readonly output: string;
}

/**
 * Starts `dist/main.js` as `npm start` would, on 127.0.0.1 and a free port, with `env`; resolves
 * once its banner is out, or with its exit code and output if it exits first.
 */
export async function startOrExit(env: GatewayEnv): Promise<GatewayProcess | GatewayExit> {
  const child = spawn(process.execPath, [gatewayMain()], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string | null>((resolve) => {
    const add = (chunk: Buffer) => {
      printed += chunk.toString("utf8");
      const banner = printed.includes("Stop with") && /Admin app:\s+(http:\/\/[^/\s]+)\//.exec(printed);
      if (banner) resolve(banner[1] ?? "");
    };
    child.stdout?.on("data", add);
    child.stderr?.on("data", add);
    void exited.then(() => resolve(null));
  });
  if (url === null) return { code: await exited, output: printed };
  const alive = () => child.exitCode === null && child.signalCode === null;
  const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
    if (alive()) child.kill(signal);
    return exited;
  };
  return { child, url, exited, output: () => printed, alive, stop: () => kill("SIGTERM"), kill };
}

/** {@link startOrExit}, rejecting with what it printed when the gateway exits before serving. */
export async function startGatewayProcess(env: GatewayEnv): Promise<GatewayProcess> {
  const started = await startOrExit(env);
  if ("url" in started) return started;
  throw new Error(`gateway exited with ${started.code}:\n${started.output}`);
}

/** Runs a gateway expected not to start: resolves with its exit code and output, or fails if it serves. */
export async function runGatewayToExit(env: GatewayEnv): Promise<GatewayExit> {
  const started = await startOrExit(env);
  if (!("url" in started)) return started;
  await started.stop();
  throw new Error(`gateway started at ${started.url} though it should have refused:\n${started.output()}`);
}
