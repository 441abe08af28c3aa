import type { Role } from '@jiugai/shared';
import { signToken } from '../src/auth/tokens';
import { hashPassword } from '../src/auth/password';
import { createRegion } from '../src/commands/regionCreator';
import { createProject } from '../src/commands/projectCreator';
import { ownerKeyOf } from '../src/commands/ownerKey';
import { Household, type HouseholdDoc } from '../src/models/household';
import type { RegionDoc } from '../src/models/region';
import { User, type UserDoc } from '../src/models/user';
import type { ProjectDoc } from '../src/models/project';
import type { TestServer } from './testServer';

let seq = 0;
const next = () => ++seq;

/** District → street → community → compound → building, with unique names. */
export async function createRegionChain(label = `区${next()}`) {
  const district = await createRegion({ parent: null, name: `${label}` });
  const street = await createRegion({ parent: district, name: `${label}街道` });
  const community = await createRegion({ parent: street, name: `${label}社区` });
  const compound = await createRegion({
    parent: community,
    name: `${label}小区`,
    address: `${label}路 1 号`,
  });
  const building = await createRegion({ parent: compound, name: '1号楼' });
  return { district, street, community, compound, building };
}
export type RegionChain = Awaited<ReturnType<typeof createRegionChain>>;

export async function createHouseholds(
  building: RegionDoc,
  count: number,
  from = 101,
): Promise<HouseholdDoc[]> {
  const docs = Array.from({ length: count }, (_, i) => ({
    compoundId: building.parentId,
    buildingId: building._id,
    regionPath: building.path,
    unit: '1',
    room: String(from + i),
    area: 80 + i,
    ownerName: `业主${from + i}`,
    ownerPhone: `139${String(10000000 + from + i).slice(-8)}`,
    ownerKey: ownerKeyOf(`业主${from + i}`, `139${String(10000000 + from + i).slice(-8)}`),
  }));
  const inserted = await Household.insertMany(docs);
  return inserted.map((h) => h.toObject() as HouseholdDoc);
}

export const testPassword = 'Passw0rd!x';

/** A user of any role; staff get an account and the test password, and are scoped to `scope`. */
export async function createUser(
  role: Role,
  scope?: RegionDoc | null,
  extra: Partial<UserDoc> = {},
): Promise<UserDoc> {
  const n = next();
  const staff = role !== 'resident' && role !== 'supervisor';
  const doc = await User.create({
    role,
    name: `${role}-${n}`,
    phone: '13912345678',
    ...(staff
      ? { account: `${role}_${n}`, passwordHash: await hashPassword(testPassword) }
      : { openid: `openid-${n}` }),
    ...(scope ? { scopeRegionId: scope._id, scopePath: scope.path } : {}),
    ...extra,
  });
  return doc.toObject() as UserDoc;
}

export function tokenFor(server: TestServer, user: Pick<UserDoc, '_id' | 'role' | 'scopePath'>): string {
  return signToken(
    {
      id: String(user._id),
      role: user.role as Role,
      ...(user.scopePath ? { scopePath: user.scopePath } : {}),
    },
    'access',
    server.env.JWT_SECRET,
    600,
  );
}

export async function createTestProject(
  compound: RegionDoc,
  overrides: Partial<{ year: number; stage: ProjectDoc['stage'] }> = {},
) {
  return createProject({ compound, year: overrides.year ?? 2026, stage: overrides.stage });
}
