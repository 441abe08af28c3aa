import { Types } from 'mongoose';
import type { RegionLevel, Role } from '@jiugai/shared';
import { signToken } from '../src/auth/tokens';
import { Household } from '../src/models/household';
import { Project } from '../src/models/project';
import { Region } from '../src/models/region';
import { User } from '../src/models/user';
import type { TestServer } from './testServer';
import { imageForm, tinyPng } from './images';
import { call as httpCall, type ApiResponse, type CallOptions } from './http';

/**
 * A small district for participation tests: one district, streets A and B, each with a community, a compound
 * (with two buildings and four households) and a project, plus people of every role. Tokens are signed directly.
 */
export interface Side {
  compoundId: string;
  compoundPath: string;
  buildingIds: string[];
  householdIds: string[];
  projectId: string;
}
export interface World {
  a: Side;
  b: Side;
  tokens: Record<
    | 'residentA'
    | 'resident2A'
    | 'residentB'
    | 'supervisorA'
    | 'communityA'
    | 'streetA'
    | 'bureau'
    | 'communityB'
    | 'expert'
    | 'superAdmin',
    string
  >;
  userIds: Record<string, string>;
}

let sequence = 0;

type RegionRef = { _id: Types.ObjectId; path: string };

async function region(level: RegionLevel, name: string, parent?: RegionRef): Promise<RegionRef> {
  const _id = new Types.ObjectId();
  const path = `${parent?.path ?? '/'}${_id}/`;
  await Region.create({ _id, level, name, parentId: parent?._id ?? null, path });
  return { _id, path };
}

async function side(
  district: RegionRef,
  label: string,
): Promise<Side & { streetPath: string; communityPath: string }> {
  const street = await region('street', `${label}街道`, district);
  const community = await region('community', `${label}社区`, street);
  const compound = await region('compound', `${label}小区`, community);
  const buildings = [
    await region('building', '1号楼', compound),
    await region('building', '2号楼', compound),
  ];
  const households = [];
  for (const [i, b] of [buildings[0], buildings[0], buildings[1], buildings[1]].entries()) {
    households.push(
      await Household.create({
        compoundId: compound._id,
        buildingId: b._id,
        regionPath: b.path,
        unit: '1',
        room: `${101 + i}`,
        area: 80 + i,
        ownerName: `业主${label}${i}`,
        ownerPhone: `1380000000${i}`,
        ownerKey: `${label}-${i}`,
      }),
    );
  }
  sequence += 1;
  const project = await Project.create({
    compoundId: compound._id,
    regionPath: compound.path,
    year: 2026,
    name: `${label}小区 2026 年改造`,
    stage: 'construction',
    sceneId: `scene${label}${sequence}${Date.now().toString(36)}`,
    compoundName: `${label}小区`,
  });
  return {
    compoundId: String(compound._id),
    compoundPath: compound.path,
    streetPath: street.path,
    communityPath: community.path,
    buildingIds: buildings.map((b) => String(b._id)),
    householdIds: households.map((h) => String(h._id)),
    projectId: String(project._id),
  };
}

export async function buildWorld(server: TestServer): Promise<World> {
  const district = await region('district', '东河区');
  const a = await side(district, '甲');
  const b = await side(district, '乙');
  const person = async (key: string, role: Role, extra: Record<string, unknown> = {}) => {
    const u = await User.create({ role, name: `${key}姓名`, phone: '13912345678', ...extra });
    const token = signToken(
      {
        id: String(u._id),
        role,
        ...(typeof extra.scopePath === 'string' ? { scopePath: extra.scopePath } : {}),
      },
      'access',
      server.env.JWT_SECRET,
      3600,
    );
    return { id: String(u._id), token };
  };
  const people = {
    residentA: await person('居民甲', 'resident', {
      householdIds: [a.householdIds[0]],
      openid: 'openid-resident-a',
    }),
    resident2A: await person('居民甲二', 'resident', {
      householdIds: [a.householdIds[2]],
      openid: 'openid-resident-2a',
    }),
    residentB: await person('居民乙', 'resident', {
      householdIds: [b.householdIds[0]],
      openid: 'openid-resident-b',
    }),
    supervisorA: await person('监督员', 'supervisor', {
      supervisorCategory: 'npc_deputy',
      openid: 'openid-supervisor',
      // Appointed for community 甲, as POST /supervisors sets it.
      scopePath: a.communityPath,
    }),
    communityA: await person('社区甲', 'community_staff', { scopePath: a.communityPath }),
    streetA: await person('街道甲', 'street_staff', { scopePath: a.streetPath }),
    bureau: await person('住建局', 'bureau_admin', { scopePath: district.path }),
    communityB: await person('社区乙', 'community_staff', { scopePath: b.communityPath }),
    expert: await person('专家', 'expert', { scopePath: district.path }),
    superAdmin: await person('管理员', 'super_admin'),
  };
  const tokens = Object.fromEntries(Object.entries(people).map(([k, v]) => [k, v.token])) as World['tokens'];
  const userIds = Object.fromEntries(Object.entries(people).map(([k, v]) => [k, v.id]));
  return { a, b, tokens, userIds };
}

/** A JSON call to the test server under /api/v1 (the shared `call` with the prefix added). */
export const call = (
  server: TestServer,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<ApiResponse> => httpCall(server, method, `/api/v1${path}`, opts);

/** Waits for something written after the response (e.g. a subscription message), up to `ms`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  ms = 3000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error('条件在限定时间内未满足');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Uploads a real 1×1 PNG as the caller and returns its URL, for photo fields. */
export async function uploadPhoto(server: TestServer, token: string): Promise<string> {
  const res = await call(server, 'POST', '/uploads', { token, body: imageForm(tinyPng) });
  if (res.status !== 201 && res.status !== 200) throw new Error(`upload failed: ${res.status}`);
  return (res.body as { url: string }).url;
}
