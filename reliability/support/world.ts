import mongoose from 'mongoose';
import type { Role } from '@jiugai/shared';
import { createRegion } from '../../server/src/commands/regionCreator';
import { createProject } from '../../server/src/commands/projectCreator';
import { ownerKeyOf } from '../../server/src/commands/ownerKey';
import { Household } from '../../server/src/models/household';
import { User } from '../../server/src/models/user';
import { SupervisionMember } from '../../server/src/models/supervisionMember';
import type { AuthUser } from '../../server/src/auth/tokens';
import type { RegionDoc } from '../../server/src/models/region';

/** Two disjoint region branches: branch 1 is "own", branch 2 is "other". */
export interface Branch {
  districtId: string;
  streetId: string;
  communityId: string;
  compoundId: string;
  buildingId: string;
  householdIds: string[];
  projectId: string;
  compoundPath: string;
  /** The compound's name, which project names and exports repeat. */
  compoundName: string;
  /** The supervision-group membership of the branch's supervisor. */
  supervisionMemberId?: string;
}

export interface World {
  own: Branch;
  other: Branch;
  /** Callers by cell name: "<role>" (scoped to branch 1 / bound in branch 1) and "<role>@other" (branch 2). */
  users: Record<string, AuthUser>;
  /** Every seeded person name and phone number: none may show in public responses. */
  secrets: { names: string[]; phones: string[] };
}

export const staffScopeLevel: Record<string, keyof Pick<Branch, 'districtId' | 'streetId' | 'communityId'>> =
  {
    community_staff: 'communityId',
    street_staff: 'streetId',
    bureau_admin: 'districtId',
    expert: 'districtId',
  };
export const cellRoles: Role[] = [
  'resident',
  'supervisor',
  'community_staff',
  'street_staff',
  'bureau_admin',
  'expert',
  'super_admin',
];

const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
let serial = 0;
const person = (b: number) => {
  serial++;
  return {
    name: `${surnames[serial % surnames.length]}测${'甲乙丙丁戊己庚辛'[serial % 8]}${b}号`,
    phone: `139${String(71000000 + serial * 7 + b).padStart(8, '0')}`,
  };
};

async function branch(b: number, households: number, secrets: World['secrets']): Promise<Branch> {
  const tag = `${b}-${Date.now().toString(36)}`;
  const district = await createRegion({ parent: null, name: `可靠性测试区${tag}` });
  const street = await createRegion({ parent: district, name: `测试街道${tag}` });
  const community = await createRegion({ parent: street, name: `测试社区${tag}` });
  const compound = await createRegion({ parent: community, name: `测试小区${tag}`, address: `测试路${b}号` });
  const building = await createRegion({ parent: compound, name: `${b}号楼`, floors: 6 });
  const docs = Array.from({ length: households }, (_, i) => {
    const p = person(b);
    secrets.names.push(p.name);
    secrets.phones.push(p.phone);
    return {
      compoundId: compound._id,
      buildingId: building._id,
      regionPath: building.path,
      unit: String(1 + (i % 3)),
      room: String(101 + i),
      area: 60 + (i % 7) * 10.25,
      ownerName: p.name,
      ownerPhone: p.phone,
      ownerKey: ownerKeyOf(p.name, p.phone),
    };
  });
  const hh = await Household.insertMany(docs);
  const project = await createProject({ compound: compound as RegionDoc, year: 2026 });
  return {
    districtId: String(district._id),
    streetId: String(street._id),
    communityId: String(community._id),
    compoundId: String(compound._id),
    buildingId: String(building._id),
    householdIds: hh.map((h) => String(h._id)),
    projectId: String(project._id),
    compoundPath: compound.path,
    compoundName: compound.name,
  };
}

/**
 * Seeds, through the server's own commands and models, two branches of the region tree with households and a
 * project each, one staff account per role and branch, and residents/supervisors bound to households.
 * `extraResidents` residents are bound one-to-one to branch-1 households after the first (load and fault runs);
 * `complainers` more residents (family members) share those households, to file complaints in load runs
 * without reaching the per-account filing limit. They are named "complainer<i>".
 */
