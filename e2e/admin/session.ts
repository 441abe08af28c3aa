import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';

export const demoPassword = 'jiugai2024';

/** Opens the console's login page and logs in; resolves once the menu frame is shown. */
export async function loginAs(
  browser: Browser,
  baseUrl: string,
  account: string,
  path = '/admin/',
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
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

/** A JSON call to the real API, for setting up what a test needs (e.g. a resident's complaint). */
export async function apiCall<T>(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A demo resident files a complaint on the project of their compound; returns its text. */
export async function fileResidentComplaint(baseUrl: string): Promise<string> {
  type Session = { accessToken: string; user: { households: { compoundId: string }[] } };
  const resident = await apiCall<Session>(baseUrl, 'POST', '/auth/dev-login', undefined, {
    openid: 'demo-resident-1',
  });
  const admin = await apiCall<Session>(baseUrl, 'POST', '/auth/login', undefined, {
    account: 'admin',
    password: demoPassword,
  });
  const projects = await apiCall<{ items: { id: string; compoundId: string }[] }>(
    baseUrl,
    'GET',
    '/projects?size=200',
    admin.accessToken,
  );
  const project = projects.items.find((p) => p.compoundId === resident.user.households[0]?.compoundId);
  if (!project) throw new Error('demo resident has no project');
  const text = 'E2E：夜间十点后仍有施工噪音，影响休息';
  await apiCall(baseUrl, 'POST', '/complaints', resident.accessToken, {
    projectId: project.id,
    category: 'civility',
    text,
  });
  return text;
}

/**
 * A full-page screenshot of a page taller than the window must show the layout's grey down to its bottom, not
 * only over the first screen (ProLayout paints it on a fixed layer one window high). Compares a pixel of the
 * right-hand margin below the top fade with the bottom right-hand pixel; the page itself decodes the image.
 */
export async function expectBackgroundToBottom(page: Page, shot: Buffer): Promise<void> {
  const { height, top, bottom } = await page.evaluate(async (png) => {
    const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
    const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const at = (y: number) => ctx.getImageData(image.width - 4, y, 1, 1).data.join(',');
    return { height: image.height, top: at(400), bottom: at(image.height - 4) };
  }, shot.toString('base64'));
  expect(height, 'screenshot height: the page must be taller than the window').toBeGreaterThan(
    page.viewportSize()?.height ?? 0,
  );
  expect(top, 'no layout background near the top').not.toBe('255,255,255,255');
  expect(bottom, 'layout background stops before the bottom of the page').toBe(top);
}
