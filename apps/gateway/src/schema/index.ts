import { builder } from "../builder.js";
import "./unit.js";

/** The executable schema, from every type file imported above. */
export const schema = builder.toSchema({ sortSchema: true });
