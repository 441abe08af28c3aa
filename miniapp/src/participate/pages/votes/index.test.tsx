import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { onRequest, taro } from '../../../../test/taro';
import { sessionResponse, userFixture } from '../../../../test/fixtures';
import { rememberVote } from '../../../services/votes';
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
  closesAt: '2099-05-15T10:00:00.000Z',
  households: [{ householdId: 'h1', address: '1号楼 1单元 101', voted: true }],
};

describe('vote list', () => {
  it('lists open votes with each household in words, and closed votes the resident opened before', async () => {
    rememberVote('v-closed');
    rememberVote('v-open');
    onRequest(({ url }) => {
      if (url.endsWith('/auth/dev-login')) return sessionResponse(me);
      if (url.endsWith('/auth/me')) return { statusCode: 200, data: me };
      if (url.endsWith('/votes/mine')) return { statusCode: 200, data: { items: [openVote] } };
      return {
        statusCode: 200,
        data: {
          id: 'v-closed',
          title: '选聘物业服务企业',
          status: 'closed',
          statusLabel: '已结束',
          closesAt: '2024-05-15T10:00:00.000Z',
        },
      };
    });
    render(<VoteListPage />);
    expect(await screen.findByText('红色物业收费标准')).toBeInTheDocument();
    expect(screen.getByText('已投票')).toBeInTheDocument();
    fireEvent.click(await screen.findByText('选聘物业服务企业'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/participate/pages/vote/index?id=v-closed' });
    expect(screen.getByText('查看表决结果 ›')).toBeInTheDocument();
  });

  it('asks to bind a household first when there is none', async () => {
    onRequest(({ url }) => {
      if (url.endsWith('/auth/dev-login')) return sessionResponse();
      if (url.endsWith('/auth/me')) return { statusCode: 200, data: userFixture() };
      return { statusCode: 200, data: { items: [] } };
    });
    render(<VoteListPage />);
    expect(await screen.findByText('去绑定房屋')).toBeInTheDocument();
  });
});
