import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ComplaintView } from '@jiugai/shared';
import { onRequest, setRouterParams } from '../../../../test/taro';
import { sessionResponse } from '../../../../test/fixtures';
import ComplaintPage from './index';

const closed: ComplaintView = {
  id: 'c1',
  projectId: 'p',
  projectName: '幸福小区改造',
  category: 'civility',
  text: '夜间施工噪音太大',
  photos: [],
  buildingName: '2号楼',
  visibility: 'public',
  status: 'closed',
  overdue: false,
  escalationLevel: 'community',
  author: { name: '王*', phone: '139****1111', role: 'resident' },
  reply: { text: '已要求施工单位 22 点后停工', at: '2024-06-03T02:00:00.000Z' },
  reopenCount: 0,
  createdAt: '2024-06-01T14:00:00.000Z',
  closedAt: '2024-06-03T02:00:00.000Z',
  history: [
    {
      action: 'submit',
      status: 'submitted',
      actorRole: 'resident',
      actorName: '王*',
      note: '',
      at: '2024-06-01T14:00:00.000Z',
    },
    {
      action: 'transition',
      status: 'accepted',
      actorRole: 'community_staff',
      actorName: '西河社区 社区工作者',
      note: '已转施工单位',
      at: '2024-06-02T01:00:00.000Z',
    },
    {
      action: 'transition',
      status: 'closed',
      actorRole: 'community_staff',
      actorName: '西河社区 社区工作者',
      note: '已要求施工单位 22 点后停工',
      at: '2024-06-03T02:00:00.000Z',
    },
  ],
};

describe('complaint detail', () => {
  it('shows the status timeline and the reply, then takes a rating', async () => {
    const posts: { url: string; data: unknown }[] = [];
    onRequest(({ url, method, data }) => {
      if (url.endsWith('/auth/dev-login')) return sessionResponse();
      if (method === 'POST') {
        posts.push({ url, data });
        return {
          statusCode: 200,
          data: { ...closed, rating: { score: 4, comment: '', at: '2024-06-04T02:00:00.000Z' } },
        };
      }
      return { statusCode: 200, data: closed };
    });
    setRouterParams({ id: 'c1' });
    render(<ComplaintPage />);
    expect(await screen.findByText('提交投诉 · 已提交')).toBeInTheDocument();
    expect(screen.getByText('状态更新 · 已受理')).toBeInTheDocument();
    expect(screen.getByText('2024-06-01 22:00 王*')).toBeInTheDocument();
    expect(screen.getAllByText('已要求施工单位 22 点后停工').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByText('4 分 · 满意'));
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText(/4 分（满意）/)).toBeInTheDocument();
    expect(posts).toEqual([{ url: '/api/v1/complaints/c1/rating', data: { score: 4 } }]);
  });

  it('reopens with a reason when the problem is not solved', async () => {
    const posts: { url: string; data: unknown }[] = [];
    onRequest(({ url, method, data }) => {
      if (url.endsWith('/auth/dev-login')) return sessionResponse();
      if (method === 'POST') {
        posts.push({ url, data });
        return { statusCode: 200, data: { ...closed, status: 'processing', reopenCount: 1 } };
      }
      return { statusCode: 200, data: closed };
    });
    setRouterParams({ id: 'c1' });
    render(<ComplaintPage />);
    fireEvent.change(await screen.findByPlaceholderText('请说明还存在什么问题'), {
      target: { value: '昨晚十一点还在施工' },
    });
    fireEvent.click(screen.getByText('重新打开投诉'));
    expect(await screen.findByText('处理中')).toBeInTheDocument();
    expect(posts).toEqual([{ url: '/api/v1/complaints/c1/reopen', data: { reason: '昨晚十一点还在施工' } }]);
    expect(screen.queryByText('提交评价')).not.toBeInTheDocument();
  });
});
