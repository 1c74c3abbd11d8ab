import type { Page } from "playwright-core";

/** The password of every demo account (packages/db/src/seed). */
export const demoPassword = "lantoa-demo";

/** Signs in from the header's link, in Vietnamese, and waits for the account menu. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.getByRole("link", { name: "Đăng nhập" }).click();
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(demoPassword);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("viewer-name").waitFor();
}

/** Signs out through the account menu in the header. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId("viewer-name").click();
  await page.getByRole("menuitem", { name: "Đăng xuất" }).click();
  await page.getByText("Bạn đã đăng xuất.").waitFor();
}

/** Goes ahead in the confirmation dialog an irreversible step opens, by its button, and waits for it to close. */
export async function confirmStep(page: Page, button: string): Promise<void> {
  const dialog = page.getByTestId("confirm-dialog");
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await dialog.waitFor({ state: "detached" });
}
