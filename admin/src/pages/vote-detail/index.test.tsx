import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TallyView, VoteView } from '@jiugai/shared';
import { fakeServer, logInAs, renderPage } from '../../../test/helpers';
import { session } from '../../session';
import VoteDetailPage from '.';

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const vote: VoteView = {
  id: 'v1',
  projectId: 'p1',
  compoundId: 'c1',
  title: '选聘物业服务企业',
  description: '',
  article278Item: 4,
  article278Label: '（四）选聘和解聘物业服务企业或者其他管理人',
  kind: 'yes_no',
  options: [
    { id: 'yes', label: '同意' },
    { id: 'no', label: '反对' },
    { id: 'abstain', label: '弃权' },
  ],
  buildingIds: [],
  opensAt: '2024-05-01T00:00:00.000Z',
  closesAt: '2099-05-15T00:00:00.000Z',
  status: 'open',
  statusLabel: '表决中',
  allowChange: false,
  rule: '参与 ≥ 2/3，同意 > 1/2',
  totals: { households: 3, areaCenti: 30000, owners: 3 },
};
const ratio = (n: number, d: number) => ({
  numerator: n,
  denominator: d,
  percent: Math.round((n * 10000) / d) / 100,
});
const threshold = { numerator: 2, denominator: 3, strict: false };
const openTally: TallyView = {
  voteId: 'v1',
  status: 'open',
  article278Item: 4,
  totals: vote.totals,
  participation: { households: 2, area: ratio(20000, 30000), headcount: ratio(2, 3), met: true, threshold },
  byChannel: { paper: 2 },
};
const closedTally: TallyView = {
  ...openTally,
  status: 'closed',
  approval: {
    threshold: { numerator: 1, denominator: 2, strict: true },
    options: [
      {
        optionId: 'yes',
        label: '同意',
        households: 2,
        area: ratio(20000, 20000),
        headcount: ratio(2, 2),
        passed: true,
      },
      {
        optionId: 'no',
        label: '反对',
        households: 0,
        area: ratio(0, 20000),
        headcount: ratio(0, 2),
        passed: false,
      },
    ],
    abstentions: { households: 0, area: ratio(0, 20000), headcount: ratio(0, 2) },
  },
  result: 'passed',
  resultLabel: '通过',
  winningOptionId: 'yes',
  fingerprint: 'a'.repeat(64),
  finalizedAt: '2024-05-15T00:00:00.000Z',
};

describe('vote detail', () => {
  it('shows live participation by area and headcount against 2/3, and the tally after closing', async () => {
    logInAs('street_staff');
    const calls = fakeServer({
      'GET /votes/v1': vote,
      'GET /votes/v1/tally': openTally,
      'GET /votes/v1/households': { items: [], total: 0, page: 1, size: 20 },
      'GET /regions/c1': {
        id: 'c1',
        level: 'compound',
        name: '幸福小区',
        parentId: null,
        path: '/c1/',
        children: [],
      },
      'POST /votes/v1/close': {
        vote: { ...vote, status: 'closed', statusLabel: '已结束' },
        tally: closedTally,
      },
    });
    renderPage(<VoteDetailPage />, '/votes/:id', '/votes/v1');
    expect(await screen.findByText('参与已达三分之二')).toBeInTheDocument();
    expect(screen.getByText('200 / 300 ㎡ · 须达 2/3（66.67%）')).toBeInTheDocument();
    expect(screen.getByText('2 / 3 人 · 须达 2/3（66.67%）')).toBeInTheDocument();
    expect(screen.queryByText('计票结果')).not.toBeInTheDocument();

    await userEvent.click(screen.getByText('结束表决并计票'));
    await userEvent.click(await screen.findByText('确定', { selector: '.ant-popconfirm button span' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path === '/votes/v1/close')).toBe(true),
    );
    expect(await screen.findByText('表决结果：通过')).toBeInTheDocument();
    expect(screen.getByText('a'.repeat(64))).toBeInTheDocument();
    expect(screen.getByText('导出 Excel')).toBeInTheDocument();
  });

  it('hides the close button from a community worker, who may still enter paper ballots', async () => {
    logInAs('community_staff');
    fakeServer({
      'GET /votes/v1': vote,
      'GET /votes/v1/tally': openTally,
      'GET /votes/v1/households': { items: [], total: 0, page: 1, size: 20 },
      'GET /regions/c1': {
        id: 'c1',
        level: 'compound',
        name: '幸福小区',
        parentId: null,
        path: '/c1/',
        children: [],
      },
    });
    renderPage(<VoteDetailPage />, '/votes/:id', '/votes/v1');
    expect(await screen.findByText('纸质选票录入')).toBeInTheDocument();
    expect(screen.queryByText('结束表决并计票')).not.toBeInTheDocument();
  });
});
