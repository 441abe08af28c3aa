import { useState } from 'react';
import { Button, Card, DatePicker, Input, Popconfirm, Space, Steps, Table, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { projectStageLabel, projectStages, stageIndex, type ProjectDetail } from '@jiugai/shared';
import { formatDateTime } from '../../../utils/format';
import { changeStage, updateMilestone } from '../service';

interface Props {
  project: ProjectDetail;
  canChangeStage: boolean;
  onSaved: (p: ProjectDetail) => void;
}

/** The stage path with only the moves the server allows from here, milestones against deadlines, and history. */
export function StagePanel({ project, canChangeStage, onSaved }: Props) {
  const [note, setNote] = useState('');
  const current = stageIndex(project.stage);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="项目阶段">
        <Steps
          size="small"
          current={current}
          items={projectStages.map((s) => ({ title: projectStageLabel[s] }))}
        />
        {canChangeStage && project.allowedNextStages.length > 0 && (
          <Space style={{ marginTop: 16 }} wrap>
            <Input
              placeholder="备注（可选）"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              style={{ width: 260 }}
            />
            {project.allowedNextStages.map((to) => {
              const back = stageIndex(to) < current;
              return (
                <Popconfirm
                  key={to}
                  title={`确定将项目${back ? '退回' : '推进'}到“${projectStageLabel[to]}”？`}
                  onConfirm={async () => {
                    onSaved(await changeStage(project.id, { to, note: note || undefined }));
                    setNote('');
                  }}
                >
                  <Button type={back ? 'default' : 'primary'} danger={back}>
                    {back ? '退回到' : '进入'}“{projectStageLabel[to]}”
                  </Button>
                </Popconfirm>
              );
            })}
          </Space>
        )}
      </Card>
      <Card title="关键节点（方案要求：4 月 10 日前完成前期手续，10 月底基本完成，12 月底完成竣工验收）">
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={project.milestones}
          columns={[
            { title: '节点', dataIndex: 'label' },
            {
              title: '期限',
              dataIndex: 'deadline',
              render: (d: string, m) =>
                canChangeStage ? (
                  <DatePicker
                    allowClear={false}
                    value={dayjs(d)}
                    onChange={async (v) =>
                      v &&
                      onSaved(await updateMilestone(project.id, m.key, { deadline: v.format('YYYY-MM-DD') }))
                    }
                  />
                ) : (
                  d
                ),
            },
            { title: '完成日期', dataIndex: 'doneAt', render: (d: string | null) => d ?? '—' },
            {
              title: '状态',
              render: (_, m) =>
                m.doneAt ? (
                  <Tag color="green">已完成</Tag>
                ) : m.overdue ? (
                  <Tag color="red">已逾期</Tag>
                ) : (
                  <Tag>进行中</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Card title="阶段记录">
        <Timeline
          items={project.stageHistory.map((h) => ({
            children: `${formatDateTime(h.at)}  ${h.from ? `${projectStageLabel[h.from]} → ` : ''}${projectStageLabel[h.to]}${h.note ? `（${h.note}）` : ''}`,
          }))}
        />
        {project.stageHistory.length === 0 && '暂无阶段变更记录'}
      </Card>
    </Space>
  );
}
