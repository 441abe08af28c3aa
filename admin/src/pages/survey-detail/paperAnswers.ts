import type { AnswerValue, SurveyQuestion } from '@jiugai/shared';

/**
 * Paper forms are typed with numbers: "2" picks option 2, "13" or "1,3" picks options 1 and 3, "312" ranks items
 * 3, 1, 2; scale questions take the score, text questions the text. With ten or more options, numbers are
 * separated by commas or spaces. Returns undefined for an empty entry, or an error message.
 */
export function parsePaperAnswer(q: SurveyQuestion, raw: string): { value?: AnswerValue; error?: string } {
  const input = raw.trim();
  if (!input) return {};
  if (q.type === 'text') return { value: input };
  if (q.type === 'photo') return { error: '纸质表不录入照片' };
  if (q.type === 'scale') {
    const n = Number(input);
    if (!Number.isInteger(n) || n < q.min || n > q.max) return { error: `请输入 ${q.min}–${q.max} 的分数` };
    return { value: n };
  }
  const choices = q.type === 'ranking' ? q.items : q.options;
  const parts =
    /[\s,，、]/.test(input) || choices.length >= 10 ? input.split(/[\s,，、]+/).filter(Boolean) : [...input];
  const numbers = parts.map(Number);
  if (numbers.some((n) => !Number.isInteger(n) || n < 1 || n > choices.length))
    return { error: `请输入 1–${choices.length} 的选项序号` };
  if (new Set(numbers).size !== numbers.length) return { error: '选项序号重复' };
  const ids = numbers.map((n) => choices[n - 1].id);
  if (q.type === 'single') return ids.length === 1 ? { value: ids[0] } : { error: '单选题只能填一个序号' };
  return { value: ids };
}

/** The option labels an answer stands for, to show next to what was typed. */
export function describeAnswer(q: SurveyQuestion, value: AnswerValue | undefined): string {
  if (value === undefined) return '';
  if (q.type === 'single' || q.type === 'multiple' || q.type === 'ranking') {
    const choices = q.type === 'ranking' ? q.items : q.options;
    const ids = Array.isArray(value) ? value : [String(value)];
    return ids
      .map((id) => choices.find((c) => c.id === id)?.label ?? id)
      .join(q.type === 'ranking' ? ' > ' : '、');
  }
  return q.type === 'scale' ? `${value} 分` : '';
}

/** "1 同意  2 不同意" under a question, so the typist sees which number is which. */
export function choiceHint(q: SurveyQuestion): string {
  if (q.type === 'single' || q.type === 'multiple' || q.type === 'ranking') {
    const choices = q.type === 'ranking' ? q.items : q.options;
    const how =
      q.type === 'single' ? '填一个序号' : q.type === 'multiple' ? '可填多个序号' : '按先后顺序填序号';
    return `${how}：${choices.map((c, i) => `${i + 1} ${c.label}`).join('  ')}`;
  }
  if (q.type === 'scale')
    return `填 ${q.min}–${q.max} 分${q.minLabel ? `（${q.min} ${q.minLabel}，${q.max} ${q.maxLabel}）` : ''}`;
  if (q.type === 'text') return '照录文字，可留空';
  return '纸质表不录入照片';
}
