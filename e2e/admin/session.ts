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
