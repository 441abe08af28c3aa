import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComplaintView } from '@jiugai/shared';
import { fakeServer, logInAs, renderPage } from '../../../test/helpers';
import ComplaintsPage from '.';
import { session } from '../../session';

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const complaint = (over: Partial<ComplaintView> = {}): ComplaintView => ({
  id: 'c1',
  projectId: 'p1',
  projectName: '幸福小区 2024 年改造',
  category: 'civility',
  text: '夜间十点后仍在施工，噪音很大',
  photos: [],
  buildingName: '3号楼',
  visibility: 'public',
  status: 'processing',
  dueAt: '2024-05-01T02:00:00.000Z',
  overdue: true,
  escalationLevel: 'street',
  author: { name: '王*', phone: '139****1234', role: 'resident' },
  reopenCount: 0,
  history: [
    {
      action: 'submit',
      status: 'submitted',
      actorRole: 'resident',
      actorName: '王*',
      note: '',
      at: '2024-04-28T02:00:00.000Z',
    },
  ],
  createdAt: '2024-04-28T02:00:00.000Z',
  ...over,
});

describe('complaints queue', () => {
  it('highlights overdue complaints and closes one with a reply', async () => {
    logInAs('community_staff');
    let current = complaint();
    const calls = fakeServer({
      'GET /projects': { items: [], total: 0, page: 1, size: 200 },
      'GET /complaints': () => ({ items: [current], total: 1, page: 1, size: 20 }),
      'GET /complaints/c1': () => current,
      'POST /complaints/c1/transitions': () => {
        current = complaint({
          status: 'closed',
          overdue: false,
          reply: { text: '已要求施工单位晚十点后停工', at: '2024-04-29T02:00:00.000Z' },
        });
        return current;
      },
    });
    renderPage(<ComplaintsPage />);
    expect(await screen.findByText('夜间十点后仍在施工，噪音很大')).toBeInTheDocument();
    expect(screen.getAllByText('已超时').length).toBeGreaterThan(0);

    await userEvent.click(screen.getByText('办理'));
    await screen.findByText('投诉详情');
    const drawer = document.querySelector<HTMLElement>('.ant-drawer')!;
    expect(await within(drawer).findByText(/已超过办理时限，已督办至街道办/)).toBeInTheDocument();
    const closeButton = within(drawer).getByText('答复并办结').closest('button')!;
    expect(closeButton).toBeDisabled();
    await userEvent.type(within(drawer).getByLabelText('答复内容'), '已要求施工单位晚十点后停工');
    await userEvent.click(closeButton);
    await waitFor(() => expect(within(drawer).getAllByText('已办结').length).toBeGreaterThan(0));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      status: 'closed',
      reply: '已要求施工单位晚十点后停工',
    });
  });

  it('passes the filters to the server', async () => {
    logInAs('street_staff');
    const calls = fakeServer({
      'GET /projects': { items: [], total: 0, page: 1, size: 200 },
      'GET /complaints': { items: [], total: 0, page: 1, size: 20 },
    });
    renderPage(<ComplaintsPage />);
    await waitFor(() => expect(calls.some((c) => c.path.startsWith('/complaints?'))).toBe(true));
    expect(calls.find((c) => c.path.startsWith('/complaints?'))?.path).toContain('page=1');
  });
});
