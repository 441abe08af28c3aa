import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Flex, Row, Space, Spin, Statistic, Typography } from 'antd';
import { projectStageLabel, projectStages, type DashboardView } from '@jiugai/shared';
import { Chart } from '../../components/charts';
import { PageLoading } from '../../components/PageLoading';
import type { RequestError } from '../../request';
import { formatDateTime } from '../../utils/format';
import { CollectionChart } from './components/CollectionChart';
import { ComplaintCharts } from './components/ComplaintCharts';
import { OpenVotesCard } from './components/OpenVotesCard';
import { OverdueMilestones } from './components/OverdueMilestones';
import { RegionPicker } from './components/RegionPicker';
import { getDashboard } from './service';

export default function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<DashboardView>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  /** What the picker shows: the region being loaded, else the one on screen. */
  const [picked, setPicked] = useState<string | undefined>(params.get('regionId') ?? undefined);
  const shown = useRef<{ data?: DashboardView; regionId?: string }>({});
  const inFlight = useRef<AbortController>();

  /** Loads a region's dashboard (undefined = the caller's own scope) and keeps it in the address bar. */
  const load = useCallback(
    (regionId?: string) => {
      inFlight.current?.abort();
      const ctrl = new AbortController();
      inFlight.current = ctrl;
      setPicked(regionId);
      setLoading(true);
      getDashboard(regionId, ctrl.signal).then(
        (d) => {
          shown.current = { data: d, regionId };
          setData(d);
          setError(undefined);
          setLoading(false);
          setParams(regionId ? { regionId } : {}, { replace: true });
        },
        (err: RequestError) => {
          if (ctrl.signal.aborted) return;
          setLoading(false);
          // The request funnel has shown the server's message; keep the dashboard that is on screen.
          if (shown.current.data) setPicked(shown.current.regionId);
          else setError(err.message);
        },
      );
    },
    [setParams],
  );
  useEffect(() => {
    load(params.get('regionId') ?? undefined);
    return () => inFlight.current?.abort();
    // Only the address the page was opened with; later picks go through load().
  }, []);

  if (error)
    return (
      <Alert
        type="error"
        showIcon
        message="数据看板加载失败"
        description={error}
        style={{ margin: 24 }}
        action={
          <Space direction="vertical">
            <Button size="small" onClick={() => load(picked)}>
              重试
            </Button>
            {picked && (
              <Button size="small" type="primary" onClick={() => load(undefined)}>
                查看本人管辖范围
              </Button>
            )}
          </Space>
        }
      />
    );
  if (!data) return <PageLoading />;
  const c = data.complaints;
  return (
    <div style={{ padding: 24 }}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {data.region.name} 数据看板{' '}
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              更新于 {formatDateTime(data.generatedAt)}
            </Typography.Text>
          </Typography.Title>
          <RegionPicker value={picked ?? data.region.id ?? undefined} onChange={load} loading={loading} />
        </Flex>
        <Spin spinning={loading} tip="正在加载所选区域…">
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Row gutter={[16, 16]}>
              {[
                { title: '改造项目', value: data.projects.total, suffix: '个' },
                {
                  title: '逾期节点',
                  value: data.milestonesOverdue.length,
                  suffix: '个',
                  danger: data.milestonesOverdue.length > 0,
                },
                {
                  title: '总征集率',
                  value: data.collection.total.rate.percent,
                  suffix: '%',
                  danger: !data.collection.total.meetsTarget,
                },
                { title: '进行中的表决', value: data.openVotes.length, suffix: '项' },
                { title: '未办结投诉', value: c.open, suffix: '件' },
                { title: '超时投诉', value: c.overdue, suffix: '件', danger: c.overdue > 0 },
                {
                  title: '平均办理时长',
                  value: c.avgHandlingHours === null ? '—' : c.avgHandlingHours.toFixed(1),
                  suffix: c.avgHandlingHours === null ? '' : '小时',
                },
                {
                  title: '满意度',
                  value: c.satisfaction.average === null ? '—' : c.satisfaction.average.toFixed(2),
                  suffix: c.satisfaction.average === null ? '' : `分（${c.satisfaction.rated} 条评价）`,
                },
              ].map((s) => (
                <Col key={s.title} xs={12} md={6} xl={3}>
                  <Card size="small">
                    <Statistic
                      title={s.title}
                      value={s.value}
                      suffix={s.suffix}
                      valueStyle={s.danger ? { color: '#cf1322' } : undefined}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={10}>
                <Card title="项目阶段分布">
                  <Chart
                    ariaLabel="项目阶段分布"
                    height={280}
                    option={{
                      grid: { left: 40, right: 20, top: 20, bottom: 60 },
                      tooltip: {},
                      xAxis: {
                        type: 'category',
                        data: projectStages.map((s) => projectStageLabel[s]),
                        axisLabel: { rotate: 30 },
                      },
                      yAxis: { type: 'value', minInterval: 1 },
                      series: [
                        {
                          type: 'bar',
                          data: projectStages.map((s) => data.projects.byStage[s] ?? 0),
                          itemStyle: { color: '#1677ff' },
                        },
                      ],
                    }}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Card title="逾期节点（对照方案：4 月 10 日前完成前期手续，10 月底基本完工，12 月底竣工验收）">
                  <OverdueMilestones items={data.milestonesOverdue} />
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <CollectionChart collection={data.collection} />
              </Col>
              <Col xs={24} lg={10}>
                <OpenVotesCard votes={data.openVotes} />
              </Col>
            </Row>
            <ComplaintCharts stats={c} />
          </Space>
        </Spin>
      </Space>
    </div>
  );
}
