import type { Role } from '@jiugai/shared';
import { createRegion } from '../src/commands/regionCreator';
import { createProject } from '../src/commands/projectCreator';
import { issueBindingCodes } from '../src/commands/bindingCodes';
import { BindingRequest } from '../src/models/bindingRequest';
import { Project } from '../src/models/project';
import { ProgressUpdate } from '../src/models/progressUpdate';
import type { ProjectDoc } from '../src/models/project';
import { User, type UserDoc } from '../src/models/user';
import { createHouseholds, createRegionChain, createUser, tokenFor, type RegionChain } from './factories';
import type { TestServer } from './testServer';

export type Actor = 'anonymous' | Role;
export const actors: Actor[] = [
  'anonymous',
  'resident',
  'supervisor',
  'community_staff',
  'street_staff',
  'bureau_admin',
  'expert',
  'super_admin',
];

let n = 0;
const unique = (prefix: string) => `${prefix}${++n}`;

/** One side of the access world: a region chain with a household, a project and helpers that make fresh targets. */
export class Side {
  constructor(
    readonly chain: RegionChain,
    readonly project: ProjectDoc,
  ) {}
  static async create(label: string) {
    const chain = await createRegionChain(label);
    await createHouseholds(chain.building, 2);
    const project = await createProject({ compound: chain.compound, year: 2026 });
    await ProgressUpdate.create({
      projectId: project._id,
      regionPath: project.regionPath,
      text: '开工',
      percent: 5,
      authorId: 'x',
    });
    return new Side(chain, project);
  }
  async freshCompound() {
    return createRegion({ parent: this.chain.community, name: unique('小区') });
  }
  async freshBuilding() {
    return createRegion({ parent: this.chain.compound, name: unique('楼') });
  }
  async freshHousehold() {
    const [h] = await createHouseholds(this.chain.building, 1, 1000 + ++n);
    return h;
  }
  async freshProject(set: Record<string, unknown> = {}) {
    const p = await createProject({ compound: await this.freshCompound(), year: 2026 });
    if (Object.keys(set).length) await Project.updateOne({ _id: p._id }, { $set: set });
    return p;
  }
  async freshCode() {
    const h = await this.freshHousehold();
    const [item] = await issueBindingCodes({ _id: h._id }, false);
    return item.code;
  }
  async freshBindingRequest() {
    const h = await this.freshHousehold();
    const requester = await createUser('resident');
    const r = await BindingRequest.create({
      userId: requester._id,
      householdId: h._id,
      compoundId: h.compoundId,
      regionPath: h.regionPath,
      name: '申请人',
      phone: '13800000000',
    });
    return r;
  }
  async freshResident() {
    const u = await User.create({
      role: 'resident',
      openid: unique('access-openid-'),
      householdIds: [(await this.freshHousehold())._id],
    });
    return u.toObject() as UserDoc;
  }
  async freshSupervisor() {
    const c = this.chain.compound;
    const u = await User.create({
      role: 'supervisor',
      openid: unique('access-openid-'),
      scopeRegionId: c._id,
      scopePath: c.path,
    });
    return u.toObject() as UserDoc;
  }
  /** A community worker in this side (no password: these tests never log it in). */
  async freshStaff() {
    const u = await User.create({
      role: 'community_staff',
      account: unique('acct-'),
      name: '社工',
      scopeRegionId: this.chain.community._id,
      scopePath: this.chain.community.path,
    });
    return u.toObject() as UserDoc;
  }
}

export interface AccessWorld {
  own: Side;
  other: Side;
  users: Partial<Record<Actor, UserDoc>>;
  tokens: Partial<Record<Actor, string>>;
}

/** Two districts; every staff role is scoped inside the first ("own"), none in the second ("other"). */
export async function createAccessWorld(server: TestServer): Promise<AccessWorld> {
  const own = await Side.create(unique('本区'));
  const other = await Side.create(unique('他区'));
  const scopes: Partial<Record<Role, RegionChain[keyof RegionChain] | null>> = {
    resident: null,
    supervisor: null,
    community_staff: own.chain.community,
    street_staff: own.chain.street,
    bureau_admin: own.chain.district,
    expert: own.chain.district,
    super_admin: null,
  };
  const users: AccessWorld['users'] = {};
  const tokens: AccessWorld['tokens'] = {};
  for (const [role, scope] of Object.entries(scopes) as [Role, RegionChain[keyof RegionChain] | null][]) {
    users[role] = await createUser(role, scope);
    tokens[role] = tokenFor(server, users[role]!);
  }
  return { own, other, users, tokens };
}
