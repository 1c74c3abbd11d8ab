export { type Unit, UnitSchema } from "./unit.js";
