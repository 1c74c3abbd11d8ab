import { join } from "node:path";
import {
  CreateRoundDocument,
  LoginDocument,
  RoundAssignmentGridDocument,
  RoundOverviewDocument,
  RoundsDocument,
  request,
} from "@lantoa/client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";
import { demoPassword, signIn } from "./pages";

const STAGE = 240_000;

describe.runIf(canRunBrowser)("assigning reviewers to a 30-model round in headless Chromium", () => {
  const gateway = { url: inject("gatewayUrl") };
  const roundCode = `E2E-GRID-${Date.now().toString(36).toUpperCase()}`;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let token = "";
  let roundId = "";

  const url = () => `${gateway.url}/graphql`;
  const grid = async () => {
    const { node } = await request(url(), RoundAssignmentGridDocument, { id: roundId }, { token });
    if (!node || !("assignmentGrid" in node) || !node.assignmentGrid) throw new Error("no grid");
    return node.assignmentGrid;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    const { login } = await request(`${gateway.url}/graphql`, LoginDocument, {
      username: "thanhliem.admin",
      password: demoPassword,
    });
    if (login?.__typename !== "MutationLoginSuccess" || !login.data.token) throw new Error("cannot sign in");
    token = login.data.token;
    // Thirty of the article's models the demo's 2023 round found eligible (they carry the
    // demo's evidence): a new round of the district over exactly these, in draft.
    const { rounds } = await request(url(), RoundsDocument, {}, { token });
    const open = rounds?.find((r) => r.code === "TL-XET-2023");
    if (!open?.id) throw new Error("the demo's open round is missing");
    const { node } = await request(url(), RoundOverviewDocument, { id: open.id }, { token });
    const codes = (node && "models" in node ? (node.models ?? []) : [])
      .filter((m) => m.eligible)
      .map((m) => m.code ?? "")
      .slice(0, 30);
    expect(codes).toHaveLength(30);
    const organizer = node && "organizerUnit" in node ? node.organizerUnit?.id : null;
    const { createRound } = await request(
      url(),
      CreateRoundDocument,
      {
        idempotencyKey: `${roundCode}-key`,
        input: {
          code: roundCode,
          name: "Bình xét 30 mô hình (e2e)",
          criteriaSetCode: "default",
          criteriaVersion: 1,
          organizerUnitId: organizer ?? "",
          period: "2023",
          referenceDate: "2023-12-15",
          modelCodes: codes,
          reviewersPerModel: 2,
        },
      },
      { token },
    );
    if (createRound?.__typename !== "MutationCreateRoundSuccess" || !createRound.data.round?.id)
      throw new Error(`createRound: ${JSON.stringify(createRound)}`);
    expect(createRound.data.skipped).toEqual([]);
    roundId = createRound.data.round.id;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function pageAs(username: string): Promise<Page> {
    await context?.close();
    context = await browser.newContext({ locale: "vi-VN", viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${gateway.url}/`);
    await signIn(page, username);
    return page;
  }
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  /** The grid alone, as a person sees it on the page. */
  const gridShot = (page: Page, name: string) =>
    page.getByTestId("assignment-grid").screenshot({ path: join(screenshotDir, `${name}.png`) });

  it(
    "draws two reviewers for each of the 30 models in one click, then moves one assignment in the grid with two clicks",
    async () => {
      const page = await pageAs("thanhliem.admin");
      let clicks = 0;
      const click = async (locator: ReturnType<Page["getByRole"]>) => {
        await locator.click();
        clicks++;
      };
      // From the rounds list: open the round...
      await click(
        page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Đợt bình xét" }),
      );
      await click(page.getByRole("link", { name: "Bình xét 30 mô hình (e2e)" }));
      const openingClicks = clicks;
      const table = page.getByTestId("assignment-grid");
      await table
        .getByTestId(/^grid-row-/)
        .first()
        .waitFor();
      expect(await table.getByTestId(/^grid-row-/).count()).toBe(30);
      expect(await table.getByRole("checkbox", { checked: true }).count()).toBe(0);
      await shot(page, "grid-before-draw");

      // ...and draw every model's reviewers at once.
      const beforeDraw = clicks;
      await click(page.getByRole("button", { name: "Bốc thăm giám khảo cho cả đợt" }));
      await page.getByText("Đã bốc thăm đủ giám khảo").waitFor();
      await expect.poll(() => table.getByRole("checkbox", { checked: true }).count()).toBe(60);
      const drawClicks = clicks - beforeDraw;
      const drawn = await grid();
      expect(drawn.cells.filter((c) => c.assigned)).toHaveLength(60);
      for (const r of drawn.reviewers)
        expect(await page.getByTestId(`grid-load-${r.username}`).textContent()).toBe(`${r.load} phiếu trong đợt`);
      await shot(page, "grid-after-draw");
      await gridShot(page, "grid-only-after-draw");

      // A conflicted cell is locked and says why.
      const conflicted = drawn.cells.find((c) => c.conflict === "TREE");
      if (conflicted) {
        const model = drawn.models.find((m) => m.modelId === conflicted.modelId);
        const box = table.getByRole("checkbox", { name: `Giao ${conflicted.username} chấm ${model?.code}` });
        expect(await box.isDisabled()).toBe(true);
        await box.hover({ force: true });
        await page.getByText("Xung đột lợi ích: đơn vị của giám khảo").waitFor();
        await page.screenshot({ path: join(screenshotDir, "grid-conflict-tooltip.png") });
      }

      // Adjust two cells: take a drawn reviewer off the first model and give it another.
      const first = drawn.models[0];
      if (!first) throw new Error("no model");
      const onFirst = drawn.cells.filter((c) => c.modelId === first.modelId);
      const off = onFirst.find((c) => c.assigned);
      const on = drawn.reviewers.find((r) => !onFirst.some((c) => c.username === r.username) && r.inPool);
      if (!off || !on) throw new Error("the first model has no free reviewer to swap in");
      const loadOf = (username: string) => drawn.reviewers.find((r) => r.username === username)?.load ?? 0;
      await click(table.getByRole("checkbox", { name: `Giao ${off.username} chấm ${first.code}` }));
      await expect
        .poll(() => page.getByTestId(`grid-load-${off.username}`).textContent())
        .toBe(`${loadOf(off.username) - 1} phiếu trong đợt`);
      await click(table.getByRole("checkbox", { name: `Giao ${on.username} chấm ${first.code}` }));
      await expect
        .poll(() => page.getByTestId(`grid-load-${on.username}`).textContent())
        .toBe(`${loadOf(on.username) + 1} phiếu trong đợt`);
      const after = await grid();
      const now = after.cells.filter((c) => c.modelId === first.modelId && c.assigned).map((c) => c.username);
      expect(now).toContain(on.username);
      expect(now).not.toContain(off.username);
      expect(after.cells.filter((c) => c.assigned)).toHaveLength(60);
      await shot(page, "grid-after-adjust");
      await gridShot(page, "grid-only-after-adjust");
      const adjustClicks = clicks - beforeDraw - drawClicks;

      // The figures for the closing note: one click draws the whole round from its page.
      process.stdout.write(
        `\n  clicks: ${openingClicks} to open the round from the menu, ${drawClicks} to draw reviewers for all 30 models, ${adjustClicks} to adjust two cells\n`,
      );
      expect([openingClicks, drawClicks, adjustClicks]).toEqual([2, 1, 2]);
    },
    STAGE,
  );

  it(
    "creating a round lists the nominated codes it left out, with why, before moving on",
    async () => {
      const page = await pageAs("thanhliem.admin");
      await page
        .getByRole("navigation", { name: "Điều hướng chính" })
        .getByRole("link", { name: "Đợt bình xét" })
        .click();
      await page.getByRole("heading", { level: 3, name: "Tạo đợt bình xét" }).waitFor();
      await page.getByLabel(/^Tên đợt/).fill("Đợt có mã đề cử sai (e2e)");
      await page.getByLabel("Mã đợt").fill(`${roundCode}-SAI`);
      await page.getByLabel("Phiên bản bộ tiêu chí đã ban hành").selectOption("default@1");
      await page.getByLabel(/^Kỳ/).fill("2023");
      await page.getByRole("combobox", { name: "Đơn vị tổ chức" }).fill("hoi lien hiep phu nu huyen");
      await page.getByRole("option", { name: /Hội Liên hiệp Phụ nữ huyện Thanh Liêm$/ }).click();
      await page.getByLabel("Ngày tính điều kiện").fill("2023-12-15");
      // A lower-cased code of the union's own, a typo, and a model of another unit.
      await page
        .getByLabel("Chỉ các mô hình được đề cử (mã mô hình)")
        .fill("tl-2018-hugao, TL-2018-HUGA0, TL-2018-CAMERA");
      await page.getByRole("button", { name: "Tạo đợt bình xét" }).click();
      const skipped = page.getByTestId("skipped-nominations");
      await skipped.waitFor();
      expect(await skipped.textContent()).toContain("2 mã đề cử không được đưa vào");
      const rows = skipped.locator("tbody tr");
      expect(
        await rows.evaluateAll((trs) =>
          trs.map((tr) => [(tr as HTMLTableRowElement).cells[0]?.textContent, (tr as HTMLElement).dataset.reason]),
        ),
      ).toEqual([
        ["TL-2018-HUGA0", "UNKNOWN"],
        ["TL-2018-CAMERA", "OUTSIDE_SCOPE"],
      ]);
      await skipped.screenshot({ path: join(screenshotDir, "round-create-skipped.png") });
      await skipped.getByRole("link", { name: "Mở đợt vừa tạo" }).click();
      await page.getByRole("heading", { level: 2, name: /Đợt có mã đề cử sai \(e2e\)/ }).waitFor();
      expect(await page.getByTestId("scope-table").textContent()).toContain("TL-2018-HUGAO");
    },
    STAGE,
  );
});
