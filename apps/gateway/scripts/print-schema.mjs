// Writes schema.graphql from the built schema; `test/schema.test.ts` fails when it drifts.
import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { schema } from "../dist/schema/index.js";

writeFileSync(new URL("../schema.graphql", import.meta.url), `${printSchema(schema)}\n`);
process.stdout.write("schema.graphql written\n");
