import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StaffAccount } from '@jiugai/shared';
import { fakeServer, logInAs, renderPage } from '../../../test/helpers';
import { session } from '../../session';
import StaffPage from '.';

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const worker: StaffAccount = {
  id: 's1',
  account: 'shequ01',
  name: '西河社区 社区工作者',
  phone: '138****0001',
  role: 'community_staff',
  scopeRegionName: '西河社区',
  disabled: false,
  locked: false,
  createdAt: '2024-01-01T00:00:00.000Z',
};

describe('staff accounts', () => {
  it('lists accounts with masked phones and checks a new account with the shared rules', async () => {
    logInAs('bureau_admin');
    const calls = fakeServer({
      'GET /staff': { items: [worker], total: 1, page: 1, size: 20 },
      'GET /regions/tree': [],
    });
    renderPage(<StaffPage />);
    expect(await screen.findByText('shequ01')).toBeInTheDocument();
    expect(screen.getByText('138****0001')).toBeInTheDocument();

    await userEvent.click(screen.getByText('新建账号'));
    const dialog = (await screen.findByText('新建账号', { selector: '.ant-modal-title' })).closest(
      '.ant-modal',
    ) as HTMLElement;
    await userEvent.type(within(dialog).getByLabelText('登录账号'), 'a b');
    await userEvent.type(within(dialog).getByLabelText('初始密码'), 'short');
    fireEvent.click(within(dialog).getByText(/确\s*[认定]/));
    expect(await within(dialog).findByText('账号只能包含字母、数字、下划线、点和短横线')).toBeInTheDocument();
    expect(within(dialog).getByText('密码至少 8 位')).toBeInTheDocument();
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0));
  });
});
