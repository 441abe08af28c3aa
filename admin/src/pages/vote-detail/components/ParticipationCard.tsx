import { Card, Col, Progress, Row, Statistic, Tag, Typography } from 'antd';
import type { Ratio, TallyView } from '@jiugai/shared';

const twoThirds = 66.67;

function RatioBar({ title, ratio, unit }: { title: string; ratio: Ratio; unit: string }) {
  const met = ratio.numerator * 3 >= ratio.denominator * 2 && ratio.denominator > 0;
  return (
    <div>
      <Statistic
        title={title}
        value={ratio.percent}
        precision={2}
        suffix="%"
        valueStyle={{ color: met ? '#3f8600' : undefined }}
      />
      <Progress
        percent={ratio.percent}
        success={{ percent: Math.min(ratio.percent, twoThirds) }}
        strokeColor={met ? '#52c41a' : '#1677ff'}
        showInfo={false}
      />
      <Typography.Text type="secondary">
        {ratio.numerator.toLocaleString('zh-CN')} / {ratio.denominator.toLocaleString('zh-CN')} {unit} · 须达
        2/3（66.67%）
      </Typography.Text>
    </div>
  );
}

/** Participation by exclusive area and by owner headcount, each against the 2/3 of Civil Code art. 278. */
export function ParticipationCard({ tally }: { tally: TallyView }) {
  const p = tally.participation;
  const areaAsM2 = { ...p.area, numerator: p.area.numerator / 100, denominator: p.area.denominator / 100 };
  return (
    <Card
      title="参与情况"
      extra={p.met ? <Tag color="green">参与已达三分之二</Tag> : <Tag color="orange">参与未达三分之二</Tag>}
    >
      <Row gutter={32}>
        <Col xs={24} md={12}>
          <RatioBar title="参与表决的专有部分面积" ratio={areaAsM2} unit="㎡" />
        </Col>
        <Col xs={24} md={12}>
          <RatioBar title="参与表决的业主人数" ratio={p.headcount} unit="人" />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        已投票 {p.households} / {tally.totals.households} 户
      </Typography.Paragraph>
    </Card>
  );
}
