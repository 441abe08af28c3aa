import type { ProjectBoard, SessionUser } from '@jiugai/shared';

export const boardFixture = (over: Partial<ProjectBoard> = {}): ProjectBoard => ({
  projectId: '64b000000000000000000001',
  sceneId: 'dh2024-01',
  compoundId: '64b0000000000000000000c1',
  name: '东河区幸福小区 2024 年老旧小区改造',
  year: 2024,
  stage: 'construction',
  stageLabel: '施工',
  isDemonstration: true,
  experienceSummary: '',
  overview: {
    districtName: '东河区',
    streetName: '和平路街道',
    communityName: '幸福社区',
    compoundName: '幸福小区',
    address: '和平路 12 号',
    description: '',
    figures: { buildings: 4, households: 96, floorArea: 8640 },
    designUnit: '包头市规划设计院',
    constructionUnit: '第一建筑公司',
    supervisionUnit: '',
  },
  content: [
    {
      category: 'cable_undergrounding',
      categoryLabel: '弱电缆线入地',
      title: '弱电缆线入地',
      leadDept: '区工信局',
      responsibleUnits: ['区住建局', '电信运营商'],
    },
    { category: 'roads', categoryLabel: '道路', title: '小区道路重铺', responsibleUnits: [] },
  ],
  renderings: ['/api/v1/uploads/' + 'b'.repeat(32) + '.jpg'],
  dates: {
    plannedStart: '2024-04-15',
    plannedCompletion: '2024-10-31',
    actualStart: null,
    actualCompletion: null,
  },
  responsiblePersons: [{ role: '区住建局负责人', name: '王建国', phone: '0472-4170000' }],
  complaintPhone: '12345',
  fiveBoards: {
    overview: '工程概况',
    managers: [],
    fireSafety: '',
    safetyProduction: '',
    civilisedConstruction: '',
  },
  sitePlanUrl: '/api/v1/uploads/' + 'c'.repeat(32) + '.png',
  milestones: [
    {
      key: 'procedures',
      label: '完成前期手续及方案评审',
      deadline: '2024-04-10',
      doneAt: '2024-04-08',
      overdue: false,
    },
    {
      key: 'basic_completion',
      label: '基本完成改造任务',
      deadline: '2024-10-31',
      doneAt: null,
      overdue: true,
    },
  ],
  percent: 40,
  latestProgress: [
    {
      id: 'p1',
      text: '管网开挖完成',
      photos: [],
      percent: 40,
      at: '2024-06-01T02:00:00.000Z',
      authorName: '李*',
    },
  ],
  updatedAt: '2024-06-01T02:00:00.000Z',
  ...over,
});

export const userFixture = (over: Partial<SessionUser> = {}): SessionUser => ({
  id: 'u1',
  role: 'resident',
  name: '',
  phone: '',
  households: [],
  ...over,
});

export const sessionResponse = (user: SessionUser = userFixture(), token = 'token-1') => ({
  statusCode: 200,
  data: { accessToken: token, refreshToken: 'r', expiresIn: 900, user },
});
