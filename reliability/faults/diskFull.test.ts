import { afterAll, describe, expect, it } from 'vitest';
import { bearer } from '../support/tokens';
import { send, notAProperClientError, type Reply } from '../support/http';
import { complaintBody } from '../support/harness';
import { journalSeamRig, tmpfsRig, type FullDiskRig } from './fullDiskRig';

/**
 * Issue 7, faults: the data dir's disk is full. Writes fail with a clear error (507 `storage_failed`, Chinese
 * message), reads go on, the server stays up, and writes work again once space is freed.
 */
let rig: FullDiskRig | undefined;
afterAll(async () => rig?.close());

describe('full disk', () => {
  it('refuses writes with a clear error, serves reads, and recovers once space is freed', async () => {
    rig = (await tmpfsRig()) ?? (await journalSeamRig());
    console.log(`full disk: ${rig.kind}`);
    const { world, url, secret } = rig;
    const as = (caller: string | undefined, p: string, o: Parameters<typeof send>[2] = {}) =>
      send(url, p, { ...o, auth: caller ? bearer('valid', world.users[caller], secret) : undefined });
    const { projectId } = world.own;
    const total = async () =>
      ((await as('resident', '/api/v1/complaints/mine')).json as { total: number }).total;
    expect(
      (await as('resident', '/api/v1/complaints', { method: 'POST', body: complaintBody(projectId) })).status,
    ).toBe(201);

    rig.fill();
    // A small write can still fit in the journal's last, partly used page: write until the disk refuses.
    let accepted = 0;
    let refused: Reply | undefined;
    for (let i = 0; i < 200 && !refused; i++) {
      const w = await as('resident', '/api/v1/complaints', {
        method: 'POST',
        body: complaintBody(projectId),
      });
      if (w.status === 201) accepted++;
      else refused = w;
    }
    console.log(`full disk: ${accepted} complaint(s) still fitted, then ${refused?.status}`);
    for (const w of [
      refused,
      await as('street_staff', `/api/v1/projects/${projectId}/progress`, {
        method: 'POST',
        body: { text: '外立面施工中', percent: 30 },
      }),
    ]) {
      expect(w?.status, w?.text).toBe(507);
      expect(notAProperClientError({ ...w!, status: 499 })).toBeNull();
      expect((w!.json as { error: { code: string } }).error.code).toBe('storage_failed');
    }
    for (const p of [
      `/api/v1/projects/${projectId}/board`,
      `/api/v1/complaints/public?projectId=${projectId}`,
      '/api/v1/health',
    ]) {
      const r = await as(undefined, p);
      expect(r.status, `${p}: ${r.text.slice(0, 200)}`).toBe(200);
    }
    expect(await total()).toBe(1 + accepted);

    rig.free();
    const again = await as('resident', '/api/v1/complaints', {
      method: 'POST',
      body: complaintBody(projectId),
    });
    expect(again.status, again.text).toBe(201);
    expect(await total()).toBe(2 + accepted);
  });
});
