export { CreateCriteriaSetInput, CriteriaStart, createCriteriaSet } from "./create-criteria-set.js";
export { CriteriaDefinitionText, parseCriteriaDefinition } from "./criteria-definition.js";
export { criteriaVersionNotFound } from "./criteria-errors.js";
export { type CriteriaProblem, criteriaProblemsOf, isCriteriaInvalid } from "./criteria-problems.js";
export { NewCriteriaDraftInput, newCriteriaDraft } from "./new-criteria-draft.js";
export { PublishCriteriaVersionInput, publishCriteriaVersion } from "./publish-criteria-version.js";
export { SaveCriteriaDraftInput, saveCriteriaDraft } from "./save-criteria-draft.js";
