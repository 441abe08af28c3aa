// Main package: the three tab pages only. Everything else lives in subpackages grouped by domain, so the main
// package stays small (WeChat: 2 MB per package; our target < 1 MB).
export default defineAppConfig({
  pages: ['pages/board/index', 'pages/participate/index', 'pages/mine/index'],
  subPackages: [
    { root: 'board', pages: ['pages/search/index', 'pages/complaints/index'] },
    {
      root: 'participate',
      pages: ['pages/surveys/index', 'pages/survey/index', 'pages/votes/index', 'pages/vote/index'],
    },
    {
      root: 'mine',
      pages: [
        'pages/bind/index',
        'pages/complaint-new/index',
        'pages/complaints/index',
        'pages/complaint/index',
      ],
    },
    { root: 'supervision', pages: ['pages/inspection-new/index', 'pages/inspections/index'] },
  ],
  preloadRule: {
    'pages/participate/index': { network: 'all', packages: ['participate'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '旧改通',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#333333',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/board/index', text: '公示栏' },
      { pagePath: 'pages/participate/index', text: '参与' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
});
