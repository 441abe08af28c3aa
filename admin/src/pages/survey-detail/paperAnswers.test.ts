import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '@jiugai/shared';
import { describeAnswer, parsePaperAnswer } from './paperAnswers';

const single: SurveyQuestion = {
  id: 'q1',
  type: 'single',
  title: '是否同意改造',
  required: true,
  options: [
    { id: 'y', label: '同意' },
    { id: 'n', label: '不同意' },
  ],
};
const multiple: SurveyQuestion = {
  id: 'q2',
  type: 'multiple',
  title: '最需要改造的',
  required: false,
  minSelect: 0,
  options: [
    { id: 'a', label: '管网' },
    { id: 'b', label: '外立面' },
    { id: 'c', label: '停车位' },
  ],
};
const ranking: SurveyQuestion = {
  id: 'q3',
  type: 'ranking',
  title: '排序',
  required: false,
  items: multiple.options,
};
const scale: SurveyQuestion = {
  id: 'q4',
  type: 'scale',
  title: '满意度',
  required: false,
  min: 1,
  max: 5,
  minLabel: '',
  maxLabel: '',
};

describe('paper form keyboard entry', () => {
  it('reads option numbers as typed from the form', () => {
    expect(parsePaperAnswer(single, '1')).toEqual({ value: 'y' });
    expect(parsePaperAnswer(multiple, '13')).toEqual({ value: ['a', 'c'] });
    expect(parsePaperAnswer(multiple, '3, 1')).toEqual({ value: ['c', 'a'] });
    expect(parsePaperAnswer(ranking, '312')).toEqual({ value: ['c', 'a', 'b'] });
    expect(parsePaperAnswer(scale, '4')).toEqual({ value: 4 });
    expect(parsePaperAnswer(single, ' ')).toEqual({});
  });

  it('refuses numbers that are not on the form', () => {
    expect(parsePaperAnswer(single, '3').error).toBe('请输入 1–2 的选项序号');
    expect(parsePaperAnswer(single, '12').error).toBe('单选题只能填一个序号');
    expect(parsePaperAnswer(multiple, '11').error).toBe('选项序号重复');
    expect(parsePaperAnswer(scale, '9').error).toBe('请输入 1–5 的分数');
  });

  it('shows what the numbers stand for', () => {
    expect(describeAnswer(ranking, ['c', 'a'])).toBe('停车位 > 管网');
    expect(describeAnswer(multiple, ['a', 'b'])).toBe('管网、外立面');
  });
});
