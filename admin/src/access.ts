import type { Role } from '@jiugai/shared';

/**
 * Everything in the console that depends on who is logged in: menu entries (`*.view`) and buttons.
 * The server checks every call again; this only keeps staff from seeing what they cannot use.
 */
export const permissions = [
  'dashboard.view',
  'regions.view',
  'regions.import',
  'bindings.review',
  'projects.view',
  'projects.edit',
  'projects.stage',
  'reviews.write',
  'surveys.view',
  'surveys.edit',
  'surveys.enterPaper',
  'votes.view',
  'votes.manage',
  'votes.enterPaper',
  'complaints.view',
  'complaints.handle',
  'supervision.view',
  'audit.view',
  'staff.manage',
] as const;
export type Permission = (typeof permissions)[number];
export type Access = Record<Permission, boolean>;

const fieldWork: Permission[] = [
  'dashboard.view',
  'regions.view',
  'regions.import',
  'bindings.review',
  'projects.view',
  'surveys.view',
  'surveys.edit',
  'surveys.enterPaper',
  'votes.view',
  'votes.enterPaper',
  'complaints.view',
  'complaints.handle',
  'supervision.view',
  'audit.view',
];
const management: Permission[] = [...fieldWork, 'projects.edit', 'projects.stage', 'votes.manage'];

const grants: Record<Role, Permission[]> = {
  resident: [],
  supervisor: [],
  community_staff: fieldWork,
  street_staff: management,
  bureau_admin: [...management, 'staff.manage'],
  expert: ['projects.view', 'reviews.write'],
  super_admin: [...permissions],
};

/** The current user's role → what they may see and press. No user → nothing. */
export function accessFor(user: { role: Role } | null | undefined): Access {
  const granted = new Set(user ? grants[user.role] : []);
  return Object.fromEntries(permissions.map((p) => [p, granted.has(p)])) as Access;
}
