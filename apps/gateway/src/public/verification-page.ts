import { type Db, findGoldenBookVerification, loadCertificates } from "@lantoa/db";
import { formatDay } from "./format-day.js";
import { html, type SafeHtml } from "./html.js";
import { localPath } from "./public-layout.js";
import { modelPath, PUBLIC_PATHS, verificationPath } from "./public-paths.js";
import { type Lang, messages } from "./public-text.js";

/** Verification codes as printed: KT- (commendations) or SV- (golden book) and ten hex digits; typed in any case. */
const CODE = /^(KT|SV)-[0-9A-F]{10}$/;

function row(label: string, value: SafeHtml | string | null): SafeHtml {
  return value === null || value === "" ? html`` : html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
}

function form(lang: Lang, code: string): SafeHtml {
  const m = messages(lang);
  return html`<form class="filters" method="get" action="${PUBLIC_PATHS.verify}">
${lang === "en" ? html`<input type="hidden" name="lang" value="en">` : ""}
<div><label for="ma">${m.code}</label><input id="ma" name="ma" value="${code}" autocomplete="off" spellcheck="false" placeholder="KT-XXXXXXXXXX"></div>
<div><button type="submit">${m.check}</button></div>
</form>`;
}

/** The form to type a code into (a GET to `/xac-minh?ma=…` goes to the code's page). */
export function verificationFormPage(lang: Lang) {
  const m = messages(lang);
  return {
    status: 200,
    meta: {
      path: PUBLIC_PATHS.verify,
      title: m.verifyTitle,
      description: m.verifyDescription,
      image: `${PUBLIC_PATHS.verify}/anh-chia-se.png`,
    },
    body: html`<h1>${m.verifyTitle}</h1><p class="lead">${m.verifyDescription}</p>${form(lang, "")}`,
  };
}

/** A code as typed, the way codes are printed: trimmed, upper case. */
export function normalizeCode(typed: string): string {
  return typed.trim().toUpperCase();
}

/**
 * What a certificate or golden-book entry says and where it stands today, found by its
 * code: the status first (in force, suspended since…, revoked on… with the reason), then
 * the registered content and the SHA-256 of it. Undefined for an unknown code.
 */
export async function verificationPage(db: Db, typed: string, today: string, lang: Lang) {
  const m = messages(lang);
  const code = normalizeCode(typed);
  if (!CODE.test(code)) return undefined;
  const meta = (title: string, description: string) => ({
    path: verificationPath(code),
    title,
    description,
    image: `${verificationPath(code)}/anh-chia-se.png`,
  });
  if (code.startsWith("KT-")) {
    const [certificate] = await loadCertificates(db, { verificationCode: code }, today);
    if (!certificate) return undefined;
    const c = certificate.content;
    const s = certificate.standing;
    const label = {
      "in-force": m.inForce,
      "not-yet-effective": m.notYetEffective,
      expired: m.expired,
      suspended: m.suspended,
      revoked: m.revoked,
    }[s.status];
    const when =
      s.status === "expired" ? `${m.until} ${formatDay(s.date, lang)}` : `${m.since} ${formatDay(s.date, lang)}`;
    const body = html`<h1>${c.title} ${c.decisionNumber}</h1>
<div class="status ${s.status}" role="status"><span>${m.statusToday(formatDay(today, lang))}: ${label}</span>
<p>${when}${s.reason ? html`. ${m.reason}: ${s.reason}` : ""}${s.decisionNumber ? html`. ${m.revokingDecision}: ${s.decisionNumber}` : ""}</p></div>
<h2>${m.content}</h2>
<table><tbody>
${row(m.code, c.verificationCode)}
${row(m.form, c.title)}
${row(m.issuer, c.issuer)}
${row(m.decisionNumber, c.decisionNumber)}
${row(m.decisionDate, formatDay(c.decisionDate, lang))}
${row(m.recipient, c.recipient)}
${row(m.recipientUnit, c.recipientUnit)}
${row(m.model, c.model)}
${row(m.achievement, c.reason)}
</tbody></table>
<h2>${m.hash}</h2>
<p class="hash">${certificate.contentHash}</p>
<p class="meta">${m.hashHelp}</p>
${certificate.model?.isPublic ? html`<p><a href="${localPath(modelPath(certificate.model.code), lang)}">${m.viewModel}</a></p>` : ""}
${form(lang, "")}`;
    return {
      status: 200,
      meta: meta(`${c.title} ${c.decisionNumber}: ${label}`, `${c.recipient} — ${c.reason}`),
      body,
      share: { kicker: `${m.verify} · ${label}`, title: `${c.title} ${c.decisionNumber}`, subtitle: c.recipient },
    };
  }
  const entry = await findGoldenBookVerification(db, code);
  if (!entry) return undefined;
  const e = entry.content;
  const label = { verified: m.verified, nominated: m.nominated, rejected: m.rejected }[entry.status];
  const cls = { verified: "in-force", nominated: "not-yet-effective", rejected: "revoked" }[entry.status];
  const body = html`<h1>${m.entry} ${e.verificationCode}</h1>
<div class="status ${cls}" role="status"><span>${label}</span>${entry.decidedOn ? html`<p>${m.decidedOn} ${formatDay(entry.decidedOn, lang)}${entry.decidedBy ? html` · ${entry.decidedBy}` : ""}</p>` : ""}</div>
<h2>${m.content}</h2>
<table><tbody>
${row(m.code, e.verificationCode)}
${row(m.subject, `${e.subjectName} (${e.subjectKind === "person" ? m.person : m.collective})`)}
${row(m.recipientUnit, e.unitName)}
${row(m.deed, e.deed)}
${row(m.deedDate, formatDay(e.deedDate, lang))}
</tbody></table>
<h2>${m.hash}</h2>
<p class="hash">${entry.contentHash}</p>
${form(lang, "")}`;
  return {
    status: 200,
    meta: meta(`${m.entry} ${e.verificationCode}: ${label}`, `${e.subjectName} — ${e.deed}`),
    body,
    share: { kicker: `${m.navGoldenBook} · ${label}`, title: e.subjectName, subtitle: e.unitName },
  };
}
