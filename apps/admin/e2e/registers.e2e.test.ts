import { join } from "node:path";
import {
  CreateModelDocument,
  IssueCommendationDocument,
  LoginDocument,
  ModelDetailDocument,
  ModelsDocument,
  PlanInspectionDocument,
  request,
  UnitTreeDocument,
  UpdateModelDocument,
} from "@lantoa/client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";
import { demoPassword, signIn, signOut } from "./pages";

describe.runIf(canRunBrowser)("registers and model editing in headless Chromium", () => {
  // Started once for every browser suite by global-setup.ts.
  const gateway = { url: inject("gatewayUrl") };
  let browser: Browser;
  let context: BrowserContext | undefined;
  const stamp = Date.now();

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

  /** Calls the API directly, as another user would at the same time. */
  async function api<TResult, TVariables>(
    document: Parameters<typeof request<TResult, TVariables>>[1],
    variables: TVariables,
    token?: string,
  ) {
    return request(`${gateway.url}/graphql`, document, variables, { token });
  }

  async function tokenFor(username: string) {
    const { login } = await api(LoginDocument, { username, password: demoPassword });
    if (login?.__typename !== "MutationLoginSuccess") throw new Error(`cannot sign in as ${username}`);
    return { token: login.data.token ?? "", unitId: login.data.viewer?.roles?.[0]?.unitId ?? "" };
  }

  it("edits a draft, meets someone else's save as a plain message, and records an outcome with checks", async () => {
    const officer = await tokenFor("phunu.canbo");
    const created = await api(
      CreateModelDocument,
      {
        idempotencyKey: `registers-e2e-${stamp}`,
        input: {
          code: `E2E-EDIT-${stamp}`,
          name: "Tủ sách khuyến học (nháp)",
          ownerUnitId: officer.unitId,
          fields: ["education"],
          problem: "Trẻ em vùng nông thôn thiếu sách.",
          solution: "Hội viên góp sách cũ vào tủ sách chung.",
          startDate: "2024-02-01",
        },
      },
      officer.token,
    );
    if (created.createModel?.__typename !== "MutationCreateModelSuccess") throw new Error(JSON.stringify(created));
    const modelId = created.createModel.data.model?.id ?? "";

    const page = await openPage("/");
    await signIn(page, "phunu.canbo");
    await page.goto(`${gateway.url}/models/${encodeURIComponent(modelId)}`);
    await expect.poll(() => page.getByTestId("model-status").textContent()).toBe("Nháp");
    // Only what this officer may do now: submit and edit, not approve.
    const actions = page.getByTestId("allowed-actions");
    await actions.getByRole("button", { name: "Gửi duyệt" }).waitFor();
    expect(await actions.getByRole("button", { name: "Duyệt", exact: true }).count()).toBe(0);

    await actions.getByRole("button", { name: "Sửa mô hình" }).click();
    const form = page.getByTestId("model-edit-form");
    await form.getByLabel("Tên mô hình").fill("");
    await form.getByRole("button", { name: "Lưu thay đổi" }).click();
    await form.getByText("Hãy nhập tên mô hình").waitFor();
    await form.getByLabel("Tên mô hình").fill("Tủ sách khuyến học thôn xóm");
    await form.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.getByRole("heading", { level: 2, name: "Tủ sách khuyến học thôn xóm" }).waitFor();
    expect(await page.getByTestId("action-outcome").textContent()).toContain("Đã lưu mô hình");

    // Someone saves first while the form is open: the page says so and offers to reload.
    await actions.getByRole("button", { name: "Sửa mô hình" }).click();
    await form.getByLabel("Giải pháp").fill("Mỗi thôn một tủ sách, hội viên thay nhau trông.");
    const { node } = await api(ModelDetailDocument, { id: modelId }, officer.token);
    const read = node?.__typename === "Model" ? (node.version ?? -1) : -1;
    const current = await api(
      UpdateModelDocument,
      { id: modelId, input: { personName: "Nguyễn Thị Mai" }, expectedVersion: read },
      officer.token,
    );
    expect(current.updateModel?.__typename).toBe("MutationUpdateModelSuccess");
    await form.getByRole("button", { name: "Lưu thay đổi" }).click();
    const refusal = page.getByTestId("edit-refusal");
    await refusal.waitFor();
    expect(await refusal.getAttribute("data-code")).toBe("DB.STALE_VERSION");
    expect(await refusal.textContent()).toContain("Bản ghi vừa được người khác thay đổi");
    await refusal.getByRole("button", { name: "Bỏ thay đổi của tôi" }).click();
    await form.waitFor({ state: "detached" });

    await page.getByRole("tab", { name: "Kết quả" }).click();
    await page.getByRole("combobox", { name: "Chỉ tiêu" }).fill("Lượt người");
    await page.getByRole("option", { name: "Lượt người được giúp đỡ" }).click();
    await page.getByLabel(/^Kỳ/).fill("2024-Q5");
    const value = page.getByLabel("Giá trị (người)");
    await value.fill("2,5");
    await page.getByRole("button", { name: "Ghi kết quả" }).click();
    await page.getByText("Kỳ phải là năm (2023), quý (2023-Q2) hoặc tháng (2023-03).").waitFor();
    await page.getByText("Chỉ tiêu này đếm số lượng: hãy nhập số nguyên.").waitFor();
    await page.getByLabel(/^Kỳ/).fill("2024-Q1");
    await value.fill("1200");
    await page.getByRole("button", { name: "Ghi kết quả" }).click();
    const row = page.getByTestId("outcome-row").filter({ hasText: "Quý 1/2024" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Lượt người được giúp đỡ");
    expect(await row.textContent()).toContain("1.200 người");
    await page.screenshot({ path: join(screenshotDir, "registers-edit-outcome.png"), fullPage: true });
  });

  it("issues a commendation, then revokes it with a reason", async () => {
    const decision = `E2E-${stamp}-QĐ/HU`;
    const page = await openPage("/");
    await signIn(page, "thanhliem.admin");
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Khen thưởng" }).click();
    await page.getByRole("heading", { level: 2, name: "Sổ khen thưởng" }).waitFor();
    await expect.poll(() => page.getByTestId("commendation-row").count()).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Ghi quyết định khen thưởng" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("combobox", { name: "Mô hình" }).fill("duong hoa");
    await page.getByRole("option", { name: "Đường hoa quân sự (TL-2021-DUONGHOA)" }).click();
    await dialog.getByLabel("Số quyết định").fill(decision);
    await dialog.getByLabel("Ngày quyết định").fill("2024-03-01");
    await dialog.getByLabel("Cơ quan quyết định").fill("Ban Thường vụ Huyện ủy Thanh Liêm");
    await dialog.getByRole("combobox", { name: "Cấp khen" }).click();
    await page.getByRole("listbox").getByRole("option").first().click();
    await dialog.getByRole("combobox", { name: "Hình thức" }).click();
    await page.getByRole("listbox").getByRole("option").first().click();
    await dialog.getByRole("button", { name: "Ghi quyết định khen thưởng" }).click();
    await dialog.waitFor({ state: "detached" });

    const row = page.getByTestId("commendation-row").filter({ hasText: decision });
    await expect.poll(() => row.getByTestId("commendation-status").textContent()).toBe("Còn hiệu lực");
    expect(await row.textContent()).toContain("Đường hoa quân sự");

    await row.getByRole("button", { name: `Thu hồi quyết định ${decision}` }).click();
    await dialog.getByRole("button", { name: "Thu hồi" }).click();
    await dialog.getByText("Hãy ghi lý do.").waitFor();
    await dialog.getByLabel("Lý do", { exact: false }).fill("Hồ sơ đề nghị khen có số liệu sai");
    await dialog.getByRole("button", { name: "Thu hồi" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => row.getByTestId("commendation-status").textContent()).toBe("Đã thu hồi");
    expect(await row.textContent()).toContain("Hồ sơ đề nghị khen có số liệu sai");
    await page.screenshot({ path: join(screenshotDir, "registers-commendations.png"), fullPage: true });
  });

  it("records an inspection finding that suspends a commendation, and the register shows it suspended", async () => {
    const admin = await tokenFor("thanhliem.admin");
    const officer = await tokenFor("phunu.canbo");
    const units = await api(UnitTreeDocument, { first: 500, filter: null }, admin.token);
    const inspecting = units.units?.edges?.find((e) => e.node.code === "TL-CB-TT")?.node.id ?? "";
    const models = await api(
      ModelsDocument,
      { first: 1, filter: { withinUnitId: officer.unitId, status: "active" } },
      admin.token,
    );
    const model = models.models?.edges?.[0]?.node;
    if (!model) throw new Error("no active model of the Women's Union in the demo data");
    const decision = `E2E-KT-${stamp}`;
    const issued = await api(
      IssueCommendationDocument,
      {
        idempotencyKey: `registers-e2e-issue-${stamp}`,
        input: {
          modelId: model.id,
          decisionNumber: decision,
          decisionDate: "2023-05-19",
          issuer: "Ban Thường vụ Huyện ủy Thanh Liêm",
          level: "district",
          form: "certificate-of-commendation",
        },
      },
      admin.token,
    );
    expect(issued.issueCommendation?.__typename).toBe("MutationIssueCommendationSuccess");
    const planned = await api(
      PlanInspectionDocument,
      {
        idempotencyKey: `registers-e2e-plan-${stamp}`,
        input: {
          inspectedUnitId: officer.unitId,
          inspectingUnitId: inspecting,
          periodFrom: "2023-01-01",
          periodTo: "2023-06-30",
          plannedOn: "2023-08-15",
        },
      },
      admin.token,
    );
    expect(planned.planInspection?.__typename).toBe("MutationPlanInspectionSuccess");

    const page = await openPage("/");
    await signIn(page, "thanhliem.admin");
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Kiểm tra, giám sát" })
      .click();
    await expect.poll(() => page.getByTestId("inspection-row").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Xem cuộc kiểm tra Hội Liên hiệp Phụ nữ huyện Thanh Liêm" }).first().click();
    const detail = page.getByTestId("inspection-detail");
    await detail.getByRole("combobox", { name: "Mức độ" }).click();
    await page.getByRole("option", { name: "Nghiêm trọng", exact: true }).click();
    await detail.getByText("Một khen thưởng").click();
    expect(await detail.getByTestId("finding-consequence").textContent()).toContain("khen thưởng sẽ bị tạm đình chỉ");
    await detail.getByRole("combobox", { name: "Quyết định khen thưởng" }).click();
    await page.getByRole("option", { name: new RegExp(decision) }).click();
    await detail.getByLabel("Ngày ghi nhận").fill("2023-08-20");
    await detail.getByLabel("Nội dung", { exact: false }).fill("Thành tích khen thưởng chưa có minh chứng");
    await detail.getByRole("button", { name: "Ghi kết luận" }).click();
    const finding = detail.getByTestId("finding").filter({ hasText: decision });
    await expect.poll(() => finding.getByTestId("finding-commendation-status").textContent()).toBe("Tạm đình chỉ");
    expect(await finding.getByTestId("finding-effect").textContent()).toBe("Khen thưởng đã bị tạm đình chỉ.");

    // A corrective action, added and completed.
    await finding.getByRole("textbox", { name: "Biện pháp" }).fill("Bổ sung minh chứng thành tích");
    await finding.getByLabel("Hạn hoàn thành").fill("2023-09-30");
    await finding.getByRole("button", { name: "Thêm biện pháp" }).click();
    const action = finding.getByTestId("corrective-action");
    await action.waitFor();
    await action.getByRole("button", { name: "Đã hoàn thành" }).click();
    await expect.poll(() => action.textContent()).toContain("xong");
    await page.screenshot({ path: join(screenshotDir, "registers-inspection.png"), fullPage: true });

    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Khen thưởng" }).click();
    const row = page.getByTestId("commendation-row").filter({ hasText: decision });
    await expect.poll(() => row.getByTestId("commendation-status").textContent()).toBe("Tạm đình chỉ");
    expect(await row.getByRole("button", { name: `Hết tạm đình chỉ quyết định ${decision}` }).count()).toBe(1);
  });

  it("takes a golden-book nomination, refuses its nominator's own verification, and lets another admin verify it", async () => {
    const subject = `Trần Thị Thử ${stamp}`;
    const page = await openPage("/");
    await signIn(page, "thanhliem.admin");
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Sổ vàng" }).click();
    await page.getByRole("button", { name: "Đề cử vào sổ vàng" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Người / tập thể").fill(subject);
    await dialog.getByLabel("Việc tốt", { exact: false }).fill("Cứu người đuối nước ở sông Đáy");
    await dialog.getByRole("combobox", { name: "Lĩnh vực" }).click();
    await page.getByRole("listbox").getByRole("option").first().click();
    await dialog.getByLabel(/^Ngày/).fill("2024-06-02");
    await dialog.getByRole("button", { name: "Đề cử vào sổ vàng" }).click();
    await dialog.waitFor({ state: "detached" });

    await page.getByLabel("Tìm trong sổ vàng").fill(subject);
    const row = page.getByTestId("golden-book-row").filter({ hasText: subject });
    await expect.poll(() => row.getByTestId("golden-book-status").textContent()).toBe("Đề cử");
    await row.getByRole("button", { name: `Xác minh ${subject}` }).click();
    const refusal = row.getByTestId("decide-refusal");
    await refusal.waitFor();
    expect(await refusal.getAttribute("data-code")).toBe("GOLDEN_BOOK.SELF_VERIFICATION");
    expect(await refusal.textContent()).toContain("Người đề nghị không tự xác nhận đề nghị của mình");
    expect(await row.getByTestId("golden-book-status").textContent()).toBe("Đề cử");
    await page.screenshot({ path: join(screenshotDir, "registers-golden-book-refused.png"), fullPage: true });

    await signOut(page);
    await signIn(page, "tinhuy.admin");
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Sổ vàng" }).click();
    await page.getByLabel("Tìm trong sổ vàng").fill(subject);
    await row.getByRole("button", { name: `Xác minh ${subject}` }).click();
    await expect.poll(() => row.getByTestId("golden-book-status").textContent()).toBe("Đã xác minh");
    expect(await row.textContent()).toContain("Quyết định: Ban Tuyên giáo Tỉnh ủy Hà Nam");
    await page.screenshot({ path: join(screenshotDir, "registers-golden-book.png"), fullPage: true });
  });

  it("shows a pilot's replication tree and registers an adopter unit's copy, which points back to its origin", async () => {
    const code = `TL-DUONGHOA-E2E-${stamp}`;
    const page = await openPage("/");
    await signIn(page, "thanhliem.admin");
    await page.goto(`${gateway.url}/models?q=duong%20hoa`);
    await page.getByRole("link", { name: "Đường hoa quân sự", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "Đường hoa quân sự" }).waitFor();
    await page.getByRole("tab", { name: "Nhân rộng" }).click();
    const tree = page.getByTestId("replication-tree");
    // The copies outside the district show their names and units, one level below the pilot.
    await expect.poll(() => tree.getByTestId("replication-node").count()).toBeGreaterThan(2);
    expect(
      await tree.getByTestId("replication-node").filter({ hasText: "PHULY-2023-DUONGHOA" }).getAttribute("data-depth"),
    ).toBe("1");

    const form = page.getByRole("form", { name: "Đăng ký nhân rộng" });
    // Only the viewer's own unit drafts a copy: the district's party committee here.
    await form.getByRole("combobox", { name: "Đơn vị áp dụng" }).click();
    const adopters = page.getByRole("listbox").getByRole("option");
    await expect.poll(() => adopters.allTextContents()).toEqual(["Huyện ủy Thanh Liêm"]);
    await adopters.first().click();
    await form.getByLabel(/^Mã mô hình/).fill(code);
    await form.getByLabel(/^Tên mô hình/).fill("Đường hoa Huyện ủy Thanh Liêm");
    await form.getByLabel(/^Ngày bắt đầu/).fill("2024-03-26");
    await form.getByRole("button", { name: "Đăng ký nhân rộng" }).click();

    // The new draft opens, and its replication tab names the pilot it adapts.
    await page.getByRole("heading", { level: 2, name: "Đường hoa Huyện ủy Thanh Liêm" }).waitFor();
    expect(await page.getByTestId("model-status").textContent()).toBe("Nháp");
    await page.getByRole("tab", { name: "Nhân rộng" }).click();
    await page.getByText("Nhân rộng từ mô hình").waitFor();
    expect(await page.getByTestId("replication-tree").textContent()).toContain("Đường hoa quân sự");
    await page.screenshot({ path: join(screenshotDir, "registers-replication.png"), fullPage: true });

    await page.getByLabel("Ngôn ngữ").selectOption("en");
    await page.getByText("Replicated from").waitFor();
    expect(await page.getByRole("tab", { name: "Replication" }).count()).toBe(1);
  });
  it("lets a commune officer find another level's pilot among every unit's pilots and register their copy", async () => {
    const code = `TL-THANHHA-DUONGHOA-${stamp}`;
    const page = await openPage("/");
    await signIn(page, "thanhha.canbo");
    await page.goto(`${gateway.url}/models`);
    // The district's pilot is outside the commune: not in the officer's own list...
    await page.getByLabel("Tìm mô hình").fill("duong hoa");
    await expect.poll(() => page.getByTestId("models-total").textContent()).toMatch(/^0 /);
    // ...but among the pilots of every unit.
    await page.getByRole("switch", { name: "Mô hình thí điểm của mọi đơn vị" }).check();
    await page.getByRole("link", { name: "Đường hoa quân sự", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "Đường hoa quân sự" }).waitFor();
    await page.getByRole("tab", { name: "Nhân rộng" }).click();
    const form = page.getByRole("form", { name: "Đăng ký nhân rộng" });
    await form.getByRole("combobox", { name: "Đơn vị áp dụng" }).click();
    const adopters = page.getByRole("listbox").getByRole("option");
    await expect.poll(() => adopters.allTextContents()).toEqual(["Ủy ban nhân dân xã Thanh Hà"]);
    await adopters.first().click();
    await form.getByLabel(/^Mã mô hình/).fill(code);
    await form.getByLabel(/^Tên mô hình/).fill("Đường hoa xã Thanh Hà");
    await form.getByLabel(/^Ngày bắt đầu/).fill("2024-05-19");
    await form.getByRole("button", { name: "Đăng ký nhân rộng" }).click();
    await page.getByRole("heading", { level: 2, name: "Đường hoa xã Thanh Hà" }).waitFor();
    await page.getByRole("tab", { name: "Nhân rộng" }).click();
    await page.getByText("Nhân rộng từ mô hình").waitFor();
    // The pilot's name now links to it, for its adopters too.
    await page
      .getByTestId("replication-tree")
      .getByRole("link", { name: /Đường hoa quân sự/ })
      .waitFor();
    await page.screenshot({ path: join(screenshotDir, "registers-pilot-adopted.png"), fullPage: true });
  });
});
