import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { type Db, findPublicPhoto, listShowcaseModels, publicGoldenBook } from "@lantoa/db";
import type { ShareCard } from "@lantoa/documents";
import { documents } from "../documents.js";
import { sendResponse } from "../send-response.js";
import type { EvidenceStorage } from "../storage/evidence-storage.js";
import { goldenBookPage } from "./golden-book-page.js";
import { html, type SafeHtml } from "./html.js";
import { modelPage } from "./model-page.js";
import { type PageMeta, publicPage } from "./public-layout.js";
import { modelPath, PUBLIC_PATHS, verificationPath } from "./public-paths.js";
import { type Lang, messages } from "./public-text.js";
import { showcasePage } from "./showcase-page.js";
import { normalizeCode, verificationFormPage, verificationPage } from "./verification-page.js";

/** What the public pages read: the database, the stored photos, and the address the public sees. */
export interface PublicPagesDeps {
  readonly db: Db;
  readonly storage: EvidenceStorage;
  /** e.g. `https://lantoa.example`; the request's own origin when unset. */
  readonly publicUrl?: string | undefined;
}

const SHARE_IMAGE = "anh-chia-se.png";
const PREFIXES = [PUBLIC_PATHS.showcase, PUBLIC_PATHS.goldenBook, PUBLIC_PATHS.verify];

/** Whether a path belongs to the public pages (the showcase, the golden book, verification, the sitemap). */
export function isPublicPath(pathname: string): boolean {
  return pathname === "/sitemap.xml" || PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  // The public pages run no script at all.
  "content-security-policy":
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

function page(
  status: number,
  meta: Omit<PageMeta, "origin" | "lang">,
  body: SafeHtml,
  context: { origin: string; lang: Lang },
  cache: string,
): Response {
  return new Response(publicPage({ ...meta, ...context }, body), {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-language": context.lang,
      "cache-control": cache,
      ...SECURITY_HEADERS,
    },
  });
}

function notFound(context: { origin: string; lang: Lang }): Response {
  const m = messages(context.lang);
  return page(
    404,
    {
      path: PUBLIC_PATHS.showcase,
      title: m.notFound,
      description: m.notFoundText,
      image: `${PUBLIC_PATHS.showcase}/${SHARE_IMAGE}`,
    },
    html`<h1>${m.notFound}</h1><p>${m.notFoundText}</p><p><a href="${PUBLIC_PATHS.showcase}">${m.backToShowcase}</a></p>`,
    context,
    "no-cache",
  );
}

const shareCards = new Map<string, Uint8Array>();

/** A share card, drawn once per distinct text (the newest 200 kept). */
async function shareImage(card: ShareCard): Promise<Response> {
  const key = JSON.stringify(card);
  let png = shareCards.get(key);
  if (!png) {
    png = (await documents()).renderShareCard(card);
    shareCards.set(key, png);
    if (shareCards.size > 200) shareCards.delete(shareCards.keys().next().value as string);
  }
  return new Response(png.slice(), {
    headers: {
      "content-type": "image/png",
      "content-length": String(png.byteLength),
      "cache-control": "public, max-age=3600",
      ...SECURITY_HEADERS,
    },
  });
}

