export { CreateUnitInput, createUnit } from "./create-unit.js";
export { MoveUnitInput, moveUnit } from "./move-unit.js";
export { RenameUnitInput, renameUnit } from "./rename-unit.js";
export { ConfigurationCode, UNIT_CODE, UnitName } from "./unit-inputs.js";
