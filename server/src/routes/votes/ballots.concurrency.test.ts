import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { signToken } from '../../auth/tokens';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { buildWorld, call, type World } from '../../../test/participationWorld';
import { AuditLog } from '../../models/auditLog';
import { Ballot } from '../../models/ballot';
import { Household } from '../../models/household';
import { User } from '../../models/user';

let server: TestServer;
let w: World;
const households: string[] = [];
const tokens: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const building = w.a.buildingIds[0];
  const path = `${w.a.compoundPath}${building}/`;
  const docs = Array.from({ length: 500 }, (_, i) => ({
    _id: new Types.ObjectId(),
    compoundId: w.a.compoundId,
    buildingId: building,
    regionPath: path,
    unit: String(2 + Math.floor(i / 100)),
    room: String(1000 + i),
    area: 60 + (i % 40),
    ownerKey: `bulk-${i}`,
  }));
  await Household.insertMany(docs);
  const users = docs.map((h) => ({ _id: new Types.ObjectId(), role: 'resident', householdIds: [h._id] }));
  await User.insertMany(users);
  for (const [i, u] of users.entries()) {
    households.push(String(docs[i]._id));
    tokens.push(signToken({ id: String(u._id), role: 'resident' }, 'access', server.env.JWT_SECRET, 3600));
  }
}, 120_000);
afterAll(async () => {
  agent.destroy();
  await server?.close();
});

/**
 * All 1,000 requests are issued at once over up to 400 connections, staying under the server's listen backlog
 * (511): test client, app and embedded database share one event loop here, and an overflowing accept queue
 * turns into connection resets. Both copies of a household's ballot are adjacent, so they race each other.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 400 });
function put(path: string, token: string, body: unknown): Promise<{ status: number }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}${path}`,
      {
        method: 'PUT',
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('concurrent ballots', () => {
  it('1,000 concurrent requests for 500 households (each sent twice) give exactly 500 ballots', async () => {
    const vote = await call(server, 'POST', '/votes', {
      token: w.tokens.streetA,
      body: {
        projectId: w.a.projectId,
        title: '选聘物业服务企业',
        article278Item: 4,
        kind: 'yes_no',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    expect(vote.status).toBe(201);
    const requests = households.flatMap((h, i) => {
      const send = () =>
        put(`/api/v1/votes/${vote.body.id}/ballots/${h}`, tokens[i], { optionId: i % 2 ? 'yes' : 'no' });
      return [send, send];
    });
    const results = await Promise.all(requests.map((send) => send()));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(500);
    expect(statuses.filter((s) => s === 409)).toHaveLength(500);
    expect(await Ballot.countDocuments({ voteId: vote.body.id })).toBe(500);
    expect(await AuditLog.countDocuments({ action: 'vote.ballot', targetType: 'ballot' })).toBe(500);
    const tally = await call(server, 'GET', `/votes/${vote.body.id}/tally`, { token: w.tokens.streetA });
    expect(tally.body.participation.households).toBe(500);
  }, 240_000);
});
