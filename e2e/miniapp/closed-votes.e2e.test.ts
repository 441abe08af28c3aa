import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {
  MyVoteView,
  Page as ApiPage,
  ProjectSearchHit,
  SessionUser,
  TallyView,
  VoteView,
} from '@jiugai/shared';
import { screenshotPath } from '../support/browser';
import { useSystem } from '../support/system';
import {
  api,
  demoProject,
  current,
  open,
  phone,
  elderlyContext,
  residentContext,
  residentToken,
  settled,
  staffToken,
  tapText,
  minutesFromNow,
} from './miniappDriver';

const system = useSystem();
let project: ProjectSearchHit;
let street: string;
let resident: string;
let households: SessionUser['households'];
let freshVote: VoteView;
let demoVote: MyVoteView;

const areaOf = (centi: number) => (centi / 100).toFixed(2);

/**
 * The whole page, not only the phone's first screen: Taro H5 scrolls inside its page element, so the phone is
 * made as tall as the page for the shot (same width, so the layout is the phone's), then put back.
 */
async function fullShot(page: Page, name: string): Promise<void> {
  const height = await current(page).evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: phone.width, height: Math.max(phone.height, height) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath('miniapp', name) });
  await page.setViewportSize(phone);
}

/** Every tappable thing on the current page is at least 44 CSS px tall. */
async function tapTargetHeights(page: Page): Promise<number[]> {
  return current(page)
    .locator('.link, .btn, .section[class]')
    .evaluateAll((els) =>
      els.filter((e) => e.getClientRects().length > 0).map((e) => e.getBoundingClientRect().height),
    );
}

beforeAll(async () => {
  project = await demoProject(system.server.url);
  [street, resident] = await Promise.all([
    staffToken(system.server.url, 'jiedao01'),
    residentToken(system.server.url, 'demo-resident-1'),
  ]);
  households = (await api<SessionUser>(system.server.url, 'GET', '/auth/me', undefined, resident)).households;
  expect(households.length).toBe(2);

  // A vote that closes with one of the resident's two households voting: far below two thirds, so not valid.
  freshVote = await api<VoteView>(
    system.server.url,
    'POST',
    '/votes',
    {
      projectId: project.id,
      title: '增设电动自行车集中充电棚',
      description: '在小区北门内空地增设充电棚，费用由改造资金列支。',
      article278Item: 8,
      kind: 'yes_no',
      opensAt: minutesFromNow(-1),
      closesAt: minutesFromNow(60),
    },
    street,
  );
  await api(
    system.server.url,
    'PUT',
    `/votes/${freshVote.id}/ballots/${households[0].id}`,
    { optionId: 'yes' },
    resident,
  );
  await api(system.server.url, 'POST', `/votes/${freshVote.id}/close`, {}, street);

  const closed = await api<ApiPage<MyVoteView>>(
    system.server.url,
    'GET',
    '/votes/mine?status=closed',
    undefined,
    resident,
  );
  expect(closed.items.map((v) => v.id)[0]).toBe(freshVote.id);
  demoVote = closed.items.find((v) => v.id !== freshVote.id)!;
  expect(demoVote).toMatchObject({ result: 'passed', resultLabel: '通过' });
});

