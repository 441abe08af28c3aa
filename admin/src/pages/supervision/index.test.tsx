import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InspectionSummary, ResidentPerson, SupervisionMemberView } from '@jiugai/shared';
import { fakeServer, json, logInAs, renderPage, type Call } from '../../../test/helpers';
import { session } from '../../session';
import SupervisionPage from '.';

// Ids as the server makes them: the form checks them with the shared schema before sending.
const P1 = '6650000000000000000000a1';
const K1 = '6650000000000000000000b1';
const RES = '6650000000000000000000c1';
const RES2 = '6650000000000000000000c2';
const SUP = '6650000000000000000000d1';
const SUP2 = '6650000000000000000000d2';

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const summary: InspectionSummary = {
  projectId: P1,
  projectName: '2026年幸福小区老旧小区改造项目',
  memberCount: 1,
  count: 0,
  averages: { quality: null, safety: null, civility: null },
  lastInspection: null,
};

const member = (over: Partial<SupervisionMemberView> = {}): SupervisionMemberView => ({
  id: 'm1',
  projectId: P1,
  userId: SUP,
  category: 'npc_deputy',
  categoryLabel: '人大代表',
  name: '张*华',
  phone: '139****5678',
  createdAt: '2026-04-01T02:00:00.000Z',
  ...over,
});

const resident: ResidentPerson = {
  id: RES,
  role: 'resident',
  name: '王**',
  phone: '138****4321',
  households: [{ compoundName: '幸福小区', buildingName: '3号楼', unit: '2', room: '301' }],
};
const otherResident: ResidentPerson = {
  id: RES2,
  role: 'resident',
  name: '刘**',
  phone: '137****1111',
  households: [{ compoundName: '幸福小区', buildingName: '1号楼', unit: '1', room: '101' }],
};
const supervisor: ResidentPerson = {
  id: SUP,
  role: 'supervisor',
  name: '张**',
  phone: '',
  supervisorCategory: 'npc_deputy',
  scopeRegionName: '西河社区',
  households: [],
};

function server(extra: Record<string, unknown> = {}) {
  let members = [member()];
  const calls = fakeServer({
    'GET /supervision/summary': () => ({ items: [{ ...summary, memberCount: members.length }] }),
    'GET /supervision/members': () => ({ items: members }),
    'GET /supervision/inspections': { items: [], total: 0, page: 1, size: 10 },
    [`GET /projects/${P1}`]: { id: P1, compoundId: K1, name: summary.projectName },
    'GET /supervisors/candidates': { items: [resident, otherResident] },
    'GET /supervisors': { items: [supervisor], total: 1, page: 1, size: 200 },
    'POST /supervisors': (c: Call) => ({ ...resident, role: 'supervisor', ...(c.body as object) }),
    'POST /supervision/members': (c: Call) => {
      const body = c.body as { userId: string; category: 'active_resident' };
      const added = member({
        id: 'm2',
        userId: body.userId,
        category: body.category,
        categoryLabel: '热心居民',
        name: '王建国',
        phone: '138****4321',
      });
      members = [...members, added];
      return json(201, added);
    },
    'DELETE /supervision/members/m1': () => {
      members = members.filter((m) => m.id !== 'm1');
      return new Response(null, { status: 204 });
    },
    ...extra,
  });
  return calls;
}

const membersCard = async () =>
  (await screen.findByText(/义务监督小组成员（/)).closest('.ant-card') as HTMLElement;

async function choose(dialog: HTMLElement, label: string, search: string, option: RegExp) {
  const input = within(dialog).getByLabelText(label);
  fireEvent.mouseDown(input);
  if (search) await userEvent.type(input, search);
  const item = await screen.findByText(option, { selector: '.ant-select-item-option-content' });
  await userEvent.click(item);
}

