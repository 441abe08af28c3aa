/** Names and figures of the demo district, modelled on the seed plan: 东河区, 30 compounds, 100 buildings, 4,613 households, 442,700 m². */
export const demoTotals = {
  compounds: 30,
  buildings: 100,
  households: 4613,
  areaSquareMetres: 442_700,
} as const;

export const demoDistrict = '东河区';
/** Streets, each with its communities, each with its compounds. */
export const demoStreets: { name: string; communities: { name: string; compounds: string[] }[] }[] = [
  {
    name: '西脑包街道',
    communities: [
      { name: '西河社区', compounds: ['幸福小区', '建设小区', '西河一区'] },
      { name: '东门社区', compounds: ['东门大街小区', '粮食局小区'] },
    ],
  },
  {
    name: '南圪洞街道',
    communities: [
      { name: '南圪洞社区', compounds: ['南圪洞小区', '瓦窑沟小区', '铁路小区'] },
      { name: '解放社区', compounds: ['解放路小区', '邮电小区'] },
    ],
  },
  {
    name: '和平路街道',
    communities: [
      { name: '和平社区', compounds: ['和平里小区', '新华小区', '百货小区'] },
      { name: '胜利社区', compounds: ['胜利小区', '工商银行小区'] },
    ],
  },
  {
    name: '河东街道',
    communities: [
      { name: '河东社区', compounds: ['河东一区', '河东二区', '纺织厂小区'] },
      { name: '草市街社区', compounds: ['草市街小区', '电业局小区'] },
    ],
  },
  {
    name: '东站街道',
    communities: [
      { name: '东站社区', compounds: ['东站小区', '机务段小区', '车辆段小区'] },
      { name: '东兴社区', compounds: ['东兴小区', '供电小区'] },
    ],
  },
  {
    name: '财神庙街道',
    communities: [
      { name: '财神庙社区', compounds: ['财神庙小区', '水利局小区', '二毛小区'] },
      { name: '回民社区', compounds: ['回民小区', '自来水公司小区'] },
    ],
  },
];

export const demoPassword = 'jiugai2024';
export interface DemoAccount {
  account: string;
  role: 'super_admin' | 'bureau_admin' | 'expert' | 'street_staff' | 'community_staff';
  name: string;
  /** Street index or [street, community] index of the scope; undefined = the district. */
  scope?: number | [number, number];
}
export const demoAccounts: DemoAccount[] = [
  { account: 'admin', role: 'super_admin', name: '系统管理员' },
  { account: 'zjj', role: 'bureau_admin', name: '区住建局 赵局长' },
  { account: 'expert1', role: 'expert', name: '评审专家 王工' },
  { account: 'expert2', role: 'expert', name: '评审专家 陈工' },
  ...demoStreets.map((s, i) => ({
    account: `jiedao0${i + 1}`,
    role: 'street_staff' as const,
    name: `${s.name} 工作人员`,
    scope: i,
  })),
  ...demoStreets.flatMap((s, i) =>
    s.communities.map((c, j) => ({
      account: `shequ${String(i * 2 + j + 1).padStart(2, '0')}`,
      role: 'community_staff' as const,
      name: `${c.name} 社区工作者`,
      scope: [i, j] as [number, number],
    })),
  ),
];

/** Dev-login openids of the demo residents (bound to households of the first compound) and supervisors. */
export const demoResidents = [
  'demo-resident-1',
  'demo-resident-2',
  'demo-resident-3',
  'demo-resident-4',
  'demo-resident-5',
];
export const demoSupervisors = [
  { openid: 'demo-supervisor-1', name: '张建华', category: 'npc_deputy' },
  { openid: 'demo-supervisor-2', name: '李秀英', category: 'veteran_party_member' },
];

export const surnames =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
export const givenNames = [
  '建国',
  '秀英',
  '桂兰',
  '志强',
  '玉兰',
  '海燕',
  '建华',
  '淑珍',
  '丽华',
  '国庆',
  '红梅',
  '建军',
  '凤英',
  '永刚',
  '晓东',
  '春梅',
  '文明',
  '金凤',
  '德胜',
  '宝山',
  '玉梅',
  '振华',
  '淑兰',
  '俊峰',
];

export const designUnits = ['包头市建筑设计研究院', '内蒙古城市规划设计院', '包头市城市规划设计院'];
export const constructionUnits = [
  '包头东河建设集团有限公司',
  '内蒙古兴泰建设有限公司',
  '包头市第二建筑工程公司',
];
export const supervisionUnits = ['包头市建设监理有限公司', '内蒙古华安工程监理公司'];
