import { useEffect, useState } from 'react';
import { ModalForm, ProForm, ProFormSelect } from '@ant-design/pro-components';
import { Alert, Button, Form, Select, message } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import {
  SupervisionMemberCreateBody,
  supervisorCategories,
  supervisorCategoryLabel,
  type ResidentPerson,
  type SupervisorCategory,
} from '@jiugai/shared';
import { RequestError } from '../../../request';
import { zodRule } from '../../../utils/zodRule';
import { addMember, appointSupervisor, getProject, listCandidates, listSupervisors } from '../service';

interface FormValues {
  userId: string;
  category: SupervisorCategory;
}

interface Person extends ResidentPerson {
  /** Bound to a household of the project's compound. */
  local: boolean;
}

const categoryOf = (p?: Person) =>
  supervisorCategories.find((c) => c === p?.supervisorCategory) as SupervisorCategory | undefined;

const householdText = (p: ResidentPerson) =>
  p.households.map((h) => `${h.buildingName} ${h.unit}单元 ${h.room}`).join('、');

/** One line per person, searchable by surname, building and room, or the phone's last four digits. */
function personLabel(p: Person): string {
  const category = categoryOf(p);
  return [
    p.name,
    p.phone,
    p.local ? householdText(p) : '',
    p.role === 'supervisor' && category ? supervisorCategoryLabel[category] : '',
    !p.local && p.scopeRegionName ? `监督区域：${p.scopeRegionName}` : '',
  ]
    .filter(Boolean)
    .join('｜');
}

interface People {
  compoundId: string;
  people: Person[];
  /** The server's message when the list of appointed supervisors could not be loaded. */
  supervisorsError?: string;
}

/**
 * Residents bound to the compound first, then supervisors already appointed in the caller's region. Without the
 * second list staff can still appoint residents, so its failure is shown inside the dialog instead.
 */
async function loadPeople(projectId: string): Promise<People> {
  const project = await getProject(projectId);
  const [candidates, supervisors] = await Promise.all([
    listCandidates(project.compoundId),
    listSupervisors({ silent: true }).catch((err: RequestError) => err),
  ]);
  const local = new Set(candidates.items.map((p) => p.id));
  const appointed = supervisors instanceof RequestError ? [] : supervisors.items;
  return {
    compoundId: project.compoundId,
    people: [
      ...candidates.items.map((p) => ({ ...p, local: true })),
      ...appointed.filter((p) => !local.has(p.id)).map((p) => ({ ...p, local: false })),
    ],
    supervisorsError: supervisors instanceof RequestError ? supervisors.message : undefined,
  };
}

/**
 * Appoints a member of a project's supervision group. The server only takes people who are supervisors
 * (义务监督员); a resident picked here is first appointed supervisor for the project's compound.
 */
export function AppointMemberForm({
  projectId,
  memberUserIds,
  onAdded,
}: {
  projectId: string;
  memberUserIds: string[];
  onAdded: () => void;
}) {
  const fields = SupervisionMemberCreateBody.shape;
  const [form] = Form.useForm<FormValues>();
  const [people, setPeople] = useState<Person[]>([]);
  const [compoundId, setCompoundId] = useState<string>();
  const [supervisorsError, setSupervisorsError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
  const userId = Form.useWatch('userId', form);
  const picked = people.find((p) => p.id === userId);

  const reload = () => {
    setLoading(true);
    return loadPeople(projectId)
      .then((r) => {
        setPeople(r.people);
        setCompoundId(r.compoundId);
        setSupervisorsError(r.supervisorsError);
      })
      .catch(() => setPeople([]))
      .finally(() => setLoading(false));
  };
  useEffect(() => {
    // Fresh candidates each time the dialog opens.
    if (open) void reload();
  }, [open, projectId]);

  const option = (p: Person) => {
    const already = memberUserIds.includes(p.id);
    return {
      value: p.id,
      label: already ? `${personLabel(p)}（已是成员）` : personLabel(p),
      disabled: already,
    };
  };
  const locals = people.filter((p) => p.local);
  const others = people.filter((p) => !p.local);

  return (
    <ModalForm<FormValues>
      title="任命义务监督小组成员"
      width={640}
      form={form}
      trigger={
        <Button type="primary" size="small" icon={<UserAddOutlined />}>
          任命成员
        </Button>
      }
      open={open}
      onOpenChange={setOpen}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async ({ userId, category }) => {
        const person = people.find((p) => p.id === userId);
        if (!person || !compoundId) return false;
        try {
          if (person.role === 'resident')
            await appointSupervisor({ userId, scopeRegionId: compoundId, category });
          await addMember(SupervisionMemberCreateBody.parse({ projectId, userId, category }));
        } catch {
          // The server's message is already shown; the dialog stays open. A resident may have become a
          // supervisor meanwhile, so the list is fetched again.
          await reload();
          return false;
        }
        message.success(`已将 ${person.name} 加入义务监督小组（${supervisorCategoryLabel[category]}）`);
        onAdded();
        return true;
      }}
    >
      <ProForm.Item
        name="userId"
        label="人选"
        rules={[zodRule(fields.userId, '请选择人选')]}
        extra="可输入姓氏、楼栋房号或手机尾号查找；只列出您管辖范围内已绑定本小区住户的居民和已任命的义务监督员。"
      >
        <Select
          showSearch
          loading={loading}
          optionFilterProp="label"
          placeholder="输入姓氏、楼栋房号或手机尾号"
          notFoundContent={loading ? '加载中…' : '没有符合条件的居民'}
          onChange={(id: string) => {
            const category = categoryOf(people.find((p) => p.id === id));
            if (category) form.setFieldValue('category', category);
          }}
          options={[
            ...(locals.length ? [{ label: '本小区已绑定住户', options: locals.map(option) }] : []),
            ...(others.length ? [{ label: '已任命的义务监督员', options: others.map(option) }] : []),
          ]}
        />
      </ProForm.Item>
      <ProFormSelect
        name="category"
        label="身份类别"
        placeholder="请选择"
        rules={[zodRule(fields.category, '请选择监督员类别')]}
        options={supervisorCategories.map((c) => ({ value: c, label: supervisorCategoryLabel[c] }))}
      />
      {supervisorsError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`已任命的义务监督员未能列出：${supervisorsError}。仍可从本小区已绑定住户中选择。`}
        />
      )}
      {picked?.role === 'resident' && (
        <Alert
          type="info"
          showIcon
          message="该居民尚未任命为义务监督员：确定后将同时任命其为本小区的义务监督员，可在小程序中提交巡查记录。"
        />
      )}
    </ModalForm>
  );
}
