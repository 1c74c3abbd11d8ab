import { createRequire } from "node:module";
import { notoSerif } from "../fonts.js";

// resvg-js is CommonJS with a native renderer per platform, shipped in the npm package.
const { Resvg } = createRequire(import.meta.url)("@resvg/resvg-js") as typeof import("@resvg/resvg-js");

/** What a shared page's picture says. */
export interface ShareCard {
  /** The page's title, large (wrapped to at most three lines). */
  readonly title: string;
  /** One line under it: the unit, the kind of page. */
  readonly subtitle: string;
  /** A small label above the title ("Mô hình điểm", "Sổ vàng"…). */
  readonly kicker: string;
}

const WIDTH = 1200;
const HEIGHT = 630;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Words into lines of at most `width` characters, at most `max` lines (the last one cut with "…"). */
function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (current !== "" && `${current} ${word}`.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === "" ? word : `${current} ${word}`;
    }
  }
  if (current !== "") lines.push(current);
  if (lines.length <= max) return lines;
  return [
    ...lines.slice(0, max - 1),
    `${lines
      .slice(max - 1)
      .join(" ")
      .slice(0, width - 1)}…`,
  ];
}

/**
 * The picture a page shows when shared (Open Graph, 1200 × 630 PNG): the kicker, the title
 * and a subtitle in Noto Serif on the product's red, drawn by resvg from SVG. No font of
 * the machine is used.
 *
 * @example await writeFile("share.png", renderShareCard({ kicker: "Mô hình điểm", title: "Đường hoa quân sự", subtitle: "Ban Chỉ huy Quân sự huyện Thanh Liêm" }));
 */
export function renderShareCard(card: ShareCard): Uint8Array {
  const lines = wrap(card.title, 26, 3);
  const top = 250 - (lines.length - 1) * 40;
  const title = lines
    .map((line, i) => `<text x="80" y="${top + i * 84}" font-size="68" font-weight="bold">${escapeXml(line)}</text>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <rect width="${WIDTH}" height="${HEIGHT}" fill="#7f1d1d"/>
  <rect x="28" y="28" width="${WIDTH - 56}" height="${HEIGHT - 56}" fill="none" stroke="#d4a64a" stroke-width="4"/>
  <g font-family="Noto Serif" fill="#ffffff">
    <text x="80" y="${top - 90}" font-size="30" fill="#f3d58a">${escapeXml(card.kicker.toLocaleUpperCase("vi"))}</text>
    ${title}
    <text x="80" y="${top + lines.length * 84 + 10}" font-size="34">${escapeXml(wrap(card.subtitle, 56, 1)[0] ?? "")}</text>
    <text x="80" y="560" font-size="28" fill="#f3d58a">Lan Tỏa · lan tỏa mô hình hay, việc làm tốt</text>
  </g>
</svg>`;
  const rendered = new Resvg(svg, {
    font: { fontFiles: [notoSerif.normal, notoSerif.bold], loadSystemFonts: false, defaultFontFamily: "Noto Serif" },
  }).render();
  return new Uint8Array(rendered.asPng());
}
