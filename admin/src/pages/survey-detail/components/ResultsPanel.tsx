import { Card, Empty, Image, List, Space, Table, Typography } from 'antd';
import type { QuestionResult, SurveyResultsView } from '@jiugai/shared';
import { Chart } from '../../../components/charts';

function QuestionChart({ q }: { q: QuestionResult }) {
  if (q.options) {
    return (
      <Chart
        ariaLabel={`${q.title} 统计图`}
        height={Math.max(160, q.options.length * 32 + 40)}
        option={{
          grid: { left: 120, right: 60, top: 10, bottom: 20 },
          tooltip: {},
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: q.options.map((o) => o.label), inverse: true },
          series: [
            {
              type: 'bar',
              data: q.options.map((o) => o.count),
              label: {
                show: true,
                position: 'right',
                formatter: (p) => `${p.value}（${q.options?.[p.dataIndex].percent}%）`,
              },
            },
          ],
        }}
      />
    );
  }
  if (q.scale) {
    return (
      <Chart
        ariaLabel={`${q.title} 分数分布`}
        height={200}
        option={{
          title: { text: `平均 ${q.scale.average.toFixed(2)} 分`, textStyle: { fontSize: 13 } },
          tooltip: {},
          xAxis: { type: 'category', data: q.scale.distribution.map((d) => `${d.value} 分`) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', data: q.scale.distribution.map((d) => d.count) }],
        }}
      />
    );
  }
  if (q.ranking) {
    return (
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={q.ranking}
        columns={[
          { title: '名次', render: (_, __, i) => i + 1, width: 60 },
          { title: '改造内容', dataIndex: 'label' },
          { title: '得分（Borda）', dataIndex: 'score' },
          { title: '排第一次数', dataIndex: 'firstChoices' },
          { title: '平均名次', dataIndex: 'averageRank', render: (v: number) => v.toFixed(2) },
        ]}
      />
    );
  }
  if (q.texts) {
    return (
      <List
        size="small"
        dataSource={q.texts}
        locale={{ emptyText: '暂无' }}
        renderItem={(t) => <List.Item>{`${t.building ? `【${t.building}】` : ''}${t.text}`}</List.Item>}
      />
    );
  }
  if (q.photos?.length) {
    return (
      <Image.PreviewGroup>
        <Space wrap>
          {q.photos.map((src) => (
            <Image key={src} src={src} width={80} height={80} style={{ objectFit: 'cover' }} />
          ))}
        </Space>
      </Image.PreviewGroup>
    );
  }
  return <Empty />;
}

/** Counts of each option by building: the cross-tab for choice and scale questions. */
function CrossTab({ q }: { q: QuestionResult }) {
  if (!q.byBuilding?.length) return null;
  const keys =
    q.options?.map((o) => ({ key: o.id, label: o.label })) ??
    q.scale?.distribution.map((d) => ({ key: String(d.value), label: `${d.value} 分` })) ??
    [];
  return (
    <Table
      size="small"
      rowKey="buildingId"
      pagination={false}
      style={{ marginTop: 12 }}
      dataSource={q.byBuilding}
      columns={[
        { title: '楼栋', dataIndex: 'building' },
        { title: '作答户数', dataIndex: 'answered' },
        ...keys.map((k) => ({
          title: k.label,
          key: k.key,
          render: (_: unknown, row: NonNullable<QuestionResult['byBuilding']>[number]) =>
            row.counts[k.key] ?? 0,
        })),
      ]}
    />
  );
}

export function ResultsPanel({ results }: { results: SurveyResultsView }) {
  if (results.responses === 0) return <Empty description="还没有收到反馈" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>共 {results.responses} 户反馈</Typography.Text>
      {results.questions.map((q, i) => (
        <Card key={q.questionId} size="small" title={`${i + 1}. ${q.title}`} extra={`${q.answered} 户作答`}>
          <QuestionChart q={q} />
          <CrossTab q={q} />
        </Card>
      ))}
    </Space>
  );
}
