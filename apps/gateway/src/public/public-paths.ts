/** Where the public pages live: Vietnamese addresses, the language switch as `?lang=en`. */
export const PUBLIC_PATHS = {
  showcase: "/mo-hinh",
  goldenBook: "/so-vang",
  verify: "/xac-minh",
} as const;

/**
 * The public verification page of a certificate or golden-book entry.
 *
 * @example verificationPath("KT-3F9A2C7B1D") // "/xac-minh/KT-3F9A2C7B1D"
 */
export function verificationPath(code: string): string {
  return `${PUBLIC_PATHS.verify}/${encodeURIComponent(code)}`;
}

/**
 * A shown model's public page.
 *
 * @example modelPath("TL-2021-DUONGHOA") // "/mo-hinh/TL-2021-DUONGHOA"
 */
export function modelPath(code: string): string {
  return `${PUBLIC_PATHS.showcase}/${encodeURIComponent(code)}`;
}
