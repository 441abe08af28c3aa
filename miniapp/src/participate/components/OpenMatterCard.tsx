import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../services/format';

export interface HouseholdState {
  householdId: string;
  address: string;
  done: boolean;
}

interface Props {
  title: string;
  closesAt: string;
  /** Page opened on a tap. */
  url: string;
  households: HouseholdState[];
  /** Tag words for a household that has / hasn't taken part, e.g. 已填写 / 未填写. */
  doneLabel: string;
  todoLabel: string;
  /** Link words once every household has taken part, and before. */
  allDoneLink: string;
  todoLink: string;
}

/** An open survey or vote in the resident's list, with each of their households' state in words. */
export function OpenMatterCard(p: Props) {
  const allDone = p.households.every((h) => h.done);
  return (
    <View className="section" onClick={() => void Taro.navigateTo({ url: p.url })}>
      <Text className="block" style={{ fontWeight: 700 }}>
        {p.title}
      </Text>
      <Text className="block muted">截止时间：{formatDateTime(p.closesAt)}</Text>
      {p.households.map((h) => (
        <View key={h.householdId}>
          <StatusTag label={h.done ? p.doneLabel : p.todoLabel} tone={h.done ? 'good' : 'warn'} />
          <Text className="muted">{h.address}</Text>
        </View>
      ))}
      <Text className="link">{allDone ? p.allDoneLink : p.todoLink}</Text>
    </View>
  );
}
