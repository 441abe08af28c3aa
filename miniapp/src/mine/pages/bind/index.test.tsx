import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { onRequest, taro } from '../../../../test/taro';
import { boardFixture, sessionResponse, userFixture } from '../../../../test/fixtures';
import { rememberProject } from '../../../services/scene';
import BindPage from './index';

const requests = [
  {
    id: 'r1',
    status: 'rejected',
    compoundName: '幸福小区',
    buildingName: '2号楼',
    unit: '1',
    room: '301',
    householdId: 'h9',
    name: '王*',
    phone: '139****1111',
    matchesOwner: false,
    rejectReason: '与房产登记不符',
    createdAt: '2024-03-01T02:00:00.000Z',
  },
];

function serve(posts: { url: string; data: unknown }[]) {
  onRequest(({ url, method, data }) => {
    if (url.endsWith('/auth/dev-login')) return sessionResponse();
    if (url.endsWith('/auth/me')) return { statusCode: 200, data: userFixture() };
    if (url.includes('/board')) return { statusCode: 200, data: boardFixture() };
    if (url.includes('/bindings/buildings'))
      return { statusCode: 200, data: { items: [{ id: '64b0000000000000000000b1', name: '1号楼' }] } };
    if (url.endsWith('/bindings/mine')) return { statusCode: 200, data: { items: requests } };
    if (method === 'POST') {
      posts.push({ url, data });
      if (url.endsWith('/redeem'))
        return {
          statusCode: 400,
          data: { error: { code: 'validation_failed', message: '绑定码无效或已被使用' } },
        };
      return { statusCode: 201, data: { ...requests[0], id: 'r2', status: 'pending' } };
    }
    return { statusCode: 404, data: { error: { code: 'not_found', message: '找不到' } } };
  });
}

describe('bind page', () => {
  it('shows request status with the reason, checks the code format and shows the server refusal', async () => {
    const posts: { url: string; data: unknown }[] = [];
    serve(posts);
    render(<BindPage />);
    expect(await screen.findByText('未通过')).toBeInTheDocument();
    expect(screen.getByText('未通过原因：与房产登记不符')).toBeInTheDocument();

    fireEvent.change(screen.getByPlaceholderText('8 位绑定码'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByText('用绑定码绑定'));
    expect(screen.getByRole('alert')).toHaveTextContent('绑定码应为 8 位字母或数字');
    expect(posts).toHaveLength(0);

    fireEvent.change(screen.getByPlaceholderText('8 位绑定码'), { target: { value: 'k7m2q9xz' } });
    fireEvent.click(screen.getByText('用绑定码绑定'));
    expect(await screen.findByRole('alert')).toHaveTextContent('绑定码无效或已被使用');
    expect(posts[0].data).toEqual({ code: 'K7M2Q9XZ' });
  });

  it('applies with building, unit, room, name and phone of the compound last opened', async () => {
    rememberProject('dh2024-01');
    const posts: { url: string; data: unknown }[] = [];
    serve(posts);
    render(<BindPage />);
    fireEvent.click(await screen.findByText('1号楼'));
    fireEvent.change(screen.getByPlaceholderText('例如：1'), { target: { value: '2' } });
    fireEvent.change(screen.getByPlaceholderText('例如：101'), { target: { value: '502' } });
    fireEvent.change(screen.getByPlaceholderText('产权人或家庭成员姓名'), { target: { value: '李秀英' } });
    fireEvent.change(screen.getByPlaceholderText('11 位手机号'), { target: { value: '1390000' } });
    fireEvent.click(screen.getByText('提交绑定申请'));
    expect(screen.getByRole('alert')).toHaveTextContent('请输入 11 位手机号');
    fireEvent.change(screen.getByPlaceholderText('11 位手机号'), { target: { value: '13900001111' } });
    fireEvent.click(screen.getByText('提交绑定申请'));
    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '已提交，请等待社区审核' }),
      ),
    );
    expect(posts[0]).toEqual({
      url: '/api/v1/bindings',
      data: {
        buildingId: '64b0000000000000000000b1',
        unit: '2',
        room: '502',
        name: '李秀英',
        phone: '13900001111',
      },
    });
  });
});
