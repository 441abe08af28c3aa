import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { SurveyView } from '@jiugai/shared';
import { onRequest, setRouterParams, taro } from '../../../../test/taro';
import { sessionResponse, userFixture } from '../../../../test/fixtures';
import SurveyPage from './index';

const surveyId = '64b0000000000000000000a1';
const survey: SurveyView = {
  id: surveyId,
  projectId: 'p',
  compoundId: 'c1',
  title: '幸福小区改造征求意见表',
  description: '',
  opensAt: '2024-03-01T00:00:00.000Z',
  closesAt: '2099-03-31T10:00:00.000Z',
  status: 'open',
  statusLabel: '进行中',
  version: 1,
  createdAt: '2024-03-01T00:00:00.000Z',
  questions: [
    {
      id: 'q1',
      type: 'single',
      title: '您是否支持本次改造',
      required: true,
      options: [
        { id: 'yes', label: '支持' },
        { id: 'no', label: '不支持' },
      ],
    },
    {
      id: 'q2',
      type: 'text',
      title: '不支持的原因',
      required: true,
      maxLength: 200,
      showIf: { questionId: 'q1', optionIds: ['no'] },
    },
    {
      id: 'q3',
      type: 'scale',
      title: '您对小区环境的满意度',
      required: true,
      min: 1,
      max: 5,
      minLabel: '很不满意',
      maxLabel: '很满意',
    },
  ],
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
      area: 80,
    },
  ],
});

function serve(puts: unknown[]) {
  onRequest(({ url, method, data }) => {
    if (url.endsWith('/auth/dev-login')) return sessionResponse(me);
    if (url.endsWith('/auth/me')) return { statusCode: 200, data: me };
    if (url.endsWith(`/surveys/${surveyId}`)) return { statusCode: 200, data: survey };
    if (url.includes('/responses/h1') && method === 'PUT') {
      puts.push(data);
      return {
        statusCode: 201,
        data: {
          receiptNo: 'ZJ-2024-000123',
          surveyId,
          surveyTitle: survey.title,
          householdId: 'h1',
          address: '1号楼 1单元 101室',
          channel: 'miniapp',
          channelLabel: '小程序',
          answers: (data as { answers: unknown }).answers,
          submittedAt: '2024-03-02T02:00:00.000Z',
          updatedAt: '2024-03-02T02:00:00.000Z',
          revision: 1,
        },
      };
    }
    return { statusCode: 404, data: { error: { code: 'not_found', message: '该户尚未提交意见' } } };
  });
}

describe('survey page', () => {
  it('asks one question per screen with progress, checks required answers and submits for a receipt', async () => {
    const puts: unknown[] = [];
    serve(puts);
    setRouterParams({ id: surveyId });
    render(<SurveyPage />);
    fireEvent.click(await screen.findByText('开始填写'));
    expect(screen.getByText('第 1 / 2 题')).toBeInTheDocument();
    expect(screen.getByText('您是否支持本次改造（必答）')).toBeInTheDocument();

    fireEvent.click(screen.getByText('下一题'));
    expect(screen.getByRole('alert')).toHaveTextContent('此题必答');

    // Show-if: choosing 不支持 adds the follow-up question.
    fireEvent.click(screen.getByText('不支持'));
    expect(screen.getByText('第 1 / 3 题')).toBeInTheDocument();
    fireEvent.click(screen.getByText('支持'));
    fireEvent.click(screen.getByText('下一题'));
    expect(screen.getByText('第 2 / 2 题')).toBeInTheDocument();
    fireEvent.click(screen.getByText('4 分'));
    fireEvent.click(screen.getByText('提交'));

    expect(await screen.findByText('✓ 提交成功，感谢您的意见')).toBeInTheDocument();
    expect(screen.getByText('ZJ-2024-000123')).toBeInTheDocument();
    expect(puts).toEqual([{ answers: { q1: 'yes', q3: 4 } }]);
    expect(screen.getByText('修改我的意见')).toBeInTheDocument();
  });

  it('keeps a draft on the device and restores it when the page opens again', async () => {
    serve([]);
    setRouterParams({ id: surveyId });
    const first = render(<SurveyPage />);
    fireEvent.click(await screen.findByText('开始填写'));
    fireEvent.click(screen.getByText('支持'));
    fireEvent.click(screen.getByText('下一题'));
    expect(taro.setStorageSync).toHaveBeenCalledWith(`jiugai.surveyDraft.${surveyId}.h1`, {
      answers: { q1: 'yes' },
      index: 1,
    });
    first.unmount();

    render(<SurveyPage />);
    expect(await screen.findByText('已恢复您上次未提交的内容。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('继续填写'));
    expect(screen.getByText('第 2 / 2 题')).toBeInTheDocument();
  });

  it('asks to bind a household first when the resident has none in the compound', async () => {
    onRequest(({ url }) => {
      if (url.endsWith('/auth/dev-login')) return sessionResponse();
      if (url.endsWith('/auth/me')) return { statusCode: 200, data: userFixture() };
      return { statusCode: 200, data: survey };
    });
    setRouterParams({ id: surveyId });
    render(<SurveyPage />);
    fireEvent.click(await screen.findByText('去绑定房屋'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/mine/pages/bind/index' });
  });
});
