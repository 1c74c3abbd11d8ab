import { builder } from "../builder.js";
import "./auth.js";
import "./errors.js";
import "./model.js";
import "./report.js";
import "./unit.js";

/** The executable schema, from every type file imported above. */
export const schema = builder.toSchema({ sortSchema: true });
