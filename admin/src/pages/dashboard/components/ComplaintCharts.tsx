import { Card, Col, Row } from 'antd';
import {
  complaintCategoryLabel,
  complaintStatusLabel,
  type ComplaintCategory,
  type ComplaintStatus,
  type DashboardView,
} from '@jiugai/shared';
import { Chart } from '../../../components/charts';

export function ComplaintCharts({ stats }: { stats: DashboardView['complaints'] }) {
  const statuses = Object.keys(stats.byStatus) as ComplaintStatus[];
  const categories = Object.keys(stats.byCategory) as ComplaintCategory[];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Card title="投诉办理状态">
          <Chart
            ariaLabel="投诉办理状态"
            height={240}
            option={{
              title:
                stats.total === 0
                  ? {
                      text: '暂无投诉',
                      left: 'center',
                      top: 'middle',
                      textStyle: { color: '#999', fontSize: 14 },
                    }
                  : undefined,
              tooltip: { trigger: 'item' },
              legend: { bottom: 0 },
              series: [
                {
                  type: 'pie',
                  radius: ['40%', '65%'],
                  data: statuses
                    .filter((s) => stats.byStatus[s] > 0)
                    .map((s) => ({ name: complaintStatusLabel[s], value: stats.byStatus[s] })),
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card title="投诉类别">
          <Chart
            ariaLabel="投诉类别"
            height={240}
            option={{
              grid: { left: 90, right: 30, top: 10, bottom: 20 },
              tooltip: {},
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', data: categories.map((c) => complaintCategoryLabel[c]) },
              series: [
                {
                  type: 'bar',
                  data: categories.map((c) => stats.byCategory[c]),
                  itemStyle: { color: '#1677ff' },
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card title="满意度评价分布">
          <Chart
            ariaLabel="满意度评价分布"
            height={240}
            option={{
              tooltip: {},
              xAxis: { type: 'category', data: ['1 星', '2 星', '3 星', '4 星', '5 星'] },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                {
                  type: 'bar',
                  data: (['1', '2', '3', '4', '5'] as const).map((k) => stats.satisfaction.distribution[k]),
                  itemStyle: { color: '#faad14' },
                },
              ],
            }}
          />
        </Card>
      </Col>
    </Row>
  );
}
