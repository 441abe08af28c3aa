import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyVoteView, VoteView } from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { BigButton } from '../../../components/BigButton';
import { StatusTag } from '../../../components/StatusTag';
import { fetchMe } from '../../../services/account';
import { closedSeenVotes, myVotes } from '../../../services/votes';
import { formatDateTime } from '../../../services/format';
import { OpenMatterCard } from '../../components/OpenMatterCard';

/** Open votes for the resident's households, with whether each household has voted. */
export default function VoteListPage() {
  const [items, setItems] = useState<MyVoteView[] | null>(null);
  const [closed, setClosed] = useState<VoteView[]>([]);
  const [bound, setBound] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useDidShow(() => {
    Promise.all([fetchMe(), myVotes()])
      .then(([me, list]) => {
        setBound(me.households.length > 0);
        setItems(list);
        return closedSeenVotes(list.map((v) => v.id)).then(setClosed);
      })
      .catch((e: Error) => setError(e.message));
  });

  if (items && !bound) {
    return (
      <PageShell>
        <Text className="title">业主表决</Text>
        <Text className="block">表决按户进行，一户一票。请先绑定您的房屋，审核通过后即可投票。</Text>
        <BigButton kind="primary" onClick={() => void Taro.navigateTo({ url: '/mine/pages/bind/index' })}>
          去绑定房屋
        </BigButton>
      </PageShell>
    );
  }
  return (
    <PageShell loading={!items && !error} error={error}>
      <Text className="title">正在表决的事项</Text>
      {items?.length === 0 && <Text className="block">目前没有进行中的表决。开始时会通知您。</Text>}
      {items?.map((v) => (
        <OpenMatterCard
          key={v.id}
          title={v.title}
          closesAt={v.closesAt}
          url={`/participate/pages/vote/index?id=${v.id}`}
          households={v.households.map((h) => ({
            householdId: h.householdId,
            address: h.address,
            done: h.voted,
          }))}
          doneLabel="已投票"
          todoLabel="未投票"
          allDoneLink="查看 ›"
          todoLink="去投票 ›"
        />
      ))}
      {closed.length > 0 && <Text className="title">已结束的表决</Text>}
      {closed.map((v) => (
        <View
          key={v.id}
          className="section"
          onClick={() => void Taro.navigateTo({ url: `/participate/pages/vote/index?id=${v.id}` })}
        >
          <Text className="block" style={{ fontWeight: 700 }}>
            {v.title}
          </Text>
          <StatusTag label={v.statusLabel} tone="neutral" />
          <Text className="muted">结束于 {formatDateTime(v.closesAt)}</Text>
          <Text className="link block">查看表决结果 ›</Text>
        </View>
      ))}
    </PageShell>
  );
}
