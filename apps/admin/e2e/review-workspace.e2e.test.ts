import { createRequire } from "node:module";
import { join } from "node:path";
import { LoginDocument, request } from "@lantoa/client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";
import { demoPassword, signIn } from "./pages";

/** Three Thanh Liêm models running since 2018–2019, in the order the reviewer's queue lists them (by code). */
const models = [
  { code: "TL-2018-CHIECBANH", name: "Chiếc bánh yêu thương" },
  { code: "TL-2018-THAPSANG", name: "Thắp sáng đường làng ngõ xóm" },
  { code: "TL-2019-BOVANG", name: "Nông dân tiết kiệm tặng bò vàng sinh sản cho hội viên nông dân nghèo" },
] as const;
/** One value per rated criterion of the default set, each on its scale. */
const scores = { novelty: "25", effectiveness: "8", reach: "8", theme: "4" } as const;
const REVIEWER = "giamkhao.2";
const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const STAGE = 240_000;

describe.runIf(canRunBrowser)("a reviewer's workspace in headless Chromium", () => {
  const gateway = { url: inject("gatewayUrl") };
  const roundCode = `E2E-THAMDINH-${Date.now().toString(36).toUpperCase()}`;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let roundId = "";
  const ids = new Map<string, string>();

  const graphql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const tokenFor = async (username: string) => {
    const { login } = await request(`${gateway.url}/graphql`, LoginDocument, { username, password: demoPassword });
    if (login?.__typename !== "MutationLoginSuccess" || !login.data.token)
      throw new Error(`cannot sign in as ${username}`);
    return login.data.token;
  };
  const upload = async (token: string, modelId: string, version: number, title: string, file: File) => {
    const form = new FormData();
    form.set(
      "operations",
      JSON.stringify({
        query: `mutation($m: ID!, $v: Int!, $t: String!, $file: File!) { addEvidence(modelId: $m, expectedVersion: $v, file: $file, title: $t) {
          __typename ... on MutationAddEvidenceSuccess { data { model { version } } } } }`,
        variables: { m: modelId, v: version, t: title, file: null },
      }),
    );
    form.set("map", JSON.stringify({ 0: ["variables.file"] }));
    form.set("0", file);
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "x-graphql-csrf": "1" },
      body: form,
    });
    const added = (await response.json()) as { data?: any };
    expect(added.data?.addEvidence?.__typename).toBe("MutationAddEvidenceSuccess");
    return added.data.addEvidence.data.model.version as number;
  };

  /**
   * The round the reviewer works in, prepared through the API as its people would: the unit
   * attaches evidence (a report to each model, a photo to the first), the district's admin
   * creates the round, files the self-assessments, opens review and assigns all three models
   * to one reviewer.
   */
  beforeAll(async () => {
    browser = await launchChromium();
    const admin = await tokenFor("thanhliem.admin");
    // A real PNG for the photo: a screenshot of a small page.
    const painter = await browser.newPage({ viewport: { width: 480, height: 270 } });
    await painter.setContent(
      `<body style="margin:0;display:grid;place-items:center;height:100vh;background:#fde68a;font:32px sans-serif">Ảnh hoạt động</body>`,
    );
    const photo = await painter.screenshot({ type: "png" });
    await painter.close();
    for (const [n, model] of models.entries()) {
      const found = await graphql(
        `query($text: String!) { models(first: 20, filter: { text: $text }) { edges { node { id code version } } } }`,
        { text: model.code },
        admin,
      );
      const node = found.models.edges.map((e: any) => e.node).find((m: any) => m.code === model.code);
      if (!node) throw new Error(`no demo model ${model.code}`);
      ids.set(model.code, node.id);
      const report = new File([new Uint8Array(2048).fill(37)], "bao-cao.pdf", { type: "application/pdf" });
      const version = await upload(admin, node.id, node.version, "Báo cáo kết quả", report);
      if (n === 0)
        await upload(
          admin,
          node.id,
          version,
          "Ảnh hoạt động",
          new File([new Uint8Array(photo)], "anh.png", { type: "image/png" }),
        );
    }
    const viewer = await graphql(`{ viewer { roles { role unitId } } }`, {}, admin);
    const organizerUnitId = viewer.viewer.roles.find((r: any) => r.role === "unit-admin").unitId;
    const created = await graphql(
      `mutation($i: CreateRoundInput!, $k: String!) { createRound(input: $i, idempotencyKey: $k) {
        __typename ... on MutationCreateRoundSuccess { data { round { id version } } } ... on Error { code message } } }`,
      {
        i: {
          code: roundCode,
          name: "Thẩm định thử (e2e)",
          criteriaSetCode: "default",
          criteriaVersion: 1,
          organizerUnitId,
          period: "2022",
          referenceDate: "2022-12-15",
          modelCodes: models.map((m) => m.code),
        },
        k: `create-${roundCode}`,
      },
      admin,
    );
    expect(created.createRound.__typename).toBe("MutationCreateRoundSuccess");
    roundId = created.createRound.data.round.id;
    let version: number = created.createRound.data.round.version;
    const advance = async (step: string) => {
      const moved = await graphql(
        `mutation($id: ID!, $s: RoundStep!, $v: Int!) { advanceRound(id: $id, step: $s, expectedVersion: $v) {
          __typename ... on MutationAdvanceRoundSuccess { data { round { version } } } ... on Error { code message } } }`,
        { id: roundId, s: step, v: version },
        admin,
      );
      expect(moved.advanceRound).toMatchObject({ __typename: "MutationAdvanceRoundSuccess" });
      version = moved.advanceRound.data.round.version;
    };
    await advance("OPEN_SELF_ASSESSMENT");
    for (const model of models) {
      const saved = await graphql(
        `mutation($r: ID!, $m: ID!, $ratings: [ScorecardRatingInput!]!) {
          saveScorecard(roundId: $r, modelId: $m, kind: SELF, ratings: $ratings, submit: true) { __typename ... on Error { code message } } }`,
        {
          r: roundId,
          m: ids.get(model.code),
          ratings: Object.entries(scores).map(([criterionId, value]) => ({
            criterionId,
            value: Number(value),
            comment: `Đơn vị tự đánh giá ${criterionId}`,
          })),
        },
        admin,
      );
      expect(saved.saveScorecard.__typename).toBe("MutationSaveScorecardSuccess");
    }
    await advance("OPEN_REVIEW");
    const assigned = await graphql(
      `mutation($r: ID!, $a: [ReviewerAssignmentInput!]!) { assignReviewers(roundId: $r, assignments: $a) { __typename ... on Error { code message } } }`,
      { r: roundId, a: models.map((m) => ({ modelId: ids.get(m.code), reviewerUsername: REVIEWER })) },
      admin,
    );
    expect(assigned.assignReviewers.__typename).toBe("MutationAssignReviewersSuccess");
  }, STAGE);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  /** A signed-in reviewer on a device of the given size (each device its own browser context). */
  async function deviceOf(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ locale: "vi-VN", viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${gateway.url}/`);
    await signIn(page, REVIEWER);
    return page;
  }
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  const criterion = (page: Page, id: string) => page.getByTestId(`rating-${id}`);
  const draftSaved = (page: Page) =>
    expect
      .poll(() => page.getByTestId("draft-status").textContent())
      .toMatch(/^Đã lưu lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
  /** Serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is (as the accessibility suite checks). */
  async function seriousViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: axeSource });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(...args: unknown[]): Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return result.violations;
    })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }
  /** The page is no wider than its window: nothing to scroll sideways. */
  const widthOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it(
    "lists the reviewer's queue with each model's name, unit, scorecard state and the round's progress",
    async () => {
      const page = await deviceOf({ width: 1400, height: 1000 });
      await page
        .getByRole("navigation", { name: "Điều hướng chính" })
        .getByRole("link", { name: "Phiếu chấm của tôi" })
        .click();
      const queue = page.getByTestId(`my-round-${roundCode}`);
      await queue.waitFor();
      expect(await page.getByTestId(`my-progress-${roundCode}`).textContent()).toBe("0/3 đã nộp");
      const text = await queue.textContent();
      for (const model of models) {
        expect(text).toContain(model.name);
        expect(text).toContain(model.code);
      }
      expect(await queue.getByText("Chưa chấm").count()).toBe(3);
      await shot(page, "review-queue");
    },
    STAGE,
  );

  it(
    "opens a model from the queue, reads it and its evidence beside the form, and keeps a draft saved on the server as the reviewer types",
    async () => {
      const page = await deviceOf({ width: 1400, height: 1000 });
      await page.goto(`${gateway.url}/my-scorecards`);
      const [first] = models;
      await page
        .getByTestId(`my-round-${roundCode}`)
        .getByRole("link", { name: `Chấm điểm ${first.code}` })
        .click();
      await page.getByRole("heading", { level: 2, name: first.name }).waitFor();
      expect(await page.getByTestId("review-progress").textContent()).toBe("0/3 đã nộp");
      expect(await page.getByText("Mô hình 1/3").count()).toBe(1);
      // The model beside the form: its description, outcomes, the photo inline and the report to preview and download.
      const evidence = page.getByTestId("review-evidence");
      await expect.poll(() => evidence.textContent()).toContain("Báo cáo kết quả");
      await evidence.getByRole("img", { name: "Ảnh hoạt động" }).waitFor();
      expect(await evidence.getByRole("link", { name: "Tải về" }).count()).toBe(2);
      expect(await page.getByTestId("review-description").textContent()).toContain("Trẻ em và người già neo đơn");
      expect(await page.getByTestId("review-self-assessment").textContent()).toContain("Đơn vị tự đánh giá novelty");
      const modelBox = await page.getByTestId("review-model").boundingBox();
      const formBox = await page.getByTestId("scorecard-form").boundingBox();
      expect(formBox?.x ?? 0).toBeGreaterThan((modelBox?.x ?? 0) + (modelBox?.width ?? 0) - 1);

      await criterion(page, "novelty")
        .getByRole("textbox", { name: /^Điểm:/ })
        .fill(scores.novelty);
      await criterion(page, "novelty")
        .getByRole("textbox", { name: /^Nhận xét:/ })
        .fill("Cách làm mới ở địa phương");
      await draftSaved(page);
      await evidence.getByRole("button", { name: "Xem trước" }).click();
      await evidence.locator("iframe").waitFor();
      // As the reviewer sees it (the form stays in view beside the model), then the whole page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(screenshotDir, "review-workspace-desktop-window.png") });
      await shot(page, "review-workspace-desktop");
      expect(await seriousViolations(page)).toEqual([]);

      // A reload reads the draft back from the server.
      await page.reload();
      await page.getByTestId("scorecard-form").waitFor();
      const novelty = criterion(page, "novelty").getByRole("textbox", { name: /^Điểm:/ });
      await expect.poll(() => novelty.inputValue()).toBe(scores.novelty);
      expect(await page.getByTestId("scorecard-status").textContent()).toBe("Bản nháp");
    },
    STAGE,
  );

  it(
    "continues the draft on a phone-sized window, submits after confirming, and lands on the next model",
    async () => {
      const [first, second] = models;
      const page = await deviceOf({ width: 390, height: 844 });
      await page.goto(`${gateway.url}/my-scorecards`);
      await page.getByTestId(`my-round-${roundCode}`).waitFor();
      expect(await widthOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "review-queue-phone");
      await page
        .getByTestId(`my-round-${roundCode}`)
        .getByRole("link", { name: `Chấm điểm ${first.code}` })
        .click();
      await page.getByRole("heading", { level: 2, name: first.name }).waitFor();
      const novelty = criterion(page, "novelty").getByRole("textbox", { name: /^Điểm:/ });
      await expect.poll(() => novelty.inputValue()).toBe(scores.novelty);
      // On a phone the model comes first, the form below it, and nothing scrolls sideways.
      const modelBox = await page.getByTestId("review-model").boundingBox();
      const formBox = await page.getByTestId("scorecard-form").boundingBox();
      expect(formBox?.y ?? 0).toBeGreaterThan((modelBox?.y ?? 0) + (modelBox?.height ?? 0) - 1);
      expect(await widthOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "review-workspace-phone");
      expect(await seriousViolations(page)).toEqual([]);
      // The link under the title takes the phone straight to the form.
      await page.getByRole("link", { name: "Đến phiếu chấm ↓" }).click();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(844);
      await page.screenshot({ path: join(screenshotDir, "review-phone-form-window.png") });

      // One click per criterion: its band sets the score and moves the focus to the comment, typed at once.
      for (const id of Object.keys(scores)) {
        if (id === "novelty") continue;
        await criterion(page, id)
          .getByRole("group", { name: /^Các mức của/ })
          .getByRole("button")
          .last()
          .click();
        await page.keyboard.type(`Nhận xét về ${id}`);
        const comment = criterion(page, id).getByRole("textbox", { name: /^Nhận xét:/ });
        await expect.poll(() => comment.inputValue()).toBe(`Nhận xét về ${id}`);
        expect(
          await criterion(page, id)
            .getByRole("textbox", { name: /^Điểm:/ })
            .inputValue(),
        ).not.toBe("");
      }
      await draftSaved(page);
      await page.getByRole("button", { name: "Nộp phiếu", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Nộp phiếu chấm?" });
      await expect.poll(() => dialog.textContent()).toContain("không sửa được phiếu này nữa");
      expect(await widthOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "review-confirm-phone");
      await dialog.getByRole("button", { name: "Nộp phiếu" }).click();

      // The next model still to score opens, and the queue counts the submitted card.
      await page.getByRole("heading", { level: 2, name: second.name }).waitFor();
      expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(
        `/rounds/${roundId}/review/${ids.get(second.code)}`,
      );
      await expect.poll(() => page.getByTestId("review-progress").textContent()).toBe("1/3 đã nộp");
      expect(await page.getByTestId("scorecard-status").textContent()).toBe("Chưa chấm");
      expect(await widthOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, "review-next-phone");

      // The submitted card reads back as submitted, no longer editable.
      await page.getByRole("link", { name: `Mô hình trước: ${first.name}` }).click();
      await page.getByRole("heading", { level: 2, name: first.name }).waitFor();
      await expect.poll(() => page.getByTestId("scorecard-status").textContent()).toBe("Đã nộp");
      expect(await page.getByRole("button", { name: "Nộp phiếu", exact: true }).count()).toBe(0);
    },
    STAGE,
  );

  it(
    "asks which version to keep when the same draft was saved from another device meanwhile",
    async () => {
      const third = models[2];
      const path = `/rounds/${encodeURIComponent(roundId)}/review/${encodeURIComponent(ids.get(third.code) ?? "")}`;
      const [desk, phone] = [
        await deviceOf({ width: 1400, height: 1000 }),
        await deviceOf({ width: 390, height: 844 }),
      ];
      for (const page of [desk, phone]) {
        await page.goto(`${gateway.url}${path}`);
        await page.getByRole("heading", { level: 2, name: third.name }).waitFor();
        await page.getByTestId("scorecard-form").waitFor();
      }
      const novelty = (page: Page) => criterion(page, "novelty").getByRole("textbox", { name: /^Điểm:/ });
      await novelty(desk).fill("20");
      await draftSaved(desk);
      // The phone still holds the card as it was before: its save is refused, and nothing is overwritten unasked.
      await novelty(phone).fill("10");
      const conflict = phone.getByTestId("draft-conflict");
      await conflict.waitFor();
      expect(await widthOverflow(phone)).toBeLessThanOrEqual(0);
      await shot(phone, "review-draft-conflict-phone");
      await conflict.getByRole("button", { name: "Tải bản đã lưu" }).click();
      await expect.poll(() => novelty(phone).inputValue()).toBe("20");
      // From the loaded version the phone saves again.
      await novelty(phone).fill("22");
      await draftSaved(phone);
      await desk.reload();
      await expect.poll(() => novelty(desk).inputValue()).toBe("22");
    },
    STAGE,
  );

  it(
    "keeps what was typed just before moving to another model, without waiting for the pause",
    async () => {
      const [, second, third] = models;
      const page = await deviceOf({ width: 1400, height: 1000 });
      await page.goto(
        `${gateway.url}/rounds/${encodeURIComponent(roundId)}/review/${encodeURIComponent(ids.get(third.code) ?? "")}`,
      );
      await page.getByTestId("scorecard-form").waitFor();
      const comment = (p: Page) => criterion(p, "reach").getByRole("textbox", { name: /^Nhận xét:/ });
      await comment(page).fill("Đã nhân rộng ra ba xã");
      await page.getByRole("link", { name: `Mô hình trước: ${second.name}` }).click();
      await page.getByRole("heading", { level: 2, name: second.name }).waitFor();
      await page.getByRole("link", { name: `Mô hình sau: ${third.name}` }).click();
      await page.getByRole("heading", { level: 2, name: third.name }).waitFor();
      await expect.poll(() => comment(page).inputValue()).toBe("Đã nhân rộng ra ba xã");
    },
    STAGE,
  );
});
