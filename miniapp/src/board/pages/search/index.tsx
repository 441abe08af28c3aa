import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { ProjectSearchHit } from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { BigButton } from '../../../components/BigButton';
import { searchProjects } from '../../../services/board';
import { rememberProject } from '../../../services/scene';

/** Find a compound's board by street, community, compound or project name. */
export default function SearchPage() {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<ProjectSearchHit[] | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async () => {
    setBusy(true);
    try {
      setHits(await searchProjects(q.trim()));
    } catch {
      setHits(null);
    } finally {
      setBusy(false);
    }
  };
  const open = (hit: ProjectSearchHit) => {
    rememberProject(hit.sceneId);
    void Taro.switchTab({ url: '/pages/board/index' });
  };

  return (
    <PageShell>
      <Text className="title">查找小区</Text>
      <View className="field">
        <Text className="field-label">街道、社区或小区名称</Text>
        <Input
          className="input"
          value={q}
          placeholder="例如：幸福小区"
          onInput={(e) => setQ(e.detail.value)}
          confirmType="search"
          onConfirm={() => void search()}
        />
      </View>
      <BigButton kind="primary" onClick={() => void search()} disabled={busy}>
        {busy ? '正在查找…' : '查找'}
      </BigButton>
      {hits?.length === 0 && <Text className="block muted">没有找到，请换个名称试试。</Text>}
      {hits?.map((h) => (
        <View key={h.id} className="choice" onClick={() => open(h)}>
          <View>
            <Text className="block">{h.compoundName}</Text>
            <Text className="block muted">
              {h.streetName} {h.communityName} · {h.year} 年 · {h.stageLabel}
            </Text>
          </View>
        </View>
      ))}
    </PageShell>
  );
}
