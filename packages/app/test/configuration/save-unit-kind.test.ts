import { saveUnitKind } from "@lantoa/app";
import { describeSaveLabel } from "../support/save-label-suite.js";

describeSaveLabel(saveUnitKind, "unit_kinds");
