import mongoose from 'mongoose';
import { hashPassword } from '../auth/password';
import { buildRegion } from '../commands/regionCreator';
import { defaultMilestones, newSceneId } from '../commands/projectCreator';
import { ownerKeyOf } from '../commands/ownerKey';
import { todayInShanghai } from '../presenters/project';
import { Region, type RegionDoc } from '../models/region';
import { Household } from '../models/household';
import { Project } from '../models/project';
import { ProgressUpdate } from '../models/progressUpdate';
import { User } from '../models/user';
import { BindingRequest } from '../models/bindingRequest';
import { allocate, prng } from './demoRandom';
import {
  demoAccounts,
  demoDistrict,
  demoPassword,
  demoResidents,
  demoStreets,
  demoSupervisors,
  demoTotals,
  givenNames,
  surnames,
} from './demoData';
import { demoProgressTexts, demoProjectDetails, demoStages } from './demoProjects';

type Built = ReturnType<typeof buildRegion>;
const asParent = (r: Built) => r as unknown as RegionDoc;

export interface DemoSummary {
  districtId: string;
  projects: number;
  buildings: number;
  households: number;
  area: number;
}

/**
 * Loads the demo district in a handful of bulk inserts (fast enough for end-to-end tests that start the server
 * many times). Deterministic apart from ids and scene ids.
 */
