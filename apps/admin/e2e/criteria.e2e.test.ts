import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";
import { confirmStep } from "./pages";

const password = "lantoa-demo";

describe.runIf(canRunBrowser)("criteria editor in headless Chromium", () => {
  // Started once for every browser suite by global-setup.ts.
  const gateway = { url: inject("gatewayUrl") };
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function signedInPage(username: string): Promise<Page> {
    context = await browser.newContext({ locale: "vi-VN", viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${gateway.url}/`);
    await page.getByRole("link", { name: "Đăng nhập" }).click();
    await page.getByLabel("Tên đăng nhập").fill(username);
    await page.getByLabel("Mật khẩu").fill(password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("viewer-name").waitFor();
    return page;
  }

  /** Replaces a field's text the way a person would: select all, type. */
  async function retype(field: Locator, text: string) {
    await field.click();
    await field.press("ControlOrMeta+a");
    await field.fill(text);
  }

  it("builds a set with a formula and a gate, sees the preview change, publishes, and compares two versions", async () => {
    const page = await signedInPage("admin");
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Bộ tiêu chí" }).click();
    await page.getByRole("heading", { level: 2, name: "Bộ tiêu chí đánh giá" }).waitFor();

    // A new set, started blank: one rated criterion of 100 points.
    await page.getByLabel("Mã bộ tiêu chí").fill("hoi-thi-e2e");
    await page.getByLabel("Tên bộ tiêu chí").fill("Hội thi mô hình điển hình (thử)");
    await page.getByLabel("Bắt đầu từ").selectOption("BLANK");
    await page.getByRole("button", { name: "Tạo và mở bản nháp" }).click();
    await page.getByRole("heading", { level: 2, name: /Hội thi mô hình điển hình \(thử\) — Phiên bản 1/ }).waitFor();
    const total = page.getByTestId("live-total");
    await expect.poll(() => total.textContent()).toContain("100 / 100");

    // A formula criterion: the live total goes over, and the problem says so.
    await page.getByRole("button", { name: "+ Tiêu chí công thức" }).first().click();
    const formulaNode = page.getByTestId("node-criterion-1");
    await formulaNode.waitFor();
    await expect.poll(() => total.textContent()).toContain("110 / 100");
    await expect.poll(() => page.getByTestId("problems").textContent()).toMatch(/100 điểm|110/);
    await formulaNode.getByLabel("Tên (tiếng Việt)").fill("Tính bền vững");
    await formulaNode.getByLabel("Tên (tiếng Anh)").fill("Sustainability");
    await retype(page.getByTestId("node-quality").getByLabel("Điểm tối đa"), "90");
    await expect.poll(() => total.textContent()).toContain("100 / 100");

    // A formula that names an unknown input: the error points at line 2, column 9.
    const formula = formulaNode.getByTestId("formula-input");
    await retype(formula, "min(10,\n  2.5 × thang_hoat_dong)");
    const formulaError = formulaNode.getByTestId("formula-error");
    await expect.poll(() => formulaError.textContent()).toMatch(/dòng 2, cột 9/);
    expect(await formulaError.locator("mark").textContent()).toBe("t");
    await page.screenshot({ path: join(screenshotDir, "criteria-formula-error.png"), fullPage: true });
    await formulaError.getByRole("button", { name: /Đến chỗ lỗi/ }).click();
    expect(await formula.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe("min(10,\n  2.5 × ".length);
    // Unfinished work can be saved: the draft keeps the error, which still blocks publishing,
    // and a reload brings both back.
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await page.getByText("Đã lưu bản nháp. Còn 1 vấn đề cần sửa trước khi ban hành.").waitFor();
    expect(await page.getByRole("button", { name: "Ban hành phiên bản" }).isDisabled()).toBe(true);
    await page.reload();
    await expect.poll(() => formulaNode.getByTestId("formula-error").textContent()).toMatch(/dòng 2, cột 9/);
    expect(await formula.inputValue()).toBe("min(10,\n  2.5 × thang_hoat_dong)");
    await retype(formula, "min(10, 2.5 × months_running ÷ 12)");
    await expect.poll(() => formulaError.count()).toBe(0);

    // A gate: running at least 12 months.
    await page.getByRole("button", { name: "+ Điều kiện" }).first().click();
    const gate = page.getByTestId("node-gate-1");
    await gate.getByLabel("Tên (tiếng Việt)").fill("Đã triển khai từ 12 tháng");
    await gate.getByLabel("Tên (tiếng Anh)").fill("Running 12 months");
    await expect.poll(() => page.getByTestId("problems").textContent()).toContain("Bộ tiêu chí hợp lệ");

    // The preview scores a real model with sample ratings, in the browser, as things change.
    const picker = page.getByRole("combobox", { name: "Thêm mô hình" });
    await picker.fill("duong hoa");
    await page.getByRole("option", { name: "Đường hoa quân sự (TL-2021-DUONGHOA)" }).click();
    const previewTotal = page.getByTestId("preview-total");
    // 90 × 7/10 for the sample rating + 10 for a model running for years.
    await expect.poll(() => previewTotal.textContent()).toMatch(/^73 \/ 100$/);
    await retype(page.getByLabel("Điểm thử Chất lượng cho Đường hoa quân sự"), "10");
    await expect.poll(() => previewTotal.textContent()).toMatch(/^100 \/ 100$/);
    await retype(page.getByLabel("Điểm thử Chất lượng cho Đường hoa quân sự"), "5");
    await expect.poll(() => previewTotal.textContent()).toMatch(/^55 \/ 100$/);
    // A weight change shows at once: the rating now worth 80 (80 × 5/10), the formula's cap
    // 20 (its min(10, …) still gives 10).
    await retype(formulaNode.getByLabel("Điểm tối đa"), "20");
    await retype(page.getByTestId("node-quality").getByLabel("Điểm tối đa"), "80");
    await expect.poll(() => previewTotal.textContent()).toMatch(/^50 \/ 100$/);
    await page.screenshot({ path: join(screenshotDir, "criteria-editor.png"), fullPage: true });

    // Save, publish: version 1 is frozen and read-only.
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await page.getByText("Đã lưu bản nháp.").waitFor();
    await page.getByRole("button", { name: "Ban hành phiên bản" }).click();
    await confirmStep(page, "Ban hành phiên bản");
    await expect.poll(() => page.getByTestId("version-status").textContent()).toBe("Đã ban hành");
    expect(await page.getByRole("button", { name: "Lưu bản nháp" }).count()).toBe(0);

    // Version 2: the rating goes back to 90 and the formula to 10; publish; compare.
    await page.getByRole("button", { name: "Tạo bản nháp mới" }).click();
    await page.getByRole("heading", { level: 2, name: /Phiên bản 2/ }).waitFor();
    await retype(page.getByTestId("node-criterion-1").getByLabel("Điểm tối đa"), "10");
    await retype(page.getByTestId("node-quality").getByLabel("Điểm tối đa"), "90");
    // ...and reviewers' scores combine by median, one more reviewer past a 12-point gap.
    const combining = page.getByRole("region", { name: "Tổng hợp điểm của giám khảo" });
    await combining.getByLabel("Cách tổng hợp").selectOption("median");
    await retype(combining.getByLabel("Chênh lệch tổng điểm tối đa"), "12");
    // ...and at most 20 % of the qualified models may pass: a quota whose base is every
    // qualified model rather than a tier's count.
    await page.getByRole("button", { name: "+ Hạn mức" }).click();
    const base = page.getByLabel("trên", { exact: true });
    expect(await base.inputValue()).toBe("fail");
    await base.selectOption({ label: "tổng số mô hình đủ điều kiện" });
    expect(await base.inputValue()).toBe("");
    await expect.poll(() => page.getByTestId("problems").textContent()).toContain("Bộ tiêu chí hợp lệ");
    await page.getByRole("button", { name: "Ban hành phiên bản" }).click();
    await confirmStep(page, "Ban hành phiên bản");
    await expect.poll(() => page.getByTestId("version-status").textContent()).toBe("Đã ban hành");

    await page.getByRole("link", { name: "So sánh phiên bản" }).click();
    await page.getByRole("heading", { level: 2, name: /So sánh phiên bản/ }).waitFor();
    const rows = page.getByTestId("diff-row");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const diffText = await page.getByTestId("diff-table").textContent();
    expect(diffText).toContain("Tiêu chí 'Chất lượng': điểm tối đa 80 → 90");
    expect(diffText).toContain("Tiêu chí 'Tính bền vững': điểm tối đa 20 → 10");
    expect(diffText).toContain("cách tổng hợp điểm");
    expect(diffText).toContain("hạn mức");
    await page.screenshot({ path: join(screenshotDir, "criteria-compare.png"), fullPage: true });

    // The same page in English.
    await page.getByLabel("Ngôn ngữ").selectOption("en");
    await page.getByRole("heading", { level: 2, name: /Compare versions/ }).waitFor();
    expect(await page.getByTestId("diff-table").textContent()).toContain("Criterion 'Quality': points 80 → 90");
  });
});
