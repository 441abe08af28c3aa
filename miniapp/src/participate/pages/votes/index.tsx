import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { defaultClosedVoteDays, type MyVoteView, type Page } from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { BigButton } from '../../../components/BigButton';
import { fetchMe } from '../../../services/account';
import { myClosedVotes, myVotes } from '../../../services/votes';
import { OpenMatterCard } from '../../components/OpenMatterCard';
import { ClosedVoteCard } from './ClosedVoteCard';

/**
 * The resident's votes: the open ones with whether each household has voted, then the closed ones of the last
 * 180 days with their results (option counts only appear once a vote has closed).
 */
export default function VoteListPage() {
  const [items, setItems] = useState<MyVoteView[] | null>(null);
  const [closed, setClosed] = useState<Page<MyVoteView> | null>(null);
  const [bound, setBound] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [closedError, setClosedError] = useState(false);

  useDidShow(() => {
    Promise.all([fetchMe(), myVotes()])
      .then(([me, open]) => {
        setBound(me.households.length > 0);
        setItems(open);
      })
      .catch((e: Error) => setError(e.message));
    // Apart, so that a failure here never keeps the resident from the open votes.
    myClosedVotes()
      .then((page) => {
        setClosed(page);
        setClosedError(false);
      })
      .catch(() => setClosedError(true));
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
      <Text className="title">已结束的表决</Text>
      <Text className="block muted">
        近 {defaultClosedVoteDays} 天内结束的表决，点开可查看表决结果和我家的表决票。
      </Text>
      {closedError && <Text className="block">暂时无法读取已结束的表决，请稍后再试。</Text>}
      {closed?.items.length === 0 && (
        <Text className="block">近 {defaultClosedVoteDays} 天内没有已结束的表决。</Text>
      )}
      {closed?.items.map((v) => (
        <ClosedVoteCard key={v.id} vote={v} />
      ))}
      {closed && closed.total > closed.items.length && (
        <Text className="block muted">只列出最近结束的 {closed.items.length} 项。</Text>
      )}
    </PageShell>
  );
}
