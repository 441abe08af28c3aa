import { beforeAll, describe, expect, it } from 'vitest';
import type {
  BindingCodeView,
  BindingRequestView,
  HouseholdView,
  Page as ApiPage,
  ProjectSearchHit,
  SessionUser,
} from '@jiugai/shared';
import { useSystem } from '../support/system';
import {
  api,
  demoProject,
  current,
  fill,
  open,
  elderlyContext,
  residentContext,
  settled,
  shot,
  staffToken,
  residentToken,
  tapText,
} from './miniappDriver';

const system = useSystem();
let project: ProjectSearchHit;
let staff: string;

beforeAll(async () => {
  project = await demoProject(system.server.url);
  staff = await staffToken(system.server.url, 'shequ01');
});

describe('mini-program (H5): notice board and household binding', () => {
  it('opens the notice board from the QR scene without login', async () => {
    const context = await residentContext(system.browser, 'e2e-board-visitor');
    const page = await context.newPage();
    await open(page, system.server.url, `pages/board/index?scene=${project.sceneId}`);
    const board = current(page);
    await board.getByText(project.name, { exact: true }).waitFor();
    await expect(board.getByText('当前阶段：施工').isVisible()).resolves.toBe(true);
    await shot(page, '01-board-top');
    await board.getByText('五牌一图', { exact: true }).scrollIntoViewIfNeeded();
    await shot(page, '02-board-five-boards');
    await board.getByText('最新进展', { exact: true }).scrollIntoViewIfNeeded();
    await shot(page, '03-board-progress');
    await context.close();
  });

  it('in large-font, high-contrast mode every tap target is at least 44 px tall', async () => {
    const context = await elderlyContext(system.browser, 'e2e-elderly');
    const page = await context.newPage();
    await open(page, system.server.url, `pages/board/index?scene=${project.sceneId}`);
    await current(page).getByText(project.name, { exact: true }).waitFor();
    await expect(current(page).locator('.page.a11y-large.a11y-contrast').count()).resolves.toBe(1);
    await shot(page, '08-board-large-font-contrast');
    const heights = await current(page)
      .locator('.btn, .choice, .link')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(3);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await context.close();
  });

  it('binds a household by the form; the request waits for the community and then shows the household', async () => {
    const households = await api<ApiPage<HouseholdView>>(
      system.server.url,
      'GET',
      `/households?compoundId=${await compoundId()}&size=50`,
      undefined,
      staff,
    );
    const target = households.items.find((h) => h.boundResidents === 0)!;
    const context = await residentContext(system.browser, 'e2e-bind-form');
    const page = await context.newPage();
    await open(page, system.server.url, `pages/board/index?scene=${project.sceneId}`);
    await open(page, system.server.url, 'mine/pages/bind/index');
    const bind = current(page);
    await bind.getByText(target.buildingName, { exact: true }).click();
    await fill(page, '例如：1', target.unit);
    await fill(page, '例如：101', target.room);
    await fill(page, '产权人或家庭成员姓名', '赵桂兰');
    await fill(page, '11 位手机号', '13900001111');
    await shot(page, '04-bind-form');
    await tapText(page, '提交绑定申请');
    await bind.getByText('待审核').waitFor();
    await bind.getByText('我的绑定申请').scrollIntoViewIfNeeded();
    await shot(page, '05-bind-pending');

    const pending = await api<ApiPage<BindingRequestView>>(
      system.server.url,
      'GET',
      '/bindings?status=pending&size=50',
      undefined,
      staff,
    );
    const mine = pending.items.find((r) => r.householdId === target.id)!;
    expect(mine.name).toBeTruthy();
    await api(system.server.url, 'POST', `/bindings/${mine.id}/approve`, {}, staff);

    await open(page, system.server.url, 'pages/mine/index');
    await current(page)
      .getByText(new RegExp(`${target.buildingName} ${target.unit}单元 ${target.room}室`))
      .waitFor();
    await shot(page, '06-mine-bound');
    await context.close();
  });

  it('binds a household with the one-time code the community hands out', async () => {
    const households = await api<ApiPage<HouseholdView>>(
      system.server.url,
      'GET',
      `/households?compoundId=${await compoundId()}&size=50`,
      undefined,
      staff,
    );
    const building = households.items[households.items.length - 1].buildingId;
    const codes = await api<{ items: BindingCodeView[] }>(
      system.server.url,
      'POST',
      '/bindings/codes',
      { buildingId: building },
      staff,
    );
    const code = codes.items[codes.items.length - 1];

    const context = await residentContext(system.browser, 'e2e-bind-code');
    const page = await context.newPage();
    await open(page, system.server.url, 'pages/mine/index');
    await open(page, system.server.url, 'mine/pages/bind/index');
    await fill(page, '8 位绑定码', code.code);
    await shot(page, '07-bind-code');
    await tapText(page, '用绑定码绑定');
    await settled(page);
    const me = await api<SessionUser>(
      system.server.url,
      'GET',
      '/auth/me',
      undefined,
      await residentToken(system.server.url, 'e2e-bind-code'),
    );
    expect(me.households.map((h) => h.id)).toContain(code.householdId);
    await context.close();
  });
});

async function compoundId(): Promise<string> {
  const board = await api<{ compoundId: string }>(
    system.server.url,
    'GET',
    `/projects/${project.sceneId}/board`,
  );
  return board.compoundId;
}
