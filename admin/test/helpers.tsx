import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import type { Role, SessionUser } from '@jiugai/shared';
import { AppProviders, AppRoutes } from '../src/app';
import { session } from '../src/session';

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Replaces fetch with a fake server: `routes` maps "METHOD /path" (path without /api/v1 and query) to a body or
 * a function of the call. Unknown routes answer 404. Returns the list of calls made.
 */
export function fakeServer(routes: Record<string, unknown | ((call: Call) => unknown)>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      const method = init?.method ?? 'GET';
      const path = url.pathname.replace(/^\/api\/v1/, '');
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
      const call = { method, path: path + url.search, body };
      calls.push(call);
      const handler = routes[`${method} ${path}`];
      if (handler === undefined) return json(404, { error: { code: 'not_found', message: '找不到该记录' } });
      const result = typeof handler === 'function' ? await (handler as (c: Call) => unknown)(call) : handler;
      return result instanceof Response ? result : json(200, result);
    }),
  );
  return calls;
}

export function staffUser(role: Role, extra: Partial<SessionUser> = {}): SessionUser {
  return {
    id: `u-${role}`,
    role,
    name: '测试员',
    account: role,
    phone: '138****0000',
    households: [],
    ...extra,
  };
}

export function logInAs(role: Role) {
  session.setTokens('test-access', 'test-refresh');
  session.setUser(staffUser(role));
}

/** The whole console at `path` (inside the /admin basename). */
export function renderApp(path: string) {
  return render(
    <AppProviders>
      <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
}

/** One page component with route params, e.g. renderPage(<SurveyDetail/>, '/surveys/:id', '/surveys/abc'). */
export function renderPage(page: ReactElement, pattern = '/', path = '/') {
  return render(
    <AppProviders>
      <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <Routes>
          <Route path={pattern} element={page} />
        </Routes>
      </MemoryRouter>
    </AppProviders>,
  );
}
