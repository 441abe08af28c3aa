import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChild, type ChildServer } from '../support/child';
import { seedDataDir, withDataDir } from '../support/diskWorld';
import { bearer } from '../support/tokens';
import { send, type Reply } from '../support/http';
import { surveyBody, voteBody } from '../support/harness';
import { Ballot } from '../../server/src/models/ballot';
import { SurveyResponse } from '../../server/src/models/surveyResponse';
import type { World } from '../support/world';

/**
 * Issue 7, faults: the server (a child process on a data dir kept on disk) is killed with SIGKILL in the middle of
 * a burst of ballots and survey answers, then restarted on the same dir. Every acknowledged ballot and answer is
 * there, none twice, and the tally equals the one computed from the requests.
 */
const households = 80;
const secret = 'reliability-secret-0123456789';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-crash-'));
let server: ChildServer | undefined;
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Sent = { hh: string; caller: string; option: string; kind: 'ballot' | 'answer'; acked: boolean };
const options = ['yes', 'no', 'abstain'] as const;

describe('SIGKILL during a ballot and survey burst', () => {
  it('keeps every acknowledged ballot and answer, once, and tallies them', async () => {
    const world: World = await seedDataDir(dataDir, { extraResidents: households });
    const auth = (caller: string) => bearer('valid', world.users[caller], secret);
    server = await startChild(dataDir, { JWT_SECRET: secret });
    const as = (caller: string, p: string, o: Parameters<typeof send>[2] = {}) =>
      send(server!.url, p, { ...o, auth: auth(caller) });
    const survey = await as('community_staff', '/api/v1/surveys', {
      method: 'POST',
      body: surveyBody(world.own.projectId),
    });
    const vote = await as('street_staff', '/api/v1/votes', {
      method: 'POST',
      body: voteBody(world.own.projectId),
    });
    expect([survey.status, vote.status]).toEqual([201, 201]);
    const surveyId = (survey.json as { id: string }).id;
    const voteId = (vote.json as { id: string }).id;

    // The burst: every resident answers and votes; the process is killed once a third is acknowledged.
    const sent: Sent[] = [];
    for (let i = 0; i < households; i++) {
      const caller = `load${i}`;
      const hh = world.own.householdIds[i + 2];
      sent.push({ hh, caller, option: options[i % 3], kind: 'ballot', acked: false });
      sent.push({ hh, caller, option: i % 2 ? 'yes' : 'no', kind: 'answer', acked: false });
    }
    let killed: Promise<void> | undefined;
    const killAt = Math.floor(sent.length / 3);
    let acked = 0;
    let next = 0;
    const worker = async () => {
      while (next < sent.length && !killed) {
        const s = sent[next++];
        const p =
          s.kind === 'ballot'
            ? as(s.caller, `/api/v1/votes/${voteId}/ballots/${s.hh}`, {
                method: 'PUT',
                body: { optionId: s.option },
              })
            : as(s.caller, `/api/v1/surveys/${surveyId}/responses/${s.hh}`, {
                method: 'PUT',
                body: { answers: { agree: s.option } },
              });
        const r: Reply | undefined = await p.catch(() => undefined);
        if (r && r.status < 300) {
          s.acked = true;
          if (++acked >= killAt) killed ??= server!.kill();
        } else if (r) {
          throw new Error(
            `${s.kind} for ${s.hh} refused before the crash: ${r.status} ${r.text.slice(0, 200)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: 12 }, worker));
    await killed;
    const attempted = sent.slice(0, next);
    const ackedList = attempted.filter((s) => s.acked);
    console.log(
      `crash: ${attempted.length} requests sent, ${ackedList.length} acknowledged before SIGKILL, ${attempted.length - ackedList.length} in flight`,
    );
    expect(ackedList.length).toBeGreaterThanOrEqual(killAt);

    // Restart on the same data dir.
    server = await startChild(dataDir, { JWT_SECRET: secret });
    const present = async (s: Sent) => {
      const r = await as(
        s.caller,
        s.kind === 'ballot'
          ? `/api/v1/votes/${voteId}/ballots/${s.hh}`
          : `/api/v1/surveys/${surveyId}/responses/${s.hh}`,
      );
      if (r.status === 404) return undefined;
      expect(r.status, r.text).toBe(200);
      const b = r.json as { optionId?: string; answers?: { agree?: string } };
      return s.kind === 'ballot' ? b.optionId : b.answers?.agree;
    };
    const landed: Sent[] = [];
    for (const s of attempted) {
      const value = await present(s);
      if (s.acked) expect(value, `acknowledged ${s.kind} of ${s.hh}`).toBe(s.option);
      if (value !== undefined) {
        expect(value).toBe(s.option);
        landed.push(s);
      }
    }
    const ballots = landed.filter((s) => s.kind === 'ballot');
    const answers = landed.filter((s) => s.kind === 'answer');
    console.log(
      `crash: after restart ${ballots.length} ballots and ${answers.length} answers found (${landed.length - ackedList.length} in-flight ones had landed)`,
    );

    // The tally after close equals the one computed from the requests that landed.
    const closed = await as('street_staff', `/api/v1/votes/${voteId}/close`, { method: 'POST' });
    expect(closed.status, closed.text).toBe(200);
    const tally = (
      closed.json as {
        tally: {
          participation: { households: number };
          approval: {
            options: { optionId: string; households: number }[];
            abstentions: { households: number };
          };
        };
      }
    ).tally;
    expect(tally.participation.households).toBe(ballots.length);
    const count = (o: string) => ballots.filter((b) => b.option === o).length;
    expect(Object.fromEntries(tally.approval.options.map((o) => [o.optionId, o.households]))).toEqual({
      yes: count('yes'),
      no: count('no'),
    });
    expect(tally.approval.abstentions.households).toBe(count('abstain'));
    const collection = await as('community_staff', `/api/v1/surveys/${surveyId}/collection`);
    expect((collection.json as { responded: number }).responded).toBe(answers.length);

    // None twice, looking at the stored documents themselves.
    await server.stop();
    server = undefined;
    const stored = await withDataDir(dataDir, async () => ({
      ballots: (await Ballot.find({}, { householdId: 1 }).lean()).map((b) => String(b.householdId)),
      responses: (await SurveyResponse.find({}, { householdId: 1 }).lean()).map((b) => String(b.householdId)),
    }));
    expect(stored.ballots.length).toBe(ballots.length);
    expect(new Set(stored.ballots).size).toBe(stored.ballots.length);
    expect(stored.responses.length).toBe(answers.length);
    expect(new Set(stored.responses).size).toBe(stored.responses.length);
  });
});
