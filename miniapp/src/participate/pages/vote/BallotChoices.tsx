import { Text, View } from '@tarojs/components';
import type { VoteOptionView } from '@jiugai/shared';
import { formatFen } from '../../../services/format';

/** The options as large cards: label, plain description, and the fee standard when there is one. */
export function BallotChoices({
  options,
  value,
  onChange,
}: {
  options: VoteOptionView[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <View>
      {options.map((o) => {
        const on = o.id === value;
        return (
          <View
            key={o.id}
            className={`choice ${on ? 'choice-on' : ''}`}
            onClick={() => onChange(o.id)}
            role="radio"
            aria-checked={on}
          >
            <Text className="choice-mark">{on ? '✓' : '○'}</Text>
            <View>
              <Text className="block">
                {o.label}
                {on ? '（已选）' : ''}
              </Text>
              {o.description && <Text className="block muted">{o.description}</Text>}
              {typeof o.feeFenPerSqmMonth === 'number' && (
                <Text className="block muted">收费标准：每月每平方米 {formatFen(o.feeFenPerSqmMonth)}</Text>
              )}
            </View>
          </View>
        );
      })}
    </View>
  );
}
