import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { AnswerValue, SurveyQuestion } from '@jiugai/shared';
import { QuestionInput } from './QuestionInput';

function Harness({ question }: { question: SurveyQuestion }) {
  const [value, setValue] = useState<AnswerValue | undefined>(undefined);
  return (
    <>
      <QuestionInput question={question} value={value} onChange={setValue} />
      <output data-testid="value">{JSON.stringify(value ?? null)}</output>
    </>
  );
}
const value = () => JSON.parse(screen.getByTestId('value').textContent ?? 'null');

describe('question inputs', () => {
  it('ranks renovation items in tap order, up to the limit, and un-ranks on a second tap', () => {
    const items = [
      { id: 'pipes', label: '地下管网' },
      { id: 'parking', label: '停车位' },
      { id: 'lights', label: '亮化' },
    ];
    render(
      <Harness question={{ id: 'r', type: 'ranking', title: '排序', required: true, items, pick: 2 }} />,
    );
    fireEvent.click(screen.getByText('停车位'));
    fireEvent.click(screen.getByText('地下管网'));
    fireEvent.click(screen.getByText('亮化'));
    expect(value()).toEqual(['parking', 'pipes']);
    expect(screen.getByText(/第 1 位：停车位/)).toBeInTheDocument();
    fireEvent.click(screen.getByText(/第 1 位：停车位/));
    expect(value()).toEqual(['pipes']);
    expect(screen.getByText(/第 1 位：地下管网/)).toBeInTheDocument();
  });

  it('limits multiple choice to maxSelect and says how many are picked', () => {
    const options = ['a', 'b', 'c'].map((id) => ({ id, label: `选项${id}` }));
    render(
      <Harness
        question={{
          id: 'm',
          type: 'multiple',
          title: '多选',
          required: false,
          options,
          minSelect: 0,
          maxSelect: 2,
        }}
      />,
    );
    fireEvent.click(screen.getByText('选项a'));
    fireEvent.click(screen.getByText('选项b'));
    fireEvent.click(screen.getByText('选项c'));
    expect(value()).toEqual(['a', 'b']);
    expect(screen.getByText('最多选 2 项（已选 2 项）')).toBeInTheDocument();
  });

  it('scores on a labelled scale and counts the characters of a text answer', () => {
    const { unmount } = render(
      <Harness
        question={{
          id: 's',
          type: 'scale',
          title: '打分',
          required: true,
          min: 1,
          max: 5,
          minLabel: '很不满意',
          maxLabel: '很满意',
        }}
      />,
    );
    expect(screen.getByText('1 分 = 很不满意，5 分 = 很满意')).toBeInTheDocument();
    fireEvent.click(screen.getByText('3 分'));
    expect(value()).toBe(3);
    unmount();
    render(<Harness question={{ id: 't', type: 'text', title: '意见', required: false, maxLength: 50 }} />);
    fireEvent.change(screen.getByPlaceholderText('请在这里输入您的意见'), { target: { value: '加装电梯' } });
    expect(screen.getByText('4 / 50 字')).toBeInTheDocument();
  });
});
