import type { ReactNode } from 'react';
import { Result } from 'antd';
import type { Permission } from '../access';
import { useSession } from '../useSession';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { access } = useSession();
  if (!access[permission])
    return <Result status="403" title="没有权限" subTitle="您的账号没有访问此页面的权限" />;
  return <>{children}</>;
}
