import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnswers, type SurveyAnswers, type SurveyQuestion } from '@jiugai/shared';
import { signToken } from '../auth/tokens';
import { Survey } from '../models/survey';
import { SurveyResponse } from '../models/surveyResponse';
import { User } from '../models/user';
import { Vote } from '../models/vote';
import { startTestServer, type TestServer } from '../../test/testServer';
import { call } from '../../test/participationWorld';
import { seedDemo } from './demo';
import { seedParticipation, type ParticipationSummary } from './participation';

let server: TestServer;
let summary: ParticipationSummary;
const tokenOf = async (filter: Record<string, unknown>) => {
  const u = (await User.findOne(filter).lean())!;
  return signToken(
    { id: String(u._id), role: u.role, ...(u.scopePath ? { scopePath: u.scopePath } : {}) },
    'access',
    server.env.JWT_SECRET,
    600,
  );
};

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo();
  summary = await seedParticipation();
}, 120_000);
afterAll(async () => server?.close());

describe('demo participation data', () => {
  it('gives every project a survey whose responses all pass the answer checks', async () => {
    expect(summary.surveys).toBe(30);
    const surveys = await Survey.find().lean();
    const questions = new Map(surveys.map((s) => [String(s._id), s.questions as SurveyQuestion[]]));
    const responses = await SurveyResponse.find({}, { surveyId: 1, answers: 1 }).lean();
    expect(responses.length).toBe(summary.responses);
    for (const r of responses)
      expect(checkAnswers(questions.get(String(r.surveyId))!, r.answers as SurveyAnswers)).toEqual([]);
  });

  it('shows the district some compounds under the 80% target', async () => {
    const res = await call(server, 'GET', '/surveys/collection', {
      token: await tokenOf({ account: 'zjj' }),
    });
    expect(res.status).toBe(200);
    expect(res.body.compounds).toHaveLength(30);
    expect(res.body.belowTarget.length).toBeGreaterThan(0);
    expect(res.body.belowTarget[0].missing.length).toBeGreaterThan(0);
  });

  it('leaves an open survey and an open vote for the demo resident, and a closed vote with its fingerprint', async () => {
    const token = await tokenOf({ openid: 'demo-resident-1' });
    const surveys = await call(server, 'GET', '/surveys/mine', { token });
    expect(surveys.body.items.length).toBeGreaterThan(0);
    expect(surveys.body.items[0].households.every((h: { answered: boolean }) => !h.answered)).toBe(true);
    const votes = await call(server, 'GET', '/votes/mine', { token });
    expect(
      votes.body.items[0].options.map((o: { feeFenPerSqmMonth?: number }) => o.feeFenPerSqmMonth),
    ).toEqual([50, 80, undefined]);
    const closed = (await Vote.findOne({ kind: 'yes_no' }).lean())!;
    const tally = await call(server, 'GET', `/votes/${closed._id}/tally`, { token });
    expect(tally.body.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(tally.body.result).toBe('passed');
  });
});
