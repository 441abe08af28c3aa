import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { onRequest, setRouterParams, taro } from '../../../test/taro';
import { boardFixture } from '../../../test/fixtures';
import { lastProject } from '../../services/scene';
import BoardPage from './index';

const emptyComplaints = { statusCode: 200, data: { items: [], total: 0, page: 1, size: 3 } };

describe('notice board page', () => {
  it('opens the board of the scanned scene without login and remembers it', async () => {
    const urls: string[] = [];
    onRequest(({ url, header }) => {
      urls.push(url);
      expect(header?.Authorization).toBeUndefined();
      return url.includes('/board') ? { statusCode: 200, data: boardFixture() } : emptyComplaints;
    });
    setRouterParams({ scene: encodeURIComponent('dh2024-01') });
    render(<BoardPage />);
    expect(await screen.findByText('东河区幸福小区 2024 年老旧小区改造')).toBeInTheDocument();
    expect(urls[0]).toBe('/api/v1/projects/dh2024-01/board');
    expect(screen.getByText('当前阶段：施工')).toBeInTheDocument();
    expect(screen.getByText('牵头部门：区工信局')).toBeInTheDocument();
    expect(screen.getByText('责任单位：区住建局、电信运营商')).toBeInTheDocument();
    // Milestone states are written out, not only coloured.
    expect(screen.getByText('已完成（2024年4月8日）')).toBeInTheDocument();
    expect(screen.getByText('已逾期')).toBeInTheDocument();
    expect(screen.getByText('施工（进行中）')).toBeInTheDocument();
    expect(lastProject()).toBe('dh2024-01');
  });

  it('dials the complaint phone and zooms the site plan on a tap', async () => {
    onRequest(({ url }) =>
      url.includes('/board') ? { statusCode: 200, data: boardFixture() } : emptyComplaints,
    );
    setRouterParams({ scene: 'dh2024-01' });
    render(<BoardPage />);
    fireEvent.click(await screen.findByText(/12345（点击拨打）/));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12345' });
    fireEvent.click(screen.getByRole('img', { name: '施工现场总平面图，点击放大' }));
    expect(taro.previewImage).toHaveBeenCalledWith(
      expect.objectContaining({ current: `/api/v1/uploads/${'c'.repeat(32)}.png` }),
    );
  });

  it('shows the public complaints without names', async () => {
    onRequest(({ url }) =>
      url.includes('/board')
        ? { statusCode: 200, data: boardFixture() }
        : {
            statusCode: 200,
            data: {
              items: [
                {
                  id: 'c1',
                  category: 'civility',
                  text: '夜间施工噪音太大',
                  photos: [],
                  status: 'closed',
                  reply: '已调整施工时间',
                  createdAt: '2024-06-02T02:00:00.000Z',
                },
              ],
              total: 1,
              page: 1,
              size: 3,
            },
          },
    );
    setRouterParams({ scene: 'dh2024-01' });
    render(<BoardPage />);
    expect(await screen.findByText('夜间施工噪音太大')).toBeInTheDocument();
    expect(screen.getByText('已办结')).toBeInTheDocument();
    expect(screen.getByText('答复：已调整施工时间')).toBeInTheDocument();
  });

  it("says so when the scene's project does not exist", async () => {
    onRequest(() => ({
      statusCode: 404,
      data: { error: { code: 'not_found', message: '找不到该改造项目' } },
    }));
    setRouterParams({ scene: 'nope' });
    render(<BoardPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('找不到该改造项目');
  });

  it('without a scene offers the search by street, community or compound', () => {
    render(<BoardPage />);
    fireEvent.click(screen.getByText('查找我的小区'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/board/pages/search/index' });
  });
});
