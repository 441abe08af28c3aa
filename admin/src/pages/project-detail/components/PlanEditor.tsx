import {
  ProForm,
  ProFormGroup,
  ProFormItem,
  ProFormList,
  ProFormSelect,
  ProFormText,
} from '@ant-design/pro-components';
import { message } from 'antd';
import { contentCategories, contentCategoryLabel, PlanUpdate, type ProjectDetail } from '@jiugai/shared';
import { PhotoUpload } from '../../../components/PhotoUpload';
import { savePlan } from '../service';

/** The design plan: design unit, renderings and the content list by category with lead and responsible units. */
export function PlanEditor({
  project,
  editable,
  onSaved,
}: {
  project: ProjectDetail;
  editable: boolean;
  onSaved: (p: ProjectDetail) => void;
}) {
  return (
    <ProForm<PlanUpdate>
      disabled={!editable}
      submitter={editable ? { searchConfig: { submitText: '保存方案' }, resetButtonProps: false } : false}
      initialValues={project.plan ?? { designUnit: '', renderings: [], items: [] }}
      onFinish={async (v) => {
        const parsed = PlanUpdate.safeParse({
          ...v,
          items: (v.items ?? []).map((i) => ({ ...i, responsibleUnits: i.responsibleUnits ?? [] })),
        });
        if (!parsed.success) {
          message.error(parsed.error.issues[0]?.message ?? '方案内容有误');
          return;
        }
        onSaved(await savePlan(project.id, parsed.data));
        message.success('方案已保存');
      }}
    >
      <ProFormText
        name="designUnit"
        label="设计单位"
        width="lg"
        rules={[{ required: true, message: '请填写设计单位' }]}
      />
      <ProFormItem name="renderings" label="改造效果图">
        <PhotoUpload />
      </ProFormItem>
      <ProFormList
        name="items"
        label="改造内容清单"
        creatorButtonProps={{ creatorButtonText: '添加改造内容' }}
        creatorRecord={{ category: 'water_supply', responsibleUnits: [] }}
      >
        <ProFormGroup>
          <ProFormSelect
            name="category"
            label="类别"
            width="sm"
            options={contentCategories.map((c) => ({ value: c, label: contentCategoryLabel[c] }))}
            rules={[{ required: true }]}
          />
          <ProFormText
            name="title"
            label="改造内容"
            width="md"
            rules={[{ required: true, message: '请填写改造内容' }]}
          />
          <ProFormText name="leadDept" label="牵头部门" width="sm" />
          <ProFormSelect
            name="responsibleUnits"
            label="责任单位"
            width="md"
            mode="tags"
            placeholder="输入后回车"
          />
          <ProFormText name="description" label="说明" width="md" />
        </ProFormGroup>
      </ProFormList>
    </ProForm>
  );
}
