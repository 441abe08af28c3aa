import { useEffect, useState } from 'react';
import { ProTable } from '@ant-design/pro-components';
import { Card, Image, Rate, Space, Table, Tag } from 'antd';
import {
  inspectionAspectLabel,
  inspectionAspects,
  type InspectionView,
  type SupervisionMemberView,
} from '@jiugai/shared';
import { listInspections, listMembers } from '../service';

/** One project's supervision group and its inspection records with photos. */
export function ProjectSupervision({ projectId }: { projectId: string }) {
  const [members, setMembers] = useState<SupervisionMemberView[]>([]);
  useEffect(() => {
    listMembers(projectId).then(
      (r) => setMembers(r.items),
      () => setMembers([]),
    );
  }, [projectId]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={`义务监督小组成员（${members.length} 人）`} size="small">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={members}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '身份', dataIndex: 'categoryLabel', render: (v: string) => <Tag color="red">{v}</Tag> },
            { title: '电话', dataIndex: 'phone' },
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
