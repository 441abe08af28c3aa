import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  EyeOutlined,
  FileSearchOutlined,
  FormOutlined,
  LinkOutlined,
  ProjectOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from './access';

export interface AppRoute {
  /** Path inside the console (the router's basename is /admin). */
  path: string;
  name: string;
  icon?: ReactNode;
  permission: Permission;
  component: LazyExoticComponent<ComponentType>;
  hideInMenu?: boolean;
  /** Rendered without the menu frame (print views). */
  bare?: boolean;
}

/** Every page of the console, the permission it needs, and its lazily loaded code (one chunk per page). */
export const appRoutes: AppRoute[] = [
  { path: '/surveys/new', name: '新建问卷', permission: 'surveys.edit', hideInMenu: true, component: lazy(() => import('./pages/survey-builder')) },
  { path: '/complaints', name: '投诉处理', icon: <AlertOutlined />, permission: 'complaints.view', component: lazy(() => import('./pages/complaints')) },
  { path: '/staff', name: '账号管理', icon: <TeamOutlined />, permission: 'staff.manage', component: lazy(() => import('./pages/staff')) },
];
