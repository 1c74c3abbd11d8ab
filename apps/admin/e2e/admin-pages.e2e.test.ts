import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LeaderboardDocument, PublishedRoundsDocument, request } from "@lantoa/client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";
import { confirmStep, signIn, signOut } from "./pages";

// A 1×1 PNG: a real image the gateway accepts as photo evidence.
const tinyPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe.runIf(canRunBrowser)("admin pages on Mantine in headless Chromium", () => {
  // Started once for every browser suite by global-setup.ts.
  const gateway = { url: inject("gatewayUrl") };
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await context?.close();
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

  it("shows a signed-in admin the dashboard's charts and tables, in Vietnamese then English", async () => {
    const page = await openPage("/");
    await signIn(page, "thanhliem.admin");
    await page.getByRole("heading", { level: 2, name: "Tổng quan" }).waitFor();
    for (const chart of ["chart-field", "chart-level", "chart-year", "chart-golden-book"]) {
      await expect.poll(() => page.getByTestId(chart).locator("svg.recharts-surface").count()).toBeGreaterThan(0);
    }
    await expect.poll(() => page.getByTestId("stat-models").textContent()).toMatch(/^[\d.]+$/);
    expect(Number((await page.getByTestId("stat-models").textContent())?.replaceAll(".", ""))).toBeGreaterThan(10);
    // Money reads the way people say it: "2,1 tỷ đồng", not 2100000000.
    const totals = page.getByTestId("indicator-totals");
    await totals.waitFor();
    expect(await totals.textContent()).toMatch(/\d+(,\d)? (tỷ|triệu) đồng/);
    expect(await totals.textContent()).toContain("Kinh phí huy động");
    await page.getByTestId("replication-spread").waitFor();
    expect(await page.getByTestId("replication-spread").textContent()).toContain("Đường hoa quân sự");
    // Charity money apart from the rest: the article's "over 2.1 billion đồng".
    await expect.poll(() => page.getByTestId("stat-charity").textContent()).toMatch(/^2,\d tỷ đồng$/);
    expect(await page.getByTestId("money-other").textContent()).toMatch(/tỷ đồng|triệu đồng/);
    // Counts are whole numbers on every axis: no "0,75" tick.
    const ticks = await page.locator(".recharts-cartesian-axis-tick-value").allTextContents();
    expect(ticks.filter((tick) => /^\d+,\d+$/.test(tick.trim()))).toEqual([]);
    // By default, the published round that ranked the most models, not merely the newest
    // (other suites sharing this gateway publish small rounds of their own).
    const { publishedRounds } = await request(`${gateway.url}/graphql`, PublishedRoundsDocument, {});
    const biggest = [...(publishedRounds ?? [])].sort((a, b) => (b.resultCount ?? 0) - (a.resultCount ?? 0))[0];
    const { leaderboard } = await request(`${gateway.url}/graphql`, LeaderboardDocument, {
      roundCode: biggest?.code ?? "",
      limit: 10,
      offset: 0,
    });
    expect(leaderboard?.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId("leaderboard-row").count()).toBe(leaderboard?.length);
    expect(await page.getByTestId("leaderboard-row").first().textContent()).toContain(leaderboard?.[0]?.modelName);
    await page.screenshot({ path: join(screenshotDir, "dashboard-vi.png"), fullPage: true });

    await page.getByLabel("Ngôn ngữ").selectOption("en");
    await page.getByRole("heading", { level: 2, name: "Dashboard" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main navigation" }).textContent()).toContain("Golden book");
    expect(await totals.textContent()).toMatch(/\d+(\.\d)? (billion|million) VND/);
    expect(await page.getByTestId("stat-charity").textContent()).toMatch(/^2\.\d billion VND$/);
    expect(await totals.textContent()).toContain("Money raised");
    await page.screenshot({ path: join(screenshotDir, "dashboard-en.png"), fullPage: true });
  });

  it("lets a unit admin add a unit under theirs, refuses a taken code in plain words, and renames it", async () => {
    const stamp = Date.now();
    const code = `E2E-${stamp}`;
    const name = `Chi bộ thử nghiệm ${stamp}`;
    const renamed = `Chi bộ khu dân cư mới ${stamp}`;
    const page = await openPage("/");
    await signIn(page, "thanhliem.admin");
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Đơn vị" }).click();
    await expect.poll(() => page.getByTestId("unit-row").count()).toBeGreaterThan(50);
    // Only the admin's own subtree offers actions: the province above does not.
    expect(await page.getByRole("button", { name: "Thao tác với Tỉnh ủy Hà Nam", exact: true }).count()).toBe(0);

    async function addUnit() {
      await page.getByRole("button", { name: "Thao tác với Huyện ủy Thanh Liêm", exact: true }).click();
      await page.getByRole("menuitem", { name: "Thêm đơn vị con" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Mã đơn vị").fill(code);
      await dialog.getByLabel("Tên đơn vị").fill(name);
      await dialog.getByRole("combobox", { name: "Cấp", exact: true }).selectOption("commune");
      await dialog.getByRole("combobox", { name: "Loại", exact: true }).selectOption("party-cell");
      await dialog.getByRole("button", { name: "Thêm đơn vị con" }).click();
      return dialog;
    }

    // Inline validation first: an accented code never reaches the server.
    await page.getByRole("button", { name: "Thao tác với Huyện ủy Thanh Liêm", exact: true }).click();
    await page.getByRole("menuitem", { name: "Thêm đơn vị con" }).click();
    await page.getByRole("dialog").getByLabel("Mã đơn vị").fill("mã có dấu");
    await page.getByRole("dialog").getByRole("button", { name: "Thêm đơn vị con" }).click();
    await page.getByRole("dialog").getByText("Mã đơn vị chỉ gồm chữ không dấu").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });

    await addUnit();
    const row = page.getByTestId("unit-row").filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain("Xã");

    // A taken code is refused beside the code field, in words, and the focus goes back to it.
    const again = await addUnit();
    await again.getByText(`Mã đơn vị ${code} đã được dùng.`).waitFor();
    const codeField = again.getByLabel("Mã đơn vị");
    expect(await codeField.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => codeField.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await again.textContent()).not.toContain("ORG.DUPLICATE_CODE");
    await page.screenshot({ path: join(screenshotDir, "unit-duplicate-code.png"), fullPage: false });
    await page.keyboard.press("Escape");
    await again.waitFor({ state: "detached" });

    await page.getByRole("button", { name: `Thao tác với ${name}`, exact: true }).click();
    await page.getByRole("menuitem", { name: "Đổi tên" }).click();
    await page.getByRole("dialog").getByLabel("Tên mới").fill(renamed);
    await page.getByRole("dialog").getByRole("button", { name: "Lưu" }).click();
    await page.getByTestId("unit-row").filter({ hasText: renamed }).waitFor();

    // What the page shows is what the server kept.
    await page.reload();
    await page.getByTestId("unit-row").filter({ hasText: renamed }).waitFor();
    expect(await page.getByTestId("unit-row").filter({ hasText: name }).count()).toBe(0);

    // Move it under the district Women's Union: it now opens and closes with that branch.
    const womensUnion = "Hội Liên hiệp Phụ nữ huyện Thanh Liêm";
    await page.getByRole("button", { name: `Thao tác với ${renamed}`, exact: true }).click();
    await page.getByRole("menuitem", { name: "Chuyển" }).click();
    await page
      .getByRole("dialog")
      .getByRole("combobox", { name: "Đơn vị cấp trên mới" })
      .fill("hoi lien hiep phu nu huyen");
    await page.getByRole("option", { name: womensUnion, exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Chuyển" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByRole("button", { name: `Thu gọn nhánh ${womensUnion}`, exact: true }).click();
    await expect.poll(() => page.getByTestId("unit-row").filter({ hasText: renamed }).count()).toBe(0);
    await page.getByRole("button", { name: `Mở nhánh ${womensUnion}`, exact: true }).click();
    await page.getByTestId("unit-row").filter({ hasText: renamed }).waitFor();
    await page.screenshot({ path: join(screenshotDir, "unit-renamed-moved.png"), fullPage: true });

    // The audit log says who moved it, in words, filtered by the action, and exports the same rows.
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Nhật ký thay đổi" })
      .click();
    await page.getByRole("combobox", { name: "Thao tác", exact: true }).fill("chuyen don vi");
    await page.getByRole("option", { name: "Chuyển đơn vị sang đơn vị cấp trên khác", exact: true }).click();
    await expect.poll(() => page.getByTestId("audit-row").filter({ hasNotText: "Chuyển đơn vị" }).count()).toBe(0);
    const moved = page.getByTestId("audit-row").filter({ hasText: renamed });
    await moved.waitFor();
    expect(await moved.textContent()).toContain("Chuyển đơn vị sang đơn vị cấp trên khác");
    expect(await moved.textContent()).toContain("thanhliem.admin");
    await moved.getByText("Trước và sau").click();
    await page.screenshot({ path: join(screenshotDir, "audit-log.png"), fullPage: true });
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-AUDIT").getByRole("button", { name: "Tải CSV" }).click(),
    ]);
    const csv = await readFile(await file.path(), "utf8");
    expect(csv).toContain("moveUnit");
    expect(csv).not.toContain("renameUnit");
  });

  it("registers a model with the form, uploads evidence, submits it, and the district admin approves it", async () => {
    const stamp = Date.now();
    const page = await openPage("/");
    await signIn(page, "phunu.canbo");
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Mô hình" }).click();
    await page.getByRole("link", { name: "Đăng ký mô hình" }).click();
    await page.getByRole("heading", { name: "Đăng ký mô hình mới" }).waitFor();

    // The form says what is missing beside each field before asking the server.
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await page.getByText("Hãy nhập tên mô hình").waitFor();
    await page.getByText("Hãy chọn ít nhất một lĩnh vực").waitFor();
    await page.getByText("Hãy chọn đơn vị chủ trì.").waitFor();
    await page.getByText("Hãy nhập ngày bắt đầu hợp lệ.").waitFor();
    await page.screenshot({ path: join(screenshotDir, "model-create-validation.png"), fullPage: true });

    await page.getByLabel("Mã mô hình").fill(`HPN-E2E-${stamp}`);
    await page.getByLabel("Tên mô hình").fill(`Hũ gạo tình thương ${stamp}`);
    await page.getByRole("combobox", { name: "Đơn vị chủ trì" }).click();
    await page.getByRole("option", { name: "Hội Liên hiệp Phụ nữ huyện Thanh Liêm", exact: true }).click();
    await page.getByLabel("An sinh xã hội - từ thiện").check();
    await page.getByLabel("Ngày bắt đầu").fill("2024-01-15");
    await page.getByLabel("Vấn đề đặt ra").fill("Hội viên khó khăn thiếu gạo lúc giáp hạt.");
    await page.getByLabel("Giải pháp").fill("Mỗi hội viên góp một nắm gạo mỗi ngày vào hũ chung.");
    await page.getByRole("button", { name: "Lưu nháp" }).click();

    await page.getByRole("heading", { level: 2, name: `Hũ gạo tình thương ${stamp}` }).waitFor();
    await expect.poll(() => page.getByTestId("model-status").textContent()).toBe("Nháp");

    await page.getByRole("tab", { name: /^Minh chứng/ }).click();
    await page.getByLabel("Tên minh chứng").fill("Ảnh hũ gạo tại chi hội");
    await page
      .getByLabel("Tệp minh chứng")
      .setInputFiles({ name: "hu-gao.png", mimeType: "image/png", buffer: tinyPng });
    await page.getByRole("img", { name: "Ảnh sẽ tải lên: hu-gao.png" }).waitFor();
    await page.getByRole("button", { name: "Tải lên" }).click();
    const item = page.getByTestId("evidence-item").filter({ hasText: "Ảnh hũ gạo tại chi hội" });
    await item.waitFor();
    expect(await item.textContent()).toContain("image/png");
    // The stored file comes back from the gateway through its signed address and renders.
    const shown = item.getByRole("img", { name: "Ảnh hũ gạo tại chi hội" });
    await expect
      .poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await page.getByRole("tab", { name: /^Minh chứng/ }).textContent()).toBe("Minh chứng (1)");
    await page.screenshot({ path: join(screenshotDir, "model-evidence.png"), fullPage: true });

    await page.getByRole("button", { name: "Gửi duyệt" }).click();
    await confirmStep(page, "Gửi duyệt");
    await expect.poll(() => page.getByTestId("model-status").textContent()).toBe("Đã gửi duyệt");
    const address = page.url();

    await signOut(page);
    await signIn(page, "thanhliem.admin");
    await page.goto(address);
    await expect.poll(() => page.getByTestId("model-status").textContent()).toBe("Đã gửi duyệt");
    await page.getByRole("button", { name: "Duyệt", exact: true }).click();
    // The dialog says what approving does; shot once it has faded in.
    const dialog = page.getByTestId("confirm-dialog");
    await expect.poll(() => dialog.textContent()).toContain("không rút lại và không sửa nội dung được nữa");
    await expect
      .poll(() => dialog.evaluate((el) => getComputedStyle(el.closest(".mantine-Modal-content") ?? el).opacity))
      .toBe("1");
    await page.screenshot({ path: join(screenshotDir, "model-approve-confirm.png"), fullPage: true });
    await confirmStep(page, "Duyệt");
    await expect.poll(() => page.getByTestId("model-status").textContent()).toBe("Đã duyệt");
    await page.getByRole("tab", { name: "Lịch sử trạng thái" }).click();
    const history = await page.getByTestId("status-history").textContent();
    expect(history).toContain("Cán bộ Hội Phụ nữ huyện");
    expect(history).toContain("Ban Tuyên giáo Huyện ủy Thanh Liêm");
    expect(history).toContain("Đã gửi duyệt → Đã duyệt");
    await page.screenshot({ path: join(screenshotDir, "model-approved.png"), fullPage: true });
  });

  it("lists the golden book of the viewer's units and finds an entry without diacritics", async () => {
    const page = await openPage("/");
    // On a phone the navigation hides behind the burger button.
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "thanhliem.admin");
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    expect(await nav.getByRole("link", { name: "Sổ vàng" }).isVisible()).toBe(false);
    await page.getByRole("button", { name: "Mở hoặc đóng điều hướng" }).click();
    await nav.getByRole("link", { name: "Sổ vàng" }).click();
    await page.getByRole("heading", { name: "Sổ vàng người tốt, việc tốt" }).waitFor();
    await expect.poll(() => page.getByTestId("golden-book-row").count()).toBeGreaterThan(0);
    await page.getByLabel("Tìm trong sổ vàng").fill("cuu nguoi duoi nuoc");
    await expect
      .poll(async () => {
        const rows = await page.getByTestId("golden-book-row").allTextContents();
        return rows.length > 0 && rows.every((row) => row.includes("Cứu người đuối nước ở sông Đáy"));
      })
      .toBe(true);
    expect(await nav.getByRole("link", { name: "Sổ vàng" }).isVisible()).toBe(false);
    await page.screenshot({ path: join(screenshotDir, "golden-book-phone.png"), fullPage: true });
  });
});
