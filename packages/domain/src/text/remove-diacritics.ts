/**
 * Marks that PostgreSQL's default `unaccent.rules` deletes: U+0300–U+0362 (accents,
 * including all five Vietnamese tone marks and the breve, circumflex and horn).
 * U+0363–U+036F (combining Latin letters) are kept, as `unaccent` keeps them.
 */
const REMOVED_MARK_FIRST = 0x0300;
const REMOVED_MARK_LAST = 0x0362;

/**
 * Letters `unaccent` maps through CLDR Latin-ASCII because Unicode gives them no
 * decomposition; `đ`/`Đ` is the one that matters for Vietnamese.
 */
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  "\u0110": "D", // Đ
  "\u0111": "d", // đ
  "\u00D0": "D", // Ð (Icelandic eth, looks like Đ and is often typed for it)
  "\u00F0": "d",
  "\u00D8": "O",
  "\u00F8": "o",
  "\u0141": "L",
  "\u0142": "l",
  "\u0401": "\u0415", // Ё → Е
  "\u0451": "\u0435", // ё → е
};

function isRemovedMark(codePoint: number): boolean {
  return codePoint >= REMOVED_MARK_FIRST && codePoint <= REMOVED_MARK_LAST;
}

/** Latin-1, Latin Extended-A/B, Latin Extended Additional (all precomposed Vietnamese letters) and Greek. */
function mayBePrecomposed(codePoint: number): boolean {
  return (
    (codePoint >= 0x00c0 && codePoint <= 0x024f) ||
    (codePoint >= 0x1e00 && codePoint <= 0x1eff) ||
    (codePoint >= 0x0386 && codePoint <= 0x03ce) ||
    (codePoint >= 0x1f00 && codePoint <= 0x1fff)
  );
}

/**
 * Removes Vietnamese diacritics exactly as PostgreSQL `unaccent()` with the default
 * `unaccent.rules` does: every tone mark and vowel mark goes (ă â ê ô ơ ư and the five
 * tones, in precomposed NFC or decomposed NFD input), `đ`→`d`, `Đ`→`D`, case is kept,
 * and nothing else changes (spacing, punctuation, other scripts). So an index on
 * `unaccent(name)` and a search term prepared here agree.
 *
 * Scope: exact on Vietnamese text. Outside it, letters with a Unicode decomposition
 * lose their accents as in `unaccent`, but ligatures and symbols that `unaccent` spells
 * out via CLDR (æ→ae, ß→ss, ℃→°C) are left alone.
 *
 * @example
 * removeDiacritics("Đường hoa quân sự") // "Duong hoa quan su"
 * removeDiacritics("Huyện ủy Thanh Liêm".normalize("NFD")) // "Huyen uy Thanh Liem"
 */
export function removeDiacritics(s: string): string {
  let out = "";
  for (const ch of s) {
    const codePoint = ch.codePointAt(0) ?? 0;
    if (isRemovedMark(codePoint)) continue;
    const mapped = LETTERS_WITHOUT_DECOMPOSITION[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    if (mayBePrecomposed(codePoint)) {
      const decomposed = ch.normalize("NFD");
      if (decomposed !== ch) {
        for (const part of decomposed) {
          if (!isRemovedMark(part.codePointAt(0) ?? 0)) out += LETTERS_WITHOUT_DECOMPOSITION[part] ?? part;
        }
        continue;
      }
    }
    out += ch;
  }
  return out;
}
