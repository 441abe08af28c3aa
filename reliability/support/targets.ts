import fc from 'fast-check';
import type { Harness } from './harness';
import type { RouteInfo } from './routes';
import type { FieldOverride, JsonSchema } from './jsonSchemaArb';

/** Real branch-1 ids for path parameters, by parameter name or by the resource segment before it. */
export function ownParams(
  h: Harness,
  route: RouteInfo,
  extra: Record<string, string> = {},
): Record<string, string> {
  const { own, users } = h.world;
  const bySegment: Record<string, string | undefined> = {
    projects: own.projectId,
    surveys: h.part.surveyId,
    votes: h.part.voteId,
    complaints: h.part.complaintId,
    households: own.householdIds[0],
    regions: own.compoundId,
    buildings: own.buildingId,
    compounds: own.compoundId,
    staff: users.community_staff?.id,
    users: users.community_staff?.id,
    bindings: h.part.bindingId,
    members: own.supervisionMemberId,
    supervisors: users.supervisor?.id,
    milestones: 'procedures',
    ...extra,
  };
  const byName: Record<string, string | undefined> = {
    householdId: own.householdIds[0],
    projectId: own.projectId,
    surveyId: h.part.surveyId,
    voteId: h.part.voteId,
    complaintId: h.part.complaintId,
    compoundId: own.compoundId,
    buildingId: own.buildingId,
    regionId: own.communityId,
    userId: users.community_staff?.id,
  };
  const out: Record<string, string> = {};
  const segments = route.path.split('/');
  for (const name of route.paramNames) {
    const i = segments.indexOf(`:${name}`);
    const value =
      name === 'key'
        ? bySegment[segments[i - 1]]
        : (byName[name] ?? bySegment[segments[i - 1]] ?? extra[name]);
    if (value) out[name] = value;
  }
  return out;
}

/** Fills id-like fields of generated bodies and queries with real branch-1 ids. */
export function idOverride(h: Harness): FieldOverride {
  const { own } = h.world;
  const ids: Record<string, string | undefined> = {
    projectId: own.projectId,
    compoundId: own.compoundId,
    buildingId: own.buildingId,
    householdId: own.householdIds[0],
    regionId: own.communityId,
    parentId: own.compoundId,
    scopeRegionId: own.communityId,
    surveyId: h.part.surveyId,
    voteId: h.part.voteId,
    complaintId: h.part.complaintId,
    userId: h.world.users.resident?.id,
  };
  return (name: string, schema: JsonSchema) => {
    if (ids[name]) return fc.constant(ids[name]);
    if (name === 'buildingIds') return fc.constant([own.buildingId]);
    if (name === 'householdIds') return fc.constant([own.householdIds[0]]);
    if (schema.enum?.length) return fc.constant(schema.enum[0]);
    return undefined;
  };
}
