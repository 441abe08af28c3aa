import type { Browser, Page } from 'playwright-core';

export const demoPassword = 'jiugai2024';

/** Opens the console's login page and logs in; resolves once the menu frame is shown. */
export async function loginAs(browser: Browser, baseUrl: string, account: string, path = '/admin/'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码').fill(demoPassword);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.locator('.ant-pro-layout, .ant-result').first().waitFor({ timeout: 30_000 });
  return page;
}

/** Menu entries shown to the logged-in user. */
export async function menuLabels(page: Page): Promise<string[]> {
  await page.locator('.ant-menu-item').first().waitFor();
  return (await page.locator('.ant-menu-item').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}
