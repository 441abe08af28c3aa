import { lazy, Suspense } from 'react';
import { App as AntApp, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Navigate, Route, Routes } from 'react-router-dom';
import './utils/format';
import { RequireAuth } from './components/RequireAuth';
import { RequirePermission } from './components/RequirePermission';
import { PageLoading } from './components/PageLoading';
import { appRoutes } from './routes';
import { useSession } from './useSession';

const LoginPage = lazy(() => import('./pages/login'));
const BasicLayout = lazy(() => import('./layouts/BasicLayout'));

function HomeRedirect() {
  const { access } = useSession();
  const first = appRoutes.find((r) => !r.hideInMenu && access[r.permission]);
  if (!first)
    return <Result status="403" title="没有可用的功能" subTitle="该账号不能使用管理后台，请联系管理员" />;
  return <Navigate to={first.path} replace />;
}

function routeElements(bare: boolean) {
  return appRoutes
    .filter((r) => !!r.bare === bare)
    .map(({ path, permission, component: Page }) => (
      <Route
        key={path}
        path={path}
        element={
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>
        }
      />
    ));
}

/** Routes of the console; the router itself (browser or memory) is supplied by the caller. */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          {routeElements(true)}
          <Route element={<BasicLayout />}>
            <Route index element={<HomeRedirect />} />
            {routeElements(false)}
            <Route path="*" element={<Result status="404" title="页面不存在" />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}

export function AppProviders({ children }: { children: React.ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1677ff' } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
