// Writes src/graphql.gen.ts from the gateway's schema.graphql and src/operations/*.graphql.
// `--print` writes the output to stdout instead: `src/generated.test.ts` compares it with
// the committed file, so a schema or operation change without `pnpm generate` fails.
import { writeFileSync } from "node:fs";
import { generate } from "@graphql-codegen/cli";
import { codegenConfig, generatedFile } from "../codegen.config.mjs";

// The typed-document-node plugin imports its one type from @graphql-typed-document-node/core;
// point it at our structural copy so the package needs no dependency.
const typeImport = /from '@graphql-typed-document-node\/core';/;

const print = process.argv.includes("--print");
const [output] = await generate(codegenConfig, false);
if (!typeImport.test(output.content)) throw new Error("the generated file no longer imports DocumentTypeDecoration");
// Each document is a `new` expression, which bundlers must keep unless told it is pure:
// marked, an application importing two documents does not ship all of them.
const documents = /= new TypedDocumentString\(/g;
const content = output.content
  .replace(typeImport, "from './document-type-decoration.js';")
  .replace(documents, "= /* @__PURE__ */ new TypedDocumentString(");
if (print) process.stdout.write(content);
else {
  writeFileSync(generatedFile, content);
  process.stdout.write("src/graphql.gen.ts written\n");
}
