import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { onRequest, taro } from '../../../test/taro';
import { sessionResponse, userFixture } from '../../../test/fixtures';
import { resetA11yCache } from '../../services/a11y';
import MinePage from './index';

const me = userFixture({
  role: 'supervisor',
  name: '张建华',
  households: [
    {
      id: 'h1',
      compoundId: 'c1',
      compoundName: '幸福小区',
      buildingId: 'b1',
      buildingName: '1号楼',
      unit: '1',
      room: '101',
      area: 80.5,
    },
    {
      id: 'h2',
      compoundId: 'c1',
      compoundName: '幸福小区',
      buildingId: 'b1',
      buildingName: '1号楼',
      unit: '1',
      room: '102',
      area: 60,
    },
  ],
});

describe('mine tab', () => {
  it('logs in on a tap and lists the households; the picked one is remembered', async () => {
    onRequest(({ url }) =>
      url.endsWith('/auth/dev-login') ? sessionResponse(me) : { statusCode: 200, data: me },
    );
    render(<MinePage />);
    fireEvent.click(screen.getByText('微信登录'));
    expect(await screen.findByText('张建华 · 义务监督员')).toBeInTheDocument();
    expect(screen.getByText(/1单元 101室 · 80.5 平方米 · 当前/)).toBeInTheDocument();
    fireEvent.click(screen.getByText(/1单元 102室/));
    expect(taro.setStorageSync).toHaveBeenCalledWith('jiugai.household', 'h2');
    expect(screen.getByText('填写巡查记录')).toBeInTheDocument();
  });

  it('switches large font and high contrast on the page root, saying the state in words', () => {
    resetA11yCache();
    const { container } = render(<MinePage />);
    fireEvent.click(screen.getByText('大字模式：已关闭（点击开启）'));
    expect(screen.getByText('大字模式：已开启（点击关闭）')).toBeInTheDocument();
    fireEvent.click(screen.getByText('高对比度：已关闭（点击开启）'));
    expect(container.firstElementChild).toHaveClass('page', 'a11y-large', 'a11y-contrast');
    expect(taro.setStorageSync).toHaveBeenLastCalledWith('jiugai.a11y', {
      largeFont: true,
      highContrast: true,
    });
    resetA11yCache();
  });
});
