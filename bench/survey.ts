/**
 * Survey figures (run: npm run bench:survey). The demo district of the seed (30 compounds, 100 buildings,
 * 4,613 households) gets a 20-question survey per compound; every household's resident submits in one burst over
 * HTTP (autocannon, 100 connections), and 387 of them submit a second time (an edit) in the same burst. The same
 * run starts with a warm-up of 1,000 submissions to temporary surveys (800 accepted first answers, 100 edits, 100
 * refused for a missing answer), not measured and deleted afterwards with their responses and audit entries.
 * Prints p50/p99 of the burst (target p99 < 200 ms), then checks the live collection rate is exactly
 * 4,613 / 4,613 for the district and exact for every compound. App and embedded database share this process (the
 * database on a worker thread); autocannon runs in a child process (bench/autocannonRun.ts).
 */
import { Types } from 'mongoose';
import type { SurveyAnswers, SurveyQuestion } from '@jiugai/shared';
import { signToken } from '../server/src/auth/tokens';
import { AuditLog } from '../server/src/models/auditLog';
import { Household } from '../server/src/models/household';
import { Project } from '../server/src/models/project';
import { Survey } from '../server/src/models/survey';
import { SurveyResponse } from '../server/src/models/surveyResponse';
import { User } from '../server/src/models/user';
import { seedDemo } from '../server/src/seed/demo';
import { startTestServer } from '../server/test/testServer';
import { runAutocannon } from './autocannonRun';

const EDITS = 387;
const WARM_UP_FIRST = 800;
const WARM_UP_EDITS = 100;
const WARM_UP_REFUSED = 100;
const options = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, label: `选项${i + 1}` }));

/** 20 questions: 6 single, 4 multiple, 2 ranking, 4 scale, 3 text, 1 photo; two show-ifs. */
const questions: SurveyQuestion[] = [
  ...Array.from({ length: 6 }, (_, i): SurveyQuestion => ({
    id: `s${i}`,
    type: 'single',
    title: `单选题 ${i + 1}`,
    required: true,
    options: options(3),
  })),
  ...Array.from({ length: 4 }, (_, i): SurveyQuestion => ({
    id: `m${i}`,
    type: 'multiple',
    title: `多选题 ${i + 1}`,
    required: i < 2,
    options: options(6),
    minSelect: 1,
    maxSelect: 3,
    ...(i === 3 ? { showIf: { questionId: 's0', optionIds: ['o1'] } } : {}),
  })),
  ...Array.from({ length: 2 }, (_, i): SurveyQuestion => ({
    id: `r${i}`,
    type: 'ranking',
    title: `排序题 ${i + 1}`,
    required: false,
    items: options(8),
    pick: 3,
  })),
  ...Array.from({ length: 4 }, (_, i): SurveyQuestion => ({
    id: `c${i}`,
    type: 'scale',
    title: `打分题 ${i + 1}`,
    required: true,
    min: 1,
    max: 5,
    minLabel: '',
    maxLabel: '',
  })),
  ...Array.from({ length: 3 }, (_, i): SurveyQuestion => ({
    id: `t${i}`,
    type: 'text',
    title: `意见 ${i + 1}`,
    required: false,
    maxLength: 200,
    ...(i === 2 ? { showIf: { questionId: 's1', optionIds: ['o2', 'o3'] } } : {}),
  })),
  { id: 'p0', type: 'photo', title: '照片', required: false, maxPhotos: 3 },
];

function answersFor(i: number): SurveyAnswers {
  const a: SurveyAnswers = {};
  for (let k = 0; k < 6; k++) a[`s${k}`] = `o${((i + k) % 3) + 1}`;
  for (let k = 0; k < 3; k++)
    a[`m${k}`] = [`o${(i % 6) + 1}`, `o${((i + k + 1) % 6) + 1}`].filter((v, j, l) => l.indexOf(v) === j);
  if (a.s0 === 'o1') a.m3 = ['o2'];
  for (let k = 0; k < 2; k++)
    a[`r${k}`] = [`o${(i % 8) + 1}`, `o${((i + 3) % 8) + 1}`, `o${((i + 5) % 8) + 1}`];
  for (let k = 0; k < 4; k++) a[`c${k}`] = ((i + k) % 5) + 1;
  a.t0 = '希望尽快改造';
  a.t1 = i % 4 === 0 ? '楼道照明不足，雨天路面积水' : '';
  if (a.s1 !== 'o1') a.t2 = '停车难';
  if (i % 10 === 0) a.p0 = ['/uploads/demo/photo.jpg'];
  return a;
}

