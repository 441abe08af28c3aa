import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ProjectBoard } from '@jiugai/shared';
import { PageShell } from '../../components/PageShell';
import { BigButton } from '../../components/BigButton';
import { fetchBoard } from '../../services/board';
import { ApiRequestError } from '../../services/http';
import { decodeScene, lastProject, rememberProject } from '../../services/scene';
import { BoardHeader } from './BoardHeader';
import { BoardOverview } from './BoardOverview';
import { BoardContent } from './BoardContent';
import { BoardSchedule } from './BoardSchedule';
import { BoardPeople } from './BoardPeople';
import { BoardSigns } from './BoardSigns';
import { BoardProgress } from './BoardProgress';
import { BoardComplaints } from './BoardComplaints';

/** The notice board (公示栏 + 五牌一图) of the project whose QR code was scanned; no login needed. */
export default function BoardPage() {
  const { params } = useRouter();
  const [ref, setRef] = useState<string | null>(() => {
    const fromCode = decodeScene(params.scene) ?? decodeScene(params.id);
    if (fromCode) rememberProject(fromCode);
    return fromCode ?? lastProject();
  });
  const [board, setBoard] = useState<ProjectBoard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shownScene = useRef<string | null>(null);

  // The tab page stays alive: after "查看其他小区" picks another compound, show that one.
  useDidShow(() => {
    const last = lastProject();
    if (last && last !== shownScene.current && last !== ref) setRef(last);
  });

  useEffect(() => {
    if (!ref) return;
    setBoard(null);
    setError(null);
    fetchBoard(ref)
      .then((b) => {
        shownScene.current = b.sceneId;
        rememberProject(b.sceneId);
        setBoard(b);
        void Taro.setNavigationBarTitle({ title: b.overview.compoundName || '改造公示栏' });
      })
      .catch((e: unknown) =>
        setError(e instanceof ApiRequestError ? e.message : '公示栏加载失败，请稍后重试'),
      );
  }, [ref]);

  if (!ref) {
    return (
      <PageShell>
        <Text className="title">改造公示栏</Text>
        <View className="section">
          <Text className="block">请扫描小区施工现场公示栏上的二维码，或按街道、社区、小区名称查找。</Text>
          <BigButton
            kind="primary"
            onClick={() => void Taro.navigateTo({ url: '/board/pages/search/index' })}
          >
            查找我的小区
          </BigButton>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell loading={!board && !error} error={error}>
      {board && (
        <>
          <BoardHeader board={board} />
          <BoardOverview board={board} />
          <BoardContent board={board} />
          <BoardSchedule board={board} />
          <BoardPeople board={board} />
          <BoardSigns board={board} />
          <BoardProgress board={board} />
          <BoardComplaints board={board} />
          <BigButton onClick={() => void Taro.navigateTo({ url: '/board/pages/search/index' })}>
            查看其他小区
          </BigButton>
        </>
      )}
    </PageShell>
  );
}