describe('supervision group members', () => {
  it('lists members with their category and masked phone', async () => {
    logInAs('community_staff');
    server();
    renderPage(<SupervisionPage />);
    const card = await membersCard();
    expect(await within(card).findByText('张*华')).toBeInTheDocument();
    expect(within(card).getByText('人大代表')).toBeInTheDocument();
    expect(within(card).getByText('139****5678')).toBeInTheDocument();
    expect(
      within(card).getByText(/2026年幸福小区老旧小区改造项目 · 义务监督小组成员（1 人）/),
    ).toBeInTheDocument();
  });

  it('appoints a resident found by phone tail: made a supervisor of the compound, then added to the group', async () => {
    logInAs('community_staff');
    const calls = server();
    renderPage(<SupervisionPage />);
    const card = await membersCard();
    await within(card).findByText('张*华');
    await userEvent.click(within(card).getByRole('button', { name: /任命成员/ }));
    const dialog = (
      await screen.findByText('任命义务监督小组成员', { selector: '.ant-modal-title' })
    ).closest('.ant-modal') as HTMLElement;

    await choose(dialog, '人选', '4321', /王\*\*｜138\*\*\*\*4321｜3号楼 2单元 301/);
    expect(
      await within(dialog).findByText(/该居民尚未任命为义务监督员：确定后将同时任命其为本小区的义务监督员/),
    ).toBeInTheDocument();
    await choose(dialog, '身份类别', '', /^热心居民$/);
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*[认定]/ }));

    expect(await screen.findByText('已将 王** 加入义务监督小组（热心居民）')).toBeInTheDocument();
    expect(await within(card).findByText('王建国')).toBeInTheDocument();
    expect(within(card).getByText(/义务监督小组成员（2 人）/)).toBeInTheDocument();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toEqual([
      {
        method: 'POST',
        path: '/supervisors',
        body: { userId: RES, scopeRegionId: K1, category: 'active_resident' },
      },
      {
        method: 'POST',
        path: '/supervision/members',
        body: { projectId: P1, userId: RES, category: 'active_resident' },
      },
    ]);
    expect(calls.some((c) => c.path === `/supervisors/candidates?compoundId=${K1}`)).toBe(true);
  });

  it('marks people already in the group and checks the form before sending anything', async () => {
    logInAs('street_staff');
    const calls = server();
    renderPage(<SupervisionPage />);
    const card = await membersCard();
    await within(card).findByText('张*华');
    await userEvent.click(within(card).getByRole('button', { name: /任命成员/ }));
    const dialog = (
      await screen.findByText('任命义务监督小组成员', { selector: '.ant-modal-title' })
    ).closest('.ant-modal') as HTMLElement;
    fireEvent.mouseDown(within(dialog).getByLabelText('人选'));
    const taken = await screen.findByText(/张\*\*｜人大代表｜监督区域：西河社区（已是成员）/);
    expect(taken.closest('.ant-select-item-option')).toHaveClass('ant-select-item-option-disabled');
    expect(screen.getByText('已任命的义务监督员')).toBeInTheDocument();
    expect(screen.getByText('本小区已绑定住户')).toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*[认定]/ }));
    expect(await within(dialog).findByText('请选择人选')).toBeInTheDocument();
    expect(within(dialog).getByText('请选择监督员类别')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it("adds an appointed supervisor with their category, and shows the server's Chinese message on failure", async () => {
    logInAs('community_staff');
    const veteran: ResidentPerson = {
      ...supervisor,
      id: SUP2,
      name: '李**',
      supervisorCategory: 'veteran_party_member',
    };
    const calls = server({
      'GET /supervisors/candidates': { items: [] },
      'GET /supervisors': { items: [supervisor, veteran], total: 2, page: 1, size: 200 },
      'POST /supervision/members': json(409, {
        error: { code: 'duplicate', message: '该监督员已是本项目义务监督小组成员' },
      }),
    });
    renderPage(<SupervisionPage />);
    const card = await membersCard();
    await within(card).findByText('张*华');
    await userEvent.click(within(card).getByRole('button', { name: /任命成员/ }));
    const dialog = (
      await screen.findByText('任命义务监督小组成员', { selector: '.ant-modal-title' })
    ).closest('.ant-modal') as HTMLElement;
    await choose(dialog, '人选', '李', /^李\*\*｜老党员｜监督区域：西河社区$/);
    // The category the supervisor was appointed with is filled in.
    await waitFor(() =>
      expect(dialog.querySelector('[title="老党员"].ant-select-selection-item')).not.toBeNull(),
    );
    expect(within(dialog).queryByText(/该居民尚未任命为义务监督员/)).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*[认定]/ }));

    expect(await screen.findByText('该监督员已是本项目义务监督小组成员')).toBeInTheDocument();
    expect(within(dialog).getByText('任命义务监督小组成员')).toBeVisible();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/supervision/members',
        body: { projectId: P1, userId: SUP2, category: 'veteran_party_member' },
      },
    ]);
  });

  it('still offers the residents when the list of appointed supervisors fails, saying why', async () => {
    logInAs('community_staff');
    server({
      'GET /supervisors': json(500, {
        error: { code: 'internal_error', message: '服务器开小差了，请稍后再试' },
      }),
    });
    renderPage(<SupervisionPage />);
    const card = await membersCard();
    await within(card).findByText('张*华');
    await userEvent.click(within(card).getByRole('button', { name: /任命成员/ }));
    const dialog = (
      await screen.findByText('任命义务监督小组成员', { selector: '.ant-modal-title' })
    ).closest('.ant-modal') as HTMLElement;
    expect(
      await within(dialog).findByText(/已任命的义务监督员未能列出：服务器开小差了，请稍后再试/),
    ).toBeInTheDocument();
    fireEvent.mouseDown(within(dialog).getByLabelText('人选'));
    expect(await screen.findByText(/王\*\*｜138\*\*\*\*4321/)).toBeInTheDocument();
    expect(screen.queryByText('已任命的义务监督员')).toBeNull();
  });

  it('removes a member after a confirmation', async () => {
    logInAs('community_staff');
    const calls = server();
    renderPage(<SupervisionPage />);
    const card = await membersCard();
    await within(card).findByText('张*华');
    await userEvent.click(within(card).getByRole('button', { name: '移出' }));
    expect(await screen.findByText('确定将 张*华 移出义务监督小组？')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    const pop = document.querySelector('.ant-popconfirm') as HTMLElement;
    await userEvent.click(within(pop).getByRole('button', { name: /移\s*出/ }));
    expect(await screen.findByText('已将 张*华 移出义务监督小组')).toBeInTheDocument();
    await waitFor(() => expect(within(card).queryByText('张*华')).toBeNull());
    expect(within(card).getByText(/义务监督小组成员（0 人）/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      '/supervision/members/m1',
    ]);
  });

  it("shows the server's message when removing fails", async () => {
    logInAs('community_staff');
    server({
      'DELETE /supervision/members/m1': json(404, {
        error: { code: 'not_found', message: '找不到该监督员' },
      }),
    });
    renderPage(<SupervisionPage />);
    const card = await membersCard();
    await within(card).findByText('张*华');
    await userEvent.click(within(card).getByRole('button', { name: '移出' }));
    const pop = (await screen.findByText('确定将 张*华 移出义务监督小组？')).closest(
      '.ant-popover',
    ) as HTMLElement;
    await userEvent.click(within(pop).getByRole('button', { name: /移\s*出/ }));
    expect(await screen.findByText('找不到该监督员')).toBeInTheDocument();
  });

  it('offers no appointing or removing to a role the server would refuse', async () => {
    logInAs('expert');
    server();
    renderPage(<SupervisionPage />);
    const card = await membersCard();
    expect(await within(card).findByText('张*华')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /任命成员/ })).toBeNull();
    expect(within(card).queryByRole('button', { name: '移出' })).toBeNull();
  });
});
