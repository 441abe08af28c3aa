import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/testServer';
import { createUser } from '../../test/factories';
import { User } from '../models/user';
import { clearRevocations, isRevoked, noteRevocation, syncRevocations } from './revocations';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('token revocations', () => {
  it('refuse tokens issued up to the revocation, not those issued after it', () => {
    const at = new Date();
    noteRevocation('u-1', at);
    expect(isRevoked('u-1', at.getTime() - 60_000)).toBe(true);
    expect(isRevoked('u-1', at.getTime())).toBe(true);
    expect(isRevoked('u-1', at.getTime() + 1)).toBe(false);
    expect(isRevoked('u-2', at.getTime() - 60_000)).toBe(false);
  });

  it('learn revocations written by another server process from the database', async () => {
    clearRevocations();
    const user = await createUser('street_staff');
    const issued = Date.now();
    const since = new Date(issued - 1000);
    // As another process would write it: straight into the database, nothing noted in this one.
    await User.updateOne({ _id: user._id }, { $set: { tokensValidAfter: new Date(issued + 5) } });
    expect(isRevoked(String(user._id), issued)).toBe(false);
    const readAt = await syncRevocations(since);
    expect(isRevoked(String(user._id), issued)).toBe(true);
    expect(readAt.getTime()).toBeGreaterThanOrEqual(issued);
  });
});
