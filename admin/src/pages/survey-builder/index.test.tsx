import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, logInAs, renderPage } from '../../../test/helpers';
import { session } from '../../session';
import SurveyBuilderPage from '.';
import { moveQuestion, newQuestion } from './questionDrafts';

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

describe('survey builder', () => {
  it('lists what is wrong before sending anything', async () => {
    logInAs('community_staff');
    const calls = fakeServer({ 'GET /projects': { items: [], total: 0, page: 1, size: 200 } });
    renderPage(<SurveyBuilderPage />);
    await userEvent.click(await screen.findByText('保存问卷'));
    expect(await screen.findByText('请选择改造项目')).toBeInTheDocument();
    expect(screen.getByText('请填写标题')).toBeInTheDocument();
    expect(screen.getByText('至少需要 1 道题')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('previews a show-if question only after the answer it depends on', async () => {
    logInAs('community_staff');
    fakeServer({ 'GET /projects': { items: [], total: 0, page: 1, size: 200 } });
    renderPage(<SurveyBuilderPage />);
    const add = async (type: string) => {
      fireEvent.mouseEnter(await screen.findByText('添加题目'));
      await userEvent.click(await screen.findByText(type, { selector: '.ant-dropdown-menu-title-content' }));
    };
    await add('单选');
    await add('填空');
    await userEvent.type(screen.getByLabelText('第1题题目'), '是否同意改造');
    await userEvent.type(screen.getByLabelText('第2题题目'), '不同意的原因');
    // Q2 shows only when Q1 is answered 不同意.
    fireEvent.mouseDown(screen.getAllByLabelText('第2题显示条件题目').find((el) => el.tagName === 'INPUT')!);
    await userEvent.click(
      await screen.findByText('是否同意改造', { selector: '.ant-select-item-option-content' }),
    );
    fireEvent.mouseDown(screen.getAllByLabelText('第2题显示条件选项').find((el) => el.tagName === 'INPUT')!);
    await userEvent.click(await screen.findByText('不同意', { selector: '.ant-select-item-option-content' }));

    expect(screen.queryByText('2. 不同意的原因')).not.toBeInTheDocument();
    await userEvent.click(screen.getByText('不同意', { selector: '.ant-radio-wrapper span' }));
    await waitFor(() => expect(screen.getByText('2. 不同意的原因')).toBeInTheDocument());
  });

  it('drops a show-if condition that would point forward after a move', () => {
    const q1 = newQuestion('single', 'q1');
    const q2 = { ...newQuestion('text', 'q2'), showIf: { questionId: 'q1', optionIds: ['o1'] } };
    const moved = moveQuestion([q1, q2], 1, -1);
    expect(moved.map((q) => q.id)).toEqual(['q2', 'q1']);
    expect(moved[0].showIf).toBeUndefined();
  });
});
