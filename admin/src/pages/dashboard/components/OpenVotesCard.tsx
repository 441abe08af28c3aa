import { Card, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DashboardView } from '@jiugai/shared';
import { formatDateTime } from '../../../utils/format';
import { RatioBar } from './RatioBar';

/** Votes in progress with participation by area and headcount against the 2/3 needed. */
export function OpenVotesCard({ votes }: { votes: DashboardView['openVotes'] }) {
  return (
    <Card title="进行中的表决（参与须达 2/3）">
      {votes.length === 0 && <Empty description="暂无进行中的表决" />}
      {votes.map((v) => (
        <div key={v.voteId} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Space direction="vertical" style={{ width: '100%' }} size={2}>
            <Space wrap>
              <Link to={`/votes/${v.voteId}`}>{v.title}</Link>
              {v.participation.met ? <Tag color="green">已达 2/3</Tag> : <Tag color="orange">未达 2/3</Tag>}
              <Typography.Text type="secondary">截止 {formatDateTime(v.closesAt)}</Typography.Text>
            </Space>
            <RatioBar label="面积" percent={v.participation.area.percent} />
            <RatioBar label="人数" percent={v.participation.headcount.percent} />
          </Space>
        </div>
      ))}
    </Card>
  );
}