describe('mini-program (H5): closed votes and their results', () => {
  it('lists closed votes apart from open ones and shows the result, both ratios and the household’s ballot', async () => {
    const context = await residentContext(system.browser, 'demo-resident-1');
    const page = await context.newPage();
    await open(page, system.server.url, 'participate/pages/votes/index');
    const list = current(page);
    await list.getByText('已结束的表决', { exact: true }).waitFor();
    await list.getByText(freshVote.title).waitFor();
    await page.screenshot({ path: screenshotPath('miniapp', '50-votes-list-top') });
    await fullShot(page, '51-votes-list-full');

    // Open ones first, then the closed ones, most recently closed first.
    const order = await list.locator('.title').allTextContents();
    expect(order).toEqual(['正在表决的事项', '已结束的表决']);
    const text = (await list.textContent()) ?? '';
    expect(text.indexOf('正在表决的事项')).toBeLessThan(text.indexOf('已结束的表决'));
    expect(text.indexOf('已结束的表决')).toBeLessThan(text.indexOf(freshVote.title));
    expect(text.indexOf(freshVote.title)).toBeLessThan(text.indexOf(demoVote.title));
    const freshCard = list.locator('.section', { hasText: freshVote.title });
    await expect(freshCard.textContent()).resolves.toContain('表决无效（参与不足三分之二）');
    await expect(freshCard.textContent()).resolves.toContain(
      `${households[0].buildingName} ${households[0].unit}单元 ${households[0].room}：我家选择了「同意」`,
    );
    await expect(freshCard.textContent()).resolves.toContain('未参加表决');
    const demoCard = list.locator('.section', { hasText: demoVote.title });
    await expect(demoCard.getByText('通过', { exact: true }).isVisible()).resolves.toBe(true);
    for (const h of await tapTargetHeights(page)) expect(h).toBeGreaterThanOrEqual(44);

    // The invalid one: the verdict in words, the participation fractions, and what each household did.
    await tapText(page, freshVote.title);
    await settled(page);
    const result = current(page);
    await result.getByText('表决结果', { exact: true }).waitFor();
    const fresh = await api<TallyView>(
      system.server.url,
      'GET',
      `/votes/${freshVote.id}/tally`,
      undefined,
      resident,
    );
    await result.getByText(/本次表决无效/).waitFor();
    await result.getByText('我家的表决票').waitFor();
    await page.screenshot({ path: screenshotPath('miniapp', '52-vote-result-invalid-top') });
    const freshText = (await result.textContent()) ?? '';
    expect(freshText).toContain('表决无效（参与不足三分之二）');
    expect(freshText).toContain(
      `参与面积：${fresh.participation.area.percent}%（${areaOf(fresh.participation.area.numerator)} / ${areaOf(fresh.totals.areaCenti)} 平方米）`,
    );
    expect(freshText).toContain(
      `参与人数：${fresh.participation.headcount.percent}%（1 / ${fresh.totals.owners} 人）`,
    );
    expect(freshText).toContain('✗ 未达到三分之二以上');
    expect(freshText).toContain('同意：1 户 （参与不足，不能通过）');
    // Item 八 needs three quarters: the threshold in plain words.
    expect(freshText).toContain('同意的专有面积和人数都要达到四分之三以上（含四分之三），才算通过');
    expect(freshText).toContain('我家的选择同意');
    expect(freshText).toContain('投票方式小程序');
    expect(freshText).toContain('未参加本次表决');
    await fullShot(page, '53-vote-result-invalid-full');

    // The seeded vote that passed: figures as the server tallied them, each against 过半数.
    await open(page, system.server.url, `participate/pages/vote/index?id=${demoVote.id}`);
    const passed = current(page);
    await passed.getByText('我家的表决票').waitFor();
    const tally = await api<TallyView>(
      system.server.url,
      'GET',
      `/votes/${demoVote.id}/tally`,
      undefined,
      resident,
    );
    const yes = tally.approval!.options.find((o) => o.optionId === 'yes')!;
    const passedText = (await passed.textContent()) ?? '';
    expect(passedText).toContain('同意的面积和人数都过半数，表决通过。');
    expect(passedText).toContain(`同意：${yes.households} 户 （达到通过条件）`);
    expect(passedText).toContain(
      `面积占参与者：${yes.area.percent}%（${areaOf(yes.area.numerator)} / ${areaOf(yes.area.denominator)} 平方米） ✓ 过半数`,
    );
    expect(passedText).toContain(
      `人数占参与者：${yes.headcount.percent}%（${yes.headcount.numerator} / ${yes.headcount.denominator} 人） ✓ 过半数`,
    );
    expect(passedText).toContain(`弃权：${tally.approval!.abstentions.households} 户`);
    await passed.getByText('通过', { exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('miniapp', '54-vote-result-passed-top') });
    await passed.getByText('各选项得票').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('miniapp', '55-vote-result-passed-options') });
    await fullShot(page, '56-vote-result-passed-full');
    await context.close();
  });

  it('keeps option counts hidden while a vote is open', async () => {
    const context = await residentContext(system.browser, 'demo-resident-1');
    const page = await context.newPage();
    const openVotes = await api<ApiPage<MyVoteView>>(
      system.server.url,
      'GET',
      '/votes/mine',
      undefined,
      resident,
    );
    await open(page, system.server.url, `participate/pages/vote/index?id=${openVotes.items[0].id}`);
    await current(page).getByText('当前参与情况').waitFor();
    await current(page).getByText('表决结束前不公布各选项的票数。').waitFor();
    const text = (await current(page).textContent()) ?? '';
    expect(text).not.toContain('面积占参与者');
    expect(text).not.toContain('各选项得票');
    await context.close();
  });

  it('stays readable in large-font, high-contrast mode with 44 px targets', async () => {
    const context = await elderlyContext(system.browser, 'demo-resident-1');
    const page = await context.newPage();
    await open(page, system.server.url, 'participate/pages/votes/index');
    await current(page).getByText(demoVote.title).waitFor();
    await expect(current(page).locator('.page.a11y-large.a11y-contrast').count()).resolves.toBe(1);
    await current(page).getByText('已结束的表决', { exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('miniapp', '57-votes-list-large') });
    for (const h of await tapTargetHeights(page)) expect(h).toBeGreaterThanOrEqual(44);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await open(page, system.server.url, `participate/pages/vote/index?id=${demoVote.id}`);
    await current(page).getByText('我家的表决票').waitFor();
    await page.screenshot({ path: screenshotPath('miniapp', '58-vote-result-large-top') });
    await fullShot(page, '59-vote-result-large-full');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(wide).toBeLessThanOrEqual(0);
    for (const h of await tapTargetHeights(page)) expect(h).toBeGreaterThanOrEqual(44);
    await context.close();
  });
});
