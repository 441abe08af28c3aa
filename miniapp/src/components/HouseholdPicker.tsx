import { Text, View } from '@tarojs/components';
import { setCurrentHouseholdId } from '../services/account';

export interface HouseholdChoice {
  householdId: string;
  address: string;
  /** e.g. "已填写" / "已投票"; shown as words beside the address. */
  note?: string;
}

/** One household is shown as text; several are offered as large choices, and the pick is remembered. */
export function HouseholdPicker({
  choices,
  value,
  onChange,
  verb,
}: {
  choices: HouseholdChoice[];
  value: string;
  onChange: (id: string) => void;
  verb: string;
}) {
  if (choices.length === 0) return null;
  if (choices.length === 1) {
    const only = choices[0];
    return (
      <Text className="block muted">
        {verb}房屋：{only.address}
        {only.note ? `（${only.note}）` : ''}
      </Text>
    );
  }
  return (
    <View className="field">
      <Text className="field-label">
        您有 {choices.length} 套房屋，请选择为哪一户{verb}：
      </Text>
      {choices.map((c) => {
        const on = c.householdId === value;
        return (
          <View
            key={c.householdId}
            className={`choice ${on ? 'choice-on' : ''}`}
            onClick={() => {
              setCurrentHouseholdId(c.householdId);
              onChange(c.householdId);
            }}
          >
            <Text className="choice-mark">{on ? '✓' : '○'}</Text>
            <Text>
              {c.address}
              {c.note ? `（${c.note}）` : ''}
              {on ? ' · 已选' : ''}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
