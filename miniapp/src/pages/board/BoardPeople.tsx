import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ProjectBoard } from '@jiugai/shared';
import { Section } from '../../components/Section';

const call = (phoneNumber: string) => void Taro.makePhoneCall({ phoneNumber });

/** Responsible persons and the complaint phone; tapping a number dials it. */
export function BoardPeople({ board }: { board: ProjectBoard }) {
  return (
    <Section title="责任人与监督电话">
      {board.complaintPhone && (
        <View className="row">
          <Text className="row-label">投诉电话</Text>
          <Text className="link" onClick={() => call(board.complaintPhone)}>
            {board.complaintPhone}（点击拨打）
          </Text>
        </View>
      )}
      {board.responsiblePersons.map((p, i) => (
        <View key={i} className="row">
          <Text className="row-label">{p.role}</Text>
          <View className="row-value">
            <Text>{p.name} </Text>
            {p.phone && (
              <Text className="link" onClick={() => call(p.phone!)}>
                {p.phone}（拨打）
              </Text>
            )}
          </View>
        </View>
      ))}
    </Section>
  );
}
