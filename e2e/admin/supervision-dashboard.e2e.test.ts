import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser';
import { useSystem } from '../support/system';
import type { RegionNode } from '@jiugai/shared';
import { apiCall, demoPassword, expectBackgroundToBottom, loginAs } from './session';

const system = useSystem();

function findRegion(nodes: RegionNode[], name: string): RegionNode | undefined {
  for (const n of nodes) {
    if (n.name === name) return n;
    const hit = findRegion(n.children ?? [], name);
    if (hit) return hit;
  }
  return undefined;
}

describe('admin console: supervision group members and the dashboard region picker', () => {
  it('community worker appoints a resident to a project supervision group, then removes them', async () => {
    const page = await loginAs(system.browser, system.server.url, 'shequ01', '/admin/supervision');
    await page.locator('.ant-table-row', { hasText: '幸福小区' }).first().click();
    const card = page.locator('.ant-card', { hasText: /幸福小区.*义务监督小组成员（0 人）/ });
    await card.waitFor();

    await card.getByRole('button', { name: /任命成员/ }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByText('任命义务监督小组成员').waitFor();
    // Find a resident bound to the compound by the last four digits of their (masked) phone.
    await modal.getByLabel('人选', { exact: true }).click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    expect(await page.locator('.ant-select-dropdown:visible').innerText()).toContain('本小区已绑定住户');
    const first = await options.first().innerText();
    const tail = /\*{4}(\d{4})/.exec(first)?.[1];
    expect(tail, `no phone tail in "${first}"`).toBeTruthy();
    await page.keyboard.type(tail!);
    await options
      .filter({ hasText: `****${tail}` })
      .first()
      .click();
    await modal.getByText(/该居民尚未任命为义务监督员/).waitFor();
    // Wait until the person list has finished closing, so that only the category list is open next.
    const openLists = () => page.locator('.ant-select-dropdown:visible').count();
    await expect.poll(openLists).toBe(0);
    await modal.getByLabel('身份类别', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '热心居民' })
      .last()
      .click();
    await expect.poll(openLists).toBe(0);
    await page.screenshot({ path: screenshotPath('admin', 'supervision-appoint'), fullPage: true });
    await modal.getByRole('button', { name: /^(确\s*认|确\s*定)$/ }).click();

    await page.getByText(/加入义务监督小组（热心居民）/).waitFor();
    const updated = page.locator('.ant-card', { hasText: /义务监督小组成员（1 人）/ });
    await updated.waitFor();
    const row = updated.locator('.ant-table-row').first();
    expect(await row.innerText()).toContain('热心居民');
    expect(await row.innerText()).toMatch(/1\d{2}\*{4}\d{4}/);
    // The project list counts the new member too.
    await page.locator('.ant-table-row', { hasText: '幸福小区' }).first().getByText('1').first().waitFor();
    await page.screenshot({ path: screenshotPath('admin', 'supervision-members'), fullPage: true });

    await row.getByRole('button', { name: '移出' }).click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByText(/移出义务监督小组？/)
      .waitFor();
    await page.waitForTimeout(400); // let the pop-over finish appearing
    await page.screenshot({ path: screenshotPath('admin', 'supervision-remove-confirm') });
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await page.getByText(/已将 .+ 移出义务监督小组/).waitFor();
    await page.locator('.ant-card', { hasText: /义务监督小组成员（0 人）/ }).waitFor();
    await page.close();
  });

  it('community worker switches the dashboard from their community to one compound', async () => {
    const page = await loginAs(system.browser, system.server.url, 'shequ01', '/admin/dashboard');
    await page.getByText('西河社区 数据看板').waitFor();
    // The chosen region's name covers the search input: click the select box itself.
    const picker = page.locator('.ant-select', { has: page.getByRole('combobox', { name: '查看区域' }) });
    await page.locator('.ant-select-selection-item', { hasText: '西河社区' }).waitFor();
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath('admin', 'dashboard-region-own'), fullPage: true });

    await picker.click();
    const tree = page.locator('.ant-select-dropdown:visible');
    await tree.getByTitle('幸福小区').waitFor();
    // Only the worker's own community and its compounds are offered.
    const offered = await tree.locator('.ant-select-tree-node-content-wrapper').allInnerTexts();
    expect(offered.sort()).toEqual(['西河社区', '幸福小区', '建设小区', '西河一区'].sort());
    await page.screenshot({ path: screenshotPath('admin', 'dashboard-region-picker') });
    await tree.getByTitle('幸福小区').click();

    await page.getByText('幸福小区 数据看板').waitFor();
    expect(page.url()).toMatch(/\/admin\/dashboard\?regionId=[0-9a-f]{24}$/);
    await page.locator('.ant-select-selection-item', { hasText: '幸福小区' }).waitFor();
    await page.getByText('改造项目').first().waitFor();
    await page.waitForTimeout(800);
    const shot = await page.screenshot({
      path: screenshotPath('admin', 'dashboard-region-compound'),
      fullPage: true,
    });
    await expectBackgroundToBottom(page, shot);

    // Reloading keeps the chosen compound.
    await page.reload();
    await page.getByText('幸福小区 数据看板').waitFor();
    await page.close();
  });

  it('street office picks a community of its street; a region outside the scope is refused', async () => {
    const page = await loginAs(system.browser, system.server.url, 'jiedao01', '/admin/dashboard');
    await page.getByText('西脑包街道 数据看板').waitFor();
    await page.locator('.ant-select', { has: page.getByRole('combobox', { name: '查看区域' }) }).click();
    const tree = page.locator('.ant-select-dropdown:visible');
    await tree.getByTitle('东门社区').click();
    await page.getByText('东门社区 数据看板').waitFor();

    // Another street's compound, opened from an address: the server's message and a way back.
    const admin = await apiCall<{ accessToken: string }>(
      system.server.url,
      'POST',
      '/auth/login',
      undefined,
      {
        account: 'admin',
        password: demoPassword,
      },
    );
    const regions = await apiCall<RegionNode[]>(system.server.url, 'GET', '/regions/tree', admin.accessToken);
    const elsewhere = findRegion(regions, '和平里小区');
    expect(elsewhere).toBeDefined();
    await page.goto(`${system.server.url}/admin/dashboard?regionId=${elsewhere!.id}`);
    await page.getByText('数据看板加载失败').waitFor();
    await page.getByText('该数据不在您的管辖范围内').first().waitFor();
    await page.screenshot({ path: screenshotPath('admin', 'dashboard-region-out-of-scope') });
    await page.getByRole('button', { name: '查看本人管辖范围' }).click();
    await page.getByText('西脑包街道 数据看板').waitFor();
    await page.close();
  });
});