export async function buildWorld(
  opts: { households?: number; extraResidents?: number; complainers?: number } = {},
): Promise<World> {
  const secrets: World['secrets'] = { names: [], phones: [] };
  const n = Math.max(opts.households ?? 6, (opts.extraResidents ?? 0) + 3);
  const own = await branch(1, n, secrets);
  const other = await branch(2, 4, secrets);
  const users: Record<string, AuthUser> = {};
  const regionPathOf = async (id: string) =>
    (await mongoose.connection.db!.collection('regions').findOne({ _id: new mongoose.Types.ObjectId(id) }))!
      .path as string;
  for (const [suffix, br] of [
    ['', own],
    ['@other', other],
  ] as const) {
    for (const [role, field] of Object.entries(staffScopeLevel)) {
      const p = person(suffix ? 2 : 1);
      secrets.names.push(p.name);
      secrets.phones.push(p.phone);
      const scopePath = await regionPathOf(br[field]);
      const u = await User.create({
        role: role as Role,
        account: `rel_${role}${suffix ? '_other' : ''}_${serial}`,
        name: p.name,
        phone: p.phone,
        scopeRegionId: br[field],
        scopePath,
      });
      users[`${role}${suffix}`] = { id: String(u._id), role: role as Role, scopePath };
    }
    for (const role of ['resident', 'supervisor'] as const) {
      const p = person(suffix ? 2 : 1);
      secrets.names.push(p.name);
      secrets.phones.push(p.phone);
      const household = br.householdIds[role === 'resident' ? 0 : 1];
      // A supervisor is appointed for a compound: the account carries that scope, as an appointment sets it.
      const appointed =
        role === 'supervisor'
          ? {
              supervisorCategory: 'active_resident',
              scopeRegionId: br.compoundId,
              scopePath: br.compoundPath,
            }
          : {};
      const u = await User.create({
        role,
        openid: `rel_${role}${suffix}_${serial}`,
        name: p.name,
        phone: p.phone,
        householdIds: [household],
        ...appointed,
      });
      if (role === 'supervisor') {
        const m = await SupervisionMember.create({
          projectId: br.projectId,
          userId: u._id,
          regionPath: br.compoundPath,
          category: 'active_resident',
        });
        br.supervisionMemberId = String(m._id);
      }
      users[`${role}${suffix}`] = {
        id: String(u._id),
        role,
        ...(role === 'supervisor' ? { scopePath: br.compoundPath } : {}),
      };
    }
  }
  const applicant = await User.create({
    role: 'resident',
    openid: `rel_applicant_${serial}`,
    name: '申请人',
  });
  users.applicant = { id: String(applicant._id), role: 'resident' };
  const admin = await User.create({
    role: 'super_admin',
    account: `rel_super_${serial}`,
    name: '系统管理员',
  });
  users.super_admin = users['super_admin@other'] = { id: String(admin._id), role: 'super_admin' };
  for (let i = 0; i < (opts.extraResidents ?? 0); i++) {
    const u = await User.create({
      role: 'resident',
      openid: `rel_load_${serial}_${i}`,
      householdIds: [own.householdIds[i + 2]],
    });
    users[`load${i}`] = { id: String(u._id), role: 'resident' };
  }
  const complainers = Array.from({ length: opts.complainers ?? 0 }, (_, i) => ({
    _id: new mongoose.Types.ObjectId(),
    role: 'resident',
    openid: `rel_complainer_${serial}_${i}`,
    householdIds: [new mongoose.Types.ObjectId(own.householdIds[2 + (i % (n - 2))])],
  }));
  if (complainers.length) await User.insertMany(complainers);
  complainers.forEach((u, i) => (users[`complainer${i}`] = { id: String(u._id), role: 'resident' }));
  return { own, other, users, secrets };
}
