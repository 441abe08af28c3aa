import { useCallback, useEffect, useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Card, Table } from 'antd';
import {
  inspectionAspectLabel,
  inspectionAspects,
  supervisionStaffRoles,
  type InspectionSummary,
} from '@jiugai/shared';
import { useSession } from '../../useSession';
import { ProjectSupervision } from './components/ProjectSupervision';
import { getSummary } from './service';

export default function SupervisionPage() {
  const [rows, setRows] = useState<InspectionSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [projectId, setProjectId] = useState<string>();
  const { user } = useSession();
  // The server lets exactly these roles appoint and remove members (the same list guards its routes).
  const canManage = !!user && supervisionStaffRoles.includes(user.role);
  const load = useCallback(
    () =>
      getSummary()
        .then((r) => {
          setRows(r.items);
          setProjectId((id) => id ?? r.items[0]?.projectId);
        })
        .catch(() => undefined)
        .finally(() => setLoading(false)),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <PageContainer
      title="义务监督"
      content="人大代表、政协委员、老干部、老党员和热心居民代表组成义务监督小组，全程参与改造项目。"
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="projectId"
          loading={loading}
          dataSource={rows}
          pagination={{ pageSize: 8 }}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: projectId ? [projectId] : [],
            onChange: (keys) => setProjectId(keys[0] as string),
          }}
          onRow={(r) => ({ onClick: () => setProjectId(r.projectId), style: { cursor: 'pointer' } })}
          columns={[
            { title: '项目', dataIndex: 'projectName' },
            { title: '成员', dataIndex: 'memberCount' },
            { title: '巡查次数', dataIndex: 'count' },
            ...inspectionAspects.map((a) => ({
              title: `${inspectionAspectLabel[a]}均分`,
              render: (_: unknown, r: InspectionSummary) => r.averages[a] ?? '—',
            })),
            {
              title: '最近巡查',
              render: (_, r) =>
                r.lastInspection ? `${r.lastInspection.date} ${r.lastInspection.memberName}` : '—',
            },
          ]}
        />
      </Card>
      {projectId && (
        <ProjectSupervision
          projectId={projectId}
          projectName={rows.find((r) => r.projectId === projectId)?.projectName}
          canManage={canManage}
          onMembersChanged={load}
        />
      )}
    </PageContainer>
  );
}
