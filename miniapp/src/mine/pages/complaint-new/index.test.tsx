import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { onRequest, setRouterParams, taro } from '../../../../test/taro';
import { boardFixture, sessionResponse } from '../../../../test/fixtures';
import ComplaintNewPage from './index';

const board = boardFixture();

function serve(posts: unknown[]) {
  onRequest(({ url, method, data }) => {
    if (url.endsWith('/auth/wechat')) return sessionResponse();
    if (url.includes('/board')) return { statusCode: 200, data: board };
    if (url.includes('/bindings/buildings'))
      return { statusCode: 200, data: { items: [{ id: '64b0000000000000000000b1', name: '1号楼' }] } };
    if (url.endsWith('/complaints') && method === 'POST') {
      posts.push(data);
      return { statusCode: 201, data: { id: 'c9' } };
    }
    return { statusCode: 404, data: { error: { code: 'not_found', message: '找不到' } } };
  });
}

describe('complaint form', () => {
  it('checks the form, compresses photos before upload, asks to subscribe on the tap and files the complaint', async () => {
    vi.stubEnv('TARO_ENV', 'weapp');
    vi.stubEnv('TARO_APP_SUBSCRIBE_TEMPLATES', 'complaint_status:TMPL-C');
    taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'ok', 'TMPL-C': 'accept' } as never);
    const posts: unknown[] = [];
    serve(posts);
    setRouterParams({ projectId: board.sceneId });
    render(<ComplaintNewPage />);

    fireEvent.click(await screen.findByText('提交投诉'));
    expect(screen.getByRole('alert')).toHaveTextContent('请选择投诉类别');
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('文明施工/扰民'));
    fireEvent.change(screen.getByPlaceholderText(/请写清楚时间、地点和问题/), {
      target: { value: '晚上十点以后还在施工，噪音很大' },
    });
    fireEvent.click(screen.getByText('拍照或从相册选择'));
    await screen.findByText('已添加 1 / 9 张');
    expect(taro.compressImage).toHaveBeenCalledWith({ src: 'blob:photo-1', quality: 70 });
    expect(taro.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'blob:photo-1#compressed', name: 'file' }),
    );
    fireEvent.click(screen.getByText('1号楼'));
    fireEvent.click(screen.getByText('匿名公开'));
    fireEvent.click(screen.getByText('提交投诉'));

    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: ['TMPL-C'] }),
    );
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/mine/pages/complaint/index?id=c9' }),
    );
    expect(posts).toEqual([
      {
        projectId: board.projectId,
        category: 'civility',
        text: '晚上十点以后还在施工，噪音很大',
        photos: [`/api/v1/uploads/${'a'.repeat(32)}.jpg`],
        buildingId: '64b0000000000000000000b1',
        visibility: 'anonymous',
      },
    ]);
    await waitFor(() =>
      expect(taro.request).toHaveBeenCalledWith(
        expect.objectContaining({
          url: '/api/v1/notifications/subscriptions',
          data: { templates: ['complaint_status'] },
        }),
      ),
    );
  });
});
