import { readFileSync } from "node:fs";
import { join } from "node:path";
import { IssueCommendationDocument, LoginDocument, ModelsDocument, request } from "@lantoa/client";
import { canReadPdf, decodeQr, pdfPagePng, pdfText } from "@lantoa/documents/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";
import { demoPassword, signIn } from "./pages";

describe.runIf(canRunBrowser)("spreading the word in headless Chromium", () => {
  // Started once for every browser suite by global-setup.ts.
  const gateway = { url: inject("gatewayUrl") };
  const api = `${gateway.url}/graphql`;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const stamp = Date.now();

  beforeAll(async () => {
    browser = await launchChromium();
    if (!(await canReadPdf()) && process.env.CI === "true") throw new Error("CI=true but poppler-utils are missing");
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  async function open(path: string, options: { phone?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      locale: "vi-VN",
      acceptDownloads: true,
      viewport: options.phone ? { width: 390, height: 844 } : { width: 1400, height: 1000 },
      ...(options.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${gateway.url}${path}`);
    return page;
  }
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });

  async function tokenFor(username: string) {
    const { login } = await request(api, LoginDocument, { username, password: demoPassword });
    if (login?.__typename !== "MutationLoginSuccess") throw new Error(`cannot sign in as ${username}`);
    return login.data.token ?? "";
  }

  async function modelId(code: string, token: string) {
    const found = await request(api, ModelsDocument, { first: 1, filter: { text: code } }, { token });
    return found.models?.edges[0]?.node.id ?? "";
  }

  it("lets an admin download a certificate whose QR code opens its public page, which says “revoked” once it is", async (context) => {
    if (!(await canReadPdf())) context.skip();
    const token = await tokenFor("thanhliem.admin");
    const decision = `${String(stamp).slice(-5)}-QĐ/HU`;
    const issued = await request(
      api,
      IssueCommendationDocument,
      {
        idempotencyKey: `spreading-e2e-${stamp}`,
        input: {
          modelId: await modelId("TL-2021-DUONGHOA", token),
          decisionNumber: decision,
          decisionDate: "2024-03-26",
          issuer: "Ban Thường vụ Huyện ủy Thanh Liêm",
          level: "district",
          form: "certificate-of-commendation",
          validUntil: null,
          reason: "Trồng và chăm sóc 3 km đường hoa trên trục ĐT 499B.",
        },
      },
      { token },
    );
    if (issued.issueCommendation?.__typename !== "MutationIssueCommendationSuccess")
      throw new Error(JSON.stringify(issued));

    const admin = await open("/");
    await signIn(admin, "thanhliem.admin");
    await admin.goto(`${gateway.url}/commendations`);
    await admin.getByLabel("Năm quyết định").fill("2024");
    const row = admin.getByTestId("commendation-row").filter({ hasText: decision });
    await row.waitFor();
    const [download] = await Promise.all([
      admin.waitForEvent("download"),
      row.getByRole("button", { name: `Tải PDF giấy khen của quyết định ${decision}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^giay-khen-KT-[0-9A-F]{10}\.pdf$/);
    const pdf = new Uint8Array(readFileSync((await download.path()) as string));
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain(`Quyết định số ${decision} ngày 26 tháng 3 năm 2024`);
    expect(text).toContain("Trồng và chăm sóc 3 km đường hoa trên trục ĐT 499B.");
    const address = decodeQr(await pdfPagePng(pdf, 1)) ?? "";
    const code = download.suggestedFilename().slice("giay-khen-".length, -".pdf".length);
    expect(address).toBe(`${gateway.url}/xac-minh/${code}`);
    await shot(admin, "spreading-commendations");

    const visitor = await open(new URL(address).pathname, { phone: true });
    await expect.poll(() => visitor.getByRole("status").textContent()).toContain("Còn hiệu lực");
    await shot(visitor, "spreading-verify-in-force");

    await row.getByRole("button", { name: `Thu hồi quyết định ${decision}` }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Thu hồi từ ngày").fill("2024-06-01");
    await dialog.getByLabel("Lý do thu hồi").fill("Kê khai thành tích không trung thực");
    await dialog.getByRole("button", { name: "Thu hồi" }).click();
    await expect.poll(() => row.getByTestId("commendation-status").textContent()).toBe("Đã thu hồi");

    await visitor.reload();
    const status = await visitor.getByRole("status").textContent();
    expect(status).toContain("Đã bị thu hồi");
    expect(status).toContain("từ ngày 01/06/2024");
    expect(status).toContain("Kê khai thành tích không trung thực");
    await shot(visitor, "spreading-verify-revoked");
  });

  it("lets a visitor on a phone search “duong hoa”, open the flower road and verify its certificate", async () => {
    const page = await open("/mo-hinh", { phone: true });
    await page.getByLabel("Tìm mô hình").fill("duong hoa");
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.waitForURL(/q=duong\+hoa/);
    await shot(page, "spreading-showcase-search");
    await page.getByRole("link", { name: "Đường hoa quân sự" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Đường hoa quân sự" }).waitFor();
    // Five districts in the demo; other browser suites may register more copies on the shared gateway.
    const adopters = /Đã được nhân rộng tới (\d+) đơn vị[.;]/.exec((await page.locator("main").textContent()) ?? "");
    expect(Number(adopters?.[1])).toBeGreaterThanOrEqual(5);
    await shot(page, "spreading-showcase-model");
    await page
      .getByRole("link", { name: /^Xác minh KT-/ })
      .first()
      .click();
    await page.waitForURL(/\/xac-minh\/KT-[0-9A-F]{10}$/);
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/Tình trạng ngày/);
    expect(await page.locator(".hash").textContent()).toMatch(/^[0-9a-f]{64}$/);
    await shot(page, "spreading-showcase-verify");
  });

  it("lets a unit admin take a model off the showcase and put it back", async () => {
    const token = await tokenFor("thanhliem.admin");
    const id = await modelId("TL-2019-DACANH", token);
    const admin = await open("/");
    await signIn(admin, "thanhliem.admin");
    await admin.goto(`${gateway.url}/models/${encodeURIComponent(id)}`);
    const toggle = admin.getByRole("switch", { name: "Công khai trên trang mô hình tiêu biểu" });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);

    const visitor = await open("/mo-hinh?q=da+canh");
    const listed = () => visitor.getByRole("link", { name: "Đá cảnh, cây cảnh" }).count();
    const before = await listed();
    expect(before).toBeGreaterThan(0);

    await toggle.click({ force: true });
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await admin.getByText("Mô hình không còn công khai.").waitFor();
    await shot(admin, "spreading-public-switch-off");
    await visitor.reload();
    expect(await listed()).toBe(0);

    await toggle.click({ force: true });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await visitor.reload();
    await expect.poll(listed).toBe(before);
  });
});
