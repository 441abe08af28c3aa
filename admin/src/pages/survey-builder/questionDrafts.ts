import type { SurveyOption, SurveyQuestion, SurveyQuestionType } from '@jiugai/shared';

/** Next free id with a prefix: q1, q2 … or o1, o2 … */
export function nextId(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

const options = (labels: string[]): SurveyOption[] => labels.map((label, i) => ({ id: `o${i + 1}`, label }));

/** A new question of a type, with sensible defaults; ranking starts from the project's plan items. */
export function newQuestion(type: SurveyQuestionType, id: string, planItems: string[] = []): SurveyQuestion {
  const base = { id, title: '', required: true };
  switch (type) {
    case 'single':
      return { ...base, type, options: options(['同意', '不同意']) };
    case 'multiple':
      return { ...base, type, options: options(['选项一', '选项二', '选项三']), minSelect: 0 };
    case 'text':
      return { ...base, type, required: false, maxLength: 500 };
    case 'scale':
      return { ...base, type, min: 1, max: 5, minLabel: '很不满意', maxLabel: '很满意' };
    case 'ranking':
      return {
        ...base,
        type,
        title: '请按您认为的紧迫程度对改造内容排序',
        items: options(planItems.length >= 2 ? planItems : ['地下管网', '外立面', '停车位']),
      };
    case 'photo':
      return { ...base, type, required: false, maxPhotos: 3 };
  }
}

/** Options a later question can use for show-if: the choices of earlier single/multiple questions. */
export function showIfSources(questions: SurveyQuestion[], index: number) {
  return questions
    .slice(0, index)
    .filter(
      (q): q is Extract<SurveyQuestion, { type: 'single' | 'multiple' }> =>
        q.type === 'single' || q.type === 'multiple',
    );
}

/** Removing a question also removes the show-if conditions that pointed at it. */
export function removeQuestion(questions: SurveyQuestion[], id: string): SurveyQuestion[] {
  return questions
    .filter((q) => q.id !== id)
    .map((q) => (q.showIf?.questionId === id ? { ...q, showIf: undefined } : q));
}

export function moveQuestion(questions: SurveyQuestion[], index: number, delta: -1 | 1): SurveyQuestion[] {
  const target = index + delta;
  if (target < 0 || target >= questions.length) return questions;
  const next = [...questions];
  [next[index], next[target]] = [next[target], next[index]];
  // A condition may only look back: drop any that now points at a later question.
  return next.map((q, i) =>
    q.showIf && !next.slice(0, i).some((p) => p.id === q.showIf?.questionId)
      ? { ...q, showIf: undefined }
      : q,
  );
}
