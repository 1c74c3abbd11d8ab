export {
  IMPORT_FILE_LIMITS,
  ImportSpreadsheetInput,
  importScopeOf,
  importSpreadsheet,
  isAcceptedSpreadsheet,
} from "./import-spreadsheet.js";
