import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { Ballot } from '../../models/ballot';
import { Complaint } from '../../models/complaint';
import { Household } from '../../models/household';
import { Project } from '../../models/project';
import { Region } from '../../models/region';
import { Survey } from '../../models/survey';
import { SurveyResponse } from '../../models/surveyResponse';
import { Vote } from '../../models/vote';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { buildWorld, call, type World } from '../../../test/participationWorld';

let server: TestServer;
let w: World;
const day = 86_400_000;

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const a = w.a;
  await Project.updateOne(
    { _id: a.projectId },
    {
      milestones: [
        { key: 'procedures', deadline: '2020-04-10', doneAt: null },
        { key: 'basic_completion', deadline: '2099-10-31', doneAt: null },
      ],
    },
  );
  await Project.updateOne({ _id: w.b.projectId }, { stage: 'design' });
  // Survey in compound A: 3 of 4 households answered (75%, below the 80% target).
  const survey = await Survey.create({
    projectId: a.projectId,
    compoundId: a.compoundId,
    regionPath: a.compoundPath,
    title: '甲小区改造征求意见表',
    questions: [{ id: 'q1', type: 'text', title: '您的建议', required: false }],
    opensAt: new Date(Date.now() - 5 * day),
    closesAt: new Date(Date.now() + 5 * day),
    createdBy: w.userIds.communityA,
  });
  const households = await Household.find({ compoundId: a.compoundId }).lean();
  for (const h of households.slice(0, 3)) {
    await SurveyResponse.create({
      surveyId: survey._id,
      householdId: h._id,
      compoundId: h.compoundId,
      buildingId: h.buildingId,
      regionPath: h.regionPath,
      channel: 'paper',
      answers: {},
      submittedBy: w.userIds.communityA,
      submittedAt: new Date(),
    });
  }
  // An open vote with two of four households having voted.
  const vote = await Vote.create({
    projectId: a.projectId,
    compoundId: a.compoundId,
    regionPath: a.compoundPath,
    title: '是否引入红色物业',
    article278Item: 4,
    kind: 'yes_no',
    options: [
      { id: 'yes', label: '同意' },
      { id: 'no', label: '反对' },
      { id: 'abstain', label: '弃权' },
    ],
    opensAt: new Date(Date.now() - day),
    closesAt: new Date(Date.now() + day),
    eligibleAsOf: new Date(Date.now() - day),
    totals: {
      households: 4,
      areaCenti: households.reduce((s, h) => s + Math.round(h.area * 100), 0),
      owners: 4,
    },
    createdBy: w.userIds.streetA,
  });
  for (const h of households.slice(0, 2)) {
    await Ballot.create({
      voteId: vote._id,
      householdId: h._id,
      buildingId: h.buildingId,
      regionPath: h.regionPath,
      ownerKey: h.ownerKey,
      areaCenti: Math.round(h.area * 100),
      optionId: 'yes',
      channel: 'miniapp',
      castBy: w.userIds.residentA,
      castAt: new Date(),
    });
  }
  // Complaints: one overdue in A, one closed and rated in A, one in B.
  const base = { authorRole: 'resident', text: '测试投诉内容', history: [] };
  await Complaint.create([
    {
      ...base,
      projectId: a.projectId,
      compoundId: a.compoundId,
      regionPath: a.compoundPath,
      authorId: new Types.ObjectId(w.userIds.residentA),
      category: 'safety',
      status: 'accepted',
      dueAt: new Date(Date.now() - 3600_000),
      bureauDueAt: new Date(Date.now() + day),
    },
    {
      ...base,
      projectId: a.projectId,
      compoundId: a.compoundId,
      regionPath: a.compoundPath,
      authorId: new Types.ObjectId(w.userIds.residentA),
      category: 'quality',
      status: 'closed',
      createdAt: new Date(Date.now() - 2 * day),
      closedAt: new Date(Date.now() - day),
      rating: { score: 4, comment: '', at: new Date() },
    },
    {
      ...base,
      projectId: w.b.projectId,
      compoundId: w.b.compoundId,
      regionPath: w.b.compoundPath,
      authorId: new Types.ObjectId(w.userIds.residentB),
      category: 'progress',
      status: 'submitted',
      dueAt: new Date(Date.now() + day),
    },
  ]);
});
afterAll(async () => server?.close());

