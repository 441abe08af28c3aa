import {
  ModalForm,
  ProForm,
  ProFormDatePicker,
  ProFormGroup,
  ProFormList,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import {
  acceptanceParties,
  acceptancePartyLabel,
  handoverFacilities,
  handoverFacilityLabel,
  type AcceptanceRecordBody,
  type HandoverCreate,
  type ProjectDetail,
} from '@jiugai/shared';
import { addHandover, saveAcceptance } from '../service';

const day = (v: unknown) => dayjs(v as string).format('YYYY-MM-DD');

/** Joint completion acceptance (参建单位, 街道办, 社区, 居民代表, 住建局) and handover of facilities to operators. */
export function AcceptancePanel({
  project,
  editable,
  onSaved,
}: {
  project: ProjectDetail;
  editable: boolean;
  onSaved: (p: ProjectDetail) => void;
}) {
  const a = project.acceptance;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title="联合竣工验收">
        {a && !editable && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label="日期">{a.date}</Descriptions.Item>
            <Descriptions.Item label="结论">
              {a.verdict === 'passed' ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="参加方">
              {a.participants.map((p) => `${acceptancePartyLabel[p.party]}：${p.name}`).join('；')}
            </Descriptions.Item>
            <Descriptions.Item label="意见">{a.notes}</Descriptions.Item>
          </Descriptions>
        )}
        {editable && (
          <ProForm<AcceptanceRecordBody>
            initialValues={
              a ?? {
                participants: acceptanceParties.map((party) => ({ party, name: '' })),
                verdict: 'passed',
              }
            }
            submitter={{ searchConfig: { submitText: '保存验收记录' }, resetButtonProps: false }}
            onFinish={async (v) => {
              onSaved(await saveAcceptance(project.id, { ...v, date: day(v.date) }));
              return true;
            }}
          >
            <ProFormDatePicker
              name="date"
              label="验收日期"
              rules={[{ required: true, message: '请选择验收日期' }]}
            />
            <ProFormList
              name="participants"
              label="参加验收的各方"
              creatorButtonProps={{ creatorButtonText: '添加参加方' }}
            >
              <ProFormGroup>
                <ProFormSelect
                  name="party"
                  width="sm"
                  options={acceptanceParties.map((p) => ({ value: p, label: acceptancePartyLabel[p] }))}
                  rules={[{ required: true }]}
                />
                <ProFormText
                  name="name"
                  width="md"
                  placeholder="单位或人员"
                  rules={[{ required: true, message: '请填写单位或人员' }]}
                />
              </ProFormGroup>
            </ProFormList>
            <ProFormRadio.Group
              name="verdict"
              label="验收结论"
              options={[
                { value: 'passed', label: '合格' },
                { value: 'failed', label: '不合格，整改' },
              ]}
            />
            <ProFormTextArea name="notes" label="验收意见" />
          </ProForm>
        )}
      </Card>
      <Card
        title="移交接管"
        extra={
          editable && (
            <ModalForm<HandoverCreate>
              title="登记移交"
              width={480}
              trigger={<Button>登记移交</Button>}
              modalProps={{ destroyOnHidden: true }}
              onFinish={async (v) => {
                onSaved(await addHandover(project.id, { ...v, date: day(v.date) }));
                return true;
              }}
            >
              <ProFormSelect
                name="facility"
                label="设施"
                options={handoverFacilities.map((f) => ({ value: f, label: handoverFacilityLabel[f] }))}
                rules={[{ required: true }]}
              />
              <ProFormText
                name="operator"
                label="接管单位"
                rules={[{ required: true, message: '请填写接管单位' }]}
              />
              <ProFormDatePicker
                name="date"
                label="移交日期"
                rules={[{ required: true, message: '请选择日期' }]}
              />
              <ProFormTextArea name="notes" label="备注" />
            </ModalForm>
          )
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={project.handovers}
          locale={{ emptyText: '暂无移交记录' }}
          columns={[
            {
              title: '设施',
              dataIndex: 'facility',
              render: (f: keyof typeof handoverFacilityLabel) => handoverFacilityLabel[f],
            },
            { title: '接管单位', dataIndex: 'operator' },
            { title: '日期', dataIndex: 'date' },
            { title: '备注', dataIndex: 'notes' },
          ]}
        />
      </Card>
    </Space>
  );
}
