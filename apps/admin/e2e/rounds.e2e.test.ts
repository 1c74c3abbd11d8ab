import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LoginDocument, RoundOverviewDocument, request } from "@lantoa/client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";
import { confirmStep, demoPassword, signIn } from "./pages";

/** Two Thanh Liêm models running since 2018: both pass the gates once they have evidence. */
const models = { "TL-2018-CAMERA": "Camera an ninh", "TL-2018-HUGAO": "Hũ gạo tiết kiệm" };
const modelCodes = Object.keys(models);
/** The same scores from everyone, so no disagreement draws a third reviewer. */
const scores: Record<string, string> = { novelty: "25", effectiveness: "8", reach: "8", theme: "4" };
const STAGE = 240_000;

describe.runIf(canRunBrowser)("an evaluation round in headless Chromium", () => {
  // Started once for every browser suite by global-setup.ts.
  const gateway = { url: inject("gatewayUrl") };
  const roundCode = `E2E-BINHXET-${Date.now().toString(36).toUpperCase()}`;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let roundPath = "";
  let roundId = "";

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
      throw new Error(`cannot sign in as ${username}`);
    return login.data.token;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    // The demo models have no evidence: their unit's admin attaches a report to each, as
    // they would on the model page, so the "evidence attached" gate passes.
    const token = await tokenFor("thanhliem.admin");
    for (const [code, name] of Object.entries(models)) {
      const found = await graphql(
        `query($text: String!) { models(first: 20, filter: { text: $text }) { edges { node { id code version } } } }`,
        { text: name },
        token,
      );
      const model = found.data?.models?.edges?.map((e: any) => e.node).find((m: any) => m.code === code);
      if (!model) throw new Error(`no demo model ${code}: ${JSON.stringify(found)}`);
      const form = new FormData();
      form.set(
        "operations",
        JSON.stringify({
          query: `mutation($m: ID!, $v: Int!, $file: File!) { addEvidence(modelId: $m, expectedVersion: $v, file: $file, title: "Báo cáo kết quả") { __typename } }`,
          variables: { m: model.id, v: model.version, file: null },
        }),
      );
      form.set("map", JSON.stringify({ 0: ["variables.file"] }));
      form.set("0", new File([new Uint8Array(1024).fill(37)], "bao-cao.pdf", { type: "application/pdf" }));
      const response = await fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "x-graphql-csrf": "1" },
        body: form,
      });
      const added = (await response.json()) as { data?: any };
      expect(added.data?.addEvidence?.__typename).toBe("MutationAddEvidenceSuccess");
    }
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function pageAs(username: string, path: string): Promise<Page> {
    await context?.close();
    context = await browser.newContext({
      locale: "vi-VN",
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${gateway.url}/`);
    await signIn(page, username);
    await page.goto(`${gateway.url}${path}`);
    return page;
  }
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  const status = (page: Page) => page.getByTestId("round-status").textContent();

  /** Fills every rated criterion of the scorecard form and submits it (a review after its confirmation). */
  async function fillAndSubmit(page: Page, confirm = false) {
    const form = page.getByTestId("scorecard-form");
    await form.waitFor();
    for (const [criterion, value] of Object.entries(scores)) {
      const field = page.getByTestId(`rating-${criterion}`);
      await field.getByRole("textbox", { name: /^Điểm:/ }).fill(value);
      await field.getByRole("textbox", { name: /^Nhận xét:/ }).fill(`Nhận xét về ${criterion}`);
    }
    await page.getByRole("button", { name: "Nộp phiếu", exact: true }).click();
    if (confirm)
      await page.getByRole("dialog", { name: "Nộp phiếu chấm?" }).getByRole("button", { name: "Nộp phiếu" }).click();
  }

  it(
    "creates a round over two nominated models and shows their gates before opening",
    async () => {
      const page = await pageAs("thanhliem.admin", "/");
      await page
        .getByRole("navigation", { name: "Điều hướng chính" })
        .getByRole("link", { name: "Đợt bình xét" })
        .click();
      await page.getByRole("heading", { level: 3, name: "Tạo đợt bình xét" }).waitFor();
      await page.getByLabel(/^Tên đợt/).fill("Bình xét thử nghiệm (e2e)");
      await page.getByLabel("Mã đợt").fill(roundCode);
      await page.getByLabel("Phiên bản bộ tiêu chí đã ban hành").selectOption("default@1");
      await page.getByLabel(/^Kỳ/).fill("2022");
      await page.getByRole("combobox", { name: "Đơn vị tổ chức" }).fill("huyen uy thanh liem");
      await page.getByRole("option", { name: /Huyện ủy Thanh Liêm$/ }).click();
      await page.getByLabel("Ngày tính điều kiện").fill("2022-12-15");
      await page.getByLabel("Chỉ các mô hình được đề cử (mã mô hình)").fill(modelCodes.join(", "));
      await shot(page, "round-create");
      await page.getByRole("button", { name: "Tạo đợt bình xét" }).click();

      await page.getByRole("heading", { level: 2, name: /Bình xét thử nghiệm \(e2e\)/ }).waitFor();
      roundPath = new URL(page.url()).pathname;
      roundId = decodeURIComponent(roundPath.split("/")[2] ?? "");
      expect(await status(page)).toBe("Dự thảo");
      const scope = page.getByTestId("scope-table");
      await expect.poll(() => scope.locator("tbody").getByText("Đủ điều kiện", { exact: true }).count()).toBe(2);
      expect(await scope.getByText("✓ Có minh chứng kèm theo").count()).toBe(2);
      await shot(page, "round-draft-scope");

      await page.getByRole("button", { name: "Mở tự đánh giá" }).click();
      await confirmStep(page, "Mở tự đánh giá");
      await expect.poll(() => status(page)).toBe("Tự đánh giá");
      // Review cannot open before the self-assessments: the refusal names the models.
      await page.getByRole("button", { name: "Mở thẩm định" }).click();
      await confirmStep(page, "Mở thẩm định");
      const problem = page.getByTestId("round-problem");
      await expect.poll(() => problem.textContent()).toContain("chưa nộp phiếu tự đánh giá");
      for (const code of modelCodes) expect(await problem.textContent()).toContain(code);
      await shot(page, "round-refusal");
    },
    STAGE,
  );

  it(
    "takes the units' self-assessments (an officer's from their own page), opens review, assigns one reviewer by hand and draws the rest",
    async () => {
      // The women's union officer files the self-assessment of their unit's model from
      // "Phiếu chấm của tôi"...
      const [policeModel, unionModel] = modelCodes as [string, string];
      const officer = await pageAs("phunu.canbo", "/");
      await officer
        .getByRole("navigation", { name: "Điều hướng chính" })
        .getByRole("link", { name: "Phiếu chấm của tôi" })
        .click();
      const owed = officer.getByTestId(`my-self-${roundCode}`);
      expect(await owed.textContent()).not.toContain(policeModel);
      await owed.getByRole("link", { name: `Tự đánh giá ${unionModel}` }).click();
      await officer.getByRole("heading", { level: 2, name: `Phiếu tự đánh giá — ${unionModel}` }).waitFor();
      await fillAndSubmit(officer);
      await officer.getByText("Đã nộp phiếu.", { exact: false }).waitFor();
      await officer.getByRole("link", { name: "← Phiếu chấm của tôi" }).click();
      await expect.poll(() => officer.getByTestId(`my-self-${roundCode}`).textContent()).toContain("Đã nộp");
      await shot(officer, "self-assessment-officer");

      // ...and the district admin files the police post's from the round's page.
      const page = await pageAs("thanhliem.admin", roundPath);
      await page.getByRole("link", { name: `Phiếu tự đánh giá của ${policeModel}` }).click();
      await page.getByRole("heading", { level: 2, name: /Phiếu tự đánh giá/ }).waitFor();
      await fillAndSubmit(page);
      await page.getByText("Đã nộp phiếu.", { exact: false }).waitFor();
      await page.getByRole("link", { name: "← Về trang đợt bình xét" }).click();
      await page.getByRole("button", { name: "Mở thẩm định" }).click();
      await confirmStep(page, "Mở thẩm định");
      await expect.poll(() => status(page)).toBe("Thẩm định");

      // The reviewer is chosen from the pool, by name or username, least loaded first.
      const reviewer = page.getByRole("combobox", { name: "Giám khảo" });
      for (const code of modelCodes) {
        await page.getByLabel("Mô hình", { exact: true }).selectOption({ label: code });
        await reviewer.fill("giamkhao.1");
        await page.getByRole("option", { name: /\(giamkhao\.1\)/ }).click();
        await page.getByRole("button", { name: "Phân công", exact: true }).click();
        await page.getByText("Đã phân công giamkhao.1.").waitFor();
      }
      // Already assigned to the model: offered no more.
      await reviewer.fill("giamkhao.1");
      const taken = page.getByRole("option", { name: /\(giamkhao\.1\)/ });
      await expect.poll(() => taken.textContent()).toContain("đã được phân công");
      expect(await taken.getAttribute("data-combobox-disabled")).toBe("true");
      await reviewer.press("Escape");
      await page.getByTestId("draw-panel").click();
      await page.getByText("Đã bốc thăm đủ giám khảo").waitFor();
      const assignments = page.getByTestId("assignments-table");
      await expect.poll(() => assignments.getByText("Bốc thăm", { exact: true }).count()).toBe(2);
      expect(await page.getByTestId("draw-seed").textContent()).toMatch(/^[0-9a-f]{32}$/);
      await page.getByRole("button", { name: "Kiểm tra lại bốc thăm" }).click();
      await expect.poll(() => page.getByTestId("replay-result").textContent()).toBe("Chạy lại cho cùng kết quả");
      await shot(page, "round-reviewers");
    },
    STAGE,
  );

  it(
    "lets a reviewer declare a conflict (a new draw replaces them) and each reviewer score from “Phiếu chấm của tôi”, seeing the others only after submitting",
    async () => {
      const admin = await tokenFor("thanhliem.admin");
      const assignments = async () => {
        const overview = await request(
          `${gateway.url}/graphql`,
          RoundOverviewDocument,
          { id: roundId },
          { token: admin },
        );
        return (overview.node && "assignments" in overview.node ? overview.node.assignments : null) ?? [];
      };
      // The reviewer drawn for the first model knows its unit: they declare a conflict, with a reason.
      const drawn = (await assignments()).find((a) => a.modelCode === modelCodes[0] && a.source === "draw");
      const conflicted = drawn?.reviewerUsername ?? "";
      expect(conflicted).toMatch(/^giamkhao\.\d$/);
      const mine = await pageAs(conflicted, "/my-scorecards");
      await mine
        .getByTestId(`my-round-${roundCode}`)
        .getByRole("link", { name: `Chấm điểm ${modelCodes[0]}` })
        .click();
      await mine.getByTestId("scorecard-form").waitFor();
      await mine.getByLabel("Lý do").fill("Tôi từng công tác tại đơn vị chủ trì mô hình này");
      await mine.getByRole("button", { name: "Khai báo xung đột lợi ích" }).click();
      await mine.getByText("Bạn đã khai báo xung đột lợi ích với mô hình này").waitFor();
      expect(await mine.getByTestId("scorecard-form").count()).toBe(0);
      await shot(mine, "scorecard-conflict");

      // The organizer draws again: someone else takes the place.
      const round = await pageAs("thanhliem.admin", roundPath);
      await round.getByTestId("draw-panel").click();
      await round.getByText("Đã bốc thăm đủ giám khảo").waitFor();
      await expect.poll(() => round.getByTestId("assignments-table").getByText("Xung đột lợi ích").count()).toBe(1);

      const byReviewer = new Map<string, string[]>();
      for (const a of await assignments()) {
        if (a.conflictDeclared) {
          expect(a).toMatchObject({ reviewerUsername: conflicted, modelCode: modelCodes[0] });
          continue;
        }
        const list = byReviewer.get(a.reviewerUsername ?? "") ?? [];
        list.push(a.modelCode ?? "");
        byReviewer.set(a.reviewerUsername ?? "", list);
      }
      // giamkhao.1 by hand on both, and whoever the draws picked (never a conflicted reviewer).
      expect(byReviewer.get("giamkhao.1")?.sort()).toEqual([...modelCodes].sort());
      expect([...byReviewer.values()].flat()).toHaveLength(4);
      expect(byReviewer.get(conflicted) ?? []).not.toContain(modelCodes[0]);

      // The organizer keeps the round open elsewhere: it follows the scorecards live.
      const watching = await browser.newContext({ locale: "vi-VN", viewport: { width: 1400, height: 1000 } });
      const watcher = await watching.newPage();
      await watcher.goto(`${gateway.url}/`);
      await signIn(watcher, "thanhliem.admin");
      await watcher.goto(`${gateway.url}${roundPath}`);
      await watcher.getByTestId("round-live").waitFor();
      const submitted = async () => Number(await watcher.getByTestId("progress-submitted").textContent());
      const submittedBefore = await submitted();

      let first = true;
      for (const [username, codes] of byReviewer) {
        const page = await pageAs(username, "/");
        await page
          .getByRole("navigation", { name: "Điều hướng chính" })
          .getByRole("link", { name: "Phiếu chấm của tôi" })
          .click();
        for (const code of codes) {
          await page
            .getByTestId(`my-round-${roundCode}`)
            .getByRole("link", { name: `Chấm điểm ${code}` })
            .click();
          await page.getByTestId("scorecard-form").waitFor();
          // The unit's submitted self-assessment is read beside the model; the other reviews wait.
          await expect.poll(() => page.getByTestId("review-self-assessment").textContent()).toContain("Nộp lúc");
          expect(await page.getByTestId("others-table").count()).toBe(0);
          if (first) await shot(page, "scorecard-form");
          await fillAndSubmit(page, true);
          // The workspace moves on to the next model to score; the submitted card reads back from the queue.
          await page.getByText(`Đã nộp phiếu ${code}.`, { exact: false }).waitFor();
          await page.getByRole("link", { name: "← Phiếu chấm của tôi" }).click();
          await page
            .getByTestId(`my-round-${roundCode}`)
            .getByRole("link", { name: `Xem phiếu chấm ${code}` })
            .click();
          await expect.poll(() => page.getByTestId("scorecard-status").textContent()).toBe("Đã nộp");
          await page.getByTestId("others-table").waitFor();
          expect(await page.getByTestId("others-table").textContent()).toContain("Tự đánh giá");
          if (first) await shot(page, "scorecard-submitted");
          first = false;
          await page.getByRole("link", { name: "← Phiếu chấm của tôi" }).click();
        }
      }
      // Without a reload (the page polls only when it loses the stream): the four scorecards are there.
      await expect.poll(submitted, { timeout: 5000 }).toBe(submittedBefore + 4);
      expect(await watcher.getByTestId("round-live").textContent()).toBe("Cập nhật trực tiếp");
      await shot(watcher, "round-live-progress");
      await watching.close();
    },
    STAGE,
  );

  it(
    "moves to council, records the vote, finalizes with a hash, shows and exports the results, commends, publishes, and compares under another version",
    async () => {
      const page = await pageAs("thanhliem.admin", roundPath);
      await expect.poll(() => page.getByTestId("round-progress").textContent()).toContain("4");
      // The chair records a decision on a model, with its reason (required).
      const chair = page.getByTestId("chair-decisions");
      await chair.getByLabel("Mô hình cần quyết định").selectOption({ label: modelCodes[1] as string });
      await chair.getByRole("button", { name: "Ghi quyết định" }).click();
      await chair.getByText("Hãy ghi lý do của quyết định.").waitFor();
      await chair.getByLabel(/^Lý do/).fill("Đã đối chiếu hồ sơ gốc của đơn vị");
      await chair.getByRole("button", { name: "Ghi quyết định" }).click();
      await chair.getByText(`Đã ghi quyết định cho ${modelCodes[1]}.`).waitFor();
      const decided = chair.getByTestId("chair-decisions-table");
      await expect.poll(() => decided.textContent()).toContain("Đã đối chiếu hồ sơ gốc của đơn vị");
      expect(await decided.textContent()).toContain("Giữ điểm các giám khảo đã chấm");
      await shot(page, "round-chair-decision");
      await page.getByRole("button", { name: "Tính kết quả và mở hội đồng" }).click();
      await confirmStep(page, "Tính kết quả và mở hội đồng");
      await expect.poll(() => status(page)).toBe("Hội đồng");

      const council = page.getByTestId("council");
      // Too few present: no quorum, and finalizing is refused.
      await council.getByRole("textbox", { name: "Số thành viên" }).fill("9");
      await council.getByRole("textbox", { name: "Có mặt" }).fill("5");
      await council.getByRole("textbox", { name: "Tán thành", exact: true }).fill("5");
      await council.getByRole("button", { name: "Ghi kết quả biểu quyết" }).click();
      await expect.poll(() => page.getByTestId("council-outcome").textContent()).toContain("Không đủ số người có mặt");
      await page.getByRole("button", { name: "Chốt kết quả" }).click();
      await confirmStep(page, "Chốt kết quả");
      await expect.poll(() => page.getByTestId("round-problem").count()).toBe(1);
      await council.getByRole("textbox", { name: "Có mặt" }).fill("8");
      await council.getByRole("textbox", { name: "Tán thành", exact: true }).fill("7");
      await council.getByRole("textbox", { name: "Không tán thành" }).fill("1");
      await council.getByRole("button", { name: "Ghi kết quả biểu quyết" }).click();
      await expect.poll(() => page.getByTestId("council-outcome").textContent()).toContain("Thông qua");
      await shot(page, "round-council");

      await page.getByRole("button", { name: "Chốt kết quả" }).click();
      await confirmStep(page, "Chốt kết quả");
      await expect.poll(() => status(page)).toBe("Đã chốt");
      expect(await page.getByTestId("results-hash").textContent()).toMatch(/^[0-9a-f]{64}$/);
      const rows = page.getByTestId("result-row");
      await expect.poll(() => rows.count()).toBe(2);
      await rows.first().getByRole("button", { name: "Chi tiết" }).click();
      const breakdown = page.getByTestId("breakdown");
      await expect.poll(() => breakdown.textContent()).toContain("Tính mới, sáng tạo");
      await shot(page, "round-results");

      for (const [button, extension] of [
        ["Tải Excel", "xlsx"],
        ["Tải CSV", "csv"],
      ] as const) {
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByTestId("round-results").getByRole("button", { name: button }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`${roundCode}-ket-qua.${extension}`);
        const saved = join(mkdtempSync(join(tmpdir(), "lantoa-round-export-")), download.suggestedFilename());
        await download.saveAs(saved);
        expect(statSync(saved).size).toBeGreaterThan(200);
      }

      // Both models reached "Tiêu biểu": one decision commends them, into the golden book too.
      const commend = page.getByTestId("round-commendations");
      await commend.getByLabel("Số quyết định").fill("15-QĐ/HU");
      await commend.getByLabel("Ngày quyết định").fill("2023-01-10");
      await commend.getByLabel("Cơ quan ban hành").fill("Ban Thường vụ Huyện ủy Thanh Liêm");
      await commend.getByRole("button", { name: "Ban hành khen thưởng" }).click();
      await confirmStep(page, "Ban hành khen thưởng");
      await expect
        .poll(() => commend.getByRole("status").textContent())
        .toBe("Đã khen thưởng 2 mô hình, ghi 2 mục sổ vàng.");
      await shot(page, "round-commendations");

      await page.getByRole("button", { name: "Công bố kết quả" }).click();
      await confirmStep(page, "Công bố kết quả");
      await expect.poll(() => status(page)).toBe("Đã công bố");
      // Published: the leaderboard reads without signing in.
      const board = await fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `query($c: String!) { leaderboard(roundCode: $c) { modelCode rank } }`,
          variables: { c: roundCode },
        }),
      });
      const leaderboard = ((await board.json()) as { data: { leaderboard: { modelCode: string }[] } }).data.leaderboard;
      expect(leaderboard.map((r) => r.modelCode).sort()).toEqual([...modelCodes].sort());
      await shot(page, "round-published");

      // What-if: a system admin publishes version n+1 of the default set, weighing novelty
      // more and reach less; the round page rescores the round under it, side by side.
      const system = await tokenFor("admin");
      const sets = await graphql(`{ criteriaSets { code versions { id versionNumber status } } }`, {}, system);
      const v1 = sets.data.criteriaSets
        .find((c: any) => c.code === "default")
        .versions.find((v: any) => v.versionNumber === 1);
      const drafted = await graphql(
        `mutation($from: ID!, $key: String!) { newCriteriaDraft(fromVersionId: $from, idempotencyKey: $key) {
          ... on MutationNewCriteriaDraftSuccess { data { version { id version versionNumber } } } } }`,
        { from: v1.id, key: `what-if-${roundCode}` },
        system,
      );
      const draft = drafted.data.newCriteriaDraft.data.version;
      const read = await graphql(
        `query($id: ID!) { criteriaSetVersion(id: $id) { definition } }`,
        { id: draft.id },
        system,
      );
      const definition = JSON.parse(read.data.criteriaSetVersion.definition);
      for (const c of definition.criteria) {
        if (c.id === "novelty") c.points = 30;
        if (c.id === "reach") c.points = 5;
      }
      const saved = await graphql(
        `mutation($id: ID!, $d: String!, $v: Int!) { saveCriteriaDraft(versionId: $id, definition: $d, expectedVersion: $v) {
          __typename ... on MutationSaveCriteriaDraftSuccess { data { version { version } } } } }`,
        { id: draft.id, d: JSON.stringify(definition), v: draft.version },
        system,
      );
      expect(saved.data.saveCriteriaDraft.__typename).toBe("MutationSaveCriteriaDraftSuccess");
      const published = await graphql(
        `mutation($id: ID!, $v: Int!) { publishCriteriaVersion(versionId: $id, expectedVersion: $v) { __typename } }`,
        { id: draft.id, v: saved.data.saveCriteriaDraft.data.version.version },
        system,
      );
      expect(published.data.publishCriteriaVersion.__typename).toBe("MutationPublishCriteriaVersionSuccess");

      await page.reload();
      const whatIf = page.getByTestId("round-what-if");
      const version = whatIf.getByLabel("Phiên bản so sánh");
      await expect.poll(() => version.locator(`option[value="default@${draft.versionNumber}"]`).count()).toBe(1);
      await version.selectOption(`default@${draft.versionNumber}`);
      await whatIf.getByRole("button", { name: "So sánh" }).click();
      const table = whatIf.getByTestId("what-if-table");
      await expect.poll(() => table.locator("tbody tr").count()).toBe(2);
      for (const code of modelCodes) expect(await table.textContent()).toContain(code);
      // Novelty 25/30 now earns 25 instead of 16,67 and reach 8/10 earns 4 instead of 12.
      expect(await table.textContent()).toContain("87");
      await whatIf.scrollIntoViewIfNeeded();
      await shot(page, "round-what-if");
    },
    STAGE,
  );
});
