import { type Db, loadShowcaseModel } from "@lantoa/db";
import { defaultCommendationForms } from "@lantoa/domain/register";
import { formatDay } from "./format-day.js";
import { outcomeLines } from "./format-outcome.js";
import { html } from "./html.js";
import { localPath } from "./public-layout.js";
import { modelPath, PUBLIC_PATHS, verificationPath } from "./public-paths.js";
import { type Lang, messages } from "./public-text.js";

/** The address of a public photo of a shown model. */
export function photoPath(modelCode: string, evidenceId: string): string {
  return `${modelPath(modelCode)}/anh/${encodeURIComponent(evidenceId)}`;
}

/** A summary of at most `max` characters, cut at a word. */
function summary(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, flat.lastIndexOf(" ", max - 1))}…`;
}

/**
 * A shown model's public page: story (problem, approach), outcomes with units, photos
 * marked public, replication (only shown models are named; the others are counted),
 * commendations with their verification links. Undefined when the model is not shown.
 */
export async function modelPage(db: Db, code: string, lang: Lang) {
  const model = await loadShowcaseModel(db, code);
  if (!model) return undefined;
  const m = messages(lang);
  const outcomes = outcomeLines(model, lang);
  const formName = (form: string) => {
    const found = defaultCommendationForms.find((f) => f.code === form);
    return found ? found.label[lang] : form;
  };
  const body = html`<p><a href="${localPath(PUBLIC_PATHS.showcase, lang)}">← ${m.backToShowcase}</a></p>
<article>
<h1>${model.name}</h1>
<p class="meta">${model.unitName} · ${m.started} ${formatDay(model.startDate, lang)}</p>
${model.isPilot ? html`<span class="badge">${m.pilot}</span>` : ""}
<ul class="chips">${model.fields.map((f) => html`<li>${lang === "vi" ? f.vi : f.en}</li>`)}</ul>
${model.annualTheme ? html`<p class="meta">${m.annualTheme}: ${model.annualTheme}</p>` : ""}
${model.problem ? html`<h2>${m.problem}</h2><p>${model.problem}</p>` : ""}
${model.solution ? html`<h2>${m.solution}</h2><p>${model.solution}</p>` : ""}
${model.description ? html`<h2>${m.description}</h2><p>${model.description}</p>` : ""}
<h2>${m.outcomes}</h2>
${
  outcomes.length === 0
    ? html`<p>${m.noOutcomes}</p>`
    : html`<table><tbody>${outcomes.map((o) => html`<tr><th scope="row">${o.name}</th><td>${o.value} <span class="meta">(${o.periods})</span></td></tr>`)}</tbody></table>`
}
${
  model.photos.length > 0
    ? html`<h2>${m.photos}</h2><div class="photos">${model.photos.map(
        (p) =>
          html`<figure><img src="${photoPath(model.code, p.id)}" alt="${p.title}" loading="lazy" width="640" height="480"><figcaption>${p.title}</figcaption></figure>`,
      )}</div>`
    : ""
}
<h2>${m.replication}</h2>
${
  model.origin
    ? html`<p>${m.replicates} <a href="${localPath(modelPath(model.origin.code), lang)}">${model.origin.name}</a> (${model.origin.unitName}), ${m.adoptedOn} ${formatDay(model.origin.adoptedOn, lang)}.</p>`
    : ""
}
<p>${
    model.adopterCount === 0
      ? m.notReplicated
      : model.adopters.length < model.adopterCount
        ? m.adoptedByShown(model.adopterCount, model.adopters.length)
        : m.adoptedBy(model.adopterCount)
  }</p>
${
  model.adopters.length > 0
    ? html`<ul>${model.adopters.map(
        (a) =>
          html`<li><a href="${localPath(modelPath(a.code), lang)}">${a.unitName}</a> — ${m.adoptedOn} ${formatDay(a.adoptedOn, lang)}</li>`,
      )}</ul>`
    : ""
}
<h2>${m.commendationsHeading}</h2>
${
  model.commendations.length === 0
    ? html`<p>${m.noCommendations}</p>`
    : html`<ul class="cards">${model.commendations.map(
        (c) => html`<li>
<h3>${formName(c.form)} · ${c.issuer}</h3>
<p class="meta">${m.decision} ${c.decisionNumber}, ${formatDay(c.decisionDate, lang)}${c.revokedOn ? html` · <strong>${m.revoked}</strong>` : ""}</p>
<p><a href="${localPath(verificationPath(c.verificationCode), lang)}">${m.verify} ${c.verificationCode}</a></p>
</li>`,
      )}</ul>`
}
</article>`;
  return {
    status: 200,
    meta: {
      path: modelPath(model.code),
      title: model.name,
      description: summary(`${model.unitName}. ${model.problem ?? ""} ${model.solution ?? ""}`, 200),
      image: `${modelPath(model.code)}/anh-chia-se.png`,
    },
    body,
    share: { kicker: model.isPilot ? m.pilot : m.showcaseTitle, title: model.name, subtitle: model.unitName },
  };
}
