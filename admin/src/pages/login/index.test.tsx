import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, json, renderApp, staffUser } from '../../../test/helpers';
import { session } from '../../session';

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

describe('login page', () => {
  it('asks for account and password before sending anything', async () => {
    const calls = fakeServer({});
    renderApp('/login');
    await userEvent.click(await screen.findByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入账号')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it("shows the server's message for a wrong password", async () => {
    fakeServer({
      'POST /auth/login': json(401, { error: { code: 'bad_credentials', message: '账号或密码错误' } }),
    });
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText('账号'), 'jd_admin');
    await userEvent.type(screen.getByLabelText('密码'), 'wrong-pass1');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('账号或密码错误')).toBeInTheDocument();
    expect(session.accessToken).toBeNull();
  });

  it('logs in and returns to the page asked for, with the menu of the role', async () => {
    fakeServer({
      'POST /auth/login': {
        accessToken: 'a1',
        refreshToken: 'r1',
        expiresIn: 900,
        user: staffUser('community_staff'),
      },
      'GET /staff': { items: [], total: 0, page: 1, size: 20 },
    });
    renderApp('/login?redirect=%2Fstaff');
    await userEvent.type(await screen.findByLabelText('账号'), 'sq_worker');
    await userEvent.type(screen.getByLabelText('密码'), 'Passw0rd!');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    // A community worker may not manage staff: the page is refused and the menu has no such entry.
    expect(await screen.findByText('没有权限')).toBeInTheDocument();
    expect(session.accessToken).toBe('a1');
    await waitFor(() => expect(screen.queryByRole('link', { name: /账号管理/ })).not.toBeInTheDocument());
  });

  it('sends a visitor without a session to login, remembering where they were going', async () => {
    fakeServer({});
    renderApp('/staff');
    expect(await screen.findByLabelText('账号')).toBeInTheDocument();
  });
});
