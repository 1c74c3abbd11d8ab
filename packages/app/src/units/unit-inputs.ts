import * as z from "zod";
import { requiredText } from "../shared/input-schemas.js";

/** What a unit's code may hold: ASCII letters, digits, `.`, `_` and `-`, 1–64 of them. */
export const UNIT_CODE = /^[A-Za-z0-9._-]{1,64}$/;

/** A unit's name. */
export const UnitName = requiredText(300);

/** A code of the configured levels or unit kinds. */
export const ConfigurationCode = z.string().min(1).max(64);
