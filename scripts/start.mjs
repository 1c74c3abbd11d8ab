// `npm start`: install what is missing, build, then run the gateway, which
// migrates, loads the demo data on first run and serves the admin app and GraphQL.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { bootstrap, root, run } from "./bootstrap.mjs";

bootstrap();
run("turbo", ["run", "build", "--output-logs=errors-only"]);

const gateway = spawn(process.execPath, [join(root, "apps", "gateway", "dist", "main.js")], {
  cwd: root,
  stdio: "inherit",
  // Every variable passes on, LANTOA_WORKERS included: the gateway then forks its workers itself,
  // and the signals below reach its primary, which stops them.
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => gateway.kill(signal));
gateway.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