const dashboard = (token: string, query = '') => call(server, 'GET', `/dashboard${query}`, { token });

describe('region dashboard', () => {
  it("gives a community worker their compound's figures", async () => {
    const res = await dashboard(w.tokens.communityA);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.region.name).toBe('甲社区');
    expect(d.projects).toMatchObject({ total: 1, byStage: { construction: 1, design: 0 } });
    expect(d.milestonesOverdue).toHaveLength(1);
    expect(d.milestonesOverdue[0]).toMatchObject({
      key: 'procedures',
      label: '完成前期手续及方案评审',
      deadline: '2020-04-10',
    });
    expect(d.collection.compounds).toHaveLength(1);
    expect(d.collection.compounds[0]).toMatchObject({ households: 4, responded: 3, meetsTarget: false });
    expect(d.collection.compounds[0].rate.percent).toBe(75);
    expect(d.collection.belowTargetCount).toBe(1);
    expect(d.openVotes).toHaveLength(1);
    expect(d.openVotes[0]).toMatchObject({ title: '是否引入红色物业', participation: { households: 2 } });
    expect(d.openVotes[0].participation.headcount).toMatchObject({ numerator: 2, denominator: 4 });
    expect(d.complaints).toMatchObject({
      total: 2,
      open: 1,
      overdue: 1,
      byStatus: { accepted: 1, closed: 1 },
      byCategory: { safety: 1, quality: 1 },
      byEscalation: { street: 1 },
      avgHandlingHours: 24,
      satisfaction: { rated: 1, average: 4 },
    });
  });

  it('sums the whole district for the bureau, and narrows to a region on request', async () => {
    const all = await dashboard(w.tokens.bureau);
    expect(all.body.projects).toMatchObject({ total: 2, byStage: { construction: 1, design: 1 } });
    expect(all.body.complaints.total).toBe(3);
    const narrowed = await dashboard(w.tokens.bureau, `?regionId=${w.b.compoundId}`);
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.region.name).toBe('乙小区');
    expect(narrowed.body.complaints.total).toBe(1);
    expect(narrowed.body.openVotes).toHaveLength(0);
  });

  it('lets a worker pick a region inside their scope, and not the street above it', async () => {
    const compound = await dashboard(w.tokens.communityA, `?regionId=${w.a.compoundId}`);
    expect(compound.status).toBe(200);
    expect(compound.body.region).toEqual({ id: w.a.compoundId, name: '甲小区' });
    expect(compound.body.complaints.total).toBe(2);
    const street = await Region.findOne({ name: '甲街道' }).lean();
    const above = await dashboard(w.tokens.communityA, `?regionId=${street!._id}`);
    expect(above.status).toBe(403);
    expect(above.body.error).toMatchObject({ code: 'out_of_scope', message: '该数据不在您的管辖范围内' });
    const fromStreet = await dashboard(w.tokens.streetA, `?regionId=${street!._id}`);
    expect(fromStreet.body.region.name).toBe('甲街道');
  });

  it('refuses other regions, residents and bad region ids', async () => {
    const other = await dashboard(w.tokens.communityB, `?regionId=${w.a.compoundId}`);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('out_of_scope');
    expect((await dashboard(w.tokens.residentA)).status).toBe(403);
    expect((await call(server, 'GET', '/dashboard')).status).toBe(401);
    expect((await dashboard(w.tokens.bureau, '?regionId=abc')).status).toBe(400);
    expect((await dashboard(w.tokens.bureau, '?regionId=0123456789abcdef01234567')).status).toBe(404);
  });
});
