/**
 * Complaint and dashboard figures at the seed's scale (run: npm run bench:dashboard): 30 compounds, 4,613
 * households, a survey per compound (about 85% answered), an open vote per compound, 3,000 complaints.
 * Prints: complaint filing over HTTP (16 in flight) as complaints/s and p99; the district dashboard's p50/p99;
 * the staff queue's p99 with the overdue filter.
 */
import { Types } from 'mongoose';
import { signToken } from '../server/src/auth/tokens';
import { Ballot } from '../server/src/models/ballot';
import { Complaint } from '../server/src/models/complaint';
import { Household } from '../server/src/models/household';
import { Project } from '../server/src/models/project';
import { Region } from '../server/src/models/region';
import { Survey } from '../server/src/models/survey';
import { SurveyResponse } from '../server/src/models/surveyResponse';
import { User } from '../server/src/models/user';
import { Vote } from '../server/src/models/vote';
import { startTestServer } from '../server/test/testServer';

const COMPOUNDS = 30;
const HOUSEHOLDS = 4_613;
const COMPLAINTS = 3_000;
const FILED_OVER_HTTP = 1_000;
const CONCURRENCY = 16;
const day = 86_400_000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const server = await startTestServer({ LOG_LEVEL: 'silent' });
  const regionDoc = (level: string, name: string, parent?: { _id: Types.ObjectId; path: string }) => {
    const _id = new Types.ObjectId();
    return { _id, level, name, parentId: parent?._id ?? null, path: `${parent?.path ?? '/'}${_id}/` };
  };
  const district = regionDoc('district', '东河区');
  const street = regionDoc('street', '西脑包街道', district);
  const community = regionDoc('community', '一社区', street);
  const compounds = Array.from({ length: COMPOUNDS }, (_, i) =>
    regionDoc('compound', `小区${i + 1}`, community),
  );
  const buildings = compounds.flatMap((c) =>
    [1, 2, 3].map((b) => ({ ...regionDoc('building', `${b}号楼`, c), compound: c })),
  );
  await Region.insertMany([
    district,
    street,
    community,
    ...compounds,
    ...buildings.map(({ compound: _c, ...b }) => b),
  ]);
  const households = Array.from({ length: HOUSEHOLDS }, (_, i) => {
    const b = buildings[i % buildings.length];
    return {
      _id: new Types.ObjectId(),
      compoundId: b.compound._id,
      buildingId: b._id,
      regionPath: b.path,
      unit: String((i % 4) + 1),
      room: String(100 + Math.floor(i / buildings.length)),
      area: 60 + (i % 50),
      ownerKey: `owner-${i}`,
    };
  });
  await Household.insertMany(households);
  const projects = compounds.map((c, i) => ({
    _id: new Types.ObjectId(),
    compoundId: c._id,
    regionPath: c.path,
    year: 2026,
    name: `${c.name} 2026 年改造`,
    stage: i % 3 ? 'construction' : 'design',
    sceneId: `bench${i}`,
    milestones: [{ key: 'procedures', deadline: '2026-04-10', doneAt: i % 2 ? '2026-04-01' : null }],
  }));
  await Project.insertMany(projects);
  const staff = await User.create({ role: 'bureau_admin', name: '住建局', scopePath: district.path });
  const token = signToken(
    { id: String(staff._id), role: 'bureau_admin', scopePath: district.path },
    'access',
    server.env.JWT_SECRET,
    3600,
  );
  // Two residents per compound, so no one passes the 20-complaints-an-hour limit during the burst.
  const residents = await User.insertMany(
    compounds.flatMap((c, i) =>
      households
        .filter((h) => h.compoundId === c._id)
        .slice(0, 2)
        .map((h, k) => ({ role: 'resident', name: `居民${i}-${k}`, householdIds: [h._id] })),
    ),
  );

  const now = Date.now();
  const surveys = await Survey.insertMany(
    projects.map((p) => ({
      projectId: p._id,
      compoundId: p.compoundId,
      regionPath: p.regionPath,
      title: '征求意见表',
      questions: [{ id: 'q1' }],
      opensAt: new Date(now - 10 * day),
      closesAt: new Date(now + 10 * day),
      createdBy: 'bench',
    })),
  );
  const surveyOf = new Map(surveys.map((s) => [String(s.compoundId), s._id]));
  await SurveyResponse.insertMany(
    households
      .filter((_, i) => i % 20 < 17)
      .map((h) => ({
        surveyId: surveyOf.get(String(h.compoundId)),
        householdId: h._id,
        compoundId: h.compoundId,
        buildingId: h.buildingId,
        regionPath: h.regionPath,
        channel: 'paper',
        answers: {},
        submittedBy: 'bench',
        submittedAt: new Date(),
      })),
  );
  const votes = await Vote.insertMany(
    projects.map((p) => {
      const mine = households.filter((h) => h.compoundId === p.compoundId);
      return {
        projectId: p._id,
        compoundId: p.compoundId,
        regionPath: p.regionPath,
        title: '是否引入红色物业',
        article278Item: 4,
        kind: 'yes_no',
        options: [
          { id: 'yes', label: '同意' },
          { id: 'no', label: '反对' },
          { id: 'abstain', label: '弃权' },
        ],
        opensAt: new Date(now - day),
        closesAt: new Date(now + day),
        eligibleAsOf: new Date(now - day),
        totals: {
          households: mine.length,
          areaCenti: mine.reduce((s, h) => s + h.area * 100, 0),
          owners: mine.length,
        },
        createdBy: 'bench',
      };
    }),
  );
  const voteOf = new Map(votes.map((v) => [String(v.compoundId), v._id]));
  await Ballot.insertMany(
    households
      .filter((_, i) => i % 3 === 0)
      .map((h) => ({
        voteId: voteOf.get(String(h.compoundId)),
        householdId: h._id,
        buildingId: h.buildingId,
        regionPath: h.regionPath,
        ownerKey: h.ownerKey,
        areaCenti: h.area * 100,
        optionId: 'yes',
        channel: 'miniapp',
        castBy: 'bench',
        castAt: new Date(),
      })),
  );
  const statuses = ['submitted', 'accepted', 'processing', 'closed', 'closed'] as const;
  await Complaint.insertMany(
    Array.from({ length: COMPLAINTS }, (_, i) => {
      const p = projects[i % COMPOUNDS];
      const status = statuses[i % statuses.length];
      return {
        projectId: p._id,
        compoundId: p.compoundId,
        regionPath: p.regionPath,
        authorId: residents[i % COMPOUNDS]._id,
        authorRole: 'resident',
        category: ['quality', 'safety', 'civility', 'progress', 'plan', 'property', 'other'][i % 7],
        text: '施工噪音扰民，请尽快处理',
        status,
        createdAt: new Date(now - (i % 20) * day),
        ...(status === 'closed'
          ? { closedAt: new Date(now - (i % 20) * day + 30 * 3600_000), rating: { score: (i % 5) + 1 } }
          : { dueAt: new Date(now + ((i % 7) - 3) * day) }),
      };
    }),
  );

  // Filing over HTTP, as residents would from the mini-program.
  const fileLatencies: number[] = [];
  let next = 0;
  const fileStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < FILED_OVER_HTTP) {
        const i = next++;
        const r = residents[i % residents.length];
        const t = performance.now();
        const res = await fetch(`${server.url}/api/v1/complaints`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${signToken({ id: String(r._id), role: 'resident' }, 'access', server.env.JWT_SECRET, 3600)}`,
          },
          body: JSON.stringify({
            projectId: String(projects[Math.floor((i % residents.length) / 2)]._id),
            category: 'civility',
            text: `夜间施工噪音 ${i}`,
          }),
        });
        if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
        fileLatencies.push(performance.now() - t);
      }
    }),
  );
  const fileSeconds = (performance.now() - fileStart) / 1000;

  const timeGets = async (path: string, runs: number) => {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const res = await fetch(`${server.url}/api/v1${path}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      await res.json();
      out.push(performance.now() - t);
    }
    return out.sort((a, b) => a - b);
  };
  const dash = await timeGets('/dashboard', 30);
  const queue = await timeGets('/complaints?overdue=true&size=20', 50);

  fileLatencies.sort((a, b) => a - b);
  console.log(
    `data: ${COMPOUNDS} compounds, ${HOUSEHOLDS} households, ${COMPLAINTS + FILED_OVER_HTTP} complaints, ${votes.length} open votes`,
  );
  console.log(
    `complaint filing over HTTP (${CONCURRENCY} in flight): ${(FILED_OVER_HTTP / fileSeconds).toFixed(0)} complaints/s, p50 ${ms(percentile(fileLatencies, 50))}, p99 ${ms(percentile(fileLatencies, 99))}`,
  );
  console.log(`district dashboard: p50 ${ms(percentile(dash, 50))}, p99 ${ms(percentile(dash, 99))}`);
  console.log(
    `staff queue (overdue filter, page of 20): p50 ${ms(percentile(queue, 50))}, p99 ${ms(percentile(queue, 99))}`,
  );
  await server.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
