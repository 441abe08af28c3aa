import ExcelJS from 'exceljs';
import { householdImportColumns } from '@jiugai/shared';
import type { AccessWorld, Actor, Side } from './accessWorld';
import { imageForm, tinyPng } from './images';
import { User } from '../src/models/user';

const staff = ['community_staff', 'street_staff', 'bureau_admin', 'expert', 'super_admin'] as const;
const householdStaff = ['community_staff', 'street_staff', 'bureau_admin', 'super_admin'] as const;
const managers = ['street_staff', 'bureau_admin', 'super_admin'] as const;
const residents = ['resident', 'supervisor'] as const;

export interface Case {
  name: string;
  method: string;
  /** Roles allowed; 'public' = no login needed; 'any' = any logged-in user. */
  roles: readonly Actor[] | 'public' | 'any';
  /** Whether the target lives in a region the staff member may or may not see. */
  scoped: boolean;
  prepare: (side: Side, actor: Actor) => Promise<{ path: string; body?: unknown }>;
}

let seq = 0;
const xlsx = async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('住户');
  ws.addRow([...householdImportColumns]);
  ws.addRow([`导入楼${++seq}`, '1', '101', 60, '', '']);
  const form = new FormData();
  form.set('file', new Blob([await wb.xlsx.writeBuffer()]), 'a.xlsx');
  return form;
};

