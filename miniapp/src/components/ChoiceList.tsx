import { Text, View } from '@tarojs/components';

/** A single choice among a few labelled values, as large cards; the pick is written out ("已选"). */
export function ChoiceList<T extends string>({
  options,
  value,
  onChange,
}: {
  /** `hint` lines are shown under the label in smaller text. */
  options: { value: T; label: string; hint?: string | string[] }[];
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
              {[o.hint ?? []].flat().map((line) => (
                <Text key={line} className="block muted">
                  {line}
                </Text>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
