// Writes src/graphql.gen.ts from the gateway's schema.graphql and src/operations/*.graphql.
// `--print` writes the output to stdout instead: `src/generated.test.ts` compares it with
// the committed file, so a schema or operation change without `pnpm generate` fails.
import { generate } from "@graphql-codegen/cli";
import { codegenConfig } from "../codegen.config.mjs";

const print = process.argv.includes("--print");
const [output] = await generate(codegenConfig, !print);
if (print) process.stdout.write(output.content);
else process.stdout.write("src/graphql.gen.ts written\n");
