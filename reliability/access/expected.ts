import type { Role } from '@jiugai/shared';

/**
 * The expected access table, written from the issue texts (3, 4, 7), DESIGN.md and the routes' declarations.
 *
 * allow:  the roles let through (others get 403); 'public' = no login at all, tokens ignored.
 * other:  what a caller of the same role scoped to the other region (staff of branch 2, a resident bound to a
 *         branch-2 household) gets on branch-1 records:
 *         'deny'   → 403 or 404 (or a 400/409 that writes nothing), never a 2xx;
 *         'filter' → may answer 2xx (a list, their own data) but never shows a branch-1 id;
 *         'same'   → the region does not matter (self-service, public, super_admin-only).
 * optional: login optional; a bad token is refused with 401 rather than ignored.
 */
export interface Expected {
  allow: Role[] | 'public';
  other: 'deny' | 'filter' | 'same';
  optional?: boolean;
}

const any: Role[] = [
  'resident',
  'supervisor',
  'community_staff',
  'street_staff',
  'bureau_admin',
  'expert',
  'super_admin',
];
const staffAll: Role[] = ['community_staff', 'street_staff', 'bureau_admin', 'expert', 'super_admin'];
/** Community workers upward: households, surveys, complaints, supervision, audit. */
const handlers: Role[] = ['community_staff', 'street_staff', 'bureau_admin', 'super_admin'];
/** Plans, stages, progress: the street office and the housing bureau (issue 3). */
const managers: Role[] = ['street_staff', 'bureau_admin', 'super_admin'];
/** Expert review opinions: experts, and the bureau that organises the review. */
const reviewers: Role[] = ['expert', 'bureau_admin', 'super_admin'];
/** Residents and supervision-group members (who are residents too). */
const household: Role[] = ['resident', 'supervisor'];
const staffAdmins: Role[] = ['bureau_admin', 'super_admin'];

