import { Card, Empty } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { DashboardView } from '@jiugai/shared';
import { Chart } from '../../../components/charts';

/** Collection rate per compound, compounds below 80% first; a click opens that survey's missing households. */
export function CollectionChart({ collection }: { collection: DashboardView['collection'] }) {
  const navigate = useNavigate();
  const compounds = [...collection.compounds].sort((a, b) => a.rate.percent - b.rate.percent);
  return (
    <Card
      title={`各小区征集率（目标 80%，${collection.belowTargetCount} 个小区未达标）`}
      extra="点击柱条查看未反馈的户"
    >
      {compounds.length === 0 ? (
        <Empty description="暂无进行中的征求意见" />
      ) : (
        <Chart
          ariaLabel="各小区征集率"
          height={Math.max(240, compounds.length * 30 + 80)}
          onClick={({ dataIndex }) => navigate(`/surveys/${compounds[dataIndex].surveyId}`)}
          option={{
            grid: { left: 110, right: 50, top: 28, bottom: 30 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
            yAxis: { type: 'category', data: compounds.map((c) => c.name), inverse: true },
            series: [
              {
                type: 'bar',
                cursor: 'pointer',
                data: compounds.map((c) => ({
                  value: c.rate.percent,
                  itemStyle: { color: c.meetsTarget ? '#52c41a' : '#ff4d4f' },
                })),
                label: { show: true, position: 'right', formatter: '{c}%' },
                markLine: {
                  symbol: 'none',
                  data: [{ xAxis: 80 }],
                  lineStyle: { color: '#faad14', type: 'dashed' },
                  label: { formatter: '目标 80%', position: 'start' },
                },
              },
            ],
          }}
        />
      )}
    </Card>
  );
}
