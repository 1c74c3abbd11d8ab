import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";

const password = "lantoa-demo";
const header = "Mã mô hình,Tên mô hình,Mã đơn vị,Lĩnh vực,Ngày bắt đầu,Chỉ tiêu,Kỳ,Giá trị";
const csv = (rows: readonly string[]) => Buffer.from(`\uFEFF${[header, ...rows].join("\r\n")}\r\n`, "utf8");
const goodRows = [
  "E2E-2024-01,Mô hình sân chơi thiếu nhi E2E,TL-THANHHA,social-welfare,01/06/2024,people-helped,2024,120",
  "E2E-2024-01,Mô hình sân chơi thiếu nhi E2E,TL-THANHHA,social-welfare,01/06/2024,complaints-resolved,2024,95",
];
/** The same file with one mistake: a percent over 100 on sheet row 3. */
const badRows = [goodRows[0] as string, (goodRows[1] as string).replace(",95", ",150")];

describe.runIf(canRunBrowser)("spreadsheet import and export in headless Chromium", () => {
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
    await context?.close();
    context = await browser.newContext({ locale: "vi-VN", acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${gateway.url}/sign-in`);
    await page.getByLabel("Tên đăng nhập").fill(username);
    await page.getByLabel("Mật khẩu").fill(password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("viewer-name").waitFor();
    return page;
  }

  /** Clicks a button that makes the browser save a file, and returns the file's name and bytes. */
  async function download(page: Page, click: () => Promise<void>) {
    const [file] = await Promise.all([page.waitForEvent("download"), click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: await readFile(path) };
  }

  it("imports a CSV with one error: shows it by row and column, then applies the fixed file and lists the model", async () => {
    const page = await signedInPage("thanhliem.admin");
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    await nav.getByRole("link", { name: "Nhập dữ liệu" }).click();
    await page.getByRole("heading", { level: 2, name: "Nhập dữ liệu từ bảng tính" }).waitFor();

    const template = await download(page, () => page.getByRole("button", { name: "Tải mẫu Excel" }).click());
    expect(template.name).toBe("mau-models.xlsx");
    expect(template.bytes.subarray(0, 2).toString("latin1")).toBe("PK");

    const fileInput = page.locator('input[type="file"]');
    await fileInput.setInputFiles({ name: "mo-hinh.csv", mimeType: "text/csv", buffer: csv(badRows) });
    // The page follows the check's progress over server-sent events before sending the file.
    const progressStream = page.waitForResponse((r) =>
      (r.headers()["content-type"] ?? "").includes("text/event-stream"),
    );
    await page.getByRole("button", { name: "Kiểm tra (chưa ghi)" }).click();
    expect((await progressStream).status()).toBe(200);
    const problems = page.getByTestId("import-problems");
    await problems.waitFor();
    expect(await problems.textContent()).toContain("Tệp có 1 lỗi — chưa ghi gì vào cơ sở dữ liệu");
    const cells = await problems.getByRole("row").nth(1).getByRole("cell").allTextContents();
    expect(cells.slice(0, 2)).toEqual(["3", "Giá trị"]);
    expect(cells[2]).toMatch(/\S/);
    expect(await page.getByRole("button", { name: "Ghi dữ liệu" }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(screenshotDir, "import-problems.png"), fullPage: true });

    await fileInput.setInputFiles({ name: "mo-hinh.csv", mimeType: "text/csv", buffer: csv(goodRows) });
    await page.getByRole("button", { name: "Kiểm tra (chưa ghi)" }).click();
    const outcome = page.getByTestId("import-outcome");
    await outcome.getByText("Tệp hợp lệ: 2 dòng, không có lỗi. Chưa ghi gì.").waitFor();
    await page.getByRole("button", { name: "Ghi dữ liệu" }).click();
    await outcome.getByText("Đã ghi xong 2 dòng.").waitFor();
    const created = await outcome
      .getByRole("row", { name: /^Mô hình/ })
      .getByRole("cell")
      .allTextContents();
    expect(created.slice(1)).toEqual(["1", "0", "0"]);
    await page.screenshot({ path: join(screenshotDir, "import-applied.png"), fullPage: true });

    await outcome.getByRole("link", { name: "Xem danh sách mô hình" }).click();
    await page.getByLabel("Tìm mô hình").fill("san choi thieu nhi e2e");
    await page.getByRole("link", { name: "Mô hình sân chơi thiếu nhi E2E", exact: true }).waitFor();
  });

  it("downloads the periodic summary as Excel and the model list as CSV, inside the viewer's subtree", async () => {
    const page = await signedInPage("thanhliem.admin");
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    await nav.getByRole("link", { name: "Báo cáo" }).click();
    const summary = await download(page, () =>
      page.getByTestId("export-SUMMARY").getByRole("button", { name: "Tải Excel" }).click(),
    );
    expect(summary.name).toMatch(/^lantoa-summary-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(summary.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    await page.screenshot({ path: join(screenshotDir, "reports-export.png"), fullPage: true });

    await nav.getByRole("link", { name: "Mô hình" }).click();
    const list = await download(page, () =>
      page.getByTestId("export-MODELS").getByRole("button", { name: "Tải CSV" }).click(),
    );
    expect(list.name).toMatch(/^lantoa-models-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = list.bytes.toString("utf8");
    expect(text.startsWith("\uFEFFMã mô hình,Tên mô hình,Mã đơn vị")).toBe(true);
    expect(text).toContain("Đường hoa quân sự");
    // Thanh Liêm's admin gets Thanh Liêm's models, not the province's own unit.
    expect(text).not.toContain(",HN-BCHQS,");
    expect(text.trimEnd().split(/\r?\n/).at(-1)).toMatch(/^#HẾT,\d+$/);
  });
});