async function photo(deps: PublicPagesDeps, modelCode: string, evidenceId: string): Promise<Response | null> {
  const found = await findPublicPhoto(deps.db, modelCode, evidenceId);
  if (!found?.storageKey || !(found.mimeType ?? "").startsWith("image/")) return null;
  const file = await deps.storage.get(found.storageKey);
  if (!file) return null;
  return new Response(file.stream, {
    headers: {
      "content-type": found.mimeType as string,
      "content-length": String(file.size),
      "cache-control": "public, max-age=3600",
      ...SECURITY_HEADERS,
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}

async function sitemap(deps: PublicPagesDeps, origin: string): Promise<Response> {
  const [models, book] = await Promise.all([
    listShowcaseModels(deps.db, {}, { limit: 5000, offset: 0 }),
    publicGoldenBook(deps.db, { limit: 1, offset: 0 }),
  ]);
  const paths = [
    PUBLIC_PATHS.showcase,
    PUBLIC_PATHS.verify,
    ...(book.total > 0 ? [PUBLIC_PATHS.goldenBook] : []),
    ...models.rows.map((r) => modelPath(r.code)),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths
    .map((p) => html`<url><loc>${origin}${p}</loc></url>`.__html)
    .join("\n")}\n</urlset>\n`;
  return new Response(xml, {
    headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=600" },
  });
}

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
};

/**
 * Answers a GET of a public page: the showcase (`/mo-hinh`, `/mo-hinh/<code>`, its
 * photos and share images), the golden book (`/so-vang`), verification (`/xac-minh`,
 * `/xac-minh/<code>`), and `/sitemap.xml`. No sign-in; only what units made public.
 * `today` is the day statuses are judged on.
 *
 * @example const response = await servePublic(new URL("http://x/mo-hinh?q=duong+hoa"), deps, "2023-09-01");
 */
export async function servePublic(url: URL, deps: PublicPagesDeps, today: string): Promise<Response> {
  const origin = deps.publicUrl ?? url.origin;
  const lang: Lang = url.searchParams.get("lang") === "en" ? "en" : "vi";
  const context = { origin, lang };
  const segments = url.pathname
    .split("/")
    .filter((s) => s !== "")
    .map(decode);
  const [root, second, third, fourth] = segments;
  const ok = (result: { status: number; meta: Omit<PageMeta, "origin" | "lang">; body: SafeHtml }, cache: string) =>
    page(result.status, result.meta, result.body, context, cache);
  const m = messages(lang);

  if (url.pathname === "/sitemap.xml") return sitemap(deps, origin);
  if (`/${root}` === PUBLIC_PATHS.showcase) {
    if (second === undefined) return ok(await showcasePage(deps.db, url.searchParams, lang), "public, max-age=60");
    if (second === SHARE_IMAGE && third === undefined) {
      return shareImage({ kicker: m.site, title: m.showcaseTitle, subtitle: m.tagline });
    }
    if (third === "anh" && fourth !== undefined && segments.length === 4) {
      return (await photo(deps, second, fourth)) ?? notFound(context);
    }
    const model = await modelPage(deps.db, second, lang);
    if (!model) return notFound(context);
    if (third === undefined) return ok(model, "public, max-age=60");
    if (third === SHARE_IMAGE && segments.length === 3) return shareImage(model.share);
    return notFound(context);
  }
  if (`/${root}` === PUBLIC_PATHS.goldenBook) {
    if (second === undefined) return ok(await goldenBookPage(deps.db, url.searchParams, lang), "public, max-age=60");
    if (second === SHARE_IMAGE && third === undefined) {
      return shareImage({ kicker: m.site, title: m.goldenBookTitle, subtitle: m.goldenBookDescription });
    }
    return notFound(context);
  }
  if (`/${root}` === PUBLIC_PATHS.verify) {
    if (second === undefined) {
      const typed = url.searchParams.get("ma");
      if (typed !== null && typed.trim() !== "") {
        const target = `${verificationPath(normalizeCode(typed))}${lang === "en" ? "?lang=en" : ""}`;
        return new Response(null, { status: 303, headers: { location: target, "cache-control": "no-store" } });
      }
      return ok(verificationFormPage(lang), "public, max-age=600");
    }
    if (second === SHARE_IMAGE && third === undefined) {
      return shareImage({ kicker: m.site, title: m.verifyTitle, subtitle: m.tagline });
    }
    // A status can change at any moment (a revocation): never answered from a cache.
    const verified = await verificationPage(deps.db, second, today, lang);
    if (!verified) {
      const form = verificationFormPage(lang);
      return page(404, form.meta, html`${form.body}<p role="alert">${m.notFoundCode}</p>`, context, "no-cache");
    }
    if (third === undefined) return ok(verified, "no-cache");
    if (third === SHARE_IMAGE && segments.length === 3) return shareImage(verified.share);
    return notFound(context);
  }
  return notFound(context);
}

/**
 * Serves a public page on Node's HTTP response, gzipped when the browser accepts it (a
 * page is about a fifth of its size then). Errors answer 500 without detail.
 */
export async function sendPublic(
  req: IncomingMessage,
  res: ServerResponse,
  deps: PublicPagesDeps,
  now: Date,
): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    const response = await servePublic(url, deps, now.toISOString().slice(0, 10));
    const headers = Object.fromEntries(response.headers);
    if (!/^(text\/|application\/xml)/.test(headers["content-type"] ?? "")) {
      // Photos (and share images, redirects) go out as they are, streamed from the store.
      await sendResponse(response, req.method === "HEAD", res);
      return;
    }
    let body = Buffer.from(await response.arrayBuffer());
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      body = gzipSync(body);
      headers["content-encoding"] = "gzip";
      headers.vary = "accept-encoding";
    }
    headers["content-length"] = String(body.byteLength);
    res.writeHead(response.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    if (res.headersSent) {
      // The store failed mid-photo: cut the connection rather than end a truncated image cleanly.
      res.destroy();
      return;
    }
    res.statusCode = 500;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end("Không mở được trang. / The page could not be opened.");
  }
}
