import { join } from "node:path";
import {
  CreateModelDocument,
  LoginDocument,
  ModelDetailDocument,
  request,
  TransitionModelDocument,
} from "@lantoa/client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";
import { confirmStep, signOut } from "./pages";

const password = "lantoa-demo";

describe.runIf(canRunBrowser)("admin app journeys in headless Chromium", () => {
  // Started once for every browser suite by global-setup.ts.
  const gateway = { url: inject("gatewayUrl") };
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh profile per journey: no token, no language choice left over. */
  async function openPage(path: string): Promise<Page> {
    await context?.close();
    context = await browser.newContext({ locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(`${gateway.url}${path}`);
    return page;
  }

  async function signIn(page: Page, username: string) {
    await page.getByRole("link", { name: "Đăng nhập" }).click();
    await page.getByLabel("Tên đăng nhập").fill(username);
    await page.getByLabel("Mật khẩu").fill(password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("viewer-name").waitFor();
  }

  /** Calls the API directly, as another user would at the same time. */
  async function api<TResult, TVariables>(
    document: Parameters<typeof request<TResult, TVariables>>[1],
    variables: TVariables,
    token?: string,
  ) {
    return request(`${gateway.url}/graphql`, document, variables, { token });
  }

  async function tokenFor(username: string) {
    const { login } = await api(LoginDocument, { username, password });
    if (login?.__typename !== "MutationLoginSuccess") throw new Error(`cannot sign in as ${username}`);
    return { token: login.data.token!, unitId: login.data.viewer?.roles?.[0]?.unitId ?? null };
  }

  it("signs in as thanhliem.admin, finds “Đường hoa quân sự” by typing “duong hoa”, opens it, signs out", async () => {
    const page = await openPage("/");
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    expect(await nav.getByRole("link", { name: "Mô hình" }).count()).toBe(0);

    await signIn(page, "thanhliem.admin");
    expect(await page.getByTestId("viewer-name").textContent()).toContain("Quản trị đơn vị");
    await nav.getByRole("link", { name: "Mô hình" }).click();
    await expect.poll(() => page.getByTestId("models-total").textContent()).toMatch(/^[\d.]+ mô hình$/);

    await page.getByLabel("Tìm mô hình").fill("duong hoa");
    const link = page.getByRole("link", { name: "Đường hoa quân sự", exact: true });
    await link.waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("duong hoa");
    await page.screenshot({ path: join(screenshotDir, "models-search.png"), fullPage: true });

    await link.click();
    await page.getByRole("heading", { level: 2, name: "Đường hoa quân sự" }).waitFor();
    const outcomes = page.getByTestId("outcomes");
    expect(await outcomes.textContent()).toContain("120.000.000 đồng");
    expect(await outcomes.textContent()).toContain("700 ngày công");
    expect(await outcomes.textContent()).toContain("Chiều dài tuyến đường");
    await page.getByRole("tab", { name: "Lịch sử trạng thái" }).click();
    expect(await page.getByTestId("status-history").getByRole("row").count()).toBeGreaterThan(2);
    expect(await page.getByTestId("model-status").textContent()).toBe("Đang triển khai");
    await page.screenshot({ path: join(screenshotDir, "model-detail.png"), fullPage: true });

    await signOut(page);
    expect(await page.evaluate(() => sessionStorage.getItem("lantoa.session"))).toBeNull();
    expect(await nav.getByRole("link", { name: "Mô hình" }).count()).toBe(0);
    await page.goto(`${gateway.url}/models`);
    await page.getByText("Trang này cần đăng nhập.").waitFor();
    await page.screenshot({ path: join(screenshotDir, "signed-out.png"), fullPage: true });
  });

  it("sorts the models list by newest start, keeping the order in the address", async () => {
    const page = await openPage("/");
    await signIn(page, "thanhliem.admin");
    await page.goto(`${gateway.url}/models`);
    await page.getByTestId("model-row").first().waitFor();
    await page.getByLabel("Sắp xếp theo").selectOption({ label: "Mới bắt đầu nhất" });
    await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("newest");
    // dd/mm/yyyy on screen, compared as yyyy-mm-dd: each row starts no later than the one above.
    const isoDates = async () =>
      (await page.locator('[data-testid="model-row"] td[data-label="Bắt đầu"]').allTextContents()).map((d) =>
        d.split("/").reverse().join("-"),
      );
    await expect
      .poll(async () => {
        const dates = await isoDates();
        return dates.length === 20 && dates.every((d, i) => i === 0 || d <= (dates[i - 1] as string));
      })
      .toBe(true);
    const firstPage = await isoDates();
    await page.getByRole("button", { name: "Trang sau" }).click();
    await expect
      .poll(async () => (await isoDates())[0] !== undefined && (await isoDates()).join() !== firstPage.join())
      .toBe(true);
    const secondPage = await isoDates();
    expect(secondPage[0]! <= firstPage.at(-1)!).toBe(true);
  });

  it("submits, approves and meets a concurrent change as a typed error in Vietnamese", async () => {
    const officer = await tokenFor("phunu.canbo");
    const created = await api(
      CreateModelDocument,
      {
        idempotencyKey: `e2e-${Date.now()}`,
        input: {
          code: `E2E-${Date.now()}`,
          name: "Hũ gạo yêu thương (thử nghiệm)",
          ownerUnitId: officer.unitId!,
          fields: ["social-welfare"],
          problem: "Hội viên khó khăn thiếu gạo lúc giáp hạt.",
          solution: "Mỗi hội viên góp một nắm gạo mỗi ngày vào hũ chung.",
          startDate: "2024-01-15",
        },
      },
      officer.token,
    );
    if (created.createModel?.__typename !== "MutationCreateModelSuccess") {
      throw new Error(`createModel failed: ${JSON.stringify(created)}`);
    }
    const modelId = created.createModel.data.model!.id;

    const page = await openPage("/");
    await signIn(page, "phunu.canbo");
    await page.goto(`${gateway.url}/models/${encodeURIComponent(modelId)}`);
    await expect.poll(() => page.getByTestId("model-status").textContent()).toBe("Nháp");
    await page.getByRole("button", { name: "Gửi duyệt" }).click();
    await confirmStep(page, "Gửi duyệt");
    await expect.poll(() => page.getByTestId("model-status").textContent()).toBe("Đã gửi duyệt");
    expect(await page.getByTestId("action-outcome").textContent()).toContain("Đã “Gửi duyệt”");

    await signOut(page);
    await signIn(page, "thanhliem.admin");
    await page.goto(`${gateway.url}/models/${encodeURIComponent(modelId)}`);
    await expect.poll(() => page.getByTestId("model-status").textContent()).toBe("Đã gửi duyệt");
    // Returning needs a reason: its dialog says so before asking the gateway.
    await page.getByRole("button", { name: "Trả lại" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Trả lại" }).click();
    await dialog.getByText("Hãy ghi lý do.").waitFor();
    await dialog.getByRole("button", { name: "Hủy" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Duyệt" }).click();
    await confirmStep(page, "Duyệt");
    await expect.poll(() => page.getByTestId("model-status").textContent()).toBe("Đã duyệt");

    // Someone else activates it while this page still shows the approved version.
    const admin = await tokenFor("admin");
    const { node } = await api(ModelDetailDocument, { id: modelId }, admin.token);
    const version = node?.__typename === "Model" ? node.version! : -1;
    const activated = await api(
      TransitionModelDocument,
      { id: modelId, action: "activate", expectedVersion: version },
      admin.token,
    );
    expect(activated.transitionModel?.__typename).toBe("MutationTransitionModelSuccess");

    await page.getByRole("button", { name: "Tạm dừng" }).click();
    await dialog.getByLabel("Lý do", { exact: false }).fill("Chưa đủ minh chứng");
    await dialog.getByRole("button", { name: "Tạm dừng" }).click();
    const outcome = page.getByTestId("action-outcome");
    await expect.poll(() => outcome.getAttribute("role")).toBe("alert");
    // Said in words (the code stays out of sight, for support only), and the focus lands on it.
    expect(await outcome.getAttribute("data-code")).toBe("DB.STALE_VERSION");
    expect(await outcome.textContent()).toContain("Bản ghi vừa được người khác thay đổi");
    expect(await outcome.textContent()).not.toContain("DB.STALE_VERSION");
    // The page reloads the model, so the next try starts from what is really there.
    await expect.poll(() => page.getByTestId("model-status").textContent()).toBe("Đang triển khai");
    await page.screenshot({ path: join(screenshotDir, "model-lifecycle.png"), fullPage: true });
  });

  it("shows a district admin the model waiting for approval under “Việc cần làm” and opens it", async () => {
    const officer = await tokenFor("phunu.canbo");
    const code = `E2E-TODO-${Date.now()}`;
    const created = await api(
      CreateModelDocument,
      {
        idempotencyKey: `e2e-todo-${Date.now()}`,
        input: {
          code,
          name: "Tủ sách dòng họ (chờ duyệt)",
          ownerUnitId: officer.unitId!,
          fields: ["culture-society"],
          problem: "Trẻ em trong thôn ít sách đọc.",
          solution: "Mỗi dòng họ góp sách vào một tủ chung ở nhà thờ họ.",
          startDate: "2024-03-01",
        },
      },
      officer.token,
    );
    if (created.createModel?.__typename !== "MutationCreateModelSuccess") {
      throw new Error(`createModel failed: ${JSON.stringify(created)}`);
    }
    const model = created.createModel.data.model!;
    const submitted = await api(
      TransitionModelDocument,
      { id: model.id, action: "submit", expectedVersion: model.version! },
      officer.token,
    );
    expect(submitted.transitionModel?.__typename).toBe("MutationTransitionModelSuccess");

    const page = await openPage("/");
    await signIn(page, "thanhliem.admin");
    await page.getByRole("link", { name: "Việc cần làm" }).click();
    const waiting = page.getByTestId("tasks-APPROVAL_WAITING");
    const row = waiting.getByRole("row").filter({ hasText: code });
    await row.waitFor();
    await page.screenshot({ path: join(screenshotDir, "tasks-admin.png"), fullPage: true });
    await row.getByRole("link", { name: "Mở mô hình: Tủ sách dòng họ (chờ duyệt)" }).click();
    await expect.poll(() => page.getByTestId("model-status").textContent()).toBe("Đã gửi duyệt");
  });

  it("shows the public leaderboard of TL-BINHXET-2022, then in English", async () => {
    const page = await openPage("/");
    await page.getByRole("link", { name: "Bảng xếp hạng" }).click();
    await page.getByRole("heading", { level: 2, name: "Bảng xếp hạng bình xét" }).waitFor();
    // Other suites may have published newer rounds: pick the demo's from the list.
    await page.getByLabel("Đợt bình xét").selectOption("TL-BINHXET-2022");
    await expect.poll(() => page.getByTestId("leaderboard-round").textContent()).toContain("Kỳ: 2022");
    expect(await page.getByTestId("leaderboard-hash").textContent()).toMatch(/^[0-9a-f]{64}$/);
    const rows = page.getByTestId("leaderboard-row");
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    const first = await rows.first().textContent();
    expect(first).toContain("Thắp sáng đường làng ngõ xóm");
    expect(first).toContain("91,833");
    expect(first).toContain("Tiêu biểu xuất sắc");
    await page.screenshot({ path: join(screenshotDir, "leaderboard-vi.png"), fullPage: true });

    await page.getByLabel("Ngôn ngữ").selectOption("en");
    await page.getByRole("heading", { level: 2, name: "Evaluation leaderboard" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main navigation" }).textContent()).toContain("Units");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    const firstEn = await rows.first().textContent();
    expect(firstEn).toContain("91.833");
    expect(firstEn).toContain("Outstanding exemplary");
    await page.screenshot({ path: join(screenshotDir, "leaderboard-en.png"), fullPage: true });

    // The language and the round outlive a reload.
    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Evaluation leaderboard" }).waitFor();
    await expect.poll(() => page.getByTestId("leaderboard-round").textContent()).toContain("Period: 2022");
  });
});
