import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { onRequest, taro } from '../../../test/taro';
import { sessionResponse } from '../../../test/fixtures';
import ParticipatePage from './index';

describe('participate tab', () => {
  it('asks for survey reminders on the tap that opens the survey list (WeChat)', async () => {
    vi.stubEnv('TARO_ENV', 'weapp');
    vi.stubEnv('TARO_APP_SUBSCRIBE_TEMPLATES', 'survey_open:T-S,vote_open:T-V');
    taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'ok', 'T-S': 'reject' } as never);
    onRequest(() => sessionResponse());
    render(<ParticipatePage />);
    fireEvent.click(screen.getByText('填写征求意见表'));
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['T-S'] }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/participate/pages/surveys/index' });
    // Declined: nothing is recorded on the server.
    await waitFor(() => expect(taro.requestSubscribeMessage).toHaveBeenCalledTimes(1));
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('opens the vote list without a prompt in the browser build', () => {
    render(<ParticipatePage />);
    fireEvent.click(screen.getByText('参与业主表决'));
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/participate/pages/votes/index' });
  });
});
