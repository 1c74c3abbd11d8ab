import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const file = (weight: string, name: string) =>
  require.resolve(`@expo-google-fonts/noto-serif/${weight}/NotoSerif_${name}.ttf`);

/**
 * Noto Serif, the font every PDF is set in: Google's Noto project, under the SIL Open
 * Font License 1.1 (embedding allowed), shipped as TrueType files in the npm package
 * `@expo-google-fonts/noto-serif`, so the product needs no font of the machine. It has
 * every Vietnamese letter with every tone mark.
 */
export const notoSerif = {
  normal: file("400Regular", "400Regular"),
  bold: file("700Bold", "700Bold"),
  italics: file("400Regular_Italic", "400Regular_Italic"),
  bolditalics: file("700Bold_Italic", "700Bold_Italic"),
} as const;

/**
 * The font a DOCX names. Nghị định 30/2020/NĐ-CP asks for Times New Roman in Vietnamese
 * Unicode; Word documents name the font and the reader's Word supplies it.
 */
export const DOCX_FONT = "Times New Roman";
