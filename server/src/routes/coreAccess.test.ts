import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/testServer';
import { call } from '../../test/http';
import { actors, createAccessWorld, type AccessWorld } from '../../test/accessWorld';
import { coreAccessCases, expected } from '../../test/coreAccessCases';
import { imageForm, tinyPng } from '../../test/images';

let uploadName = '';
const cases = coreAccessCases({ world: () => world, uploadName: () => uploadName });

let server: TestServer;
let world: AccessWorld;
beforeAll(async () => {
  server = await startTestServer();
  world = await createAccessWorld(server);
  uploadName = (
    await call(server, 'POST', '/api/v1/uploads', { token: world.tokens.resident, body: imageForm(tinyPng) })
  ).body.name;
  console.log(
    `core access matrix: ${cases.length} routes × ${actors.length} callers × 2 regions = ${cases.length * actors.length * 2} cases`,
  );
});
afterAll(async () => server?.close());

describe('route × role × region access', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const mismatches: string[] = [];
    for (const actor of actors) {
      for (const side of ['own', 'other'] as const) {
        const { path, body } = await c.prepare(side === 'own' ? world.own : world.other, actor);
        const res = await call(server, c.method, `/api/v1${path}`, { token: world.tokens[actor], body });
        const want = expected(c, actor, side);
        const ok = want === 'ok' ? res.status >= 200 && res.status < 300 : res.status === want;
        if (!ok)
          mismatches.push(
            `${actor}/${side}: expected ${want}, got ${res.status} ${JSON.stringify(res.body?.error ?? '')}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
});
