const collator = new Intl.Collator("vi", { usage: "sort", sensitivity: "variant" });

/**
 * Orders strings as a Vietnamese dictionary does (a < ă < â, d < đ, o < ô < ơ, tones
 * after the bare vowel), for `Array.prototype.sort`. Uses `Intl.Collator('vi')`.
 *
 * @example
 * ["Đông", "Dương", "Ân", "An"].sort(compareVietnamese) // ["An", "Ân", "Dương", "Đông"]
 */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
