import { builder } from "../builder.js";
import "./auth.js";
import "./commendation.js";
import "./criteria-set.js";
import "./errors.js";
import "./golden-book.js";
import "./model.js";
import "./report.js";
import "./round.js";
import "./round-workflow.js";
import "./scorecard.js";
import "./unit.js";

/** The executable schema, from every type file imported above. */
export const schema = builder.toSchema({ sortSchema: true });
