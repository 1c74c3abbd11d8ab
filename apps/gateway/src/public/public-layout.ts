import { html, type SafeHtml, trusted } from "./html.js";
import { PUBLIC_PATHS } from "./public-paths.js";
import { type Lang, messages } from "./public-text.js";

/** What every public page says of itself: for the browser tab, search engines and link previews. */
export interface PageMeta {
  readonly lang: Lang;
  /** The gateway's public origin, e.g. `https://lantoa.example`. */
  readonly origin: string;
  /** The page's path (no query). */
  readonly path: string;
  /** The page's own query (filters), kept when switching language. */
  readonly query?: URLSearchParams;
  readonly title: string;
  readonly description: string;
  /** The share image's path. */
  readonly image: string;
}

/** A path with the page's query and language (Vietnamese needs no parameter). */
export function localPath(path: string, lang: Lang, query?: URLSearchParams): string {
  const q = new URLSearchParams(query);
  q.delete("lang");
  if (lang === "en") q.set("lang", "en");
  const text = q.toString();
  return text === "" ? path : `${path}?${text}`;
}

// One small stylesheet inline: a page is one request, readable on a phone before anything else loads.
const CSS = trusted(`
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;line-height:1.55;color:#1f2328;background:#faf7f2}
a{color:#8a1c1c}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:2}
header.site{background:#7f1d1d;color:#fff;padding:12px 16px}
header.site a{color:#fff}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none}
.tagline{margin:0;font-size:.9rem;color:#fde7c2}
nav.site ul{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
nav.site a{display:inline-block;padding:6px 0}
main{max-width:60rem;margin:0 auto;padding:16px}
h1{font-size:1.6rem;line-height:1.25;color:#7f1d1d;margin:.4em 0}
h2{font-size:1.2rem;color:#7f1d1d;margin:1.4em 0 .4em}
.lead{color:#374151}
form.filters{display:grid;gap:8px;background:#fff;border:1px solid #e5e0d8;border-radius:8px;padding:12px}
form.filters label{display:block;font-weight:600;font-size:.9rem}
input,select,button{font:inherit;min-height:44px;width:100%;padding:8px;border:1px solid #8b8478;border-radius:6px;background:#fff;color:#1f2328}
button{background:#7f1d1d;color:#fff;border-color:#7f1d1d;font-weight:600;cursor:pointer}
.hint{font-size:.85rem;color:#4b5563;margin:2px 0 0}
ul.cards{list-style:none;padding:0;display:grid;gap:12px}
ul.cards li{background:#fff;border:1px solid #e5e0d8;border-radius:8px;padding:12px}
ul.cards h2,ul.cards h3{margin:0 0 4px;font-size:1.1rem}
.meta{color:#4b5563;font-size:.9rem;margin:0}
.badge{display:inline-block;background:#fef3c7;color:#78350f;border-radius:999px;padding:0 8px;font-size:.8rem;font-weight:600}
.chips{display:flex;flex-wrap:wrap;gap:6px;padding:0;list-style:none;margin:8px 0}
.chips li{background:#f3efe8;border-radius:999px;padding:2px 10px;font-size:.85rem}
.pager{display:flex;justify-content:space-between;gap:8px;margin:16px 0}
figure{margin:0}figure img{width:100%;height:auto;border-radius:6px;background:#eee}
figcaption{font-size:.85rem;color:#4b5563}
.photos{display:grid;gap:12px;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e0d8;vertical-align:top}
th{width:38%;color:#374151}
.status{border-radius:8px;padding:12px 16px;font-weight:700;font-size:1.1rem;margin:12px 0}
.status p{margin:4px 0 0;font-weight:400;font-size:1rem}
.in-force{background:#dcfce7;color:#14532d}.suspended{background:#fef3c7;color:#78350f}
.revoked{background:#fee2e2;color:#7f1d1d}.expired,.not-yet-effective{background:#e5e7eb;color:#1f2937}
.hash{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all;font-size:.85rem}
footer.site{max-width:60rem;margin:24px auto;padding:0 16px 24px;color:#4b5563;font-size:.85rem}
@media (min-width:48rem){form.filters{grid-template-columns:2fr 1fr 1fr 1fr auto;align-items:end}button{width:auto}}
`);

/**
 * A whole public page: language, title, description, canonical and language
 * alternates, Open Graph and Twitter cards with the share image, the header with its
 * navigation and language switch, the body, the footer. No script.
 */
export function publicPage(meta: PageMeta, body: SafeHtml): string {
  const m = messages(meta.lang);
  const other: Lang = meta.lang === "vi" ? "en" : "vi";
  const here = (lang: Lang) => `${meta.origin}${localPath(meta.path, lang, meta.query)}`;
  const image = `${meta.origin}${meta.image}`;
  const nav = (path: string, label: string) =>
    html`<li><a href="${localPath(path, meta.lang)}"${meta.path === path ? trusted(' aria-current="page"') : ""}>${label}</a></li>`;
  return `<!doctype html>${
    html`<html lang="${meta.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title} · ${m.site}</title>
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${here(meta.lang)}">
<link rel="alternate" hreflang="vi" href="${here("vi")}">
<link rel="alternate" hreflang="en" href="${here("en")}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${m.site}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${here(meta.lang)}">
<meta property="og:image" content="${image}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta property="og:locale" content="${meta.lang === "vi" ? "vi_VN" : "en_US"}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
<meta name="twitter:image" content="${image}">
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">${m.skip}</a>
<header class="site">
<a class="brand" href="${localPath(PUBLIC_PATHS.showcase, meta.lang)}">${m.site}</a>
<p class="tagline">${m.tagline}</p>
<nav class="site" aria-label="${m.site}"><ul>
${nav(PUBLIC_PATHS.showcase, m.navShowcase)}${nav(PUBLIC_PATHS.goldenBook, m.navGoldenBook)}${nav(PUBLIC_PATHS.verify, m.navVerify)}
<li><a href="${localPath(meta.path, other, meta.query)}" hreflang="${other}" lang="${other}">${m.switchTo}</a></li>
</ul></nav>
</header>
<main id="main">
${body}
</main>
<footer class="site"><p>${m.footer}</p></footer>
</body>
</html>`.__html
  }`;
}
