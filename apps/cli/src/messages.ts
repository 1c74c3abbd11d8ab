/** The language of the CLI's messages: Vietnamese by default, English with `--lang en`. */
export type Lang = "vi" | "en";

/** Picks the message of the language. */
export const say = (lang: Lang, vi: string, en: string): string => (lang === "vi" ? vi : en);

/** Prints a line to stdout. */
export const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
