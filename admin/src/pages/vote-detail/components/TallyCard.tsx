import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import type { TallyOptionRow, TallyView } from '@jiugai/shared';
import { formatDateTime } from '../../../utils/format';

const thresholdText = (t: { numerator: number; denominator: number; strict: boolean }) =>
  `${t.strict ? '超过' : '达到'} ${t.numerator}/${t.denominator}${t.strict ? '' : ' 以上'}`;

/** After close: each option's share of the participating area and headcount, the verdict and the fingerprint. */
export function TallyCard({ tally }: { tally: TallyView }) {
  if (!tally.approval) return null;
  const rows: (
    | TallyOptionRow
    | ((TallyView['approval'] & object)['abstentions'] & {
        optionId: string;
        label: string;
        passed?: boolean;
      })
  )[] = [...tally.approval.options, { optionId: 'abstain', label: '弃权', ...tally.approval.abstentions }];
  return (
    <Card title="计票结果">
      <Alert
        type={tally.result === 'passed' ? 'success' : tally.result === 'failed' ? 'warning' : 'error'}
        showIcon
        message={`表决结果：${tally.resultLabel ?? ''}`}
        description={`通过条件：参与面积与人数均达到 2/3 以上，且同意的面积与人数均${thresholdText(tally.approval.threshold)}（按参与表决者计）`}
        style={{ marginBottom: 16 }}
      />
      <Table
        size="small"
        rowKey="optionId"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: '选项',
            dataIndex: 'label',
            render: (v: string, r) =>
              r.optionId === tally.winningOptionId ? (
                <>
                  {v} <Tag color="green">胜出</Tag>
                </>
              ) : (
                v
              ),
          },
          { title: '户数', dataIndex: 'households' },
          {
            title: '面积占比',
            render: (_, r) => `${r.area.percent.toFixed(2)}%（${(r.area.numerator / 100).toFixed(2)} ㎡）`,
          },
          {
            title: '人数占比',
            render: (_, r) => `${r.headcount.percent.toFixed(2)}%（${r.headcount.numerator} 人）`,
          },
          {
            title: '是否达到通过条件',
            render: (_, r) =>
              'passed' in r && r.optionId !== 'abstain' ? (
                r.passed ? (
                  <Tag color="green">达到</Tag>
                ) : (
                  <Tag>未达到</Tag>
                )
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Descriptions size="small" column={1} style={{ marginTop: 16 }}>
        <Descriptions.Item label="计票时间">{formatDateTime(tally.finalizedAt)}</Descriptions.Item>
        <Descriptions.Item label="计票指纹（SHA-256）">
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {tally.fingerprint}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
