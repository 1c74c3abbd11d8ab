import { builder } from "../builder.js";
import "./audit-log.js";
import "./auth.js";
import "./certificate.js";
import "./commendation.js";
import "./commendation-register.js";
import "./configuration.js";
import "./criteria-problem.js";
import "./criteria-set.js";
import "./criteria-set-drafts.js";
import "./errors.js";
import "./golden-book.js";
import "./golden-book-decisions.js";
import "./inspection.js";
import "./model.js";
import "./model-editing.js";
import "./public-flags.js";
import "./report.js";
import "./report-draft.js";
import "./round.js";
import "./spreadsheet.js";
import "./reviewer-candidate.js";
import "./assignment-grid.js";
import "./round-workflow.js";
import "./scorecard.js";
import "./unit.js";

/** The executable schema, from every type file imported above. */
export const schema = builder.toSchema({ sortSchema: true });
