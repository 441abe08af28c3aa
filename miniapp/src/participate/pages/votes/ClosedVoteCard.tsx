import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyVoteView } from '@jiugai/shared';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../services/format';
import { resultTone } from '../../../services/votes';

/** A closed vote in the resident's list: the result in words, when it ended, and what their households chose. */
export function ClosedVoteCard({ vote }: { vote: MyVoteView }) {
  return (
    <View
      className="section"
      onClick={() => void Taro.navigateTo({ url: `/participate/pages/vote/index?id=${vote.id}` })}
    >
      <Text className="block" style={{ fontWeight: 700 }}>
        {vote.title}
      </Text>
      <View className="block">
        <Text className="muted">结果：</Text>
        <StatusTag label={vote.resultLabel ?? vote.statusLabel} tone={resultTone(vote.result)} />
      </View>
      {vote.kind === 'choice' && vote.winningOptionLabel && (
        <Text className="block">通过的方案：{vote.winningOptionLabel}</Text>
      )}
      <Text className="block muted">结束时间：{formatDateTime(vote.closesAt)}</Text>
      {vote.households.map((h) => (
        <Text key={h.householdId} className="block muted">
          {h.address}：{!h.voted ? '未参加表决' : h.optionLabel ? `我家选择了「${h.optionLabel}」` : '已投票'}
        </Text>
      ))}
      <Text className="link">查看表决结果 ›</Text>
    </View>
  );
}
