import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AuthTokens,
  ComplaintPage,
  InspectionView,
  Page as ApiPage,
  ProjectSearchHit,
  SurveyCollectionView,
  SurveyView,
  TallyView,
  VoteView,
} from '@jiugai/shared';
import { useSystem } from '../support/system';
import {
  api,
  demoProject,
  current,
  fill,
  open,
  residentContext,
  settled,
  shot,
  staffToken,
  tapText,
  minutesFromNow,
} from './miniappDriver';

const system = useSystem();
let project: ProjectSearchHit;
let community: string;
let street: string;

// A 2×2 red PNG: the phone compresses it to JPEG before upload, and the server checks the bytes.
const photo = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  project = await demoProject(system.server.url);
  [community, street] = await Promise.all([
    staffToken(system.server.url, 'shequ01'),
    staffToken(system.server.url, 'jiedao01'),
  ]);
});

describe('mini-program (H5): survey, vote, complaint and inspection', () => {
  it('answers the survey for one of two households and the collection rate goes up', async () => {
    const survey = await api<SurveyView>(
      system.server.url,
      'POST',
      '/surveys',
      {
        projectId: project.id,
        title: '幸福小区改造意见征求表',
        description: '请每户填写一份，截止前可以修改。',
        opensAt: minutesFromNow(-1),
        closesAt: minutesFromNow(60 * 24),
        questions: [
          {
            id: 'support',
            type: 'single',
            title: '您是否支持本小区实施老旧小区改造？',
            required: true,
            options: [
              { id: 'yes', label: '支持' },
              { id: 'no', label: '不支持' },
            ],
          },
          {
            id: 'items',
            type: 'multiple',
            title: '您最希望改造哪些内容？',
            required: true,
            showIf: { questionId: 'support', optionIds: ['yes'] },
            maxSelect: 3,
            options: [
              { id: 'pipes', label: '地下管网' },
              { id: 'parking', label: '停车位' },
              { id: 'lights', label: '亮化' },
              { id: 'fitness', label: '健身设施' },
            ],
          },
          {
            id: 'satisfaction',
            type: 'scale',
            title: '您对小区现状的满意程度',
            required: true,
            min: 1,
            max: 5,
            minLabel: '很不满意',
            maxLabel: '很满意',
          },
          { id: 'advice', type: 'text', title: '其他意见和建议', required: false, maxLength: 300 },
        ],
      },
      community,
    );
    const before = await api<SurveyCollectionView>(
      system.server.url,
      'GET',
      `/surveys/${survey.id}/collection`,
      undefined,
      community,
    );

    const context = await residentContext(system.browser, 'demo-resident-1');
    const page = await context.newPage();
    await open(page, system.server.url, 'participate/pages/surveys/index');
    await current(page).getByText(survey.title).waitFor();
    await shot(page, '10-survey-list');
    await tapText(page, survey.title);
    await settled(page);
    await current(page)
      .getByText(/您有 2 套房屋/)
      .waitFor();
    await shot(page, '11-survey-intro-two-households');
    await tapText(page, '开始填写');
    await current(page).getByText('第 1 / 3 题').waitFor();
    await tapText(page, '下一题');
    await current(page)
      .getByText(/此题必答/)
      .waitFor();
    await shot(page, '12-survey-required');
    await tapText(page, '支持');
    await current(page).getByText('第 1 / 4 题').waitFor();
    await shot(page, '13-survey-question-1');
    await tapText(page, '下一题');
    await tapText(page, '地下管网');
    await tapText(page, '停车位');
    await shot(page, '14-survey-multiple');
    await tapText(page, '下一题');
    await tapText(page, '4 分');
    await tapText(page, '下一题');
    await fill(page, '请在这里输入您的意见', '希望增加老年人休息座椅');
    await tapText(page, '提交');
    await current(page).getByText('✓ 提交成功，感谢您的意见').waitFor();
    await shot(page, '15-survey-receipt');
    await context.close();

    const after = await api<SurveyCollectionView>(
      system.server.url,
      'GET',
      `/surveys/${survey.id}/collection`,
      undefined,
      community,
    );
    expect(after.responded).toBe(before.responded + 1);
    expect(after.rate.percent).toBeGreaterThan(before.rate.percent);
  });

  it('votes through the confirm screen, participation goes up, and the result shows both ratios after close', async () => {
    const vote = await api<VoteView>(
      system.server.url,
      'POST',
      '/votes',
      {
        projectId: project.id,
        title: '选聘红色物业服务企业',
        description: '改造完成后，由社区党组织引领的红色物业负责小区日常管理。',
        article278Item: 4,
        kind: 'yes_no',
        opensAt: minutesFromNow(-1),
        closesAt: minutesFromNow(60 * 24),
        allowChange: false,
      },
      street,
    );
    const before = await api<TallyView>(
      system.server.url,
      'GET',
      `/votes/${vote.id}/tally`,
      undefined,
      street,
    );

    const context = await residentContext(system.browser, 'demo-resident-2');
    const page = await context.newPage();
    await open(page, system.server.url, 'participate/pages/votes/index');
    await tapText(page, vote.title);
    await settled(page);
    await current(page).getByText('怎样才算通过').waitFor();
    await shot(page, '20-vote-matter');
    await current(page).getByText('同意', { exact: true }).scrollIntoViewIfNeeded();
    await tapText(page, '同意');
    await shot(page, '21-vote-options');
    await tapText(page, '下一步：确认');
    await current(page).getByText('请确认您的选择').waitFor();
    await shot(page, '22-vote-confirm');
    await tapText(page, '确认投票');
    await current(page).getByText('✓ 投票成功').waitFor();
    await shot(page, '23-vote-done');

    const after = await api<TallyView>(
      system.server.url,
      'GET',
      `/votes/${vote.id}/tally`,
      undefined,
      street,
    );
    expect(after.participation.households).toBe(before.participation.households + 1);

    await api(system.server.url, 'POST', `/votes/${vote.id}/close`, {}, street);
    await open(page, system.server.url, `participate/pages/vote/index?id=${vote.id}`);
    await current(page)
      .getByText(/^弃权：/)
      .scrollIntoViewIfNeeded();
    await shot(page, '24-vote-result');
    await expect(
      current(page)
        .getByText(/面积占参与者/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await context.close();
  });

  it('files a complaint with a photo and it reaches the staff queue', async () => {
    const context = await residentContext(system.browser, 'demo-resident-3');
    const page = await context.newPage();
    await open(page, system.server.url, `pages/board/index?scene=${project.sceneId}`);
    await open(page, system.server.url, `mine/pages/complaint-new/index?projectId=${project.id}`);
    await tapText(page, '施工质量');
    await fill(
      page,
      '请写清楚时间、地点和问题，例如：3号楼北侧管沟夜里没有围挡',
      '2号楼北侧管沟开挖后没有围挡，晚上老人经过很危险',
    );
    const chooser = page.waitForEvent('filechooser');
    await tapText(page, '拍照或从相册选择');
    await (await chooser).setFiles({ name: 'site.png', mimeType: 'image/png', buffer: photo });
    await current(page).getByText('已添加 1 / 9 张').waitFor();
    await shot(page, '30-complaint-form');
    await tapText(page, '提交投诉');
    await current(page).getByText('办理进度').waitFor({ timeout: 15_000 });
    await settled(page);
    await shot(page, '31-complaint-detail');
    await context.close();

    const queue = await api<ComplaintPage>(
      system.server.url,
      'GET',
      `/complaints?projectId=${project.id}&size=50`,
      undefined,
      community,
    );
    const filed = queue.items.find((c) => c.text.startsWith('2号楼北侧管沟开挖后没有围挡'));
    expect(filed).toMatchObject({ status: 'submitted', category: 'quality' });
    expect(filed!.photos).toHaveLength(1);
  });

  it('a supervision-group member files an inspection with ratings and sees it in their records', async () => {
    const supervisor = await api<AuthTokens>(system.server.url, 'POST', '/auth/dev-login', {
      openid: 'demo-supervisor-1',
    });
    await api(
      system.server.url,
      'POST',
      '/supervision/members',
      { projectId: project.id, userId: supervisor.user.id, category: 'npc_deputy' },
      community,
    );

    const context = await residentContext(system.browser, 'demo-supervisor-1');
    const page = await context.newPage();
    await open(page, system.server.url, `pages/board/index?scene=${project.sceneId}`);
    await open(page, system.server.url, 'pages/mine/index');
    await tapText(page, '微信登录');
    await current(page).getByText('张建华 · 义务监督员').waitFor();
    await tapText(page, '填写巡查记录');
    await settled(page);
    await current(page).getByText('工程质量（1–5 分）').waitFor();
    await tapText(page, '4 较好');
    await current(page).getByText('施工安全（1–5 分）').scrollIntoViewIfNeeded();
    await current(page).getByText('2 较差').nth(1).click();
    await current(page).getByText('5 好').nth(2).click();
    await fill(page, '例如：5号楼外墙保温层施工未设警戒线', '3号楼脚手架底部未设警示标志，已提醒施工单位');
    await shot(page, '40-inspection-form');
    await tapText(page, '提交巡查记录');
    await current(page).getByText('我的巡查记录').waitFor();
    await settled(page);
    await shot(page, '41-inspection-list');
    await context.close();

    const mine = await api<ApiPage<InspectionView>>(
      system.server.url,
      'GET',
      '/supervision/inspections/mine',
      undefined,
      supervisor.accessToken,
    );
    expect(mine.items[0]).toMatchObject({ ratings: { quality: 4, safety: 2, civility: 5 } });
  });
});
