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
  {
    path: '/dashboard',
    name: '数据看板',
    icon: <BarChartOutlined />,
    permission: 'dashboard.view',
    component: lazy(() => import('./pages/dashboard')),
  },
  {
    path: '/regions',
    name: '区域与住户',
    icon: <ApartmentOutlined />,
    permission: 'regions.view',
    component: lazy(() => import('./pages/regions')),
  },
  {
    path: '/bindings',
    name: '住户绑定',
    icon: <LinkOutlined />,
    permission: 'bindings.review',
    component: lazy(() => import('./pages/bindings')),
  },
  {
    path: '/projects',
    name: '改造项目',
    icon: <ProjectOutlined />,
    permission: 'projects.view',
    component: lazy(() => import('./pages/projects')),
  },
  {
    path: '/projects/:id',
    name: '项目详情',
    permission: 'projects.view',
    hideInMenu: true,
    component: lazy(() => import('./pages/project-detail')),
  },
  {
    path: '/projects/:id/board',
    name: '公示栏打印',
    permission: 'projects.view',
    hideInMenu: true,
    bare: true,
    component: lazy(() => import('./pages/board-print')),
  },
  {
    path: '/surveys',
    name: '征求意见',
    icon: <FormOutlined />,
    permission: 'surveys.view',
    component: lazy(() => import('./pages/surveys')),
  },
  {
    path: '/surveys/new',
    name: '新建问卷',
    permission: 'surveys.edit',
    hideInMenu: true,
    component: lazy(() => import('./pages/survey-builder')),
  },
  {
    path: '/surveys/:id',
    name: '问卷详情',
    permission: 'surveys.view',
    hideInMenu: true,
    component: lazy(() => import('./pages/survey-detail')),
  },
  {
    path: '/votes',
    name: '业主表决',
    icon: <AuditOutlined />,
    permission: 'votes.view',
    component: lazy(() => import('./pages/votes')),
  },
  {
    path: '/votes/:id',
    name: '表决详情',
    permission: 'votes.view',
    hideInMenu: true,
    component: lazy(() => import('./pages/vote-detail')),
  },
  {
    path: '/complaints',
    name: '投诉处理',
    icon: <AlertOutlined />,
    permission: 'complaints.view',
    component: lazy(() => import('./pages/complaints')),
  },
  {
    path: '/supervision',
    name: '义务监督',
    icon: <EyeOutlined />,
    permission: 'supervision.view',
    component: lazy(() => import('./pages/supervision')),
  },
  {
    path: '/audit-log',
    name: '操作日志',
    icon: <FileSearchOutlined />,
    permission: 'audit.view',
    component: lazy(() => import('./pages/audit-log')),
  },
  {
    path: '/staff',
    name: '账号管理',
    icon: <TeamOutlined />,
    permission: 'staff.manage',
    component: lazy(() => import('./pages/staff')),
  },
];
