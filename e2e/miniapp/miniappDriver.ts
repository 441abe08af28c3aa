// Drives the mini-program's H5 build like a resident's phone: 375×812, touch, one dev-login identity per context.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ProjectSearchHit } from '@jiugai/shared';
import { screenshotPath } from '../support/browser';

export const phone = { width: 375, height: 812 };

/** A phone-sized browser context whose dev login uses `openid` (Taro keeps storage as {"data": …}). */
export async function residentContext(browser: Browser, openid: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: phone,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  await context.addInitScript((id) => {
    if (location.protocol.startsWith('http'))
      localStorage.setItem('jiugai.devOpenid', JSON.stringify({ data: id }));
  }, openid);
  // A script error on the phone fails the journey anyway; print it so the cause is in the test output.
  context.on('weberror', (e) => console.error(`[h5 ${openid}] ${e.error().message}`));
  return context;
}

/** As residentContext, with large-font, high-contrast mode switched on (as an elderly resident would). */
export async function elderlyContext(browser: Browser, openid: string): Promise<BrowserContext> {
  const context = await residentContext(browser, openid);
  await context.addInitScript(() => {
    if (location.protocol.startsWith('http'))
      localStorage.setItem('jiugai.a11y', JSON.stringify({ data: { largeFont: true, highContrast: true } }));
  });
  return context;
}

/** Opens an H5 route (e.g. `pages/board/index?scene=x`) and waits until its page has slid in. */
export async function open(page: Page, baseUrl: string, route: string): Promise<void> {
  // A fresh load each time: going from one hash route to another would only push onto Taro's page stack.
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/h5/#/${route}`);
  await settled(page);
}

/** Taro H5 pages slide in; the current one carries `taro_page_stationed` once it has arrived. */
export async function settled(page: Page): Promise<void> {
  await page.locator('.taro_page.taro_page_stationed').last().waitFor({ state: 'visible' });
  await page.waitForTimeout(350);
}

/** The page currently shown (Taro keeps earlier pages of the stack in the DOM, hidden). */
export const current = (page: Page) => page.locator('.taro_page:visible').last();

export async function tapText(page: Page, text: string | RegExp): Promise<void> {
  await current(page)
    .getByText(text, { exact: typeof text === 'string' })
    .first()
    .click();
}

/** Taro renders an Input as a custom element wrapping a real <input>; type into the real one. */
export async function fill(page: Page, placeholder: string, value: string): Promise<void> {
  await current(page)
    .locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`)
    .first()
    .fill(value);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath('miniapp', name), fullPage: false });
}

/** JSON over the real API, for the staff side of a journey and for checking what the resident did. */
export async function api<T>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as T;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export const staffToken = (baseUrl: string, account: string) =>
  api<{ accessToken: string }>(baseUrl, 'POST', '/auth/login', { account, password: 'jiugai2024' }).then(
    (r) => r.accessToken,
  );
export const residentToken = (baseUrl: string, openid: string) =>
  api<{ accessToken: string }>(baseUrl, 'POST', '/auth/dev-login', { openid }).then((r) => r.accessToken);

/** The demo district's 幸福小区 project, the one every mini-program journey starts from. */
export async function demoProject(baseUrl: string): Promise<ProjectSearchHit> {
  const hits = await api<{ items: ProjectSearchHit[] }>(
    baseUrl,
    'GET',
    `/projects/search?q=${encodeURIComponent('幸福小区')}`,
  );
  return hits.items[0];
}

/** An ISO time `m` minutes from now (negative: in the past), for opening and closing surveys and votes. */
export const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
