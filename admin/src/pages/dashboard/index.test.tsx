import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  complaintCategories,
  complaintStatuses,
  escalationLevels,
  projectStages,
  type DashboardView,
  type RegionNode,
} from '@jiugai/shared';
import { fakeServer, json, logInAs, renderPage } from '../../../test/helpers';
import { session } from '../../session';
import DashboardPage from '.';

vi.mock('../../components/charts', () => ({
  Chart: ({ ariaLabel }: { ariaLabel: string }) => <div>{ariaLabel}</div>,
}));

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const dashboard = (id: string, name: string, projects: number): DashboardView => ({
  region: { id, name },
  generatedAt: '2026-05-01T02:00:00.000Z',
  projects: { total: projects, byStage: { ...zeros(projectStages), construction: projects } },
  milestonesOverdue: [],
  collection: {
    target: { numerator: 4, denominator: 5 },
    total: {
      id: id,
      name,
      households: 100,
      responded: 85,
      rate: { numerator: 85, denominator: 100, percent: 85 },
      meetsTarget: true,
    },
    compounds: [],
    belowTargetCount: 0,
  },
  openVotes: [],
  complaints: {
    total: 0,
    open: 0,
    byStatus: zeros(complaintStatuses),
    byCategory: zeros(complaintCategories),
    overdue: 0,
    byEscalation: zeros(escalationLevels),
    avgHandlingHours: null,
    satisfaction: { rated: 0, average: null, distribution: zeros(['1', '2', '3', '4', '5'] as const) },
  },
});

const node = (id: string, level: RegionNode['level'], name: string, children: RegionNode[] = []) => ({
  id,
  level,
  name,
  parentId: null,
  path: `/${id}/`,
  children,
});
const tree: RegionNode[] = [
  node('c0', 'community', '西河社区', [
    node('k1', 'compound', '幸福小区'),
    node('k2', 'compound', '建设小区'),
  ]),
];

async function pickRegion(name: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: '查看区域' }));
  const option = (await screen.findAllByTitle(name)).find((el) =>
    el.matches('.ant-select-tree-node-content-wrapper'),
  )!;
  await userEvent.click(option);
}

describe('dashboard region picker', () => {
  it("opens on the caller's own scope and reloads for the street, community or compound picked", async () => {
    logInAs('community_staff');
    const calls = fakeServer({
      'GET /regions/tree': tree,
      'GET /dashboard': (c: { path: string }) =>
        c.path.includes('regionId=k1') ? dashboard('k1', '幸福小区', 1) : dashboard('c0', '西河社区', 3),
    });
    renderPage(<DashboardPage />);
    expect(await screen.findByText(/西河社区 数据看板/)).toBeInTheDocument();
    expect(calls.find((c) => c.path.startsWith('/dashboard'))?.path).toBe('/dashboard');
    // The picker names the caller's own community once the tree is loaded.
    await waitFor(() =>
      expect(document.querySelector('.ant-select-selection-item')?.textContent).toBe('西河社区'),
    );

    await pickRegion('幸福小区');
    expect(await screen.findByText(/幸福小区 数据看板/)).toBeInTheDocument();
    expect(calls.filter((c) => c.path.startsWith('/dashboard')).map((c) => c.path)).toEqual([
      '/dashboard',
      '/dashboard?regionId=k1',
    ]);
    expect(document.querySelector('.ant-select-selection-item')?.textContent).toBe('幸福小区');
  });

  it("shows the server's message for a region out of scope and keeps the dashboard on screen", async () => {
    logInAs('community_staff');
    fakeServer({
      'GET /regions/tree': tree,
      'GET /dashboard': (c: { path: string }) =>
        c.path.includes('regionId=k2')
          ? json(403, { error: { code: 'out_of_scope', message: '该数据不在您的管辖范围内' } })
          : dashboard('c0', '西河社区', 3),
    });
    renderPage(<DashboardPage />);
    expect(await screen.findByText(/西河社区 数据看板/)).toBeInTheDocument();
    await waitFor(() =>
      expect(document.querySelector('.ant-select-selection-item')?.textContent).toBe('西河社区'),
    );
    await pickRegion('建设小区');
    expect(await screen.findByText('该数据不在您的管辖范围内')).toBeInTheDocument();
    expect(screen.getByText(/西河社区 数据看板/)).toBeInTheDocument();
    await waitFor(() =>
      expect(document.querySelector('.ant-select-selection-item')?.textContent).toBe('西河社区'),
    );
  });

  it('opened on a region the caller may not see, says so and offers their own scope', async () => {
    logInAs('community_staff');
    fakeServer({
      'GET /regions/tree': tree,
      'GET /dashboard': (c: { path: string }) =>
        c.path.includes('regionId=')
          ? json(403, { error: { code: 'out_of_scope', message: '该数据不在您的管辖范围内' } })
          : dashboard('c0', '西河社区', 3),
    });
    renderPage(<DashboardPage />, '/dashboard', '/dashboard?regionId=0123456789abcdef01234567');
    expect(await screen.findByText('数据看板加载失败')).toBeInTheDocument();
    expect(screen.getAllByText('该数据不在您的管辖范围内').length).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: '查看本人管辖范围' }));
    expect(await screen.findByText(/西河社区 数据看板/)).toBeInTheDocument();
  });
});
