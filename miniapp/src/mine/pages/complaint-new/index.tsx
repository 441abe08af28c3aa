import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import {
  ComplaintCreateBody,
  complaintCategories,
  complaintCategoryLabel,
  complaintTextLimits,
  maxPhotosPerItem,
  type ComplaintCategory,
  type ComplaintVisibility,
} from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { BigButton } from '../../../components/BigButton';
import { ChoiceList } from '../../../components/ChoiceList';
import { PhotoPicker } from '../../../components/PhotoPicker';
import { bindingBuildings } from '../../../services/account';
import { fileComplaint } from '../../../services/complaints';
import { askToSubscribe } from '../../../services/subscribe';
import { useProject } from '../../../hooks';

const visibilityOptions: { value: ComplaintVisibility; label: string; hint: string }[] = [
  { value: 'public', label: '公开', hint: '在公示栏显示内容和楼栋，不显示姓名和电话' },
  { value: 'anonymous', label: '匿名公开', hint: '在公示栏显示内容，不显示楼栋' },
  { value: 'private', label: '不公开', hint: '只有办理人员能看到' },
];

/** File a complaint: category, text, up to 9 photos (compressed), building, public or not. */
export default function ComplaintNewPage() {
  const { params } = useRouter();
  const { project, error, missing } = useProject(params.projectId);
  const [category, setCategory] = useState<ComplaintCategory | ''>('');
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [buildings, setBuildings] = useState<{ id: string; name: string }[]>([]);
  const [buildingId, setBuildingId] = useState('');
  const [visibility, setVisibility] = useState<ComplaintVisibility>('public');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (project)
      bindingBuildings(project.compoundId)
        .then(setBuildings)
        .catch(() => setBuildings([]));
  }, [project]);

  const submit = () => {
    if (!project) return;
    const parsed = ComplaintCreateBody.safeParse({
      projectId: project.projectId,
      category: category || undefined,
      text,
      photos,
      ...(buildingId ? { buildingId } : {}),
      visibility,
    });
    if (!parsed.success) return setProblem(parsed.error.issues[0].message);
    // WeChat only shows the subscription prompt straight from a tap, so ask before anything is awaited.
    void askToSubscribe(['complaint_status']);
    setBusy(true);
    fileComplaint(parsed.data)
      .then((c) => {
        void Taro.showToast({ title: '投诉已提交', icon: 'success' });
        void Taro.redirectTo({ url: `/mine/pages/complaint/index?id=${c.id}` });
      })
      .catch((e: Error) => setProblem(e.message))
      .finally(() => setBusy(false));
  };

  if (missing) return <PageShell error="请先扫描公示栏二维码或查找小区，再提交投诉。" />;
  return (
    <PageShell loading={!project && !error} error={error}>
      {project && (
        <>
          <Text className="title">投诉 / 提意见</Text>
          <Text className="block muted">{project.name}</Text>
          <Section title="1. 问题类别">
            <ChoiceList
              options={complaintCategories.map((c) => ({ value: c, label: complaintCategoryLabel[c] }))}
              value={category}
              onChange={setCategory}
            />
          </Section>
          <Section title="2. 具体情况">
            <Textarea
              className="textarea"
              value={text}
              maxlength={complaintTextLimits.max}
              placeholder="请写清楚时间、地点和问题，例如：3号楼北侧管沟夜里没有围挡"
              onInput={(e) => setText(e.detail.value)}
            />
            <Text className="block muted">
              {text.trim().length} / {complaintTextLimits.max} 字（至少 {complaintTextLimits.min} 字）
            </Text>
          </Section>
          <Section title={`3. 照片（可选，最多 ${maxPhotosPerItem} 张）`}>
            <PhotoPicker value={photos} onChange={setPhotos} max={maxPhotosPerItem} />
          </Section>
          {buildings.length > 0 && (
            <Section title="4. 涉及楼栋（可选）">
              <ChoiceList
                options={buildings.map((b) => ({ value: b.id, label: b.name }))}
                value={buildingId}
                onChange={setBuildingId}
              />
            </Section>
          )}
          <Section title="是否公开">
            <ChoiceList options={visibilityOptions} value={visibility} onChange={setVisibility} />
          </Section>
          {problem && (
            <View role="alert">
              <Text className="error-text">⚠ {problem}</Text>
            </View>
          )}
          <BigButton kind="primary" onClick={submit} disabled={busy}>
            {busy ? '正在提交…' : '提交投诉'}
          </BigButton>
        </>
      )}
    </PageShell>
  );
}
