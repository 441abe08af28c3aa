import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../../server/test/testServer';
import type { AuthUser } from '../../server/src/auth/tokens';
import { buildWorld, type World } from './world';
import { bearer, type TokenKind } from './tokens';
import { send, type Reply, type SendOptions } from './http';

/** Survey, vote and complaint created through the API in branch 1 (ids absent while their routes have not landed). */
export interface Participation {
  surveyId?: string;
  voteId?: string;
  complaintId?: string;
  privateComplaintId?: string;
  /** A pending binding request for a branch-1 household, by a resident outside the matrix. */
  bindingId?: string;
}

export interface Harness {
  server: TestServer;
  world: World;
  part: Participation;
  dataDir: string;
  /** Authorization header for a world caller ("community_staff", "resident@other", …). */
  auth(caller: string, kind?: TokenKind): string | undefined;
  as(caller: string | undefined, p: string, opts?: SendOptions): Promise<Reply>;
  /** A fresh two-branch world on the same server (cells that write cannot disturb each other's routes). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const idOf = (r: Reply) => {
  const b = r.json as { id?: string; _id?: string; item?: { id?: string } } | undefined;
  return r.status < 300 ? (b?.id ?? b?._id ?? b?.item?.id) : undefined;
};

/** Opens now, closes in 30 days. */
export const openWindow = () => ({
  opensAt: new Date(Date.now() - 3600_000).toISOString(),
  closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
});

export const surveyBody = (projectId: string) => ({
  projectId,
  title: '小区改造征求意见表',
  description: '请每户填写一份',
  questions: [
    {
      id: 'agree',
      title: '您是否同意本小区实施改造',
      required: true,
      type: 'single',
      options: [
        { id: 'yes', label: '同意' },
        { id: 'no', label: '不同意' },
      ],
    },
    {
      id: 'items',
      title: '最希望改造的内容',
      type: 'multiple',
      options: [
        { id: 'pipes', label: '地下管网' },
        { id: 'roads', label: '道路' },
        { id: 'parking', label: '停车位' },
      ],
      minSelect: 0,
    },
    { id: 'note', title: '其他意见', type: 'text', maxLength: 200 },
  ],
  ...openWindow(),
});

export const voteBody = (projectId: string) => ({
  projectId,
  title: '选聘红色物业服务企业',
  article278Item: 4,
  kind: 'yes_no',
  allowChange: true,
  ...openWindow(),
});

let complaintSerial = 0;
/** A complaint with a text of its own each time (the server refuses the same text twice in a row as a duplicate). */
export const complaintBody = (projectId: string, visibility = 'public') => ({
  projectId,
  category: 'civility',
  text: `夜间施工噪音太大，影响老人休息（第${++complaintSerial}次反映）`,
  visibility,
});

/** Creates the participation records through the API, as the staff and residents of branch 1 would. */
export async function createParticipation(
  as: (caller: string, p: string, opts?: SendOptions) => Promise<Reply>,
  world: World,
): Promise<Participation> {
  const projectId = world.own.projectId;
  const survey = await as('community_staff', '/api/v1/surveys', {
    method: 'POST',
    body: surveyBody(projectId),
  });
  const vote = await as('street_staff', '/api/v1/votes', { method: 'POST', body: voteBody(projectId) });
  const complaint = await as('resident', '/api/v1/complaints', {
    method: 'POST',
    body: complaintBody(projectId),
  });
  const priv = await as('resident', '/api/v1/complaints', {
    method: 'POST',
    body: complaintBody(projectId, 'private'),
  });
  const last = world.own.householdIds.length - 1;
  const binding = await as('applicant', '/api/v1/bindings', {
    method: 'POST',
    body: {
      buildingId: world.own.buildingId,
      unit: String(1 + (last % 3)),
      room: String(101 + last),
      name: '申请人',
      phone: '13700000000',
    },
  });
  return {
    surveyId: idOf(survey),
    voteId: idOf(vote),
    complaintId: idOf(complaint),
    privateComplaintId: idOf(priv),
    bindingId: idOf(binding),
  };
}

/** The real app in-process over the embedded engine (memory), with the two-branch world seeded. */
export async function startHarness(opts: { households?: number } = {}): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-rel-'));
  // Requests stand behind a reverse proxy that appends their address to X-Forwarded-For.
  const server = await startTestServer({ JIUGAI_DATA_DIR: dataDir, TRUST_PROXY: '1' });
  let world = await buildWorld({ households: opts.households });
  const secret = server.env.JWT_SECRET;
  const authFor = (caller: string, kind: TokenKind = 'valid') => {
    const user: AuthUser | undefined = world.users[caller];
    if (!user) throw new Error(`no such caller ${caller}`);
    return bearer(kind, user, secret);
  };
  const as = (caller: string | undefined, p: string, o: SendOptions = {}) =>
    send(server.url, p, { ...o, auth: caller ? authFor(caller) : o.auth });
  const h: Harness = {
    server,
    world,
    part: await createParticipation(as, world),
    dataDir,
    auth: authFor,
    as,
    async reset() {
      world = h.world = await buildWorld({ households: opts.households });
      h.part = await createParticipation(as, world);
    },
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}
