import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { onRequest, taro } from '../../../../test/taro';
import { sessionResponse, userFixture } from '../../../../test/fixtures';
import VoteListPage from './index';

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
      area: 80,
    },
  ],
});
const openVote = {
  id: 'v-open',
  title: '红色物业收费标准',
  kind: 'choice',
  closesAt: '2099-05-15T10:00:00.000Z',
  households: [{ householdId: 'h1', address: '1号楼 1单元 101', voted: true }],
};
const closedVote = (over: Record<string, unknown> = {}) => ({
  id: 'v-closed',
  title: '选聘物业服务企业',
  kind: 'yes_no',
  status: 'closed',
  statusLabel: '已结束',
  closesAt: '2024-05-15T10:00:00.000Z',
  result: 'passed',
  resultLabel: '通过',
  winningOptionLabel: '同意',
  households: [
    { householdId: 'h1', address: '1号楼 1单元 101', voted: true, optionId: 'yes', optionLabel: '同意' },
  ],
  ...over,
});
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, size: 50 });

describe('vote list', () => {
  it('lists open votes, then closed votes from the server with their result and the household’s choice', async () => {
    const urls: string[] = [];
    onRequest(({ url }) => {
      urls.push(url);
      if (url.endsWith('/auth/dev-login')) return sessionResponse(me);
      if (url.endsWith('/auth/me')) return { statusCode: 200, data: me };
      if (url.endsWith('/votes/mine')) return { statusCode: 200, data: page([openVote]) };
      if (url.includes('/votes/mine?status=closed'))
        return {
          statusCode: 200,
          data: page([
            closedVote(),
            closedVote({
              id: 'v-void',
              title: '增设电梯',
              result: 'not_valid',
              resultLabel: '表决无效（参与不足三分之二）',
              winningOptionLabel: undefined,
              households: [{ householdId: 'h1', address: '1号楼 1单元 101', voted: false }],
            }),
          ]),
        };
      return { statusCode: 404, data: { error: { code: 'not_found', message: '找不到' } } };
    });
    render(<VoteListPage />);
    expect(await screen.findByText('红色物业收费标准')).toBeInTheDocument();
    expect(screen.getByText('已投票')).toBeInTheDocument();
    expect(await screen.findByText('选聘物业服务企业')).toBeInTheDocument();
    expect(screen.getByText('通过')).toBeInTheDocument();
    expect(screen.getByText('1号楼 1单元 101：我家选择了「同意」')).toBeInTheDocument();
    expect(screen.getByText('表决无效（参与不足三分之二）')).toBeInTheDocument();
    expect(screen.getByText('1号楼 1单元 101：未参加表决')).toBeInTheDocument();
    expect(screen.getAllByText('查看表决结果 ›')).toHaveLength(2);
    expect(urls.some((u) => u.endsWith('/votes/mine?status=closed&withinDays=180&size=50'))).toBe(true);
    fireEvent.click(screen.getByText('选聘物业服务企业'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/participate/pages/vote/index?id=v-closed' });
  });

  it('says so when nothing closed lately, and keeps the open votes when the closed list fails', async () => {
    onRequest(({ url }) => {
      if (url.endsWith('/auth/dev-login')) return sessionResponse(me);
      if (url.endsWith('/auth/me')) return { statusCode: 200, data: me };
      if (url.endsWith('/votes/mine')) return { statusCode: 200, data: page([openVote]) };
      return { statusCode: 500, data: { error: { code: 'internal_error', message: '服务器开小差了' } } };
    });
    render(<VoteListPage />);
    expect(await screen.findByText('红色物业收费标准')).toBeInTheDocument();
    expect(await screen.findByText('暂时无法读取已结束的表决，请稍后再试。')).toBeInTheDocument();
  });

  it('says when no vote closed in the last 180 days', async () => {
    onRequest(({ url }) => {
      if (url.endsWith('/auth/dev-login')) return sessionResponse(me);
      if (url.endsWith('/auth/me')) return { statusCode: 200, data: me };
      return { statusCode: 200, data: page([]) };
    });
    render(<VoteListPage />);
    expect(await screen.findByText('近 180 天内没有已结束的表决。')).toBeInTheDocument();
    expect(screen.getByText('目前没有进行中的表决。开始时会通知您。')).toBeInTheDocument();
  });

  it('asks to bind a household first when there is none', async () => {
    onRequest(({ url }) => {
      if (url.endsWith('/auth/dev-login')) return sessionResponse();
      if (url.endsWith('/auth/me')) return { statusCode: 200, data: userFixture() };
      return { statusCode: 200, data: page([]) };
    });
    render(<VoteListPage />);
    expect(await screen.findByText('去绑定房屋')).toBeInTheDocument();
  });
});
