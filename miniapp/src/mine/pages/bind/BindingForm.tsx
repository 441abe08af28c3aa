import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { BindingRequestCreate, type ProjectBoard } from '@jiugai/shared';
import { BigButton } from '../../../components/BigButton';
import { Section } from '../../../components/Section';
import { bindingBuildings, createBinding } from '../../../services/account';

/** Apply to bind a household of the project's compound by building, unit, room, name and phone. */
export function BindingForm({ project, onSubmitted }: { project: ProjectBoard; onSubmitted: () => void }) {
  const [buildings, setBuildings] = useState<{ id: string; name: string }[]>([]);
  const [form, setForm] = useState({ buildingId: '', unit: '', room: '', name: '', phone: '' });
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    bindingBuildings(project.compoundId)
      .then(setBuildings)
      .catch(() => setBuildings([]));
  }, [project.compoundId]);

  const set = (k: keyof typeof form) => (e: { detail: { value: string } }) => {
    setForm({ ...form, [k]: e.detail.value });
    setProblem('');
  };
  const submit = async () => {
    const parsed = BindingRequestCreate.safeParse(form);
    if (!parsed.success) return setProblem(form.buildingId ? parsed.error.issues[0].message : '请选择楼栋');
    setBusy(true);
    try {
      await createBinding(parsed.data);
      void Taro.showToast({ title: '已提交，请等待社区审核', icon: 'none' });
      setForm({ ...form, unit: '', room: '' });
      onSubmitted();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '提交失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const field = (k: 'unit' | 'room' | 'name' | 'phone', label: string, placeholder: string) => (
    <View className="field">
      <Text className="field-label">{label}</Text>
      <Input
        className="input"
        value={form[k]}
        placeholder={placeholder}
        type={k === 'phone' ? 'number' : 'text'}
        onInput={set(k)}
      />
    </View>
  );
  return (
    <Section title={`填写房屋信息（${project.overview.compoundName}）`}>
      <Text className="field-label">楼栋</Text>
      {buildings.map((b) => {
        const on = form.buildingId === b.id;
        return (
          <View
            key={b.id}
            className={`choice ${on ? 'choice-on' : ''}`}
            onClick={() => setForm({ ...form, buildingId: b.id })}
          >
            <Text className="choice-mark">{on ? '✓' : '○'}</Text>
            <Text>
              {b.name}
              {on ? '（已选）' : ''}
            </Text>
          </View>
        );
      })}
      {field('unit', '单元', '例如：1')}
      {field('room', '房号', '例如：101')}
      {field('name', '姓名', '产权人或家庭成员姓名')}
      {field('phone', '手机号', '11 位手机号')}
      {problem && (
        <View role="alert">
          <Text className="error-text">⚠ {problem}</Text>
        </View>
      )}
      <Text className="block muted">社区工作者核对后通过，一般 1–2 个工作日。</Text>
      <BigButton kind="primary" onClick={() => void submit()} disabled={busy}>
        {busy ? '正在提交…' : '提交绑定申请'}
      </BigButton>
    </Section>
  );
}
