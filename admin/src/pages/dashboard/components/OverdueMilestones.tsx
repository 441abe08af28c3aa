import { Empty, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DashboardView } from '@jiugai/shared';

const shown = 6;
const row = {
  display: 'flex',
  justifyContent: 'space-between',
  alignItems: 'center',
  padding: '8px 0',
  borderBottom: '1px solid #f0f0f0',
};

/** Overdue milestones, most overdue first (plain rows keep the dashboard's first load small). */
export function OverdueMilestones({ items }: { items: DashboardView['milestonesOverdue'] }) {
  if (items.length === 0) return <Empty description="没有逾期节点" />;
  const sorted = [...items].sort((a, b) => b.daysOverdue - a.daysOverdue);
  return (
    <div>
      {sorted.slice(0, shown).map((m) => (
        <div key={`${m.projectId}-${m.key}`} style={row}>
          <div>
            <Link to={`/projects/${m.projectId}`}>{m.projectName}</Link>
            <div>
              <Typography.Text type="secondary">
                {m.label} · 期限 {m.deadline}
              </Typography.Text>
            </div>
          </div>
          <Tag color="red">逾期 {m.daysOverdue} 天</Tag>
        </div>
      ))}
      {sorted.length > shown && (
        <Typography.Text type="secondary">
          另有 {sorted.length - shown} 个逾期节点，见各项目“阶段与节点”
        </Typography.Text>
      )}
    </div>
  );
}
