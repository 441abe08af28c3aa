import { useCallback, useEffect, useState } from 'react';
import { ProTable } from '@ant-design/pro-components';
import { Button, Card, Image, Popconfirm, Rate, Space, Table, Tag, message } from 'antd';
import {
  inspectionAspectLabel,
  inspectionAspects,
  type InspectionView,
  type SupervisionMemberView,
} from '@jiugai/shared';
import { formatDateTime } from '../../../utils/format';
import { listInspections, listMembers, removeMember } from '../service';
import { AppointMemberForm } from './AppointMemberForm';

/** One project's supervision group (appoint and remove members when allowed) and its inspection records. */
export function ProjectSupervision({
  projectId,
  projectName,
  canManage,
  onMembersChanged,
}: {
  projectId: string;
  projectName?: string;
  canManage: boolean;
  onMembersChanged?: () => void;
}) {
  const [members, setMembers] = useState<SupervisionMemberView[]>([]);
  const [loading, setLoading] = useState(true);
  const load = useCallback(() => {
    setLoading(true);
    return listMembers(projectId)
      .then(
        (r) => setMembers(r.items),
        () => setMembers([]),
      )
      .finally(() => setLoading(false));
  }, [projectId]);
  useEffect(() => {
    void load();
  }, [load]);
  const changed = () => {
    void load();
    onMembersChanged?.();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={`${projectName ? `${projectName} · ` : ''}义务监督小组成员（${members.length} 人）`}
        size="small"
        extra={
          canManage && (
            <AppointMemberForm
              projectId={projectId}
              memberUserIds={members.map((m) => m.userId)}
              onAdded={changed}
            />
          )
        }
      >
        <Table
          size="small"
          rowKey="id"
          loading={loading}
          pagination={false}
          dataSource={members}
          locale={{ emptyText: '尚未任命义务监督小组成员' }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '身份', dataIndex: 'categoryLabel', render: (v: string) => <Tag color="red">{v}</Tag> },
            { title: '电话', dataIndex: 'phone', render: (v: string) => v || '—' },
            { title: '加入时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            ...(canManage
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 90,
                    render: (_: unknown, m: SupervisionMemberView) => (
                      <Popconfirm
                        title={`确定将 ${m.name} 移出义务监督小组？`}
                        description="移出后不能再为本项目提交巡查记录，已提交的记录保留。"
                        okText="移出"
                        okButtonProps={{ danger: true }}
                        onConfirm={async () => {
                          try {
                            await removeMember(m.id);
                            message.success(`已将 ${m.name} 移出义务监督小组`);
                          } catch {
                            // The server's message is already shown; the list below is reloaded either way.
                          }
                          changed();
                        }}
                      >
                        <Button type="link" size="small" danger>
                          移出
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ProTable<InspectionView>
        headerTitle="巡查记录"
        rowKey="id"
        search={false}
        options={false}
        params={{ projectId }}
        request={async ({ current = 1, pageSize = 10 }) => {
          const page = await listInspections(projectId, current, pageSize);
          return { data: page.items, total: page.total, success: true };
        }}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '监督员', render: (_, r) => `${r.member.name}（${r.member.categoryLabel}）`, width: 160 },
          ...inspectionAspects.map((a) => ({
            title: inspectionAspectLabel[a],
            width: 130,
            render: (_: unknown, r: InspectionView) => (
              <Rate disabled value={r.ratings[a]} style={{ fontSize: 12 }} />
            ),
          })),
          { title: '发现的问题', dataIndex: 'findings', ellipsis: true },
          {
            title: '照片',
            render: (_, r) => (
              <Image.PreviewGroup>
                <Space>
                  {r.photos.slice(0, 3).map((src) => (
                    <Image key={src} src={src} width={40} height={40} style={{ objectFit: 'cover' }} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            ),
          },
        ]}
      />
    </Space>
  );
}
