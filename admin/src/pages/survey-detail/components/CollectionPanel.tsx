import { Card, Col, Progress, Row, Statistic, Table, Tag } from 'antd';
import {
  participationChannelLabel,
  type ParticipationChannel,
  type SurveyCollectionView,
} from '@jiugai/shared';
import { Chart } from '../../../components/charts';

/** Collection rate of the compound and of each building against the 80% target, and who is still missing. */
export function CollectionPanel({ collection }: { collection: SurveyCollectionView }) {
  const buildings = [...collection.buildings].sort((a, b) => a.rate.percent - b.rate.percent);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Card>
          <Statistic
            title="小区征集率"
            value={collection.rate.percent}
            precision={2}
            suffix="%"
            valueStyle={{ color: collection.meetsTarget ? '#3f8600' : '#cf1322' }}
          />
          <Progress
            percent={collection.rate.percent}
            success={{ percent: 0 }}
            status={collection.meetsTarget ? 'success' : 'exception'}
          />
          <div>
            已反馈 {collection.responded} / {collection.households} 户{' '}
            {collection.meetsTarget ? <Tag color="green">已达 80%</Tag> : <Tag color="red">未达 80%</Tag>}
          </div>
          <div style={{ marginTop: 8 }}>
            {(Object.keys(collection.byChannel) as ParticipationChannel[]).map((c) => (
              <Tag key={c}>
                {participationChannelLabel[c]} {collection.byChannel[c]}
              </Tag>
            ))}
          </div>
        </Card>
      </Col>
      <Col xs={24} md={16}>
        <Card title="各楼栋征集率">
          <Chart
            ariaLabel="各楼栋征集率"
            height={Math.max(200, buildings.length * 28 + 60)}
            option={{
              grid: { left: 80, right: 40, top: 10, bottom: 30 },
              tooltip: { trigger: 'axis' },
              xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
              yAxis: { type: 'category', data: buildings.map((b) => b.name) },
              series: [
                {
                  type: 'bar',
                  data: buildings.map((b) => ({
                    value: b.rate.percent,
                    itemStyle: { color: b.meetsTarget ? '#52c41a' : '#ff4d4f' },
                  })),
                  label: { show: true, position: 'right', formatter: '{c}%' },
                  markLine: {
                    symbol: 'none',
                    data: [{ xAxis: 80, name: '目标 80%' }],
                    lineStyle: { color: '#faad14', type: 'dashed' },
                  },
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={`尚未反馈的户（${collection.missing.length}）`}>
          <Table
            size="small"
            rowKey="householdId"
            dataSource={collection.missing}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: '楼栋', dataIndex: 'building' },
              { title: '单元', dataIndex: 'unit' },
              { title: '房号', dataIndex: 'room' },
              { title: '业主', dataIndex: 'owner' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
