export const Role = {
  Resident: 'resident',
  Supervisor: 'supervisor',
  CommunityStaff: 'community_staff',
  StreetStaff: 'street_staff',
  BureauAdmin: 'bureau_admin',
  Expert: 'expert',
  SuperAdmin: 'super_admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const roles = Object.values(Role) as [Role, ...Role[]];

export const roleLabel: Record<Role, string> = {
  resident: '居民',
  supervisor: '义务监督员',
  community_staff: '社区工作者',
  street_staff: '街道办',
  bureau_admin: '区住建局',
  expert: '评审专家',
  super_admin: '系统管理员',
};

/** Roles that log in to the admin console with account + password. */
export const staffRoles: Role[] = [
  'community_staff',
  'street_staff',
  'bureau_admin',
  'expert',
  'super_admin',
];
/** Roles that log in from the mini-program with WeChat. */
export const wechatRoles: Role[] = ['resident', 'supervisor'];

export const isStaffRole = (role: Role): boolean => staffRoles.includes(role);
