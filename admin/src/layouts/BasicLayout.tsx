import { Suspense, useEffect } from 'react';
import { ProLayout } from '@ant-design/pro-components';
import { Dropdown, Tag, theme } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { roleLabel } from '@jiugai/shared';
import { logout } from '../auth';
import { PageLoading } from '../components/PageLoading';
import { appRoutes } from '../routes';
import { useSession } from '../useSession';

/**
 * ProLayout paints its grey background on a `position: fixed` layer one viewport high (`.ant-pro-layout-bg-list`),
 * over a white page: wherever the page is drawn beyond the viewport (full-page screenshots, print preview,
 * overscroll) long pages turned white below the first screen. While the frame is shown, the page itself gets the
 * layout colour too, the colour the layer's gradient ends in; bare pages (login, print sheets) stay white.
 */
function useLayoutPageBackground() {
  const { token } = theme.useToken();
  useEffect(() => {
    const { style } = document.body;
    const previous = style.backgroundColor;
    style.backgroundColor = token.colorBgLayout;
    return () => {
      style.backgroundColor = previous;
    };
  }, [token.colorBgLayout]);
}

/** The frame around every page: the menu shows only what the user's role may open. */
export default function BasicLayout() {
  useLayoutPageBackground();
  const { user, access } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const menu = appRoutes
    .filter((r) => !r.hideInMenu && !r.bare && access[r.permission])
    .map((r) => ({ path: r.path, name: r.name, icon: r.icon }));

  return (
    <ProLayout
      title="旧改通"
      logo={false}
      layout="mix"
      fixSiderbar
      route={{ path: '/', routes: menu }}
      location={{ pathname: location.pathname }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      avatarProps={{
        size: 'small',
        title: user?.name || user?.account,
        render: (_, dom) => (
          <Dropdown
            menu={{
              items: [{ key: 'logout', icon: <LogoutOutlined />, label: '退出登录' }],
              onClick: () => {
                logout();
                navigate('/login', { replace: true });
              },
            }}
          >
            {dom}
          </Dropdown>
        ),
      }}
      actionsRender={() => [
        user ? (
          <Tag key="role" color="blue">
            {roleLabel[user.role]}
            {user.scopeRegionName ? ` · ${user.scopeRegionName}` : ''}
          </Tag>
        ) : null,
      ]}
    >
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </ProLayout>
  );
}
