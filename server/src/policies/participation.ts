import type { Role } from '@jiugai/shared';
import type { AuthUser } from '../auth/tokens';
import { ForbiddenError, NotFoundError } from '../errors';
import { assertInScope } from '../middlewares/auth';
import { Household, type HouseholdDoc } from '../models/household';
import { Project, type ProjectDoc } from '../models/project';
import { User } from '../models/user';
import { batchedById } from '../commands/surveyVoteBatching';

const loadHousehold = batchedById((ids) => Household.find({ _id: { $in: ids } }).lean<HouseholdDoc[]>());
const loadBindings = batchedById((ids) =>
  User.find({ _id: { $in: ids } }, { householdIds: 1 }).lean<{ _id: unknown; householdIds?: unknown[] }[]>(),
);

/** Who builds surveys and follows collection: community workers upward. */
export const surveyStaffRoles: Role[] = ['community_staff', 'street_staff', 'bureau_admin', 'super_admin'];
/** Who opens votes: the street office and the housing bureau. */
export const voteOpenerRoles: Role[] = ['street_staff', 'bureau_admin', 'super_admin'];
/** Who enters paper forms and paper ballots from visits and meetings. */
export const paperEntryRoles: Role[] = surveyStaffRoles;
/** Residents (and supervision members, who are residents too) answer and vote for their bound households. */
export const householdRoles: Role[] = ['resident', 'supervisor'];

export type Timed = { opensAt: Date; closesAt: Date };
export type TimedStatus = 'scheduled' | 'open' | 'closed';
export const statusAt = (t: Timed, now = Date.now()): TimedStatus =>
  now < t.opensAt.getTime() ? 'scheduled' : now < t.closesAt.getTime() ? 'open' : 'closed';
/** The Mongo filter selecting documents in one status at `now`. */
export const statusFilter = (status: TimedStatus, now = new Date()): Record<string, unknown> =>
  status === 'scheduled'
    ? { opensAt: { $gt: now } }
    : status === 'open'
      ? { opensAt: { $lte: now }, closesAt: { $gt: now } }
      : { closesAt: { $lte: now } };

/** A project the staff caller may see: 404 or 403 out_of_scope. */
export async function projectInScope(user: AuthUser, projectId: string): Promise<ProjectDoc> {
  const project = await Project.findById(projectId).lean<ProjectDoc>();
  if (!project) throw NotFoundError('找不到该改造项目');
  assertInScope(user, project.regionPath);
  return project;
}

/** The ids of the households the caller is bound to (none for staff). */
export async function boundHouseholdIds(user: AuthUser): Promise<string[]> {
  const doc = await loadBindings(user.id);
  return (doc?.householdIds ?? []).map(String);
}

/** A household the resident is bound to: 404 when it does not exist, 403 when it is not theirs. */
export async function boundHousehold(user: AuthUser, householdId: string): Promise<HouseholdDoc> {
  const [household, bound] = await Promise.all([loadHousehold(householdId), boundHouseholdIds(user)]);
  if (!household) throw NotFoundError('找不到该房屋');
  if (!bound.includes(householdId)) throw ForbiddenError('您尚未绑定该房屋，不能代其作答或表决');
  return household;
}

/** A household staff may enter a paper form for: it exists and lies in their scope. */
export async function householdInScope(user: AuthUser, householdId: string): Promise<HouseholdDoc> {
  const household = await loadHousehold(householdId);
  if (!household) throw NotFoundError('找不到该房屋');
  assertInScope(user, household.regionPath);
  return household;
}

/** Residents see a survey or vote of a compound only when one of their households is in it. */
export async function assertResidentOfCompound(user: AuthUser, compoundId: string): Promise<void> {
  const ids = await boundHouseholdIds(user);
  const inCompound = ids.length > 0 && (await Household.exists({ _id: { $in: ids }, compoundId }));
  if (!inCompound) throw ForbiddenError('您未绑定该小区的房屋');
}
