export { SetEvidencePublicInput, setEvidencePublic } from "./set-evidence-public.js";
export { SetModelPublicInput, setModelPublic } from "./set-model-public.js";
