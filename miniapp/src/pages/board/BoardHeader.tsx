import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ProjectBoard } from '@jiugai/shared';
import { StatusTag } from '../../components/StatusTag';
import { BigButton } from '../../components/BigButton';

export function BoardHeader({ board }: { board: ProjectBoard }) {
  return (
    <View className="section">
      <Text className="title">{board.name}</Text>
      <View>
        <StatusTag label={`当前阶段：${board.stageLabel}`} tone="neutral" />
        {board.isDemonstration && <StatusTag label="示范项目" tone="good" />}
      </View>
      <Text className="block">总体进度 {board.percent}%</Text>
      <View className="progress" aria-hidden>
        <View className="progress-bar" style={{ width: `${board.percent}%` }} />
      </View>
      <BigButton kind="primary" onClick={() => void Taro.switchTab({ url: '/pages/participate/index' })}>
        填写意见 · 参与表决
      </BigButton>
      <BigButton
        onClick={() =>
          void Taro.navigateTo({ url: `/mine/pages/complaint-new/index?projectId=${board.projectId}` })
        }
      >
        我要投诉 / 提意见
      </BigButton>
    </View>
  );
}