export async function seedDemo(opts: { year?: number } = {}): Promise<DemoSummary> {
  const rng = prng(20240410);
  const year = opts.year ?? Number(todayInShanghai().slice(0, 4));
  const regions: Built[] = [];
  const district = buildRegion({ parent: null, name: demoDistrict, address: '内蒙古自治区包头市东河区' });
  regions.push(district);
  const streets: Built[] = [];
  const communities: Built[][] = [];
  const compounds: { region: Built; street: string; community: string }[] = [];
  for (const s of demoStreets) {
    const street = buildRegion({ parent: asParent(district), name: s.name });
    streets.push(street);
    communities.push([]);
    regions.push(street);
    for (const c of s.communities) {
      const community = buildRegion({ parent: asParent(street), name: c.name });
      communities[communities.length - 1].push(community);
      regions.push(community);
      for (const name of c.compounds) {
        const compound = buildRegion({
          parent: asParent(community),
          name,
          address: `东河区${s.name.replace('街道', '')}${name}`,
        });
        compounds.push({ region: compound, street: s.name, community: c.name });
        regions.push(compound);
      }
    }
  }

  // 10 compounds with 4 buildings and 20 with 3: 100 buildings.
  const buildings: { region: Built; compound: Built }[] = [];
  compounds.forEach(({ region }, i) => {
    for (let b = 1; b <= (i % 3 === 0 ? 4 : 3); b++) {
      const building = buildRegion({ parent: asParent(region), name: `${b}号楼`, floors: 6 });
      buildings.push({ region: building, compound: region });
      regions.push(building);
    }
  });
  const perBuilding = allocate(
    demoTotals.households,
    buildings.map(() => 0.6 + rng.next() * 0.8),
  );
  const areasCenti = allocate(
    demoTotals.areaSquareMetres * 100,
    Array.from({ length: demoTotals.households }, () => 60 + rng.next() * 70),
  );

  const households: Record<string, unknown>[] = [];
  let owner = { name: '', phone: '' };
  buildings.forEach(({ region, compound }, bi) => {
    for (let i = 0; i < perBuilding[bi]; i++) {
      const j = i % 12;
      // Now and then one owner holds the next household too (counted once by headcount in votes).
      if (households.length % 97 !== 1) {
        owner = {
          name: `${rng.pick([...surnames])}${rng.pick(givenNames)}`,
          phone: `13${rng.int(4, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        };
      }
      households.push({
        _id: new mongoose.Types.ObjectId(),
        compoundId: compound._id,
        buildingId: region._id,
        regionPath: region.path,
        unit: String(Math.floor(i / 12) + 1),
        room: `${Math.floor(j / 2) + 1}0${(j % 2) + 1}`,
        area: areasCenti[households.length] / 100,
        ownerName: owner.name,
        ownerPhone: owner.phone,
        ownerKey: ownerKeyOf(owner.name, owner.phone),
      });
    }
  });

  const stages = demoStages();
  for (let i = stages.length - 1; i > 0; i--) {
    const k = rng.int(0, i);
    [stages[i], stages[k]] = [stages[k], stages[i]];
  }
  // The first compound (where the demo residents live) is under construction: the richest board to look at.
  stages.splice(stages.indexOf('construction'), 1);
  stages.unshift('construction');

  const figures = new Map<string, { buildings: number; households: number; centi: number }>();
  buildings.forEach(({ compound }) => {
    const f = figures.get(String(compound._id)) ?? { buildings: 0, households: 0, centi: 0 };
    f.buildings++;
    figures.set(String(compound._id), f);
  });
  households.forEach((h, i) => {
    const f = figures.get(String(h.compoundId))!;
    f.households++;
    f.centi += areasCenti[i];
  });

  const projects = compounds.map(({ region, street, community }, i) => {
    const f = figures.get(String(region._id))!;
    return {
      _id: new mongoose.Types.ObjectId(),
      compoundId: region._id,
      regionPath: region.path,
      year,
      name: `${year}年${region.name}老旧小区改造项目`,
      stage: stages[i],
      sceneId: newSceneId(),
      districtName: demoDistrict,
      streetName: street,
      communityName: community,
      compoundName: region.name,
      address: region.address,
      figures: { buildings: f.buildings, households: f.households, floorArea: f.centi / 100 },
      ...{ milestones: defaultMilestones(year) },
      ...demoProjectDetails(rng, year, stages[i], street, community, i % 10 === 3),
    };
  });

  const progress = projects.flatMap((p) => {
    const texts = demoProgressTexts(p.stage);
    return texts.map((text, k) => ({
      projectId: p._id,
      regionPath: p.regionPath,
      text,
      photos: [],
      percent: k === texts.length - 1 ? p.percent : Math.round((p.percent * (k + 1)) / texts.length),
      authorId: '',
      authorName: `${p.streetName} 工作人员`,
      createdAt: new Date(Date.UTC(year, 4 + k, 10, 2)),
    }));
  });

  // Demo passwords are public anyway; one hash shared by all demo accounts keeps the seed fast.
  const passwordHash = await hashPassword(demoPassword);
  const scopeOf = (scope: number | [number, number] | undefined): Built =>
    scope === undefined
      ? district
      : typeof scope === 'number'
        ? streets[scope]
        : communities[scope[0]][scope[1]];
  const staff = demoAccounts.map((a) => {
    const scope = scopeOf(a.scope);
    return {
      role: a.role,
      account: a.account,
      name: a.name,
      phone: '',
      passwordHash,
      scopeRegionId: scope._id,
      scopePath: scope.path,
    };
  });
  const first = households.filter((h) => String(h.compoundId) === String(compounds[0].region._id));
  const residents = demoResidents.map((openid, i) => ({
    role: 'resident',
    openid,
    name: String(first[i].ownerName),
    phone: String(first[i].ownerPhone),
    householdIds: i === 0 ? [first[0]._id, first[1]._id] : i < 4 ? [first[i + 1]._id] : [],
  }));
  const supervisors = demoSupervisors.map((s) => ({
    role: 'supervisor',
    openid: s.openid,
    name: s.name,
    supervisorCategory: s.category,
    householdIds: [],
    scopeRegionId: communities[0][0]._id,
    scopePath: communities[0][0].path,
  }));

  await Region.insertMany(regions, { lean: true });
  // lean inserts skip mongoose timestamps; votes count households that existed when the vote opened (createdAt).
  const seededAt = new Date();
  for (const h of households) Object.assign(h, { createdAt: seededAt, updatedAt: seededAt });
  await Household.insertMany(households, { lean: true });
  await Project.insertMany(projects, { lean: true });
  await ProgressUpdate.insertMany(progress, { lean: true });
  const pendingResident = { _id: new mongoose.Types.ObjectId(), ...residents[4] };
  await User.insertMany([...staff, ...residents.slice(0, 4), pendingResident, ...supervisors], {
    lean: true,
  });
  await BindingRequest.create({
    userId: pendingResident._id,
    householdId: first[10]._id as mongoose.Types.ObjectId,
    compoundId: compounds[0].region._id,
    regionPath: String(first[10].regionPath),
    name: residents[4].name,
    phone: residents[4].phone,
  });
  return {
    districtId: String(district._id),
    projects: projects.length,
    buildings: buildings.length,
    households: households.length,
    area: areasCenti.reduce((a, b) => a + b, 0) / 100,
  };
}
