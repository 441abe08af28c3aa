import {
  ProForm,
  ProFormDatePicker,
  ProFormDigit,
  ProFormGroup,
  ProFormItem,
  ProFormList,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { message } from 'antd';
import dayjs from 'dayjs';
import { contactPhone, ProjectUpdate, type ProjectDetail } from '@jiugai/shared';
import { PhotoUpload } from '../../../components/PhotoUpload';
import { zodRule } from '../../../utils/zodRule';
import { updateProject } from '../service';

type Values = Omit<ProjectUpdate, 'sitePlanUrl'> & { sitePlan?: string[] };
const day = (v: unknown) => (v ? dayjs(v as string).format('YYYY-MM-DD') : undefined);

/** Figures, units, dates, responsible persons, complaint phone and the texts of the five boards. */
export function OverviewForm({
  project,
  editable,
  onSaved,
}: {
  project: ProjectDetail;
  editable: boolean;
  onSaved: (p: ProjectDetail) => void;
}) {
  return (
    <ProForm<Values>
      disabled={!editable}
      submitter={editable ? { searchConfig: { submitText: '保存' }, resetButtonProps: false } : false}
      initialValues={{ ...project, sitePlan: project.sitePlanUrl ? [project.sitePlanUrl] : [] }}
      onFinish={async ({ sitePlan, ...v }) => {
        const body = ProjectUpdate.parse({
          ...v,
          plannedStart: day(v.plannedStart),
          plannedCompletion: day(v.plannedCompletion),
          actualStart: day(v.actualStart),
          actualCompletion: day(v.actualCompletion),
          complaintPhone: v.complaintPhone || undefined,
          responsiblePersons: (v.responsiblePersons ?? []).map((p) => ({
            ...p,
            phone: p.phone || undefined,
          })),
          ...(sitePlan?.[0] ? { sitePlanUrl: sitePlan[0] } : {}),
        });
        onSaved(await updateProject(project.id, body));
        message.success('已保存');
      }}
    >
      <ProFormText name="name" label="项目名称" rules={[{ required: true }]} />
      <ProFormTextArea name="description" label="项目概况" fieldProps={{ rows: 3 }} />
      <ProFormGroup title="改造规模">
        <ProFormDigit name={['figures', 'buildings']} label="栋数" min={0} fieldProps={{ precision: 0 }} />
        <ProFormDigit name={['figures', 'households']} label="户数" min={0} fieldProps={{ precision: 0 }} />
        <ProFormDigit name={['figures', 'floorArea']} label="建筑面积（㎡）" min={0} />
      </ProFormGroup>
      <ProFormGroup title="参建单位">
        <ProFormText name="constructionUnit" label="施工单位" width="md" />
        <ProFormText name="supervisionUnit" label="监理单位" width="md" />
      </ProFormGroup>
      <ProFormGroup title="开竣工时间">
        <ProFormDatePicker name="plannedStart" label="计划开工" />
        <ProFormDatePicker name="plannedCompletion" label="计划竣工" />
        <ProFormDatePicker name="actualStart" label="实际开工" />
        <ProFormDatePicker name="actualCompletion" label="实际竣工" />
      </ProFormGroup>
      <ProFormText
        name="complaintPhone"
        label="投诉电话"
        width="md"
        rules={[zodRule(contactPhone.optional())]}
      />
      <ProFormList
        name="responsiblePersons"
        label="责任人（区住建局等）"
        creatorButtonProps={{ creatorButtonText: '添加责任人' }}
      >
        <ProFormGroup>
          <ProFormText name="role" label="职务" rules={[{ required: true, message: '请填写职务' }]} />
          <ProFormText name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]} />
          <ProFormText name="phone" label="电话" rules={[zodRule(contactPhone.optional())]} />
        </ProFormGroup>
      </ProFormList>
      <ProFormTextArea name={['boardTexts', 'fireSafety']} label="消防保卫牌" fieldProps={{ rows: 2 }} />
      <ProFormTextArea
        name={['boardTexts', 'safetyProduction']}
        label="安全生产牌"
        fieldProps={{ rows: 2 }}
      />
      <ProFormTextArea
        name={['boardTexts', 'civilisedConstruction']}
        label="文明施工牌"
        fieldProps={{ rows: 2 }}
      />
      <ProFormItem name="sitePlan" label="施工现场总平面图">
        <PhotoUpload max={1} />
      </ProFormItem>
      <ProFormSwitch name="isDemonstration" label="示范项目" />
      <ProFormTextArea
        name="experienceSummary"
        label="经验做法总结（示范项目公开）"
        fieldProps={{ rows: 3 }}
      />
    </ProForm>
  );
}
