import { createRequire } from "node:module";
import { join } from "node:path";
import {
  CommendationVerificationDocument,
  CreateReportDraftDocument,
  CriteriaSetsDocument,
  LoginDocument,
  ModelsDocument,
  MyAssignmentsDocument,
  PublishedRoundsDocument,
  RoundsDocument,
  request,
} from "@lantoa/client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";
import { demoPassword } from "./pages";

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The screens the suite walks: desktop, and a 390 px phone. */
const viewports = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const locales = ["vi", "en"] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe.runIf(canRunBrowser)("accessibility (WCAG 2.1 AA) of every page, with axe-core", () => {
  const gateway = { url: inject("gatewayUrl") };
  const api = `${gateway.url}/graphql`;
  let browser: Browser;
  const sessions: Record<string, unknown> = {};
  const ids = {
    model: "",
    round: "",
    criteriaVersion: "",
    criteriaSet: "",
    reviewRound: "",
    reviewModel: "",
    roundCode: "",
    reportDraft: "",
    verificationCode: "",
  };

  beforeAll(async () => {
    browser = await launchChromium();
    for (const username of ["admin", "thanhliem.admin", "phunu.canbo", "giamkhao.1"]) {
      const { login } = await request(api, LoginDocument, { username, password: demoPassword });
      if (login?.__typename !== "MutationLoginSuccess") throw new Error(`cannot sign in as ${username}`);
      sessions[username] = { token: login.data.token, expiresAt: login.data.expiresAt, viewer: login.data.viewer };
    }
    const token = (sessions.admin as { token: string }).token;
    const models = await request(api, ModelsDocument, { first: 1, filter: { text: "TL-2021-DUONGHOA" } }, { token });
    ids.model = models.models?.edges[0]?.node.id ?? "";
    const { publishedRounds } = await request(api, PublishedRoundsDocument, {});
    ids.roundCode = publishedRounds?.[0]?.code ?? "";
    const { rounds } = await request(api, RoundsDocument, {}, { token });
    ids.round = rounds?.find((r) => r.code === ids.roundCode)?.id ?? rounds?.[0]?.id ?? "";
    const reviewer = (sessions["giamkhao.1"] as { token: string }).token;
    const mine = await request(api, MyAssignmentsDocument, {}, { token: reviewer });
    const assigned = mine.rounds
      ?.flatMap((r) => (r.assignments ?? []).map((a) => ({ round: r.id, ...a })))
      .find((a) => a.reviewerUsername === "giamkhao.1");
    ids.reviewRound = assigned?.round ?? "";
    ids.reviewModel = assigned?.modelId ?? "";
    const { criteriaSets } = await request(api, CriteriaSetsDocument, {}, { token });
    ids.criteriaSet = criteriaSets[0]?.code ?? "";
    ids.criteriaVersion = criteriaSets[0]?.versions[0]?.id ?? "";
    const kept = sessions["thanhliem.admin"] as { token: string; viewer: { roles?: { unitId?: string | null }[] } };
    const districtAdmin = kept.token;
    const unitId = kept.viewer.roles?.find((r) => r.unitId)?.unitId;
    const created = await request(
      api,
      CreateReportDraftDocument,
      { input: { unitId: unitId ?? "", fromYear: 2017, toYear: 2022 } },
      { token: districtAdmin },
    );
    if (created.createReportDraft?.__typename !== "MutationCreateReportDraftSuccess")
      throw new Error(JSON.stringify(created));
    ids.reportDraft = created.createReportDraft.data.reportDraft?.id ?? "";
    const verification = await request(api, CommendationVerificationDocument, { first: 1 }, { token: districtAdmin });
    ids.verificationCode = verification.commendations?.edges[0]?.node.verificationCode ?? "";
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh browser profile with the language chosen and, for a user, their session already kept. */
  async function openAs(
    username: string | null,
    locale: (typeof locales)[number],
    viewport: (typeof viewports)[number],
  ): Promise<{ context: BrowserContext; page: Page }> {
    // The public pages allow no script (CSP); axe is injected past it, as a browser extension would be.
    const context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      bypassCSP: true,
    });
    const session = username ? sessions[username] : null;
    await context.addInitScript(
      ([lang, kept]) => {
        localStorage.setItem("lantoa.locale", lang as string);
        if (kept) sessionStorage.setItem("lantoa.session", JSON.stringify(kept));
      },
      [locale, session] as const,
    );
    return { context, page: await context.newPage() };
  }

  /** Waits until the page shows its content: the main heading, and no loading skeleton left. */
  async function settle(page: Page) {
    await page.locator("main h2").first().waitFor();
    await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
    await page
      .waitForFunction(() => document.querySelectorAll(".mantine-Skeleton-root").length === 0, undefined, {
        timeout: 20_000,
      })
      .catch(() => undefined);
  }

  /** Serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is. */
  async function seriousViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: axeSource });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(...args: unknown[]): Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return result.violations;
    })) as Violation[];
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }

  const pages: { path: () => string; as: string | null; name: string }[] = [
    { name: "units (public)", path: () => "/units", as: null },
    { name: "sign-in", path: () => "/sign-in", as: null },
    { name: "leaderboard (public)", path: () => "/leaderboard", as: null },
    { name: "dashboard", path: () => "/", as: "thanhliem.admin" },
    { name: "units with admin actions", path: () => "/units", as: "thanhliem.admin" },
    { name: "models", path: () => "/models", as: "thanhliem.admin" },
    { name: "new model", path: () => "/models/new", as: "phunu.canbo" },
    { name: "model", path: () => `/models/${encodeURIComponent(ids.model)}`, as: "thanhliem.admin" },
    { name: "golden book", path: () => "/golden-book", as: "thanhliem.admin" },
    { name: "commendations", path: () => "/commendations", as: "thanhliem.admin" },
    { name: "inspections", path: () => "/inspections", as: "thanhliem.admin" },
    { name: "reports", path: () => "/reports", as: "thanhliem.admin" },
    { name: "criteria sets", path: () => "/criteria", as: "admin" },
    {
      name: "criteria version",
      path: () => `/criteria/versions/${encodeURIComponent(ids.criteriaVersion)}`,
      as: "admin",
    },
    {
      name: "criteria compare",
      path: () => `/criteria/compare?set=${encodeURIComponent(ids.criteriaSet)}`,
      as: "admin",
    },
    { name: "import", path: () => "/import", as: "thanhliem.admin" },
    { name: "rounds", path: () => "/rounds", as: "thanhliem.admin" },
    { name: "round", path: () => `/rounds/${encodeURIComponent(ids.round)}`, as: "thanhliem.admin" },
    { name: "my scorecards", path: () => "/my-scorecards", as: "giamkhao.1" },
    { name: "to do", path: () => "/tasks", as: "thanhliem.admin" },
    { name: "notifications", path: () => "/notifications", as: "giamkhao.1" },
    { name: "account settings", path: () => "/account", as: "giamkhao.1" },
    {
      name: "scorecard",
      path: () => `/rounds/${encodeURIComponent(ids.reviewRound)}/review/${encodeURIComponent(ids.reviewModel)}`,
      as: "giamkhao.1",
    },
    { name: "audit log", path: () => "/audit", as: "thanhliem.admin" },
    { name: "report drafts", path: () => "/report-drafts", as: "thanhliem.admin" },
    {
      name: "report draft",
      path: () => `/report-drafts/${encodeURIComponent(ids.reportDraft)}`,
      as: "thanhliem.admin",
    },
    // The public pages are served by the gateway itself; their language is in the address.
    { name: "public showcase", path: () => "/mo-hinh", as: null },
    { name: "public showcase in English", path: () => "/mo-hinh?q=duong+hoa&lang=en", as: null },
    { name: "public model", path: () => "/mo-hinh/TL-2021-DUONGHOA", as: null },
    { name: "public golden book", path: () => "/so-vang?lang=en", as: null },
    { name: "public verification", path: () => `/xac-minh/${ids.verificationCode}`, as: null },
    { name: "not found", path: () => "/no-such-page", as: null },
  ];

  for (const target of pages) {
    it(`has no serious or critical violation on ${target.name}, in Vietnamese and English, on a desktop and a 390 px phone`, async () => {
      const problems: string[] = [];
      for (const viewport of viewports) {
        for (const locale of locales) {
          const { context, page } = await openAs(target.as, locale, viewport);
          try {
            await page.goto(`${gateway.url}${target.path()}`);
            await settle(page);
            const where = `${target.name} [${locale}, ${viewport.name}]`;
            for (const found of await seriousViolations(page)) problems.push(`${where}: ${found}`);
            // A phone scrolls down, never sideways: nothing may stick out of 390 px.
            if (viewport.name === "phone") {
              const { overflow, culprits } = await page.evaluate(() => {
                const width = document.documentElement.clientWidth;
                // The innermost elements sticking out, to say what to fix.
                const out = [...document.querySelectorAll("body *")].filter(
                  (el) => el.getBoundingClientRect().right > width + 1 && el.children.length === 0,
                );
                return {
                  overflow: document.documentElement.scrollWidth - width,
                  culprits: out
                    .slice(0, 3)
                    .map((el) => `<${el.tagName.toLowerCase()}> “${(el.textContent ?? "").slice(0, 40)}”`),
                };
              });
              if (overflow > 1) {
                problems.push(`${where}: the page is ${overflow}px wider than the screen (${culprits.join(", ")})`);
              }
            }
            if (locale === "vi") {
              await page.screenshot({
                path: join(screenshotDir, `a11y-${target.name.replace(/\W+/g, "-")}-${viewport.name}.png`),
                fullPage: true,
              });
            }
          } finally {
            await context.close();
          }
        }
      }
      expect(problems).toEqual([]);
    }, 240_000);
  }
});
