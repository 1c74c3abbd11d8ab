import { saveField } from "@lantoa/app";
import { describeSaveLabel } from "../support/save-label-suite.js";

describeSaveLabel(saveField, "fields");
