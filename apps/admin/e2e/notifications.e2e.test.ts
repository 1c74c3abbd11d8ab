import { join } from "node:path";
import { LoginDocument, request } from "@lantoa/client";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";
import { demoPassword, signIn } from "./pages";

/** A Thanh Liêm model running since 2018: it passes the gates once it has evidence. */
const MODEL = { code: "TL-2018-CAMERA", name: "Camera an ninh" };
const REVIEWER = "giamkhao.2";
const LONG = 180_000;

describe.runIf(canRunBrowser)("a reviewer's notifications in headless Chromium", () => {
  const gateway = { url: inject("gatewayUrl") };
  const roundName = `Bình xét có thông báo ${Date.now().toString(36).toUpperCase()}`;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let roundGid = "";

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
    // The district's admin attaches evidence to the model, makes a round over it and assigns the reviewer.
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
        ... on MutationCreateRoundSuccess { data { round { id } } } ... on Error { code } } }`,
      {
        i: {
          code: `E2E-NOTICE-${Date.now().toString(36).toUpperCase()}`,
          name: roundName,
          criteriaSetCode: "default",
          criteriaVersion: 1,
          organizerUnitId: organizer,
          period: "2022",
          referenceDate: "2022-12-15",
          modelCodes: [MODEL.code],
          deadlines: { review: "2030-12-31" },
        },
        k: `e2e-notice-${Date.now()}`,
      },
      admin,
    );
    const roundId = created.data?.createRound?.data?.round?.id;
    if (!roundId) throw new Error(`round not created: ${JSON.stringify(created)}`);
    roundGid = roundId;
    const assigned = await graphql(
      `mutation($r: ID!, $m: ID!, $u: String!) { assignReviewers(roundId: $r, assignments: [{ modelId: $m, reviewerUsername: $u }]) {
        __typename ... on Error { code } } }`,
      { r: roundId, m: model.id, u: REVIEWER },
      admin,
    );
    expect(assigned.data?.assignReviewers?.__typename).toBe("MutationAssignReviewersSuccess");
  }, LONG);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it(
    "shows the assigned reviewer the unread count in the header, and the notification read from the inbox",
    async () => {
      context = await browser.newContext({ locale: "vi-VN", viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${gateway.url}/`);
      await signIn(page, REVIEWER);
      const bell = page.getByTestId("notification-bell");
      const unread = async () =>
        Number(/(\d+) chưa đọc/.exec((await bell.getAttribute("aria-label")) ?? "")?.[1] ?? -1);
      await expect.poll(unread).toBeGreaterThan(0);
      const before = await unread();
      await bell.click();
      await page.getByRole("heading", { level: 2, name: "Thông báo" }).waitFor();
      const subject = `Phiếu chấm mới: ${roundName}`;
      const item = page.getByTestId("notification").filter({ hasText: subject });
      await expect.poll(() => item.getAttribute("data-read")).toBe("false");
      await page.screenshot({ path: join(screenshotDir, "notifications-inbox.png"), fullPage: true });
      await item.getByRole("button", { name: `Đánh dấu đã đọc: ${subject}` }).click();
      await expect.poll(() => item.getAttribute("data-read")).toBe("true");
      await expect.poll(unread).toBe(before - 1);
      await item.getByRole("link", { name: `Mở: ${subject}` }).click();
      await page.waitForURL(/\/my-scorecards$/);
      await page.getByText("Hạn chấm điểm: 31/12/2030").waitFor();
      await page.screenshot({ path: join(screenshotDir, "notifications-queue-deadline.png"), fullPage: true });
    },
    LONG,
  );

  it(
    "lets the organizer move the review deadline and lists the scorecard late once it has passed",
    async () => {
      await context?.close();
      context = await browser.newContext({ locale: "vi-VN", viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${gateway.url}/`);
      await signIn(page, "thanhliem.admin");
      await page.goto(`${gateway.url}/rounds/${encodeURIComponent(roundGid)}`);
      const panel = page.getByTestId("round-deadlines");
      await panel.getByText("Không có phiếu chấm nào quá hạn.").waitFor();
      await panel.getByLabel("Hạn chấm điểm").fill("2020-01-15");
      await panel.getByRole("button", { name: "Lưu hạn" }).click();
      await panel.getByText("Đã lưu hạn các bước.").waitFor();
      await panel.getByTestId("late-scorecards").getByText(MODEL.code, { exact: false }).waitFor();
      await panel.screenshot({ path: join(screenshotDir, "round-deadlines-late.png") });
    },
    LONG,
  );
});
