import type { QuestionResult, SurveyAnswers, SurveyQuestion } from '@jiugai/shared';

export interface ResultInput {
  buildingId: string;
  answers: SurveyAnswers;
}

const percent = (n: number, d: number) => (d === 0 ? 0 : Math.round((n * 10000) / d) / 100);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Per-question results with a cross-tab by building; a pure function of the questions and responses. */
export function surveyResults(
  questions: SurveyQuestion[],
  responses: ResultInput[],
  buildingNames: Map<string, string>,
): QuestionResult[] {
  return questions.map((q) => {
    const answered = responses.filter((r) => isAnswered(r.answers[q.id]));
    const base: QuestionResult = {
      questionId: q.id,
      title: q.title,
      type: q.type,
      answered: answered.length,
    };
    const crossTab = (keysOf: (a: unknown) => string[]) => byBuilding(answered, q.id, keysOf, buildingNames);
    switch (q.type) {
      case 'single':
      case 'multiple': {
        const keysOf = (a: unknown) => (Array.isArray(a) ? (a as string[]) : [a as string]);
        const counts = countKeys(answered.map((r) => keysOf(r.answers[q.id])));
        return {
          ...base,
          options: q.options.map((o) => ({
            ...o,
            count: counts[o.id] ?? 0,
            percent: percent(counts[o.id] ?? 0, answered.length),
          })),
          byBuilding: crossTab(keysOf),
        };
      }
      case 'scale': {
        const values = answered.map((r) => r.answers[q.id] as number);
        const counts = countKeys(values.map((v) => [String(v)]));
        const distribution = [];
        for (let v = q.min; v <= q.max; v++) distribution.push({ value: v, count: counts[String(v)] ?? 0 });
        const average = values.length ? round2(values.reduce((s, v) => s + v, 0) / values.length) : 0;
        return { ...base, scale: { average, distribution }, byBuilding: crossTab((a) => [String(a)]) };
      }
      case 'ranking': {
        const n = q.pick ?? q.items.length;
        const ranking = q.items.map((item) => {
          let score = 0;
          let firstChoices = 0;
          let timesRanked = 0;
          let rankSum = 0;
          for (const r of answered) {
            const pos = (r.answers[q.id] as string[]).indexOf(item.id);
            if (pos < 0) continue;
            score += n - pos;
            timesRanked += 1;
            rankSum += pos + 1;
            if (pos === 0) firstChoices += 1;
          }
          return {
            ...item,
            score,
            firstChoices,
            timesRanked,
            averageRank: timesRanked ? round2(rankSum / timesRanked) : 0,
          };
        });
        ranking.sort((a, b) => b.score - a.score || b.firstChoices - a.firstChoices);
        return { ...base, ranking };
      }
      case 'text':
        return {
          ...base,
          texts: answered.map((r) => ({
            text: String(r.answers[q.id]).trim(),
            building: buildingNames.get(r.buildingId) ?? '',
          })),
        };
      case 'photo':
        return { ...base, photos: answered.flatMap((r) => r.answers[q.id] as string[]) };
    }
  });
}

function isAnswered(a: unknown): boolean {
  if (a === undefined || a === null) return false;
  if (typeof a === 'string') return a.trim() !== '';
  if (Array.isArray(a)) return a.length > 0;
  return true;
}

function countKeys(lists: string[][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const keys of lists) for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

function byBuilding(
  answered: ResultInput[],
  questionId: string,
  keysOf: (a: unknown) => string[],
  names: Map<string, string>,
): NonNullable<QuestionResult['byBuilding']> {
  const rows = new Map<string, { answered: number; lists: string[][] }>();
  for (const r of answered) {
    const row = rows.get(r.buildingId) ?? { answered: 0, lists: [] };
    row.answered += 1;
    row.lists.push(keysOf(r.answers[questionId]));
    rows.set(r.buildingId, row);
  }
  return [...rows]
    .map(([buildingId, row]) => ({
      buildingId,
      building: names.get(buildingId) ?? '',
      answered: row.answered,
      counts: countKeys(row.lists),
    }))
    .sort((a, b) => a.building.localeCompare(b.building, 'zh-CN', { numeric: true }));
}
