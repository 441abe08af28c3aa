import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { dumpDatabase, digest } from '../support/dump';

/**
 * Issue 7, abuse: a resident answers the survey and votes only for a household they are bound to; any other
 * household (same building, other compound, made-up id) is refused with 403/404 and nothing is recorded.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ households: 8 });
});
afterAll(async () => h?.close());

const answers = { answers: { agree: 'yes' } };

describe('answering and voting only for bound households', () => {
  it('refuses every household the resident is not bound to, and writes nothing', async () => {
    const { own, other } = h.world;
    const { surveyId, voteId } = h.part;
    expect(surveyId && voteId).toBeTruthy();
    const foreign = [...own.householdIds.slice(1), ...other.householdIds, '0123456789abcdef01234567'];
    const before = digest(await dumpDatabase(h.server.db.connection));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...foreign),
        fc.constantFrom('survey', 'ballot', 'readSurvey', 'readBallot'),
        fc.constantFrom('resident', 'resident@other'),
        async (hh, kind, caller) => {
          if (caller === 'resident@other' && hh === other.householdIds[0]) return; // bound: not a foreign household
          const path = {
            survey: `/api/v1/surveys/${surveyId}/responses/${hh}`,
            ballot: `/api/v1/votes/${voteId}/ballots/${hh}`,
            readSurvey: `/api/v1/surveys/${surveyId}/responses/${hh}`,
            readBallot: `/api/v1/votes/${voteId}/ballots/${hh}`,
          }[kind];
          const write = kind === 'survey' || kind === 'ballot';
          const r = await h.as(
            caller,
            path,
            write ? { method: 'PUT', body: kind === 'survey' ? answers : { optionId: 'yes' } } : {},
          );
          expect([403, 404], `${caller} ${kind} ${hh}: ${r.status} ${r.text.slice(0, 120)}`).toContain(
            r.status,
          );
        },
      ),
      { numRuns: 60, seed: 7 },
    );
    expect(digest(await dumpDatabase(h.server.db.connection))).toBe(before);
  });

  it('accepts the bound household, counts it once, and refuses it again once unbound', async () => {
    const { own } = h.world;
    const { surveyId, voteId } = h.part;
    const mine = own.householdIds[0];
    expect(
      (
        await h.as('resident', `/api/v1/surveys/${surveyId}/responses/${mine}`, {
          method: 'PUT',
          body: answers,
        })
      ).status,
    ).toBeLessThan(300);
    expect(
      (
        await h.as('resident', `/api/v1/votes/${voteId}/ballots/${mine}`, {
          method: 'PUT',
          body: { optionId: 'yes' },
        })
      ).status,
    ).toBeLessThan(300);
    expect(
      (
        await h.as('resident', `/api/v1/votes/${voteId}/ballots/${mine}`, {
          method: 'PUT',
          body: { optionId: 'no' },
        })
      ).status,
    ).toBeLessThan(300);
    const tally = (await h.as('street_staff', `/api/v1/votes/${voteId}/tally`)).json as {
      participation: { households: number };
    };
    expect(tally.participation.households).toBe(1);

    expect((await h.as('resident', `/api/v1/bindings/households/${mine}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    const again = await h.as('resident', `/api/v1/votes/${voteId}/ballots/${mine}`, {
      method: 'PUT',
      body: { optionId: 'yes' },
    });
    expect(again.status).toBe(403);
    const answer = await h.as('resident', `/api/v1/surveys/${surveyId}/responses/${mine}`, {
      method: 'PUT',
      body: answers,
    });
    expect(answer.status).toBe(403);
  });
});
