import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { TallyView, VoteView } from '@jiugai/shared';
import { onRequest, setRouterParams } from '../../../../test/taro';
import { sessionResponse, userFixture } from '../../../../test/fixtures';
import VotePage from './index';

const voteId = '64b0000000000000000000v1';
const vote = (over: Partial<VoteView> = {}): VoteView => ({
  id: voteId,
  projectId: 'p',
  compoundId: 'c1',
  title: '选聘红色物业服务企业',
  description: '改造完成后由红色物业负责小区管理。',
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
  closesAt: '2099-05-15T10:00:00.000Z',
  status: 'open',
  statusLabel: '表决中',
  allowChange: false,
  rule: '',
  totals: { households: 3, areaCenti: 30000, owners: 3 },
  ...over,
});
const r = (n: number, d: number) => ({
  numerator: n,
  denominator: d,
  percent: Math.round((n * 10000) / d) / 100,
});
const openTally: TallyView = {
  voteId,
  status: 'open',
  article278Item: 4,
  totals: { households: 3, areaCenti: 30000, owners: 3 },
  participation: {
    households: 1,
    area: r(10000, 30000),
    headcount: r(1, 3),
    met: false,
    threshold: { numerator: 2, denominator: 3, strict: false },
  },
  byChannel: {},
};
const closedTally: TallyView = {
  ...openTally,
  status: 'closed',
  participation: {
    ...openTally.participation,
    households: 3,
    area: r(30000, 30000),
    headcount: r(3, 3),
    met: true,
  },
  approval: {
    threshold: { numerator: 1, denominator: 2, strict: true },
    options: [
      {
        optionId: 'yes',
        label: '同意',
        households: 2,
        area: r(20000, 30000),
        headcount: r(2, 3),
        passed: true,
      },
      {
        optionId: 'no',
        label: '反对',
        households: 1,
        area: r(10000, 30000),
        headcount: r(1, 3),
        passed: false,
      },
    ],
    abstentions: { households: 0, area: r(0, 30000), headcount: r(0, 3) },
  },
  result: 'passed',
  resultLabel: '通过',
};
const me = userFixture({
  households: [
    {
      id: 'h1',
      compoundId: 'c1',
      compoundName: '幸福小区',
      buildingId: 'b1',
      buildingName: '1号楼',
      unit: '1',
      room: '101',
      area: 100,
    },
  ],
});

function serve(v: VoteView, tally: TallyView, puts: unknown[] = []) {
  onRequest(({ url, method, data }) => {
    if (url.endsWith('/auth/dev-login')) return sessionResponse(me);
    if (url.endsWith('/auth/me')) return { statusCode: 200, data: me };
    if (url.endsWith(`/votes/${voteId}`)) return { statusCode: 200, data: v };
    if (url.endsWith('/tally')) return { statusCode: 200, data: tally };
    if (url.includes('/ballots/h1') && method === 'PUT') {
      puts.push(data);
      return {
        statusCode: 201,
        data: {
          receiptNo: 'BJ-0001',
          voteId,
          voteTitle: v.title,
          householdId: 'h1',
          address: '',
          optionId: 'yes',
          optionLabel: '同意',
          channel: 'miniapp',
          channelLabel: '小程序',
          castAt: '2024-05-02T02:00:00.000Z',
          changes: 0,
        },
      };
    }
    return { statusCode: 404, data: { error: { code: 'not_found', message: '该户尚未投票' } } };
  });
}

