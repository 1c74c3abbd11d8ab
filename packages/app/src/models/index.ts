export { changeModelStatus } from "./change-model-status.js";