export const expectedAccess: Record<string, Expected> = {
  'GET /api/v1/health': { allow: 'public', other: 'same' },

  // identity
  'POST /api/v1/auth/login': { allow: 'public', other: 'same' },
  'POST /api/v1/auth/refresh': { allow: 'public', other: 'same' },
  'POST /api/v1/auth/wechat': { allow: 'public', other: 'same' },
  'POST /api/v1/auth/dev-login': { allow: 'public', other: 'same' },
  'GET /api/v1/auth/me': { allow: any, other: 'filter' },
  'GET /api/v1/staff': { allow: staffAdmins, other: 'filter' },
  'POST /api/v1/staff': { allow: staffAdmins, other: 'deny' },
  'PATCH /api/v1/staff/:id': { allow: staffAdmins, other: 'deny' },
  'POST /api/v1/staff/:id/reset-password': { allow: staffAdmins, other: 'deny' },

  // regions and households
  'GET /api/v1/regions/tree': { allow: staffAll, other: 'filter' },
  'GET /api/v1/regions/:id': { allow: staffAll, other: 'deny' },
  'POST /api/v1/regions': { allow: handlers, other: 'deny' },
  'PATCH /api/v1/regions/:id': { allow: handlers, other: 'deny' },
  'DELETE /api/v1/regions/:id': { allow: handlers, other: 'deny' },
  'GET /api/v1/households': { allow: handlers, other: 'filter' },
  'GET /api/v1/households/:id': { allow: handlers, other: 'deny' },
  'GET /api/v1/households/import-template': { allow: handlers, other: 'same' },
  'POST /api/v1/households': { allow: handlers, other: 'deny' },
  'POST /api/v1/households/import': { allow: handlers, other: 'deny' },
  'PATCH /api/v1/households/:id': { allow: handlers, other: 'deny' },

  // binding residents to households
  'GET /api/v1/bindings/buildings': { allow: household, other: 'same' },
  'POST /api/v1/bindings': { allow: household, other: 'same' },
  'GET /api/v1/bindings/mine': { allow: household, other: 'filter' },
  'POST /api/v1/bindings/redeem': { allow: household, other: 'same' },
  'DELETE /api/v1/bindings/households/:id': { allow: household, other: 'deny' },
  'GET /api/v1/bindings': { allow: handlers, other: 'filter' },
  'POST /api/v1/bindings/:id/approve': { allow: handlers, other: 'deny' },
  'POST /api/v1/bindings/:id/reject': { allow: handlers, other: 'deny' },
  'POST /api/v1/bindings/codes': { allow: handlers, other: 'deny' },

  // projects, boards, progress, uploads
  'GET /api/v1/projects': { allow: staffAll, other: 'filter' },
  'GET /api/v1/projects/search': { allow: 'public', other: 'same' },
  'GET /api/v1/projects/:id': { allow: staffAll, other: 'deny' },
  'POST /api/v1/projects': { allow: managers, other: 'deny' },
  'PATCH /api/v1/projects/:id': { allow: managers, other: 'deny' },
  'GET /api/v1/projects/:id/board': { allow: 'public', other: 'same' },
  'GET /api/v1/projects/:id/qrcode': { allow: 'public', other: 'same' },
  'GET /api/v1/projects/:id/progress': { allow: 'public', other: 'same' },
  'POST /api/v1/projects/:id/progress': { allow: managers, other: 'deny' },
  'PUT /api/v1/projects/:id/plan': { allow: managers, other: 'deny' },
  'POST /api/v1/projects/:id/reviews': { allow: reviewers, other: 'deny' },
  'POST /api/v1/projects/:id/stage': { allow: managers, other: 'deny' },
  'PATCH /api/v1/projects/:id/milestones/:key': { allow: managers, other: 'deny' },
  'PUT /api/v1/projects/:id/acceptance': { allow: managers, other: 'deny' },
  'POST /api/v1/projects/:id/handovers': { allow: managers, other: 'deny' },
  'POST /api/v1/uploads': { allow: any, other: 'same' },
  'GET /api/v1/uploads/:name': { allow: 'public', other: 'same' },

  // surveys
  'GET /api/v1/surveys': { allow: handlers, other: 'filter' },
  'POST /api/v1/surveys': { allow: handlers, other: 'deny' },
  'GET /api/v1/surveys/collection': { allow: handlers, other: 'filter' },
  'GET /api/v1/surveys/mine': { allow: household, other: 'filter' },
  'GET /api/v1/surveys/:id': { allow: [...handlers, ...household], other: 'deny' },
  'PATCH /api/v1/surveys/:id': { allow: handlers, other: 'deny' },
  'POST /api/v1/surveys/:id/versions': { allow: handlers, other: 'deny' },
  'POST /api/v1/surveys/:id/close': { allow: handlers, other: 'deny' },
  'GET /api/v1/surveys/:id/collection': { allow: handlers, other: 'deny' },
  'GET /api/v1/surveys/:id/results': { allow: handlers, other: 'deny' },
  'GET /api/v1/surveys/:id/export': { allow: handlers, other: 'deny' },
  // The household in the path is the branch-1 resident's; the supervisor is bound to another one.
  'PUT /api/v1/surveys/:id/responses/:householdId': { allow: ['resident'], other: 'deny' },
  'PUT /api/v1/surveys/:id/paper-responses/:householdId': { allow: handlers, other: 'deny' },
  'GET /api/v1/surveys/:id/responses/:householdId': { allow: [...handlers, 'resident'], other: 'deny' },

  // owner votes: opened by the street office and the bureau; ballots by the resident bound to the household
  'GET /api/v1/votes': { allow: handlers, other: 'filter' },
  'POST /api/v1/votes': { allow: managers, other: 'deny' },
  'GET /api/v1/votes/mine': { allow: household, other: 'filter' },
  'GET /api/v1/votes/:id': { allow: [...handlers, ...household], other: 'deny' },
  'GET /api/v1/votes/:id/tally': { allow: [...handlers, ...household], other: 'deny' },
  'POST /api/v1/votes/:id/close': { allow: managers, other: 'deny' },
  'GET /api/v1/votes/:id/households': { allow: handlers, other: 'deny' },
  'GET /api/v1/votes/:id/export': { allow: handlers, other: 'deny' },
  'PUT /api/v1/votes/:id/ballots/:householdId': { allow: ['resident'], other: 'deny' },
  'PUT /api/v1/votes/:id/paper-ballots/:householdId': { allow: handlers, other: 'deny' },
  'GET /api/v1/votes/:id/ballots/:householdId': { allow: [...handlers, 'resident'], other: 'deny' },

  // complaints
  'POST /api/v1/complaints': { allow: household, other: 'deny' },
  'GET /api/v1/complaints/mine': { allow: household, other: 'filter' },
  'GET /api/v1/complaints/public': { allow: 'public', other: 'same', optional: true },
  'GET /api/v1/complaints': { allow: handlers, other: 'filter' },
  // A workbook, read cell by cell: the other region gets its own (empty) ledger, never a branch-1 row.
  'GET /api/v1/complaints/export': { allow: handlers, other: 'filter' },
  // The world's complaint is filed by the branch-1 resident: the supervisor and the expert are not its author.
  'GET /api/v1/complaints/:id': { allow: [...handlers, 'resident'], other: 'deny' },
  'POST /api/v1/complaints/:id/transitions': { allow: handlers, other: 'deny' },
  'POST /api/v1/complaints/:id/rating': { allow: ['resident'], other: 'deny' },
  'POST /api/v1/complaints/:id/reopen': { allow: ['resident'], other: 'deny' },

  // supervision, notifications, audit
  'GET /api/v1/supervisors/candidates': { allow: handlers, other: 'deny' },
  'GET /api/v1/supervisors': { allow: handlers, other: 'filter' },
  'POST /api/v1/supervisors': { allow: handlers, other: 'deny' },
  'DELETE /api/v1/supervisors/:id': { allow: handlers, other: 'deny' },
  'POST /api/v1/supervision/members': { allow: handlers, other: 'deny' },
  'GET /api/v1/supervision/members': { allow: handlers, other: 'deny' },
  'DELETE /api/v1/supervision/members/:id': { allow: handlers, other: 'deny' },
  'GET /api/v1/supervision/projects/mine': { allow: ['supervisor'], other: 'filter' },
  'POST /api/v1/supervision/inspections': { allow: ['supervisor'], other: 'deny' },
  'GET /api/v1/supervision/inspections/mine': { allow: ['supervisor'], other: 'filter' },
  'GET /api/v1/supervision/inspections': { allow: handlers, other: 'filter' },
  'GET /api/v1/supervision/summary': { allow: handlers, other: 'deny' },
  'GET /api/v1/notifications/templates': { allow: any, other: 'same' },
  'POST /api/v1/notifications/subscriptions': { allow: household, other: 'same' },
  'GET /api/v1/notifications/subscriptions': { allow: household, other: 'filter' },
  'GET /api/v1/notifications/outbox': { allow: handlers, other: 'filter' },
  'GET /api/v1/audit': { allow: handlers, other: 'filter' },
  'GET /api/v1/dashboard': { allow: handlers, other: 'filter' },
};
