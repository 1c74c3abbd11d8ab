import { type Db, listShowcaseModels, type ShowcaseCard, showcaseFacets } from "@lantoa/db";
import { html, type SafeHtml } from "./html.js";
import { localPath, type PageMeta } from "./public-layout.js";
import { modelPath, PUBLIC_PATHS } from "./public-paths.js";
import { type Lang, messages } from "./public-text.js";

const PAGE_SIZE = 24;

/** The showcase list's filters, read from the address (Vietnamese parameter names, like the paths). */
function filtersOf(query: URLSearchParams) {
  const year = Number(query.get("nam"));
  const page = Number(query.get("trang"));
  return {
    text: (query.get("q") ?? "").trim().slice(0, 200),
    field: query.get("linh-vuc") || undefined,
    unitCode: query.get("don-vi") || undefined,
    year: Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

function card(model: ShowcaseCard, lang: Lang, fieldName: (code: string) => string): SafeHtml {
  const m = messages(lang);
  const facts = [
    `${m.started} ${model.startDate.slice(0, 4)}`,
    model.commendations > 0 ? m.commendations(model.commendations) : null,
    model.adopters > 0 ? m.adopters(model.adopters) : null,
  ].filter((f): f is string => f !== null);
  return html`<li>
<h2><a href="${localPath(modelPath(model.code), lang)}">${model.name}</a></h2>
<p class="meta">${model.unitName}</p>
${model.isPilot ? html`<span class="badge">${m.pilot}</span>` : ""}
<ul class="chips">${model.fields.map((f) => html`<li>${fieldName(f)}</li>`)}</ul>
<p class="meta">${facts.join(" · ")}</p>
</li>`;
}

/**
 * The public list of models: search without diacritics, filters by field, unit and start
 * year (plain GET forms, so they work without script), a page of cards, and paging.
 */
export async function showcasePage(db: Db, query: URLSearchParams, lang: Lang) {
  const m = messages(lang);
  const f = filtersOf(query);
  const facets = await showcaseFacets(db);
  const unit = facets.units.find((u) => u.code === f.unitCode);
  const { rows, total } = await listShowcaseModels(
    db,
    { text: f.text, field: f.field, unitId: unit?.id, year: f.year },
    { limit: PAGE_SIZE, offset: (f.page - 1) * PAGE_SIZE },
  );
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const fieldName = (code: string) => {
    const found = facets.fields.find((x) => x.code === code);
    return found ? (lang === "vi" ? found.vi : found.en) : code;
  };
  const pageLink = (page: number) => {
    const q = new URLSearchParams(query);
    q.set("trang", String(page));
    return localPath(PUBLIC_PATHS.showcase, lang, q);
  };
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}"${selected ? html` selected` : ""}>${label}</option>`;
  const body = html`<h1>${m.showcaseTitle}</h1>
<p class="lead">${m.showcaseDescription}</p>
<form class="filters" method="get" action="${PUBLIC_PATHS.showcase}" role="search">
${lang === "en" ? html`<input type="hidden" name="lang" value="en">` : ""}
<div><label for="q">${m.search}</label><input id="q" name="q" type="search" value="${f.text}" aria-describedby="q-hint"><p class="hint" id="q-hint">${m.searchHint}</p></div>
<div><label for="linh-vuc">${m.field}</label><select id="linh-vuc" name="linh-vuc">${option("", m.all, !f.field)}${facets.fields.map((x) => option(x.code, `${lang === "vi" ? x.vi : x.en} (${x.count})`, x.code === f.field))}</select></div>
<div><label for="don-vi">${m.unit}</label><select id="don-vi" name="don-vi">${option("", m.all, !unit)}${facets.units.map((u) => option(u.code, `${u.name} (${u.count})`, u.code === unit?.code))}</select></div>
<div><label for="nam">${m.year}</label><select id="nam" name="nam">${option("", m.all, f.year === undefined)}${facets.years.map((y) => option(String(y.year), `${y.year} (${y.count})`, y.year === f.year))}</select></div>
<div><button type="submit">${m.apply}</button></div>
</form>
<p role="status">${m.found(total)}</p>
${rows.length === 0 ? html`<p>${m.none}</p>` : html`<ul class="cards">${rows.map((r) => card(r, lang, fieldName))}</ul>`}
${
  pages > 1
    ? html`<nav class="pager" aria-label="${m.page(f.page, pages)}">
${f.page > 1 ? html`<a href="${pageLink(f.page - 1)}" rel="prev">${m.previous}</a>` : html`<span></span>`}
<span>${m.page(f.page, pages)}</span>
${f.page < pages ? html`<a href="${pageLink(f.page + 1)}" rel="next">${m.next}</a>` : html`<span></span>`}
</nav>`
    : ""
}`;
  const meta: Omit<PageMeta, "origin" | "lang"> = {
    path: PUBLIC_PATHS.showcase,
    query,
    title: f.text ? `${m.showcaseTitle}: ${f.text}` : m.showcaseTitle,
    description: m.showcaseDescription,
    image: `${PUBLIC_PATHS.showcase}/anh-chia-se.png`,
  };
  return { status: 200, meta, body };
}
