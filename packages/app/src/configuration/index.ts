export { SaveLabelInput, saveField, saveUnitKind } from "./save-label.js";
