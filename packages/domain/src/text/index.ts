export { compareVietnamese } from "./compare-vietnamese.js";
export { normalizeForSearch } from "./normalize-for-search.js";
export { removeDiacritics } from "./remove-diacritics.js";
export {
  type VietnameseSample,
  vietnameseSampleCorpus,
  vietnameseSampleExpectations,
} from "./vietnamese-sample-corpus.js";
