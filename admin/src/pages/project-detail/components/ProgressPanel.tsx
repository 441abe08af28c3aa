import { useEffect, useState } from 'react';
import { ProForm, ProFormDigit, ProFormItem, ProFormTextArea } from '@ant-design/pro-components';
import { Card, Image, List, Progress, Space } from 'antd';
import { ProgressCreate, type ProgressView, type ProjectDetail } from '@jiugai/shared';
import { PhotoUpload } from '../../../components/PhotoUpload';
import { formatDateTime } from '../../../utils/format';
import { zodRule } from '../../../utils/zodRule';
import { addProgress, listProgress } from '../service';

export function ProgressPanel({ project, editable }: { project: ProjectDetail; editable: boolean }) {
  const [items, setItems] = useState<ProgressView[]>([]);
  useEffect(() => {
    listProgress(project.id).then(
      (p) => setItems(p.items),
      () => undefined,
    );
  }, [project.id]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {editable && (
        <Card title="发布进度">
          <ProForm<ProgressCreate>
            initialValues={{ percent: project.percent, photos: [] }}
            submitter={{ searchConfig: { submitText: '发布' }, resetButtonProps: false }}
            onFinish={async (v) => {
              const created = await addProgress(
                project.id,
                ProgressCreate.parse({ ...v, photos: v.photos ?? [] }),
              );
              setItems((list) => [created, ...list]);
              return true;
            }}
          >
            <ProFormTextArea name="text" label="进度说明" rules={[zodRule(ProgressCreate.shape.text)]} />
            <ProFormDigit
              name="percent"
              label="总体进度（%）"
              min={0}
              max={100}
              fieldProps={{ precision: 0 }}
              rules={[{ required: true }]}
            />
            <ProFormItem name="photos" label="现场照片">
              <PhotoUpload />
            </ProFormItem>
          </ProForm>
        </Card>
      )}
      <Card title="进度记录">
        <List
          dataSource={items}
          locale={{ emptyText: '暂无进度记录' }}
          renderItem={(p) => (
            <List.Item>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space>
                  {formatDateTime(p.at)} {p.authorName}
                  <Progress percent={p.percent} size="small" style={{ width: 160 }} />
                </Space>
                <div style={{ whiteSpace: 'pre-wrap' }}>{p.text}</div>
                <Image.PreviewGroup>
                  <Space wrap>
                    {p.photos.map((src) => (
                      <Image key={src} src={src} width={80} height={80} style={{ objectFit: 'cover' }} />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
