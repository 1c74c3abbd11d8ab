export { CreateGoldenBookEntryInput, createGoldenBookEntry } from "./create-golden-book-entry.js";
export { VerifyGoldenBookEntryInput, verifyGoldenBookEntry } from "./verify-golden-book-entry.js";
