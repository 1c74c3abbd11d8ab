import { join } from "node:path";
import { LoginDocument, request } from "@lantoa/client";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";
import { demoPassword, signIn } from "./pages";

/** A Hội Phụ nữ model running since 2018: it passes the gates once it has evidence; its officer is phunu.canbo. */
const MODEL = { code: "TL-2018-HUGAO", name: "Hũ gạo tiết kiệm" };
const LONG = 240_000;

/** The day `days` from now (UTC), the gateway's own clock. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe.runIf(canRunBrowser)("a deadline reminder in headless Chromium", () => {
  const gateway = { url: inject("gatewayUrl") };
  const roundName = `Bình xét nhắc hạn ${Date.now().toString(36).toUpperCase()}`;
  let browser: Browser;
  let context: BrowserContext | undefined;

  const graphql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  };
  const tokenFor = async (username: string) => {
    const { login } = await request(`${gateway.url}/graphql`, LoginDocument, { username, password: demoPassword });
    if (login?.__typename !== "MutationLoginSuccess" || !login.data.token)
      throw new Error(`cannot sign in ${username}`);
    return login.data.token;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    // The district's admin gives the model evidence, makes a round over it due in two days and
    // opens self-assessment: the unit's officer has a self-assessment to file before then.
    const admin = await tokenFor("thanhliem.admin");
    const found = await graphql(
      `query($text: String!) { viewer { roles { unitId } } models(first: 20, filter: { text: $text }) { edges { node { id code version } } } }`,
      { text: MODEL.name },
      admin,
    );
    const model = found.data?.models?.edges?.map((e: any) => e.node).find((m: any) => m.code === MODEL.code);
    const organizer = found.data?.viewer?.roles?.[0]?.unitId;
    if (!model || !organizer) throw new Error(`no demo model or unit: ${JSON.stringify(found)}`);
    const form = new FormData();
    form.set(
      "operations",
      JSON.stringify({
        query: `mutation($m: ID!, $v: Int!, $file: File!) { addEvidence(modelId: $m, expectedVersion: $v, file: $file, title: "Báo cáo") { __typename } }`,
        variables: { m: model.id, v: model.version, file: null },
      }),
    );
    form.set("map", JSON.stringify({ 0: ["variables.file"] }));
    form.set("0", new File([new Uint8Array(1024).fill(37)], "bao-cao.pdf", { type: "application/pdf" }));
    const upload = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin}`, "x-graphql-csrf": "1" },
      body: form,
    });
    expect(((await upload.json()) as any).data?.addEvidence?.__typename).toBe("MutationAddEvidenceSuccess");
    const created = await graphql(
      `mutation($i: CreateRoundInput!, $k: String!) { createRound(input: $i, idempotencyKey: $k) {
        ... on MutationCreateRoundSuccess { data { round { id version } } } ... on Error { code } } }`,
      {
        i: {
          code: `E2E-REMIND-${Date.now().toString(36).toUpperCase()}`,
          name: roundName,
          criteriaSetCode: "default",
          criteriaVersion: 1,
          organizerUnitId: organizer,
          period: "2022",
          referenceDate: "2022-12-15",
          modelCodes: [MODEL.code],
          deadlines: { selfAssessment: dayFromNow(2) },
        },
        k: `e2e-remind-${Date.now()}`,
      },
      admin,
    );
    const round = created.data?.createRound?.data?.round;
    if (!round) throw new Error(`round not created: ${JSON.stringify(created)}`);
    const opened = await graphql(
      `mutation($id: ID!, $v: Int!) { advanceRound(id: $id, step: OPEN_SELF_ASSESSMENT, expectedVersion: $v) {
        __typename ... on Error { code } } }`,
      { id: round.id, v: round.version },
      admin,
    );
    expect(opened.data?.advanceRound?.__typename).toBe("MutationAdvanceRoundSuccess");
  }, LONG);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it(
    "brings the unit's officer the step's opening and, from the job queue, the reminder of its deadline",
    async () => {
      const officer = await tokenFor("phunu.canbo");
      const subject = `Sắp đến hạn tự đánh giá: ${roundName}`;
      // The gateway's job runner looks for due reminders every minute.
      await expect
        .poll(
          async () =>
            (
              await graphql(`{ notifications(first: 20) { edges { node { subject } } } }`, {}, officer)
            ).data?.notifications?.edges?.some((e: any) => e.node.subject === subject),
          { timeout: 150_000, interval: 2_000 },
        )
        .toBe(true);
      context = await browser.newContext({ locale: "vi-VN", viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${gateway.url}/`);
      await signIn(page, "phunu.canbo");
      await page.getByTestId("notification-bell").click();
      const reminder = page.getByTestId("notification").filter({ hasText: subject });
      await reminder.waitFor();
      await page
        .getByTestId("notification")
        .filter({ hasText: `Bắt đầu tự đánh giá: ${roundName}` })
        .waitFor();
      await page.screenshot({ path: join(screenshotDir, "reminder-inbox.png"), fullPage: true });
    },
    LONG,
  );
});
