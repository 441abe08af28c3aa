import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { onRequest, taro } from '../../../../test/taro';
import { lastProject } from '../../../services/scene';
import SearchPage from './index';

describe('compound search', () => {
  it('finds a compound by name and opens its board on the board tab', async () => {
    const urls: string[] = [];
    onRequest(({ url }) => {
      urls.push(url);
      return {
        statusCode: 200,
        data: {
          items: [
            {
              id: 'p1',
              sceneId: 'xq01',
              name: '2024年幸福小区老旧小区改造项目',
              year: 2024,
              stage: 'construction',
              stageLabel: '施工',
              compoundName: '幸福小区',
              communityName: '西河社区',
              streetName: '西脑包街道',
            },
          ],
        },
      };
    });
    render(<SearchPage />);
    fireEvent.change(screen.getByPlaceholderText('例如：幸福小区'), { target: { value: '幸福' } });
    fireEvent.click(screen.getByText('查找'));
    fireEvent.click(await screen.findByText('幸福小区'));
    expect(urls[0]).toBe(`/api/v1/projects/search?q=${encodeURIComponent('幸福')}&size=20`);
    expect(screen.getByText('西脑包街道 西河社区 · 2024 年 · 施工')).toBeInTheDocument();
    expect(lastProject()).toBe('xq01');
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/board/index' });
  });

  it('says so when nothing matches', async () => {
    onRequest(() => ({ statusCode: 200, data: { items: [] } }));
    render(<SearchPage />);
    fireEvent.click(screen.getByText('查找'));
    expect(await screen.findByText('没有找到，请换个名称试试。')).toBeInTheDocument();
  });
});
