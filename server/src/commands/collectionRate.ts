import mongoose from 'mongoose';
import {
  collectionRateTarget,
  maskName,
  meetsAtLeast,
  ParticipationChannel,
  ratio,
  type CollectionOverview,
  type CollectionRow,
  type MissingHousehold,
  type SurveyCollectionView,
} from '@jiugai/shared';
import type { AuthUser } from '../auth/tokens';
import { scopeFilter } from '../middlewares/auth';
import { Household } from '../models/household';
import { Region } from '../models/region';
import { Survey, type SurveyDoc } from '../models/survey';
import { SurveyResponse } from '../models/surveyResponse';
import { statusAt } from '../policies/participation';
import { regionInScope } from '../policies/regionScope';

interface HouseholdRow {
  _id: mongoose.Types.ObjectId;
  compoundId: mongoose.Types.ObjectId;
  buildingId: mongoose.Types.ObjectId;
  unit: string;
  room: string;
  ownerName?: string;
}

const row = (id: string, name: string, households: number, responded: number): CollectionRow => {
  const rate = ratio(responded, households);
  return { id, name, households, responded, rate, meetsTarget: meetsAtLeast(rate, collectionRateTarget) };
};

const byAddress = (a: MissingHousehold, b: MissingHousehold) =>
  `${a.building} ${a.unit} ${a.room}`.localeCompare(`${b.building} ${b.unit} ${b.room}`, 'zh-CN', {
    numeric: true,
  });

async function regionNames(ids: unknown[]): Promise<Map<string, string>> {
  const regions = await Region.find({ _id: { $in: ids } }, { name: 1 }).lean();
  return new Map(regions.map((r) => [String(r._id), r.name]));
}

function missingOf(
  households: HouseholdRow[],
  responded: Set<string>,
  names: Map<string, string>,
): MissingHousehold[] {
  return households
    .filter((h) => !responded.has(String(h._id)))
    .map((h) => ({
      householdId: String(h._id),
      building: names.get(String(h.buildingId)) ?? '',
      unit: h.unit,
      room: h.room,
      owner: maskName(h.ownerName),
    }))
    .sort(byAddress);
}

const householdFields = { _id: 1, compoundId: 1, buildingId: 1, unit: 1, room: 1, ownerName: 1 };

/** Live collection rate of one survey: the compound, each building, each channel, and who is still missing. */
export async function surveyCollection(survey: SurveyDoc): Promise<SurveyCollectionView> {
  const [households, responses] = await Promise.all([
    Household.find({ compoundId: survey.compoundId }, householdFields).lean<HouseholdRow[]>(),
    SurveyResponse.find({ surveyId: survey._id }, { householdId: 1, channel: 1 }).lean(),
  ]);
  const names = await regionNames([
    survey.compoundId,
    ...new Set(households.map((h) => String(h.buildingId))),
  ]);
  const current = new Set(households.map((h) => String(h._id)));
  const counted = responses.filter((r) => current.has(String(r.householdId)));
  const responded = new Set(counted.map((r) => String(r.householdId)));
  const byChannel = Object.fromEntries(
    Object.values(ParticipationChannel).map((c) => [c, 0]),
  ) as SurveyCollectionView['byChannel'];
  for (const r of counted) byChannel[r.channel as ParticipationChannel] += 1;

  const perBuilding = new Map<string, { households: number; responded: number }>();
  for (const h of households) {
    const b = perBuilding.get(String(h.buildingId)) ?? { households: 0, responded: 0 };
    b.households += 1;
    if (responded.has(String(h._id))) b.responded += 1;
    perBuilding.set(String(h.buildingId), b);
  }
  const buildings = [...perBuilding]
    .map(([id, b]) => row(id, names.get(id) ?? '', b.households, b.responded))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
  const compoundId = String(survey.compoundId);
  return {
    ...row(compoundId, names.get(compoundId) ?? '', households.length, responded.size),
    surveyId: String(survey._id),
    status: statusAt(survey),
    byChannel,
    buildings,
    missing: missingOf(households, responded, names),
  };
}

/**
 * The district (or street, community) view: for each compound the latest opened survey's live rate, the sum over
 * all of them, and the compounds under 80% with their missing households for door-to-door visits.
 */
export async function collectionOverview(user: AuthUser, regionId?: string): Promise<CollectionOverview> {
  const scope = regionId
    ? { regionPath: { $regex: `^${(await regionInScope(user, regionId)).path}` } }
    : scopeFilter(user);
  const now = new Date();
  const surveys = await Survey.find({ ...scope, opensAt: { $lte: now } }, { questions: 0 })
    .sort({ opensAt: -1, version: -1 })
    .lean<SurveyDoc[]>();
  const latest = new Map<string, SurveyDoc>();
  for (const s of surveys) if (!latest.has(String(s.compoundId))) latest.set(String(s.compoundId), s);
  const chosen = [...latest.values()];

  const [households, responses] = await Promise.all([
    Household.find({ compoundId: { $in: chosen.map((s) => s.compoundId) } }, householdFields).lean<
      HouseholdRow[]
    >(),
    SurveyResponse.find({ surveyId: { $in: chosen.map((s) => s._id) } }, { householdId: 1 }).lean(),
  ]);
  const names = await regionNames([
    ...chosen.map((s) => s.compoundId),
    ...new Set(households.map((h) => String(h.buildingId))),
  ]);
  const responded = new Set(responses.map((r) => String(r.householdId)));
  const householdsOf = new Map<string, HouseholdRow[]>();
  for (const h of households) {
    const list = householdsOf.get(String(h.compoundId)) ?? [];
    list.push(h);
    householdsOf.set(String(h.compoundId), list);
  }

  const compounds: CollectionOverview['compounds'] = [];
  const belowTarget: CollectionOverview['belowTarget'] = [];
  let allHouseholds = 0;
  let allResponded = 0;
  for (const s of chosen) {
    const id = String(s.compoundId);
    const list = householdsOf.get(id) ?? [];
    const done = list.filter((h) => responded.has(String(h._id))).length;
    const r = row(id, names.get(id) ?? '', list.length, done);
    allHouseholds += list.length;
    allResponded += done;
    compounds.push({
      ...r,
      surveyId: String(s._id),
      surveyTitle: s.title,
      status: statusAt(s, now.getTime()),
    });
    if (!r.meetsTarget)
      belowTarget.push({
        compoundId: id,
        name: r.name,
        surveyId: String(s._id),
        rate: r.rate,
        missing: missingOf(list, responded, names),
      });
  }
  compounds.sort((a, b) => a.rate.percent - b.rate.percent || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    target: collectionRateTarget,
    total: row(regionId ?? user.scopePath ?? '', '合计', allHouseholds, allResponded),
    compounds,
    belowTarget,
  };
}
