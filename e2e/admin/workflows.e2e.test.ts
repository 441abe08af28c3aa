import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser';
import { useSystem } from '../support/system';
import { expectBackgroundToBottom, fileResidentComplaint, loginAs } from './session';

const system = useSystem();

/** Picks the first option of an antd Select found by its aria-label. */
async function pickFirst(page: Page, label: string, scope = page.locator('body')) {
  await scope.getByLabel(label, { exact: true }).first().click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
}

async function confirmPopover(page: Page) {
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
}

describe('admin console workflows against the real server', () => {
  it('builds and opens a survey, enters a paper form by keyboard, exports the xlsx and closes the survey', async () => {
    const page = await loginAs(system.browser, system.server.url, 'shequ01', '/admin/surveys/new');
    await pickFirst(page, '改造项目');
    await page.getByLabel('问卷标题').fill('E2E 改造意愿调查');
    await page.getByRole('button', { name: '添加题目' }).hover();
    await page.locator('.ant-dropdown-menu-item', { hasText: '单选' }).click();
    await page.getByLabel('第1题题目').fill('是否同意本小区实施改造');
    await page.screenshot({ path: screenshotPath('admin', 'survey-builder'), fullPage: true });
    await page.getByRole('button', { name: '保存问卷' }).click();
    await page.waitForURL(/\/admin\/surveys\/[0-9a-f]{24}$/);
    await page.getByText('进行中').first().waitFor();
    await page.getByText('小区征集率').waitFor();
    await page.screenshot({ path: screenshotPath('admin', 'survey-collection'), fullPage: true });

    await page.getByRole('tab', { name: '纸质录入' }).click();
    const household = page.getByLabel('选择户', { exact: true }).first();
    await household.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    await page.keyboard.press('Enter');
    // Picking the household moves the cursor to the first answer; type only once it is there.
    const firstAnswer = await page.getByLabel('答案 1').elementHandle();
    await page.waitForFunction((el) => document.activeElement === el, firstAnswer);
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.getByText('本次已录入 1 份', { exact: false }).waitFor();
    await page.screenshot({ path: screenshotPath('admin', 'survey-paper-entry'), fullPage: true });

    await page.getByRole('tab', { name: '结果统计' }).click();
    await page.getByText('共 1 户反馈').waitFor();
    await page.locator('.ant-tabs-tabpane-active canvas').first().waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: screenshotPath('admin', 'survey-results'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    const file = path.join(os.tmpdir(), `survey-${Date.now()}.xlsx`);
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const text = book.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join(' ');
    expect(text).toContain('是否同意本小区实施改造');
    expect(text).toContain('同意');
    fs.rmSync(file, { force: true });

    await page.getByRole('button', { name: '结束征集' }).click();
    await confirmPopover(page);
    await page.getByText('已结束').first().waitFor();
    await page.close();
  });

  it('opens a vote, enters a paper ballot, closes it and reads the tally with both ratios', async () => {
    const page = await loginAs(system.browser, system.server.url, 'jiedao01', '/admin/votes');
    await page.getByRole('button', { name: '发起表决' }).click();
    const modal = page.locator('.ant-modal:visible');
    await pickFirst(page, '改造项目', modal);
    await modal.getByLabel('表决事项').fill('E2E 选聘物业服务企业');
    await modal.getByRole('button', { name: /^(确\s*认|确\s*定)$/ }).click();
    await page.waitForURL(/\/admin\/votes\/[0-9a-f]{24}$/);
    await page.getByText('参与表决的专有部分面积').waitFor();

    await page.getByLabel('选票户', { exact: true }).first().click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByLabel('同意').check();
    await page.getByRole('button', { name: '录入选票' }).click();
    await page.getByText('选票已录入').waitFor();
    await page.getByText(/已投票 1 \//).waitFor();
    await page.screenshot({ path: screenshotPath('admin', 'vote-live'), fullPage: true });

    await page.getByRole('button', { name: '结束表决并计票' }).click();
    await confirmPopover(page);
    await page.getByText('计票结果').waitFor();
    await expect(
      page
        .getByText(/表决结果：/)
        .first()
        .innerText(),
    ).resolves.toMatch(/表决结果：(通过|未通过|表决无效)/);
    const fingerprint = await page.locator('.ant-typography code').first().innerText();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByText('面积占比').count()).toBeGreaterThan(0);
    expect(await page.getByText('人数占比').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('admin', 'vote-tally'), fullPage: true });
    await page.close();
  });

  it('offers only the allowed stage changes and moves a project forward', async () => {
    const page = await loginAs(system.browser, system.server.url, 'jiedao01', '/admin/projects');
    await page.locator('.ant-table-row', { hasText: '征求意见' }).first().locator('a').first().click();
    await page.getByRole('tab', { name: '阶段与节点' }).click();
    const forward = page.getByRole('button', { name: '进入“方案设计”' });
    await forward.waitFor();
    expect(await page.getByRole('button', { name: /进入“施工”/ }).count()).toBe(0);
    await forward.click();
    await confirmPopover(page);
    await page.locator('.ant-page-header .ant-tag', { hasText: '方案设计' }).waitFor();
    await page.getByRole('button', { name: '进入“专家评审”' }).waitFor();
    await page.close();
  });

  it('handles a complaint through to 已办结', async () => {
    const text = await fileResidentComplaint(system.server.url);
    const page = await loginAs(system.browser, system.server.url, 'shequ01', '/admin/complaints');
    const row = page.locator('.ant-table-row', { hasText: text.slice(0, 10) });
    await row.waitFor();
    await page.screenshot({ path: screenshotPath('admin', 'complaints'), fullPage: true });
    await row.getByRole('button', { name: '办理' }).click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.getByText('办理记录').waitFor();
    for (const step of ['受理', '开始处理']) {
      const button = drawer.getByRole('button', { name: step });
      if (await button.count()) {
        await button.click();
        await drawer.getByRole('button', { name: step }).waitFor({ state: 'detached' });
      }
    }
    await drawer.getByLabel('答复内容').fill('已督促施工单位整改，夜间 22 点后停止施工。');
    await drawer.getByRole('button', { name: '答复并办结' }).click();
    await drawer.locator('.ant-descriptions').getByText('已办结').waitFor();
    await page.screenshot({ path: screenshotPath('admin', 'complaint-closed'), fullPage: true });
    await page.close();
  });

  it('imports a household sheet with one bad row and shows the row-by-row report', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('住户');
    ws.addRow(['楼栋', '单元', '房号', '专有部分面积(平方米)', '业主姓名', '联系电话']);
    ws.addRow(['E2E楼', '1', '101', 86.5, '王建国', '13800000001']);
    ws.addRow(['E2E楼', '1', '102', -3, '李秀英', '13800000002']);
    const file = path.join(os.tmpdir(), `households-${Date.now()}.xlsx`);
    await book.xlsx.writeFile(file);

    const page = await loginAs(system.browser, system.server.url, 'shequ01', '/admin/regions');
    await page
      .locator('.ant-tree-treenode', { hasText: '小区' })
      .first()
      .locator('.ant-tree-node-content-wrapper')
      .click();
    await page.locator('.ant-table-row').first().waitFor();
    const shot = await page.screenshot({ path: screenshotPath('admin', 'regions'), fullPage: true });
    await expectBackgroundToBottom(page, shot);
    await page.getByRole('button', { name: '导入住户' }).click();
    await page.locator('.ant-modal:visible input[type=file]').setInputFiles(file);
    await page.getByText(/共有 1 行有误/).waitFor();
    await page.locator('.ant-modal:visible .ant-table-row', { hasText: '面积' }).waitFor();
    expect(await page.locator('.ant-modal:visible .ant-table-row').first().innerText()).toContain('3');
    await page.screenshot({ path: screenshotPath('admin', 'import-errors') });
    fs.rmSync(file, { force: true });
    await page.locator('.ant-modal:visible .ant-modal-close').click();

    await page.getByRole('button', { name: '打印绑定码' }).click();
    await page.getByText(/住户绑定码（\d+ 户）/).waitFor();
    const code = await page.locator('.print-area div[style*="monospace"]').first().innerText();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    await page.screenshot({ path: screenshotPath('admin', 'binding-codes') });
    await page.close();
  });

  it('shows the writes above in the audit log', async () => {
    const page = await loginAs(system.browser, system.server.url, 'jiedao01', '/admin/audit-log');
    await page.locator('.ant-table-row', { hasText: 'E2E 选聘物业服务企业' }).first().waitFor();
    expect(await page.locator('.ant-table-row', { hasText: 'vote.close' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('admin', 'audit-log-after-writes'), fullPage: true });
    await page.close();
  });
});
