import { type Db, publicGoldenBook } from "@lantoa/db";
import { formatDay } from "./format-day.js";
import { html } from "./html.js";
import { localPath } from "./public-layout.js";
import { PUBLIC_PATHS, verificationPath } from "./public-paths.js";
import { type Lang, messages } from "./public-text.js";

/** The public golden book: verified entries, newest first, a year at a time or all of them. */
export async function goldenBookPage(db: Db, query: URLSearchParams, lang: Lang) {
  const m = messages(lang);
  const asked = Number(query.get("nam"));
  const year = Number.isInteger(asked) && asked >= 1900 && asked <= 2200 ? asked : undefined;
  const book = await publicGoldenBook(db, { year, limit: 500, offset: 0 });
  const yearLink = (y: number | undefined) => {
    const q = new URLSearchParams();
    if (y !== undefined) q.set("nam", String(y));
    return localPath(PUBLIC_PATHS.goldenBook, lang, q);
  };
  const body = html`<h1>${m.goldenBookTitle}</h1>
<p class="lead">${m.goldenBookDescription}</p>
<nav aria-label="${m.year}"><ul class="chips">
<li><a href="${yearLink(undefined)}"${year === undefined ? html` aria-current="page"` : ""}>${m.allYears}</a></li>
${book.years.map((y) => html`<li><a href="${yearLink(y)}"${y === year ? html` aria-current="page"` : ""}>${y}</a></li>`)}
</ul></nav>
<ul class="cards">${book.rows.map(
    (e) => html`<li>
<h2>${e.subjectName}</h2>
<p class="meta">${e.subjectKind === "person" ? m.person : m.collective} · ${e.unitName} · ${formatDay(e.deedDate, lang)}</p>
<p>${e.deed}</p>
<p><a href="${localPath(verificationPath(e.verificationCode), lang)}">${m.verify} ${e.verificationCode}</a></p>
</li>`,
  )}</ul>`;
  return {
    status: 200,
    meta: {
      path: PUBLIC_PATHS.goldenBook,
      query,
      title: year === undefined ? m.goldenBookTitle : `${m.goldenBookTitle} ${year}`,
      description: m.goldenBookDescription,
      image: `${PUBLIC_PATHS.goldenBook}/anh-chia-se.png`,
    },
    body,
  };
}
