import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { isKnown, knownFailures } from '../support/known';

/**
 * Issue 7, abuse: the public complaint list and the notice board (with progress and search) never show a
 * resident's or a staff member's name or phone number, even when a resident types their phone into a complaint.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const { own } = h.world;
  const texts = [
    `楼下管道漏水，请联系我 ${h.world.secrets.phones[0]}，谢谢`,
    `施工噪音太大，电话${h.world.secrets.phones[1].replace(/(\d{3})(\d{4})(\d{4})/, '$1-$2-$3')}`,
    '脚手架挡住了单元门，老人出入不便',
  ];
  for (const [i, text] of texts.entries()) {
    const r = await h.as(i % 2 ? 'supervisor' : 'resident', '/api/v1/complaints', {
      method: 'POST',
      body: {
        projectId: own.projectId,
        category: 'safety',
        text,
        buildingId: own.buildingId,
        visibility: i === 2 ? 'anonymous' : 'public',
      },
    });
    expect(r.status).toBe(201);
  }
  // A progress update by the street office, the way the board shows it.
  await h.as('street_staff', `/api/v1/projects/${own.projectId}/progress`, {
    method: 'POST',
    body: { text: '管网改造完成一半', percent: 50 },
  });
});
afterAll(async () => h?.close());

/** Seeded names and phones found in a response, and any 11-digit mobile number at all (separators allowed). */
function leaks(text: string): string[] {
  const found = [...h.world.secrets.names, ...h.world.secrets.phones].filter((s) => text.includes(s));
  const mobiles = text.match(/(?<!\d)1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g) ?? [];
  return [...new Set([...found, ...mobiles])];
}

/** Leaves out the leaks of a reported, not yet fixed bug (printed, not asserted). */
function unknownLeaks(found: string[], key: string, isThatBug: (leak: string) => boolean): string[] {
  if (!isKnown(key)) return found;
  const rest = found.filter((l) => !isThatBug(l));
  if (rest.length < found.length)
    console.log(`known failure: ${knownFailures[key]} (${found.filter(isThatBug).join(', ')})`);
  return rest;
}

describe('public pages show no names and no phone numbers', () => {
  it('the public complaint list, anonymous or not, with phones typed into the text', async () => {
    for (const caller of [undefined, 'resident@other', 'resident']) {
      const r = await h.as(caller, `/api/v1/complaints/public?projectId=${h.world.own.projectId}`);
      expect(r.status).toBe(200);
      expect((r.json as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(3);
      expect(
        unknownLeaks(leaks(r.text), 'redaction :: phone with separators in complaint text', (l) =>
          /[ -]/.test(l),
        ),
      ).toEqual([]);
    }
  });

  it('the notice board, its progress list and the public project search', async () => {
    const { own } = h.world;
    for (const p of [
      `/api/v1/projects/${own.projectId}/board`,
      `/api/v1/projects/${own.projectId}/progress`,
      `/api/v1/projects/search?q=${encodeURIComponent('测试')}`,
    ]) {
      const r = await h.as(undefined, p);
      expect(r.status, p).toBe(200);
      const authors = (
        (r.json as { latestProgress?: { authorName?: string }[]; items?: { authorName?: string }[] })
          .latestProgress ??
        (r.json as { items?: { authorName?: string }[] }).items ??
        []
      ).map((x) => x.authorName);
      expect(
        unknownLeaks(leaks(r.text), 'redaction :: progress author name on the board', (l) =>
          authors.includes(l),
        ),
        p,
      ).toEqual([]);
    }
  });
});
