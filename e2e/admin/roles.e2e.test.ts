import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser';
import { useSystem } from '../support/system';
import { loginAs, menuLabels } from './session';

const system = useSystem();

describe('admin console: each role logs in and sees its own menu', () => {
  it('sends a visitor to login, refuses a wrong password with the server message', async () => {
    const page = await system.browser.newPage();
    await page.goto(`${system.server.url}/admin/complaints`);
    await page.getByLabel('账号').waitFor();
    expect(page.url()).toContain('/admin/login?redirect=%2Fcomplaints');
    await page.getByLabel('账号').fill('shequ01');
    await page.getByLabel('密码').fill('wrong-password1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('账号或密码错误').waitFor();
    await page.screenshot({ path: screenshotPath('admin', 'login-error') });
    await page.close();
  });

  it('community worker: field work menu, no vote opening or staff accounts', async () => {
    const page = await loginAs(system.browser, system.server.url, 'shequ01');
    const menu = await menuLabels(page);
    expect(menu).toEqual(
      expect.arrayContaining(['数据看板', '区域与住户', '征求意见', '业主表决', '投诉处理']),
    );
    expect(menu).not.toContain('账号管理');
    await page.getByText('各小区征集率').first().waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: screenshotPath('admin', 'dashboard-community'), fullPage: true });
    await page.goto(`${system.server.url}/admin/votes`);
    await page.locator('.ant-table').first().waitFor();
    expect(await page.getByRole('button', { name: '发起表决' }).count()).toBe(0);
    await page.close();
  });

  it('street office: opens votes; bureau admin: manages staff', async () => {
    const street = await loginAs(system.browser, system.server.url, 'jiedao01', '/admin/votes');
    await street.getByRole('button', { name: '发起表决' }).waitFor();
    await street.screenshot({ path: screenshotPath('admin', 'votes-list') });
    await street.close();

    const bureau = await loginAs(system.browser, system.server.url, 'zjj', '/admin/staff');
    await bureau.locator('.ant-table-row').first().waitFor();
    expect(await menuLabels(bureau)).toContain('账号管理');
    await bureau.screenshot({ path: screenshotPath('admin', 'staff') });
    await bureau.close();
  });

  it('street office: every main page renders with its data', async () => {
    const page = await loginAs(system.browser, system.server.url, 'jiedao01', '/admin/projects');
    await page.locator('.ant-table-row').first().waitFor();
    await page.screenshot({ path: screenshotPath('admin', 'projects'), fullPage: true });
    await page.locator('.ant-table-row a').first().click();
    await page.getByRole('tab', { name: '阶段与节点' }).click();
    await page.getByText('关键节点').first().waitFor();
    await page.screenshot({ path: screenshotPath('admin', 'project-stage'), fullPage: true });
    await page.getByRole('tab', { name: '改造方案' }).click();
    await page.getByText('改造内容清单').waitFor();
    await page.screenshot({ path: screenshotPath('admin', 'project-plan'), fullPage: true });
    await page.getByRole('button', { name: '打印公示栏' }).click();
    await page.getByText('工程概况牌').waitFor();
    await page.locator('img[alt="公示栏二维码"]').evaluate((img: HTMLImageElement) => img.decode());
    expect(
      await page.locator('img[alt="公示栏二维码"]').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(100);
    await page.screenshot({ path: screenshotPath('admin', 'board-print'), fullPage: true });
    for (const [path, name, ready] of [
      ['/admin/surveys', 'surveys', '.ant-table-row'],
      ['/admin/supervision', 'supervision', '.ant-table-row'],
      ['/admin/audit-log', 'audit-log', '.ant-table'],
      ['/admin/bindings', 'bindings', '.ant-table'],
      ['/admin/dashboard', 'dashboard-street', 'canvas'],
    ] as const) {
      await page.goto(`${system.server.url}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: screenshotPath('admin', name), fullPage: true });
    }
    await page.close();
  });

  it('system administrator: every menu entry', async () => {
    const page = await loginAs(system.browser, system.server.url, 'admin');
    expect(await menuLabels(page)).toEqual([
      '数据看板',
      '区域与住户',
      '住户绑定',
      '改造项目',
      '征求意见',
      '业主表决',
      '投诉处理',
      '义务监督',
      '操作日志',
      '账号管理',
    ]);
    await page.close();
  });

  it('expert: only projects', async () => {
    const page = await loginAs(system.browser, system.server.url, 'expert1');
    expect(await menuLabels(page)).toEqual(['改造项目']);
    await page.close();
  });
});