/** Every core route with who may call it; `world` and the uploaded file name are read when a case runs. */
export function coreAccessCases(ctx: { world: () => AccessWorld; uploadName: () => string }): Case[] {
  const world = ctx.world;
  return [
    {
      name: 'GET /auth/me',
      method: 'GET',
      roles: 'any',
      scoped: false,
      prepare: async () => ({ path: '/auth/me' }),
    },
    {
      name: 'GET /staff',
      method: 'GET',
      roles: ['bureau_admin', 'super_admin'],
      scoped: false,
      prepare: async () => ({ path: '/staff' }),
    },
    {
      name: 'POST /staff',
      method: 'POST',
      roles: ['bureau_admin', 'super_admin'],
      scoped: true,
      prepare: async (s) => ({
        path: '/staff',
        body: {
          account: `acct${++seq}`,
          name: '新社工',
          role: 'community_staff',
          scopeRegionId: String(s.chain.community._id),
          password: 'Passw0rd1',
        },
      }),
    },
    {
      name: 'PATCH /staff/:id',
      method: 'PATCH',
      roles: ['bureau_admin', 'super_admin'],
      scoped: true,
      prepare: async (s) => ({ path: `/staff/${(await s.freshStaff())._id}`, body: { name: '改名' } }),
    },
    {
      name: 'POST /staff/:id/reset-password',
      method: 'POST',
      roles: ['bureau_admin', 'super_admin'],
      scoped: true,
      prepare: async (s) => ({
        path: `/staff/${(await s.freshStaff())._id}/reset-password`,
        body: { password: 'NewPassw0rd' },
      }),
    },
    {
      name: 'GET /supervisors/candidates',
      method: 'GET',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({ path: `/supervisors/candidates?compoundId=${s.chain.compound._id}` }),
    },
    {
      name: 'GET /supervisors',
      method: 'GET',
      roles: householdStaff,
      scoped: false,
      prepare: async () => ({ path: '/supervisors' }),
    },
    {
      name: 'POST /supervisors',
      method: 'POST',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({
        path: '/supervisors',
        body: { userId: String((await s.freshResident())._id), scopeRegionId: String(s.chain.compound._id) },
      }),
    },
    {
      name: 'DELETE /supervisors/:id',
      method: 'DELETE',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({ path: `/supervisors/${(await s.freshSupervisor())._id}` }),
    },
    {
      name: 'GET /regions/tree',
      method: 'GET',
      roles: staff,
      scoped: false,
      prepare: async () => ({ path: '/regions/tree' }),
    },
    {
      name: 'GET /regions/:id',
      method: 'GET',
      roles: staff,
      scoped: true,
      prepare: async (s) => ({ path: `/regions/${s.chain.compound._id}` }),
    },
    {
      name: 'POST /regions',
      method: 'POST',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({
        path: '/regions',
        body: { parentId: String(s.chain.compound._id), name: `新楼${++seq}` },
      }),
    },
    {
      name: 'PATCH /regions/:id',
      method: 'PATCH',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({
        path: `/regions/${(await s.freshBuilding())._id}`,
        body: { name: `改名楼${++seq}` },
      }),
    },
    {
      name: 'DELETE /regions/:id',
      method: 'DELETE',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({ path: `/regions/${(await s.freshBuilding())._id}` }),
    },
    {
      name: 'GET /households',
      method: 'GET',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({ path: `/households?compoundId=${s.chain.compound._id}` }),
    },
    {
      name: 'GET /households/import-template',
      method: 'GET',
      roles: householdStaff,
      scoped: false,
      prepare: async () => ({ path: '/households/import-template' }),
    },
    {
      name: 'GET /households/:id',
      method: 'GET',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({ path: `/households/${(await s.freshHousehold())._id}` }),
    },
    {
      name: 'POST /households',
      method: 'POST',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({
        path: '/households',
        body: { buildingId: String(s.chain.building._id), unit: '9', room: String(++seq), area: 70 },
      }),
    },
    {
      name: 'PATCH /households/:id',
      method: 'PATCH',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({ path: `/households/${(await s.freshHousehold())._id}`, body: { area: 71 } }),
    },
    {
      name: 'POST /households/import',
      method: 'POST',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => {
        const form = await xlsx();
        form.set('compoundId', String(s.chain.compound._id));
        return { path: '/households/import', body: form };
      },
    },
    {
      name: 'GET /bindings/buildings',
      method: 'GET',
      roles: residents,
      scoped: false,
      prepare: async (s) => ({ path: `/bindings/buildings?compoundId=${s.chain.compound._id}` }),
    },
    {
      name: 'POST /bindings',
      method: 'POST',
      roles: residents,
      scoped: false,
      prepare: async (s) => {
        const h = await s.freshHousehold();
        return {
          path: '/bindings',
          body: {
            buildingId: String(h.buildingId),
            unit: h.unit,
            room: h.room,
            name: '居民',
            phone: '13800000000',
          },
        };
      },
    },
    {
      name: 'GET /bindings/mine',
      method: 'GET',
      roles: residents,
      scoped: false,
      prepare: async () => ({ path: '/bindings/mine' }),
    },
    {
      name: 'POST /bindings/redeem',
      method: 'POST',
      roles: residents,
      scoped: false,
      prepare: async (s) => ({ path: '/bindings/redeem', body: { code: await s.freshCode() } }),
    },
    {
      name: 'GET /bindings',
      method: 'GET',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({ path: `/bindings?compoundId=${s.chain.compound._id}` }),
    },
    {
      name: 'POST /bindings/:id/approve',
      method: 'POST',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({ path: `/bindings/${(await s.freshBindingRequest())._id}/approve` }),
    },
    {
      name: 'POST /bindings/:id/reject',
      method: 'POST',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({
        path: `/bindings/${(await s.freshBindingRequest())._id}/reject`,
        body: { reason: '信息不符' },
      }),
    },
    {
      name: 'POST /bindings/codes',
      method: 'POST',
      roles: householdStaff,
      scoped: true,
      prepare: async (s) => ({ path: '/bindings/codes', body: { buildingId: String(s.chain.building._id) } }),
    },
    {
      name: 'DELETE /bindings/households/:id',
      method: 'DELETE',
      roles: residents,
      scoped: false,
      prepare: async (s, actor) => {
        const h = await s.freshHousehold();
        if (world().users[actor])
          await User.updateOne({ _id: world().users[actor]!._id }, { $addToSet: { householdIds: h._id } });
        return { path: `/bindings/households/${h._id}` };
      },
    },
    {
      name: 'GET /projects/search',
      method: 'GET',
      roles: 'public',
      scoped: false,
      prepare: async (s) => ({ path: `/projects/search?q=${encodeURIComponent(s.chain.compound.name)}` }),
    },
    {
      name: 'GET /projects',
      method: 'GET',
      roles: staff,
      scoped: false,
      prepare: async () => ({ path: '/projects' }),
    },
    {
      name: 'POST /projects',
      method: 'POST',
      roles: managers,
      scoped: true,
      prepare: async (s) => ({
        path: '/projects',
        body: { compoundId: String((await s.freshCompound())._id), year: 2026 },
      }),
    },
    {
      name: 'GET /projects/:id',
      method: 'GET',
      roles: staff,
      scoped: true,
      prepare: async (s) => ({ path: `/projects/${s.project._id}` }),
    },
    {
      name: 'PATCH /projects/:id',
      method: 'PATCH',
      roles: managers,
      scoped: true,
      prepare: async (s) => ({ path: `/projects/${s.project._id}`, body: { complaintPhone: '12345' } }),
    },
    {
      name: 'PUT /projects/:id/plan',
      method: 'PUT',
      roles: managers,
      scoped: true,
      prepare: async (s) => ({
        path: `/projects/${s.project._id}/plan`,
        body: { designUnit: '设计院', items: [{ category: 'roads', title: '道路' }] },
      }),
    },
    {
      name: 'POST /projects/:id/reviews',
      method: 'POST',
      roles: ['expert', 'bureau_admin', 'super_admin'],
      scoped: true,
      prepare: async (s) => ({
        path: `/projects/${(await s.freshProject({ stage: 'review' }))._id}/reviews`,
        body: { opinion: '同意', verdict: 'pass' },
      }),
    },
    {
      name: 'POST /projects/:id/stage',
      method: 'POST',
      roles: managers,
      scoped: true,
      prepare: async (s) => ({
        path: `/projects/${(await s.freshProject())._id}/stage`,
        body: { to: 'design' },
      }),
    },
    {
      name: 'PATCH /projects/:id/milestones/:key',
      method: 'PATCH',
      roles: managers,
      scoped: true,
      prepare: async (s) => ({
        path: `/projects/${(await s.freshProject())._id}/milestones/procedures`,
        body: { deadline: '2026-04-20' },
      }),
    },
    {
      name: 'PUT /projects/:id/acceptance',
      method: 'PUT',
      roles: managers,
      scoped: true,
      prepare: async (s) => ({
        path: `/projects/${(await s.freshProject({ stage: 'acceptance' }))._id}/acceptance`,
        body: { date: '2026-12-01', participants: [{ party: 'community', name: '社区' }], verdict: 'passed' },
      }),
    },
    {
      name: 'POST /projects/:id/handovers',
      method: 'POST',
      roles: managers,
      scoped: true,
      prepare: async (s) => ({
        path: `/projects/${(await s.freshProject({ stage: 'acceptance', acceptance: { date: '2026-12-01', participants: [], verdict: 'passed', recordedAt: new Date() } }))._id}/handovers`,
        body: { facility: 'power', operator: '供电公司', date: '2026-12-10' },
      }),
    },
    {
      name: 'GET /projects/:id/progress',
      method: 'GET',
      roles: 'public',
      scoped: false,
      prepare: async (s) => ({ path: `/projects/${s.project.sceneId}/progress` }),
    },
    {
      name: 'POST /projects/:id/progress',
      method: 'POST',
      roles: managers,
      scoped: true,
      prepare: async (s) => ({
        path: `/projects/${s.project._id}/progress`,
        body: { text: '进展', percent: 10 },
      }),
    },
    {
      name: 'GET /projects/:id/board',
      method: 'GET',
      roles: 'public',
      scoped: false,
      prepare: async (s) => ({ path: `/projects/${s.project.sceneId}/board` }),
    },
    {
      name: 'GET /projects/:id/qrcode',
      method: 'GET',
      roles: 'public',
      scoped: false,
      prepare: async (s) => ({ path: `/projects/${s.project._id}/qrcode` }),
    },
    {
      name: 'POST /uploads',
      method: 'POST',
      roles: 'any',
      scoped: false,
      prepare: async () => ({ path: '/uploads', body: imageForm(tinyPng) }),
    },
    {
      name: 'GET /uploads/:name',
      method: 'GET',
      roles: 'public',
      scoped: false,
      prepare: async () => ({ path: `/uploads/${ctx.uploadName()}` }),
    },
  ];
}

/** The expected outcome: 'ok' (2xx), 401 or 403. */
export function expected(c: Case, actor: Actor, side: 'own' | 'other'): 'ok' | 401 | 403 {
  if (c.roles === 'public') return 'ok';
  if (actor === 'anonymous') return 401;
  if (c.roles !== 'any' && !c.roles.includes(actor)) return 403;
  if (c.scoped && side === 'other' && actor !== 'super_admin') return 403;
  return 'ok';
}
