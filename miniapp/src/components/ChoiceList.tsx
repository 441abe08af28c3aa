import { Text, View } from '@tarojs/components';

/** A single choice among a few labelled values, as large cards; the pick is written out ("已选"). */
export function ChoiceList<T extends string>({
  options,
  value,
  onChange,
}: {
  options: { value: T; label: string; hint?: string }[];
  value: T | '';
  onChange: (v: T) => void;
}) {
  return (
    <View role="radiogroup">
      {options.map((o) => {
        const on = o.value === value;
        return (
          <View
            key={o.value}
            className={`choice ${on ? 'choice-on' : ''}`}
            onClick={() => onChange(o.value)}
            role="radio"
            aria-checked={on}
          >
            <Text className="choice-mark">{on ? '✓' : '○'}</Text>
            <View>
              <Text className="block">
                {o.label}
                {on ? '（已选）' : ''}
              </Text>
              {o.hint && <Text className="block muted">{o.hint}</Text>}
            </View>
          </View>
        );
      })}
    </View>
  );
}