describe('vote page', () => {
  it('explains what passing needs, shows participation and votes through a confirm screen', async () => {
    const puts: unknown[] = [];
    serve(vote(), openTally, puts);
    setRouterParams({ id: voteId });
    render(<VotePage />);
    expect(await screen.findByText('选聘红色物业服务企业')).toBeInTheDocument();
    expect(screen.getByText(/同意的专有面积和人数都要过半数（超过二分之一），才算通过/)).toBeInTheDocument();
    expect(screen.getByText(/都要达到三分之二以上（含三分之二），表决才有效/)).toBeInTheDocument();
    expect(screen.getByText('表决结束前不公布各选项的票数。')).toBeInTheDocument();
    expect(screen.queryByText(/面积占参与者/)).not.toBeInTheDocument();
    expect(screen.getByText('参与面积：33.33%（100.00 / 300.00 平方米）')).toBeInTheDocument();
    expect(screen.getByText('参与人数：33.33%（1 / 3 人）')).toBeInTheDocument();

    fireEvent.click(await screen.findByText('下一步：确认'));
    expect(screen.getByRole('alert')).toHaveTextContent('请先选择一项');
    fireEvent.click(screen.getByText('同意'));
    fireEvent.click(screen.getByText('下一步：确认'));
    expect(screen.getByText('请确认您的选择')).toBeInTheDocument();
    expect(screen.getByText('本次表决提交后不能修改，请确认无误。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('确认投票'));
    expect(await screen.findByText('✓ 投票成功')).toBeInTheDocument();
    expect(puts).toEqual([{ optionId: 'yes' }]);
  });

  it('after close shows the result with both ratios against the thresholds, and the household’s ballot', async () => {
    serve(vote({ status: 'closed', statusLabel: '已结束' }), closedTally);
    setRouterParams({ id: voteId });
    render(<VotePage />);
    expect(await screen.findByText('表决结果')).toBeInTheDocument();
    expect(screen.getByText('通过')).toBeInTheDocument();
    expect(
      screen.getByText('参加表决的面积和人数都达到三分之二以上；同意的面积和人数都过半数，表决通过。'),
    ).toBeInTheDocument();
    expect(screen.getByText('参与面积：100%（300.00 / 300.00 平方米）')).toBeInTheDocument();
    expect(screen.getByText('同意：2 户 （达到通过条件）')).toBeInTheDocument();
    expect(screen.getAllByText('面积占参与者：66.67%（200.00 / 300.00 平方米）')).toHaveLength(1);
    expect(screen.getAllByText('人数占参与者：66.67%（2 / 3 人）')).toHaveLength(1);
    expect(screen.getAllByText(/✓ 过半数/)).toHaveLength(2);
    expect(screen.getAllByText(/✓ 达到三分之二以上/)).toHaveLength(2);
    expect(screen.getByText('弃权：0 户')).toBeInTheDocument();
    expect(await screen.findByText('我家的表决票')).toBeInTheDocument();
    expect(screen.getByText('未参加本次表决')).toBeInTheDocument();
    expect(screen.queryByText('下一步：确认')).not.toBeInTheDocument();
  });

  it('after close shows a paper ballot entered by staff, and an invalid vote in words', async () => {
    const invalid: TallyView = {
      ...closedTally,
      participation: { ...closedTally.participation, households: 2, area: r(19999, 30000), met: false },
      result: 'not_valid',
      resultLabel: '表决无效（参与不足三分之二）',
    };
    onRequest(({ url }) => {
      if (url.endsWith('/auth/dev-login')) return sessionResponse(me);
      if (url.endsWith('/auth/me')) return { statusCode: 200, data: me };
      if (url.endsWith(`/votes/${voteId}`))
        return { statusCode: 200, data: vote({ status: 'closed', statusLabel: '已结束' }) };
      if (url.endsWith('/tally')) return { statusCode: 200, data: invalid };
      if (url.includes('/ballots/h1'))
        return {
          statusCode: 200,
          data: {
            receiptNo: 'BJ00000001-1',
            voteId,
            voteTitle: '',
            householdId: 'h1',
            address: '',
            optionId: 'no',
            optionLabel: '反对',
            channel: 'paper',
            channelLabel: '纸质',
            castAt: '2024-05-02T02:00:00.000Z',
            changes: 0,
          },
        };
      return { statusCode: 404, data: { error: { code: 'not_found', message: '找不到' } } };
    });
    setRouterParams({ id: voteId });
    render(<VotePage />);
    expect(await screen.findByText('表决无效（参与不足三分之二）')).toBeInTheDocument();
    expect(screen.getByText(/未达到三分之二以上，本次表决无效/)).toBeInTheDocument();
    // 199.99 of 300 m² is 66.66%: just short of two thirds, checked exactly.
    expect(screen.getByText('参与面积：66.66%（199.99 / 300.00 平方米）')).toBeInTheDocument();
    expect(screen.getByText(/✗ 未达到三分之二以上/)).toBeInTheDocument();
    expect(screen.getByText('同意：2 户 （参与不足，不能通过）')).toBeInTheDocument();
    expect(await screen.findByText('反对')).toBeInTheDocument();
    expect(screen.getByText('纸质')).toBeInTheDocument();
    expect(screen.getByText('2024-05-02 10:00')).toBeInTheDocument();
  });

  it('lets a household change its choice until close when the vote allows it', async () => {
    onRequest(({ url, method }) => {
      if (url.endsWith('/auth/dev-login')) return sessionResponse(me);
      if (url.endsWith('/auth/me')) return { statusCode: 200, data: me };
      if (url.endsWith(`/votes/${voteId}`)) return { statusCode: 200, data: vote({ allowChange: true }) };
      if (url.endsWith('/tally')) return { statusCode: 200, data: openTally };
      if (url.includes('/ballots/h1') && method === 'GET')
        return {
          statusCode: 200,
          data: {
            receiptNo: 'BJ-0001',
            voteId,
            voteTitle: '',
            householdId: 'h1',
            address: '',
            optionId: 'no',
            optionLabel: '反对',
            channel: 'miniapp',
            channelLabel: '小程序',
            castAt: '2024-05-02T02:00:00.000Z',
            changes: 0,
          },
        };
      return { statusCode: 200, data: {} };
    });
    setRouterParams({ id: voteId });
    render(<VotePage />);
    expect(await screen.findByText('您已投票')).toBeInTheDocument();
    expect(await screen.findByText('修改我的选择')).toBeInTheDocument();
    expect(screen.getByText('反对（已选）')).toBeInTheDocument();
    fireEvent.click(screen.getByText('同意'));
    fireEvent.click(screen.getByText('下一步：确认'));
    expect(screen.getByText('截止前还可以修改，以最后一次为准。')).toBeInTheDocument();
  });
});
