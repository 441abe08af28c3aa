import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { startSiblingServer, startTestServer, type TestServer } from '../../../test/testServer';
import { call } from '../../../test/http';
import {
  createRegionChain,
  createTestProject,
  createUser,
  tokenFor,
  type RegionChain,
} from '../../../test/factories';
import { fakeWxaCodePng, startFakeWechat } from '../../../test/fakeWechat';
import { imageForm, tinyPng } from '../../../test/images';
import type { ProjectDoc } from '../../models/project';

let server: TestServer;
let chain: RegionChain;
let project: ProjectDoc;
let manager: string;
beforeAll(async () => {
  server = await startTestServer({ PUBLIC_BASE_URL: 'https://jiugai.example.cn' });
  chain = await createRegionChain('公示区');
  project = await createTestProject(chain.compound);
  manager = tokenFor(server, await createUser('street_staff', chain.street, { name: '李工' }));
  await call(server, 'PATCH', `/api/v1/projects/${project._id}`, {
    token: manager,
    body: {
      constructionUnit: '东河建设集团',
      plannedStart: '2026-05-01',
      plannedCompletion: '2026-10-31',
      responsiblePersons: [{ role: '区住建局负责人', name: '刘建国', phone: '0472-4171234' }],
      complaintPhone: '12345',
      boardTexts: { fireSafety: '严禁烟火', safetyProduction: '安全第一', civilisedConstruction: '文明施工' },
    },
  });
  await call(server, 'PUT', `/api/v1/projects/${project._id}/plan`, {
    token: manager,
    body: { designUnit: '设计院', items: [{ category: 'heating', title: '更换供热管网' }] },
  });
});
afterAll(async () => server?.close());

describe('notice board', () => {
  it('shows everything the physical board shows, without login, by id or scene id', async () => {
    const res = await call(server, 'GET', `/api/v1/projects/${project._id}/board`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: project.name,
      stageLabel: '征求意见',
      overview: {
        compoundName: chain.compound.name,
        streetName: chain.street.name,
        constructionUnit: '东河建设集团',
        designUnit: '设计院',
      },
      content: [{ category: 'heating', categoryLabel: '供热', title: '更换供热管网' }],
      dates: { plannedStart: '2026-05-01', plannedCompletion: '2026-10-31' },
      responsiblePersons: [{ role: '区住建局负责人', name: '刘建国', phone: '0472-4171234' }],
      complaintPhone: '12345',
      fiveBoards: { fireSafety: '严禁烟火', safetyProduction: '安全第一', civilisedConstruction: '文明施工' },
      sitePlanUrl: null,
      latestProgress: [],
    });
    expect(res.body.fiveBoards.overview).toContain('东河建设集团');
    expect(res.body.milestones).toHaveLength(3);
    const byScene = await call(server, 'GET', `/api/v1/projects/${project.sceneId}/board`);
    expect(byScene.body).toEqual(res.body);
  });

  it('answers 304 for a matching ETag, and a new ETag after a write', async () => {
    const first = await call(server, 'GET', `/api/v1/projects/${project.sceneId}/board`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await call(server, 'GET', `/api/v1/projects/${project.sceneId}/board`, {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);

    const photo = await call(server, 'POST', '/api/v1/uploads', { token: manager, body: imageForm(tinyPng) });
    const progress = await call(server, 'POST', `/api/v1/projects/${project._id}/progress`, {
      token: manager,
      body: { text: '供热管网开挖完成 60%', photos: [photo.body.url], percent: 60 },
    });
    expect(progress.status).toBe(201);
    const changed = await call(server, 'GET', `/api/v1/projects/${project.sceneId}/board`, {
      headers: { 'If-None-Match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.body.percent).toBe(60);
    expect(changed.body.latestProgress[0]).toMatchObject({
      text: '供热管网开挖完成 60%',
      photos: [photo.body.url],
      // The public board names the office that posted, never the staff member.
      authorName: `${chain.street.name} 街道办`,
    });
    expect(JSON.stringify(changed.body)).not.toContain('李工');
  });

  it('answers 404 for an unknown project and 400 for a malformed id', async () => {
    expect((await call(server, 'GET', '/api/v1/projects/pnotthere1/board')).status).toBe(404);
    const bad = await call(server, 'GET', `/api/v1/projects/${'x'.repeat(40)}/board`);
    expect(bad.status).toBe(400);
  });
});

describe('board QR code', () => {
  it('is a QR of the H5 board URL when WeChat is not configured', async () => {
    const res = await call(server, 'GET', `/api/v1/projects/${project._id}/qrcode`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const expected = await QRCode.toBuffer(
      `https://jiugai.example.cn/h5/#/pages/board/index?scene=${project.sceneId}`,
      {
        type: 'png',
        width: 512,
        margin: 2,
        errorCorrectionLevel: 'M',
      },
    );
    expect(Buffer.compare(res.body, expected)).toBe(0);
    expect((await call(server, 'GET', '/api/v1/projects/pnotthere1/qrcode')).status).toBe(404);
  });

  it('is the mini-program code from getUnlimited when WeChat is configured', async () => {
    const wechat = await startFakeWechat();
    const wx = await startSiblingServer(server, {
      WECHAT_APP_ID: 'wx-test-app',
      WECHAT_APP_SECRET: 'wx-test-secret',
      WECHAT_API_BASE: wechat.url,
    });
    try {
      const res = await call(wx, 'GET', `/api/v1/projects/${project.sceneId}/qrcode`);
      expect(res.status).toBe(200);
      expect(Buffer.compare(res.body, fakeWxaCodePng)).toBe(0);
      expect(
        wechat.requests.some((r) => r.startsWith('POST /wxa/getwxacodeunlimit?access_token=ACCESS-TOKEN')),
      ).toBe(true);
    } finally {
      await wx.close();
      await wechat.close();
    }
  });
});

describe('progress updates', () => {
  it('are public to read, newest first, and only managers in scope publish them', async () => {
    const list = await call(server, 'GET', `/api/v1/projects/${project.sceneId}/progress`);
    expect(list.status).toBe(200);
    expect(list.body.items[0].percent).toBe(60);
    const bad = await call(server, 'POST', `/api/v1/projects/${project._id}/progress`, {
      token: manager,
      body: { text: 'x', percent: 120 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/进度不能超过 100/);
    const badPhoto = await call(server, 'POST', `/api/v1/projects/${project._id}/progress`, {
      token: manager,
      body: { text: 'x', percent: 10, photos: ['https://evil.example/x.png'] },
    });
    expect(badPhoto.status).toBe(400);
    expect(badPhoto.body.error.message).toMatch(/图片地址无效/);
    const outsider = tokenFor(
      server,
      await createUser('street_staff', (await createRegionChain('外街')).street),
    );
    const out = await call(server, 'POST', `/api/v1/projects/${project._id}/progress`, {
      token: outsider,
      body: { text: 'x', percent: 10 },
    });
    expect(out.status).toBe(403);
    expect((await call(server, 'GET', `/api/v1/projects/${project.sceneId}/progress`)).body.total).toBe(1);
  });
});
