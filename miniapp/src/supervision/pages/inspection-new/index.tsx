import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  InspectionCreateBody,
  inspectionAspectLabel,
  inspectionAspects,
  inspectionFindingsMax,
  maxPhotosPerItem,
  type InspectionAspect,
} from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { BigButton } from '../../../components/BigButton';
import { PhotoPicker } from '../../../components/PhotoPicker';
import { submitInspection } from '../../../services/supervision';
import { todayInShanghai } from '../../../services/format';
import { useProject } from '../../../hooks';

const ratingWords = ['', '差', '较差', '一般', '较好', '好'];

/** A supervision-group member's inspection: date, ratings of quality, safety and civilised work, findings, photos. */
export default function InspectionNewPage() {
  const { params } = useRouter();
  const { project, error, missing } = useProject(params.projectId);
  const [date, setDate] = useState(todayInShanghai());
  const [ratings, setRatings] = useState<Partial<Record<InspectionAspect, number>>>({});
  const [findings, setFindings] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!project) return;
    const parsed = InspectionCreateBody.safeParse({
      projectId: project.projectId,
      date,
      ratings,
      findings,
      photos,
    });
    if (!parsed.success) return setProblem(parsed.error.issues[0].message);
    setBusy(true);
    try {
      await submitInspection(parsed.data);
      void Taro.showToast({ title: '巡查记录已提交', icon: 'success' });
      void Taro.redirectTo({ url: '/supervision/pages/inspections/index' });
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '提交失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  if (missing) return <PageShell error="请先在公示栏打开您监督的项目。" />;
  return (
    <PageShell loading={!project && !error} error={error}>
      {project && (
        <>
          <Text className="title">巡查记录</Text>
          <Text className="block muted">{project.name}</Text>
          <Section title="巡查日期">
            <Input
              className="input"
              value={date}
              placeholder="YYYY-MM-DD"
              onInput={(e) => setDate(e.detail.value)}
            />
          </Section>
          {inspectionAspects.map((a) => (
            <Section key={a} title={`${inspectionAspectLabel[a]}（1–5 分）`}>
              <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px' }}>
                {[1, 2, 3, 4, 5].map((s) => {
                  const on = ratings[a] === s;
                  return (
                    <View
                      key={s}
                      className={`choice ${on ? 'choice-on' : ''}`}
                      onClick={() => setRatings({ ...ratings, [a]: s })}
                    >
                      <Text>
                        {on ? '✓ ' : ''}
                        {s} {ratingWords[s]}
                      </Text>
                    </View>
                  );
                })}
              </View>
            </Section>
          ))}
          <Section title="发现的问题和建议">
            <Textarea
              className="textarea"
              value={findings}
              maxlength={inspectionFindingsMax}
              placeholder="例如：5号楼外墙保温层施工未设警戒线"
              onInput={(e) => setFindings(e.detail.value)}
            />
          </Section>
          <Section title={`现场照片（最多 ${maxPhotosPerItem} 张）`}>
            <PhotoPicker value={photos} onChange={setPhotos} max={maxPhotosPerItem} />
          </Section>
          {problem && (
            <View role="alert">
              <Text className="error-text">⚠ {problem}</Text>
            </View>
          )}
          <BigButton kind="primary" onClick={() => void submit()} disabled={busy}>
            {busy ? '正在提交…' : '提交巡查记录'}
          </BigButton>
        </>
      )}
    </PageShell>
  );
}
