import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

/** The built gateway in a child process, as `npm start` runs it. */
export interface GatewayProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it wrote to stdout and stderr. */
  log(): string;
  /** Whether it is still running. */
  alive(): boolean;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/** Starts the gateway on a database (DATABASE_URL) or a PGlite folder and waits for its banner. */
export async function startGateway(database: { url: string } | { dataDir: string }): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: "url" in database ? database.url : "",
      LANTOA_DATA_DIR: "dataDir" in database ? database.dataDir : "",
      // Every probe reaches the database: the cache would hide what the others feel.
      LANTOA_RESPONSE_CACHE_MS: "0",
      // Each actor of the run says its own address, so the brute force has one of its own.
      LANTOA_TRUST_PROXY: "true",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /Admin app:\s+(http:\/\/\S+?)\/\s/.exec(output);
      if (match?.[1] && output.includes("Stop with")) resolve(match[1]);
    };
    child.stdout?.on("data", check);
    void exited.then((code) => reject(new Error(`The gateway exited with ${code} before serving:\n${output}`)));
  });
  return {
    url,
    child,
    log: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
