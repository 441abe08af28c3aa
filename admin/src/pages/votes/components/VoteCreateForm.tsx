import { useState } from 'react';
import {
  ModalForm,
  ProFormDateTimeRangePicker,
  ProFormDigit,
  ProFormItem,
  ProFormList,
  ProFormRadio,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Alert, Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  article278ItemLabel,
  article278Items,
  supermajorityItems,
  VoteCreateBody,
  type RegionNode,
} from '@jiugai/shared';
import { ProjectSelect } from '../../../components/ProjectSelect';
import { fetchBuildings as getBuildings } from '../../../components/regionTree';
import { createVote } from '../service';

interface FormValues {
  projectId: string;
  title: string;
  description?: string;
  article278Item: number;
  kind: 'yes_no' | 'choice';
  options?: { label: string; description?: string; feeYuan?: number }[];
  buildingIds?: string[];
  range: [Dayjs, Dayjs];
  allowChange?: boolean;
}

/** Start a vote: the Civil Code art. 278 matter decides the thresholds; options only for a choice vote. */
export function VoteCreateForm({ onCreated }: { onCreated: (id: string) => void }) {
  const [buildings, setBuildings] = useState<RegionNode[]>([]);
  const [issue, setIssue] = useState<string>();
  return (
    <ModalForm<FormValues>
      title="发起业主表决"
      width={720}
      trigger={
        <Button type="primary" icon={<PlusOutlined />}>
          发起表决
        </Button>
      }
      modalProps={{ destroyOnHidden: true }}
      initialValues={{
        kind: 'yes_no',
        article278Item: 4,
        range: [dayjs(), dayjs().add(14, 'day').endOf('day')],
        allowChange: false,
      }}
      onFinish={async (v) => {
        const parsed = VoteCreateBody.safeParse({
          projectId: v.projectId,
          title: v.title,
          description: v.description ?? '',
          article278Item: v.article278Item,
          kind: v.kind,
          options:
            v.kind === 'choice'
              ? (v.options ?? []).map((o, i) => ({
                  id: `opt${i + 1}`,
                  label: o.label,
                  description: o.description ?? '',
                  ...(o.feeYuan !== undefined && o.feeYuan !== null
                    ? { feeFenPerSqmMonth: Math.round(o.feeYuan * 100) }
                    : {}),
                }))
              : undefined,
          buildingIds: v.buildingIds?.length ? v.buildingIds : undefined,
          opensAt: dayjs(v.range[0]).toISOString(),
          closesAt: dayjs(v.range[1]).toISOString(),
          allowChange: v.allowChange ?? false,
        });
        if (!parsed.success) {
          setIssue(parsed.error.issues.map((i) => i.message).join('；'));
          return false;
        }
        setIssue(undefined);
        const vote = await createVote(parsed.data);
        onCreated(vote.id);
        return true;
      }}
    >
      <ProFormItem name="projectId" label="改造项目" rules={[{ required: true, message: '请选择改造项目' }]}>
        <ProjectSelect
          onChange={(_, p) => p && getBuildings(p.compoundId).then(setBuildings, () => setBuildings([]))}
        />
      </ProFormItem>
      <ProFormText
        name="title"
        label="表决事项"
        rules={[{ required: true, message: '请填写表决事项' }]}
        fieldProps={{ maxLength: 100 }}
      />
      <ProFormTextArea name="description" label="说明" fieldProps={{ rows: 2 }} />
      <ProFormSelect
        name="article278Item"
        label="《民法典》第二百七十八条事项"
        rules={[{ required: true }]}
        options={article278Items.map((n) => ({
          value: n,
          label: `${article278ItemLabel[n]}${supermajorityItems.includes(n) ? '（需参与面积和人数的 3/4 以上同意）' : '（需参与面积和人数过半数同意）'}`,
        }))}
      />
      <ProFormRadio.Group
        name="kind"
        label="表决方式"
        options={[
          { value: 'yes_no', label: '同意 / 反对 / 弃权' },
          { value: 'choice', label: '多方案选择（物业方案、红色物业收费标准）' },
        ]}
      />
      <ProFormList
        name="options"
        label="方案（仅多方案选择）"
        creatorButtonProps={{ creatorButtonText: '添加方案' }}
        min={0}
        max={20}
      >
        <ProFormText name="label" label="方案名称" rules={[{ required: true, message: '请填写方案名称' }]} />
        <ProFormText name="description" label="说明" />
        <ProFormDigit name="feeYuan" label="收费标准（元/㎡·月）" min={0} fieldProps={{ precision: 2 }} />
      </ProFormList>
      <ProFormSelect
        name="buildingIds"
        label="参与楼栋（不选为全小区）"
        mode="multiple"
        options={buildings.map((b) => ({ value: b.id, label: b.name }))}
      />
      <ProFormDateTimeRangePicker
        name="range"
        label="表决时间"
        rules={[{ required: true, message: '请选择表决时间' }]}
      />
      <ProFormSwitch name="allowChange" label="结束前允许业主修改选择" />
      {issue && <Alert type="error" showIcon message={issue} />}
    </ModalForm>
  );
}
