import { Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DashboardView } from '@jiugai/shared';
import { formatDateTime } from '../../../utils/format';

/** Votes in progress with participation by area and headcount against the 2/3 needed. */
export function OpenVotesCard({ votes }: { votes: DashboardView['openVotes'] }) {
  return (
    <Card title="进行中的表决（参与须达 2/3）">
      {votes.length === 0 ? (
        <Empty description="暂无进行中的表决" />
      ) : (
        <List
          dataSource={votes}
          renderItem={(v) => (
            <List.Item>
              <Space direction="vertical" style={{ width: '100%' }} size={2}>
                <Space>
                  <Link to={`/votes/${v.voteId}`}>{v.title}</Link>
                  {v.participation.met ? <Tag color="green">已达 2/3</Tag> : <Tag color="orange">未达 2/3</Tag>}
                  <Typography.Text type="secondary">截止 {formatDateTime(v.closesAt)}</Typography.Text>
                </Space>
                <span>面积 <Progress size="small" percent={v.participation.area.percent} style={{ width: 200, display: 'inline-flex' }} /></span>
                <span>人数 <Progress size="small" percent={v.participation.headcount.percent} style={{ width: 200, display: 'inline-flex' }} /></span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