async function main() {
  const server = await startTestServer({ LOG_LEVEL: 'silent' });
  const api = `${server.url}/api/v1`;
  const demo = await seedDemo();
  const households = await Household.find({}, { _id: 1, compoundId: 1 }).lean();
  const users = households.map((h) => ({
    _id: new Types.ObjectId(),
    role: 'resident',
    householdIds: [h._id],
  }));
  await User.insertMany(users, { lean: true });
  const secret = server.env.JWT_SECRET;
  const tokens = users.map((u) => signToken({ id: String(u._id), role: 'resident' }, 'access', secret, 3600));
  // The warm-up's callers carry tokens of their own (another lifetime): the burst's are all verified afresh.
  const warmUpTokens = users.map((u) =>
    signToken({ id: String(u._id), role: 'resident' }, 'access', secret, 1800),
  );
  const admin = signToken(
    { id: new Types.ObjectId().toString(), role: 'super_admin' },
    'access',
    secret,
    3600,
  );

  const projects = await Project.find({}, { compoundId: 1 }).lean();
  const createSurveys = async (title: string) => {
    const surveyOf = new Map<string, string>();
    for (const p of projects) {
      const res = await fetch(`${api}/surveys`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          projectId: String(p._id),
          title,
          questions,
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
      });
      const body = (await res.json()) as { id?: string };
      if (!body.id) throw new Error(`creating a survey failed: ${JSON.stringify(body)}`);
      surveyOf.set(String(p.compoundId), body.id);
    }
    return surveyOf;
  };

  // Warm-up, not measured: a server that has been up answers its first burst with compiled code, an open
  // connection pool and its clients' connections open (a reverse proxy keeps its upstream connections). The run
  // starts with submissions to temporary surveys that take every path of the burst (first answer, edit, refusal:
  // token, body, survey, household, binding and current-response reads, inserts, batched edits, audit), and goes
  // straight on over the same connections to the burst, the only part measured. The temporary surveys, their
  // responses and audit entries are deleted afterwards. Why the connections matter: Node (libuv >= 1.45) accepts
  // one new connection per event-loop turn, so 100 connections opened at once against a busy server wait up to
  // a few hundred ms to be accepted, which the client counts in its first request.
  const warmUpSurveyOf = await createSurveys('预热用征求意见表');
  const surveyOf = await createSurveys('改造征求意见表（20 题）');
  const warmUpOrder = [
    ...Array.from({ length: WARM_UP_FIRST }, (_, k) => ({ i: (k * 3) % households.length, complete: true })),
    ...Array.from({ length: WARM_UP_EDITS }, (_, k) => ({ i: (k * 3) % households.length, complete: true })),
    ...Array.from({ length: WARM_UP_REFUSED }, (_, k) => ({
      i: (k * 5) % households.length,
      complete: false,
    })),
  ];
  // Every household once, then EDITS of them again: 5,000 requests in one burst.
  const order = [
    ...households.keys(),
    ...Array.from({ length: EDITS }, (_, k) => (k * 11) % households.length),
  ];
  const put = (surveyId: string | undefined, i: number, token: string, answers: SurveyAnswers) => ({
    method: 'PUT',
    path: `/api/v1/surveys/${surveyId}/responses/${households[i]._id}`,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers }),
  });
  const sequence = [
    ...warmUpOrder.map(({ i, complete }) => {
      const { s0: _missing, ...incomplete } = answersFor(i);
      const compound = String(households[i].compoundId);
      return put(warmUpSurveyOf.get(compound), i, warmUpTokens[i], complete ? answersFor(i) : incomplete);
    }),
    ...order.map((i) => put(surveyOf.get(String(households[i].compoundId)), i, tokens[i], answersFor(i))),
  ];
  let next = 0;
  const cpuStart = process.cpuUsage();
  const run = await runAutocannon({
    url: server.url,
    connections: 100,
    amount: sequence.length,
    timeout: 60,
    measureFrom: warmUpOrder.length,
    requests: [{ setupRequest: (req) => ({ ...req, ...sequence[next++] }) }],
  });
  const cpuUsed = process.cpuUsage(cpuStart);
  const cpuPerRequest = (cpuUsed.user + cpuUsed.system) / sequence.length;
  const result = run.measured!;

  const warmUpSurveyIds = [...warmUpSurveyOf.values()].map((id) => new Types.ObjectId(id));
  const warmUpStored = await SurveyResponse.countDocuments({ surveyId: { $in: warmUpSurveyIds } });
  const warmUpAccepted = run['2xx'] - result.twoXx;
  if (warmUpAccepted !== WARM_UP_FIRST + WARM_UP_EDITS || warmUpStored !== WARM_UP_FIRST)
    throw new Error(`warm-up went wrong: ${warmUpAccepted} accepted, ${warmUpStored} stored`);
  await SurveyResponse.deleteMany({ surveyId: { $in: warmUpSurveyIds } });
  await AuditLog.deleteMany({ targetType: 'surveyResponse', summary: /预热用征求意见表/ });
  await Survey.deleteMany({ _id: { $in: warmUpSurveyIds } });
  const overview = (await (
    await fetch(`${api}/surveys/collection`, { headers: { Authorization: `Bearer ${admin}` } })
  ).json()) as {
    total: {
      households: number;
      responded: number;
      rate: { numerator: number; denominator: number; percent: number };
    };
    compounds: { households: number; responded: number }[];
  };
  const stored = await SurveyResponse.countDocuments();
  const edited = await SurveyResponse.countDocuments({ revision: { $gt: 1 } });
  const exact =
    result.count === order.length &&
    result.twoXx === order.length &&
    overview.total.households === demo.households &&
    overview.total.responded === demo.households &&
    overview.compounds.length === demo.projects &&
    overview.compounds.every((c) => c.responded === c.households) &&
    stored === demo.households &&
    edited === new Set(order.slice(households.length)).size;

  console.log('');
  console.log(
    `征求意见提交 PUT responses  ${Math.round(result.count / (result.elapsedMs / 1000))} 份/秒，p50 ${result.p50.toFixed(0)} ms，p99 ${result.p99.toFixed(0)} ms，最长 ${result.max.toFixed(0)} ms（目标 p99 < 200 ms）`,
  );
  console.log(
    `  预热（不计入，之后删除）：临时问卷 ${WARM_UP_FIRST} 份首次提交 + ${WARM_UP_EDITS} 次修改 + ${WARM_UP_REFUSED} 份缺必答题被拒；100 个连接在预热中建立后接着用于正式提交`,
  );
  console.log(
    `  请求 ${order.length}（${households.length} 户首次提交 + ${EDITS} 次修改），2xx ${result.twoXx}，非 2xx ${result.non2xx}，错误（全程）${run.errors}`,
  );
  console.log(
    `  每份 CPU ${cpuPerRequest.toFixed(0)} µs（全程平均，应用 + 内置数据库线程；子进程压测端另 ${(run.loadCpuMicros / sequence.length).toFixed(0)} µs）`,
  );
  console.log(
    `征集率（全区）${overview.total.responded}/${overview.total.households} = ${overview.total.rate.percent}%，库中答卷 ${stored}，有修改记录 ${edited}：${exact ? '完全正确' : '不正确'}`,
  );
  console.log(result.p99 < 200 && exact ? '全部达标' : '有指标未达标（见上）');
  await server.close();
  process.exit(exact ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
